'use client';
import Link from 'next/link';
import { ArrowDown, ArrowUp, ArrowUpDown, ShieldAlert } from 'lucide-react';
import type { ClusterRow } from '@/lib/inventory/cluster-row';
import { relativeExpiry } from '@/lib/inventory/expiry';
import type { InventoryView, SortKey } from '@/lib/inventory/view';
import { ExpiryBadge } from '@/components/ui/ExpiryBadge';
import { Badge } from '@/components/ui/Badge';
import { ProvisioningState } from './ProvisioningState';

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Cluster' },
  { key: 'resourceGroup', label: 'Resource group' },
  { key: 'subscription', label: 'Subscription' },
  { key: 'location', label: 'Location' },
  { key: 'kubernetesVersion', label: 'Kubernetes' },
  { key: 'provisioningState', label: 'State' },
  { key: 'caCount', label: 'Custom CAs' },
  { key: 'expiry', label: 'Earliest CA expiry' },
  { key: 'nodes', label: 'Node pools' },
];

export function clusterHref(row: Pick<ClusterRow, 'subscriptionId' | 'resourceGroup' | 'name'>): string {
  return `/clusters/${row.subscriptionId}/${encodeURIComponent(row.resourceGroup)}/${encodeURIComponent(row.name)}`;
}

function SortHeader({
  column,
  view,
  onSort,
}: {
  column: (typeof COLUMNS)[number];
  view: InventoryView;
  onSort: (key: SortKey) => void;
}) {
  const active = view.sort === column.key;
  const Icon = !active ? ArrowUpDown : view.dir === 'asc' ? ArrowUp : ArrowDown;
  return (
    <th
      scope="col"
      aria-sort={active ? (view.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      className="px-2 py-2 text-left font-semibold"
    >
      <button
        type="button"
        onClick={() => onSort(column.key)}
        className="inline-flex items-center gap-1 rounded hover:underline"
      >
        {column.label}
        <Icon aria-hidden="true" className="h-3.5 w-3.5" />
      </button>
    </th>
  );
}

export function ClusterTable({
  rows,
  view,
  onSort,
  now,
}: {
  rows: ClusterRow[];
  view: InventoryView;
  onSort: (key: SortKey) => void;
  now: Date;
}) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 dark:border-slate-800">
      <table className="min-w-full text-sm" aria-label="AKS clusters">
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            {COLUMNS.map((column) => (
              <SortHeader key={column.key} column={column} view={view} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              className="border-t border-slate-200 align-top dark:border-slate-800"
              data-testid="cluster-row"
              data-cluster={row.name}
            >
              <th scope="row" className="px-2 py-2 text-left font-medium">
                {/* ARM tokens are tenant-scoped: the cluster page asks for a token of the cluster's tenant. */}
                <Link
                  href={`${clusterHref(row)}${row.tenantId ? `?tenant=${row.tenantId}` : ''}`}
                  className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300"
                >
                  {row.name}
                </Link>
              </th>
              <td className="px-2 py-2">{row.resourceGroup}</td>
              <td className="px-2 py-2">{row.subscriptionName}</td>
              <td className="px-2 py-2">{row.location}</td>
              <td className="px-2 py-2">{row.kubernetesVersion}</td>
              <td className="px-2 py-2">
                <ProvisioningState state={row.provisioningState} powerState={row.powerState} />
                {row.provisioningState === 'Updating' && (
                  <Link
                    href={`${clusterHref(row)}/rollout${row.tenantId ? `?tenant=${row.tenantId}` : ''}`}
                    className="mt-1 block text-xs text-blue-700 underline underline-offset-2 dark:text-blue-300"
                  >
                    Watch rollout<span className="sr-only"> on {row.name}</span>
                  </Link>
                )}
              </td>
              <td className="px-2 py-2" data-testid="ca-count">
                <span className="inline-flex items-center gap-1">
                  {row.caCount}
                  {row.caErrorCount > 0 && (
                    <Badge tone="danger" title={row.caProblems.join(' ')}>
                      <ShieldAlert aria-hidden="true" className="h-3.5 w-3.5" />
                      {row.caErrorCount} problem{row.caErrorCount === 1 ? '' : 's'}
                    </Badge>
                  )}
                </span>
              </td>
              <td className="px-2 py-2" data-testid="earliest-expiry">
                {row.earliestExpiry ? (
                  <span className="flex flex-col gap-0.5">
                    <span className="inline-flex items-center gap-1">
                      <ExpiryBadge status={row.earliestExpiry.status} />
                      <time
                        dateTime={row.earliestExpiry.notAfter}
                        title={new Date(row.earliestExpiry.notAfter).toUTCString()}
                      >
                        {relativeExpiry(row.earliestExpiry.notAfter, now)}
                      </time>
                    </span>
                    <span className="text-xs text-slate-600 dark:text-slate-400">{row.earliestExpiry.displayName}</span>
                  </span>
                ) : (
                  <span className="text-slate-600 dark:text-slate-400">No custom CA</span>
                )}
              </td>
              <td className="px-2 py-2">
                <span className="inline-flex flex-wrap items-center gap-1">
                  {row.linuxPoolCount} Linux{row.windowsPoolCount > 0 && `, ${row.windowsPoolCount} Windows`} ·{' '}
                  {row.nodeCount} node{row.nodeCount === 1 ? '' : 's'}
                  {row.windowsPoolCount > 0 && (
                    <Badge tone="warning" title="Windows node pools do not receive custom CAs">
                      Windows pools get no custom CAs
                    </Badge>
                  )}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
