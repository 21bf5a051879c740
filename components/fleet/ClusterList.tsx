'use client';
import Link from 'next/link';
import type { FleetClusterRef } from '@/lib/fleet';
import { clusterPageHref } from '@/lib/clusters/links';

/** Clusters as links to their pages, with where they live. */
export function ClusterList({
  clusters,
  testId,
  empty,
}: {
  clusters: FleetClusterRef[];
  testId: string;
  empty: string;
}) {
  if (clusters.length === 0) return <p className="text-sm text-slate-700 dark:text-slate-300">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded border border-slate-300 dark:divide-slate-800 dark:border-slate-700">
      {clusters.map((cluster) => (
        <li key={cluster.id} className="px-3 py-2 text-sm" data-testid={testId} data-cluster={cluster.name}>
          <Link
            href={clusterPageHref(cluster, cluster.tenantId)}
            className="font-medium break-all text-blue-800 underline dark:text-blue-300"
          >
            {cluster.name}
          </Link>
          <span className="block [overflow-wrap:anywhere] text-slate-700 dark:text-slate-300">
            {cluster.resourceGroup} · {cluster.subscriptionName} · {cluster.tenantName}
          </span>
        </li>
      ))}
    </ul>
  );
}
