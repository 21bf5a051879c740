'use client';
import { LogIn, RotateCw } from 'lucide-react';
import { ErrorAlert } from '@/components/ui/Alert';
import type { TenantLoad } from './use-inventory';

const buttonClass =
  'inline-flex items-center gap-1 rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';

/**
 * Tenants that did not load: one that needs the user (MFA, consent) offers "Sign in to this tenant", one that
 * failed shows its own error and a retry. Tenants that load say nothing here; their clusters are in the table.
 */
export function TenantList({
  tenants,
  onSignIn,
  onRetry,
}: {
  tenants: TenantLoad[];
  onSignIn: (tenantId: string) => void;
  onRetry: (tenantId: string) => void;
}) {
  const attention = tenants.filter((t) => t.status === 'sign-in-required' || t.status === 'failed');
  if (attention.length === 0) return null;
  return (
    <ul className="space-y-2" aria-label="Tenants that need attention">
      {attention.map(({ summary, status, error }) => (
        <li key={summary.tenantId} data-testid="tenant" data-tenant={summary.displayName}>
          {status === 'sign-in-required' ? (
            <div className="flex flex-wrap items-center justify-between gap-3 rounded border border-amber-400 bg-amber-50 p-3 text-sm dark:border-amber-600 dark:bg-amber-950">
              <p>
                <span className="font-semibold">{summary.displayName}</span> needs you to sign in again (for example
                multi-factor authentication or consent) before its clusters can be listed.
                {error?.message && (
                  <span className="block text-xs text-slate-700 dark:text-slate-300">{error.message}</span>
                )}
              </p>
              <button type="button" className={buttonClass} onClick={() => onSignIn(summary.tenantId)}>
                <LogIn aria-hidden="true" className="h-3.5 w-3.5" /> Sign in to this tenant
                <span className="sr-only"> ({summary.displayName})</span>
              </button>
            </div>
          ) : (
            <div className="space-y-2">
              <ErrorAlert title={`Tenant ${summary.displayName} could not be loaded`}>{error?.message}</ErrorAlert>
              <button type="button" className={buttonClass} onClick={() => onRetry(summary.tenantId)}>
                <RotateCw aria-hidden="true" className="h-3.5 w-3.5" /> Retry {summary.displayName}
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
