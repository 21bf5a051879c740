import type { Metadata } from 'next';
import { clusterRefSchema, tenantIdSchema } from '@/lib/azure/resource-names';
import { decodeRolloutHandle } from '@/lib/rollout/handle';
import { ErrorAlert } from '@/components/ui/Alert';
import { RolloutView } from '@/components/rollout/RolloutView';

export const metadata: Metadata = { title: 'Rollout · AKS CA trust' };

interface Params {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The rollout view. The URL carries everything needed to resume: the cluster in the path and the rollout handle
 * in `h` (absent for a rollout started elsewhere). `tenant` picks the token's tenant for another tenant's cluster.
 */
export default async function RolloutPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await params;
  const query = await searchParams;
  const cluster = clusterRefSchema.safeParse({ subscriptionId: raw.subscriptionId, resourceGroup: decodeSegment(raw.resourceGroup), name: decodeSegment(raw.name) });
  if (!cluster.success) {
    return <ErrorAlert title="Not a cluster address">{cluster.error.issues[0]?.message}</ErrorAlert>;
  }
  const encodedHandle = single(query.h) ?? null;
  const decoded = encodedHandle ? decodeRolloutHandle(encodedHandle) : null;
  if (decoded && !decoded.ok) {
    return (
      <ErrorAlert title="This rollout link cannot be used">
        <span data-testid="rollout-refused">{decoded.message}</span> Open the cluster&apos;s rollout view without the link to see its pools and machines.
      </ErrorAlert>
    );
  }
  const tenant = tenantIdSchema.safeParse(single(query.tenant));
  return <RolloutView cluster={cluster.data} encodedHandle={encodedHandle} handle={decoded?.ok ? decoded.handle : null} tenantId={tenant.success ? tenant.data : undefined} />;
}
