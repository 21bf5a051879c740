'use client';
import Link from 'next/link';
import { useAuth } from '@/components/auth/auth-context';

export function AppHeader({ environmentLabel }: { environmentLabel: string }) {
  const { state, signIn, signOut } = useAuth();
  return (
    <header className="border-b border-slate-200 dark:border-slate-800">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:bg-white focus:p-2 dark:focus:bg-slate-900"
      >
        Skip to content
      </a>
      <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div className="flex flex-wrap items-center gap-3">
          <Link href="/" className="text-lg font-semibold">
            AKS CA trust
          </Link>
          <span
            className="rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 dark:border-slate-700 dark:text-slate-300"
            data-testid="environment"
          >
            {environmentLabel}
          </span>
          <nav aria-label="Main">
            <ul className="flex gap-3 text-sm">
              <li>
                <Link href="/" className="underline-offset-2 hover:underline">
                  Clusters
                </Link>
              </li>
              <li>
                <Link href="/cas" className="underline-offset-2 hover:underline">
                  CA index
                </Link>
              </li>
            </ul>
          </nav>
        </div>
        {/* As tall as its buttons in every state: the header keeps its height when sign-in resolves (no shift). */}
        <div className="flex min-h-[2.125rem] items-center gap-3 text-sm" aria-live="polite">
          {state.status === 'signed-in' && (
            <>
              <span data-testid="signed-in-as">
                Signed in as <strong>{state.account.name}</strong>
                <span className="sr-only"> ({state.account.username})</span>
              </span>
              <button
                type="button"
                onClick={() => void signIn()}
                className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
              >
                Switch account
              </button>
              <button
                type="button"
                onClick={() => void signOut()}
                className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
              >
                Sign out
              </button>
            </>
          )}
          {state.status === 'signed-out' && (
            <button
              type="button"
              onClick={() => void signIn()}
              className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800"
            >
              Sign in
            </button>
          )}
          {state.status === 'loading' && <span className="text-slate-600 dark:text-slate-400">Checking sign-in…</span>}
        </div>
      </div>
    </header>
  );
}
