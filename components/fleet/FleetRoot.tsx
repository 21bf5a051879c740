'use client';
import { useMemo, type ReactNode } from 'react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { RefreshCw } from 'lucide-react';
import { buildCaIndex } from '@/lib/fleet';
import { useAuth } from '@/components/auth/auth-context';
import { useMinuteClock } from '@/components/clusters/use-cluster-rows';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/components/ui/buttons';
import { FleetContext, type FleetApi } from './fleet-context';
import { FleetLoadIssues } from './FleetLoadIssues';
import { useFleetClusters } from './fleet-clusters';
import { useFleetLoad } from './use-fleet-load';

const TABS = [
  { href: '/cas', label: 'CA index' },
  { href: '/cas/expiring', label: 'Expiring' },
  { href: '/fleet/new', label: 'Plan a change' },
];

function isCurrent(href: string, pathname: string): boolean {
  if (href === '/cas') return pathname === '/cas' || (pathname.startsWith('/cas/') && pathname !== '/cas/expiring');
  if (href === '/fleet/new') return pathname.startsWith('/fleet/');
  return pathname === href;
}

/** The fleet pages' frame: sign-in, the fleet loaded once for all of them, their tabs and the load status. */
export function FleetRoot({ children }: { children: ReactNode }) {
  const { state: auth, signIn } = useAuth();
  if (auth.status !== 'signed-in') {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">Fleet CA index</h1>
        {auth.status === 'loading' ? (
          <p>Checking sign-in…</p>
        ) : (
          <button type="button" className={PRIMARY_BUTTON} onClick={() => void signIn()}>
            Sign in to see your fleet
          </button>
        )}
      </div>
    );
  }
  return <SignedInFleet homeTenantId={auth.account.tenantId}>{children}</SignedInFleet>;
}

function SignedInFleet({ homeTenantId, children }: { homeTenantId: string; children: ReactNode }) {
  const pathname = usePathname();
  const { state, refresh } = useFleetLoad(homeTenantId);
  const now = useMinuteClock();
  const { clusters, decoding } = useFleetClusters(state, now);
  const index = useMemo(() => buildCaIndex(clusters, now), [clusters, now]);
  const loading = state.phase !== 'done' || decoding;
  const fleet: FleetApi = useMemo(
    () => ({ load: state, clusters, index, loading, now, refresh: () => void refresh() }),
    [state, clusters, index, loading, now, refresh],
  );
  const subscriptions = state.tenants.flatMap((t) => t.subscriptions);
  const answered = subscriptions.filter((s) => s.status !== 'loading').length;

  return (
    <FleetContext.Provider value={fleet}>
      <div className="space-y-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <nav aria-label="Fleet views">
            <ul className="flex flex-wrap gap-2">
              {TABS.map((tab) => {
                const current = isCurrent(tab.href, pathname);
                return (
                  <li key={tab.href}>
                    <Link
                      href={tab.href}
                      aria-current={current ? 'page' : undefined}
                      className={`inline-block rounded border px-3 py-1.5 text-sm ${current ? 'border-blue-700 bg-blue-50 font-semibold text-blue-900 dark:border-blue-400 dark:bg-blue-950 dark:text-blue-100' : 'border-slate-400 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800'}`}
                    >
                      {tab.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <button type="button" className={SECONDARY_BUTTON} onClick={() => void refresh()} disabled={loading}>
            <RefreshCw aria-hidden="true" className={`h-4 w-4 ${loading ? 'animate-spin' : ''}`} /> Refresh
          </button>
        </div>
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300" data-testid="fleet-status">
          {loading
            ? `Loading the fleet: ${answered} of ${subscriptions.length || '…'} subscriptions answered.`
            : `${clusters.length} cluster${clusters.length === 1 ? '' : 's'} in ${subscriptions.length} subscription${subscriptions.length === 1 ? '' : 's'} of ${state.tenants.length} tenant${state.tenants.length === 1 ? '' : 's'}; ${index.length} distinct CA${index.length === 1 ? '' : 's'}.`}
        </p>
        <FleetLoadIssues tenants={state.tenants} />
        {children}
      </div>
    </FleetContext.Provider>
  );
}
