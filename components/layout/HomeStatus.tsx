'use client';
import { useAuth } from '@/components/auth/auth-context';

export function HomeStatus() {
  const { state, signIn } = useAuth();
  if (state.status === 'loading') return <p className="text-slate-600 dark:text-slate-400">Checking sign-in…</p>;
  if (state.status === 'signed-out') {
    return (
      <div className="space-y-3">
        {state.error && (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
            {state.error}
          </p>
        )}
        <button type="button" onClick={() => void signIn()} className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800">
          Sign in to see your clusters
        </button>
      </div>
    );
  }
  return (
    <p data-testid="welcome">
      Welcome, <strong>{state.account.name}</strong>. Tenant <span className="font-mono">{state.account.tenantId}</span>.
    </p>
  );
}
