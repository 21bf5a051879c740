import type { Metadata } from 'next';
import { clusterRefSchema, tenantIdSchema } from '@/lib/azure/resource-names';
import { operationIdSchema } from '@/lib/rollout/handle-schema';
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
 * The rollout view: `/clusters/{sub}/{rg}/{name}/rollout?op={operationId}&since={ISO}[&tenant=]`. The URL carries
 * only what anyone with access can use; the caller's private handle stays in their browser. `tenant` picks the
 * token's tenant for another tenant's cluster.
 */
export default async function RolloutPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await params;
  const query = await searchParams;
  const cluster = clusterRefSchema.safeParse({
    subscriptionId: raw.subscriptionId,
    resourceGroup: decodeSegment(raw.resourceGroup),
    name: decodeSegment(raw.name),
  });
  if (!cluster.success) {
    return <ErrorAlert title="Not a cluster address">{cluster.error.issues[0]?.message}</ErrorAlert>;
  }
  const op = single(query.op);
  const since = single(query.since);
  const operationId = op === undefined ? null : operationIdSchema.safeParse(op);
  const sinceOk = since === undefined || !Number.isNaN(Date.parse(since));
  if ((operationId && !operationId.success) || !sinceOk) {
    return (
      <ErrorAlert title="This rollout link cannot be used">
        <span data-testid="rollout-refused">
          The rollout link is damaged (
          {operationId && !operationId.success ? 'op is not an operation id' : 'since is not a date'}).
        </span>{' '}
        Open the cluster&apos;s rollout view without the link to see its pools and machines.
      </ErrorAlert>
    );
  }
  const tenant = tenantIdSchema.safeParse(single(query.tenant));
  return (
    <RolloutView
      cluster={cluster.data}
      operationId={operationId?.success ? operationId.data.toLowerCase() : null}
      since={since ?? null}
      tenantId={tenant.success ? tenant.data : undefined}
    />
  );
}
