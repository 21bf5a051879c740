'use client';
import { memo } from 'react';
import Link from 'next/link';
import { ShieldAlert } from 'lucide-react';
import type { ClusterRow } from '@/lib/inventory/cluster-row';
import { relativeExpiry } from '@/lib/inventory/expiry';
import { ExpiryBadge } from '@/components/ui/ExpiryBadge';
import { Badge } from '@/components/ui/Badge';
import { ProvisioningState } from './ProvisioningState';
import { clusterHref } from './cluster-href';
import { DriftBadge } from './BaselineDrift';

const wide = 'hidden px-2 py-2 md:table-cell [overflow-wrap:anywhere]';
const cell = 'px-2 py-2 [overflow-wrap:anywhere]';

/**
 * One cluster. Links do not prefetch: a fleet's table would otherwise fetch a route per row scrolled past; the
 * cluster page loads its data on arrival anyway.
 */
export const ClusterTableRow = memo(function ClusterTableRow({
  row,
  index,
  now,
  measure,
}: {
  row: ClusterRow;
  index: number;
  now: Date;
  measure: (element: Element | null) => void;
}) {
  // ARM tokens are tenant-scoped: the cluster page asks for a token of the cluster's tenant.
  const tenantQuery = row.tenantId ? `?tenant=${row.tenantId}` : '';
  return (
    <tr
      ref={measure}
      data-index={index}
      aria-rowindex={index + 2}
      className="border-t border-slate-200 align-top dark:border-slate-800"
      data-testid="cluster-row"
      data-cluster={row.name}
      data-tenant={row.tenantName}
    >
      <th scope="row" className={`${cell} text-left font-medium`}>
        <Link
          href={`${clusterHref(row)}${tenantQuery}`}
          prefetch={false}
          className="text-blue-700 underline underline-offset-2 dark:text-blue-300"
        >
          {row.name}
        </Link>
        {/* Below 768 px the secondary columns fold in here. */}
        <span className="mt-0.5 block text-xs font-normal text-slate-700 md:hidden dark:text-slate-300">
          {row.resourceGroup} · {row.subscriptionName} · {row.tenantName}
        </span>
        <span className="mt-0.5 block text-xs font-normal md:hidden">
          <ProvisioningState state={row.provisioningState} powerState={row.powerState} />
        </span>
        {row.windowsAgentPoolCount > 0 && (
          <span className="mt-0.5 block font-normal md:hidden">
            <WindowsNote />
          </span>
        )}
      </th>
      <td className={wide}>{row.tenantName}</td>
      <td className={wide}>{row.resourceGroup}</td>
      <td className={wide}>{row.subscriptionName}</td>
      <td className={wide}>{row.location}</td>
      <td className={wide}>{row.kubernetesVersion}</td>
      <td className={wide}>
        <ProvisioningState state={row.provisioningState} powerState={row.powerState} />
        {row.provisioningState === 'Updating' && (
          <Link
            href={`${clusterHref(row)}/rollout${tenantQuery}`}
            prefetch={false}
            className="mt-1 block text-xs text-blue-700 underline underline-offset-2 dark:text-blue-300"
          >
            Watch rollout<span className="sr-only"> on {row.name}</span>
          </Link>
        )}
      </td>
      <td className={cell} data-testid="ca-count">
        <span className="inline-flex flex-wrap items-center gap-1">
          {row.caCount}
          {row.caErrorCount > 0 && (
            <Badge tone="danger" title={row.caProblems.join(' ')}>
              <ShieldAlert aria-hidden="true" className="h-3.5 w-3.5" />
              {row.caErrorCount} problem{row.caErrorCount === 1 ? '' : 's'}
            </Badge>
          )}
          <DriftBadge row={row} />
        </span>
      </td>
      <td className={cell} data-testid="earliest-expiry">
        {row.earliestExpiry ? (
          <span className="flex flex-col gap-0.5">
            <span className="inline-flex flex-wrap items-center gap-1">
              <ExpiryBadge status={row.earliestExpiry.status} />
              <time dateTime={row.earliestExpiry.notAfter} title={new Date(row.earliestExpiry.notAfter).toUTCString()}>
                {relativeExpiry(row.earliestExpiry.notAfter, now)}
              </time>
            </span>
            <span className="text-xs text-slate-600 dark:text-slate-400">{row.earliestExpiry.displayName}</span>
          </span>
        ) : (
          <span className="text-slate-600 dark:text-slate-400">No custom CA</span>
        )}
      </td>
      <td className={wide}>
        <span className="inline-flex flex-wrap items-center gap-1">
          {row.linuxAgentPoolCount} Linux{row.windowsAgentPoolCount > 0 && `, ${row.windowsAgentPoolCount} Windows`} ·{' '}
          {row.machineCount} node{row.machineCount === 1 ? '' : 's'}
          {row.windowsAgentPoolCount > 0 && <WindowsNote />}
        </span>
      </td>
    </tr>
  );
});

/** Like the warning badge, but it wraps: the node-pool column is narrow. */
function WindowsNote() {
  return (
    <span
      title="Windows node pools do not receive custom CAs"
      className="inline-block rounded border border-amber-700 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:border-amber-400 dark:text-amber-200"
    >
      Windows pools get no custom CAs
    </span>
  );
}

/** Reserved space while the inventory loads: the height of a row, nothing to read. */
export function SkeletonRow({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" style={{ height }} className="border-t border-slate-200 dark:border-slate-800">
      <td colSpan={columns} className="px-2 py-2">
        <span className="block h-4 w-2/3 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      </td>
    </tr>
  );
}
