'use client';
import { Suspense, type ReactNode } from 'react';
import { useAuth } from '@/components/auth/auth-context';
import { ErrorAlert } from '@/components/ui/Alert';
import { InventoryView } from '@/components/clusters/InventoryView';

/** Signed out: the introduction and a sign-in button. Signed in: the fleet inventory. */
export function HomeStatus({ introduction }: { introduction: ReactNode }) {
  const { state, signIn } = useAuth();
  if (state.status === 'signed-in') {
    return (
      <Suspense>
        <InventoryView homeTenantId={state.account.tenantId} />
      </Suspense>
    );
  }
  return (
    <div className="space-y-6">
      {introduction}
      {state.status === 'loading' && <p className="text-slate-600 dark:text-slate-400">Checking sign-in…</p>}
      {state.status === 'signed-out' && (
        <div className="space-y-3">
          {state.error && <ErrorAlert>{state.error}</ErrorAlert>}
          <button
            type="button"
            onClick={() => void signIn()}
            className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800"
          >
            Sign in to see your clusters
          </button>
        </div>
      )}
    </div>
  );
}
