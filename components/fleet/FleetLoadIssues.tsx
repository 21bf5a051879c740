'use client';
import { needsSignIn } from '@/components/clusters/client-error';
import { useAuth } from '@/components/auth/auth-context';
import { PRIMARY_BUTTON } from '@/components/ui/buttons';
import type { TenantLoad } from './use-fleet-load';

/**
 * What the fleet views do not cover: a tenant that needs the user (with its own sign-in button) or failed, and
 * subscriptions that could not be read. Everything else is listed regardless.
 */
export function FleetLoadIssues({ tenants }: { tenants: TenantLoad[] }) {
  const { reauthenticate } = useAuth();
  const issues = tenants.flatMap((load) => {
    const failedSubscriptions = load.subscriptions.filter((s) => s.status === 'failed');
    return load.status === 'failed' || failedSubscriptions.length > 0 ? [{ load, failedSubscriptions }] : [];
  });
  if (issues.length === 0) return null;
  return (
    <section
      aria-label="Not included"
      className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-50"
      data-testid="fleet-issues"
    >
      <p className="font-semibold">These are not included in the lists below:</p>
      <ul className="space-y-2">
        {issues.map(({ load, failedSubscriptions }) => (
          <li key={load.tenant.tenantId} data-tenant={load.tenant.displayName}>
            {load.status === 'failed' ? (
              <div className="space-y-1">
                <p>
                  Tenant <strong className="[overflow-wrap:anywhere]">{load.tenant.displayName}</strong>:{' '}
                  {load.error?.message ?? 'could not be read.'}
                </p>
                {needsSignIn(load.error) && (
                  <button
                    type="button"
                    className={PRIMARY_BUTTON}
                    onClick={() => void reauthenticate(load.tenant.tenantId)}
                  >
                    Sign in to this tenant
                    <span className="sr-only"> ({load.tenant.displayName})</span>
                  </button>
                )}
              </div>
            ) : (
              <ul className="list-disc pl-5">
                {failedSubscriptions.map((s) => (
                  <li key={s.summary.subscriptionId}>
                    Subscription <strong className="[overflow-wrap:anywhere]">{s.summary.displayName}</strong> (
                    {load.tenant.displayName}): {s.error?.message ?? 'could not be read.'}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
