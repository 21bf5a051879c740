import { notFound } from 'next/navigation';
import { clusterRefSchema, tenantIdSchema } from '@/lib/azure/resource-names';
import { ClusterPage } from '@/components/clusters/ClusterPage';

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ subscriptionId: string; resourceGroup: string; name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { subscriptionId, resourceGroup, name } = await params;
  const cluster = clusterRefSchema.safeParse({
    subscriptionId,
    resourceGroup: decodeURIComponent(resourceGroup),
    name: decodeURIComponent(name),
  });
  if (!cluster.success) notFound();
  const tenant = tenantIdSchema.safeParse((await searchParams).tenant);
  return <ClusterPage cluster={cluster.data} tenantId={tenant.success ? tenant.data : undefined} />;
}
