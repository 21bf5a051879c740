/**
 * VMSS VMs of the node resource groups (`MC_{rg}_{name}_{location}`), as Microsoft.Compute serves them: the
 * per-node signal `latestModelApplied` / `provisioningState` (azure-facts §13). RBAC at the node resource group:
 * a Contributor on the cluster's own resource group cannot read them.
 */
import type { Context } from 'hono';
import type { ArmContext, ArmEnv } from '../context';
import { authorize } from '../http/access';
import { ArmError } from '../http/errors';
import { paged } from '../http/paging';
import { json } from '../http/respond';
import type { Params, Router } from '../http/router';
import { nodeResourceGroup, resourceGroupId, vmssName } from '../state/ids';
import type { ClusterView, PoolView } from '../state/types';
import { wireVmssVm } from '../wire/vmss';

const VMSS = '/subscriptions/:sub/resourceGroups/:rg/providers/Microsoft.Compute/virtualMachineScaleSets/:vmss';
export const VM_READ = 'Microsoft.Compute/virtualMachineScaleSets/virtualMachines/read';

function notFound(type: string, rg: string): ArmError {
  return new ArmError(
    404,
    'ResourceNotFound',
    `The Resource '${type}' under resource group '${rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    { 'x-ms-failure-cause': 'gateway' },
  );
}

function findScaleSet(
  ctx: ArmContext,
  sub: string,
  rg: string,
  vmss: string,
): { cluster: ClusterView; pool: PoolView } {
  const cluster = ctx.store.clustersIn(sub).find((c) => nodeResourceGroup(c).toLowerCase() === rg.toLowerCase());
  if (!cluster) throw new ArmError(404, 'ResourceGroupNotFound', `Resource group '${rg}' could not be found.`);
  const pool = cluster.pools.find(
    (p) => p.type === 'VirtualMachineScaleSets' && vmssName(p).toLowerCase() === vmss.toLowerCase(),
  );
  if (!pool) throw notFound(`Microsoft.Compute/virtualMachineScaleSets/${vmss}`, rg);
  return { cluster, pool };
}

export function computeRoutes(router: Router, ctx: ArmContext): void {
  const lookup = (c: Context<ArmEnv>, p: Params) => {
    authorize(ctx, c.get('principal'), {
      subscriptionId: p.sub!,
      scope: resourceGroupId(p.sub!, p.rg!),
      action: VM_READ,
    });
    return findScaleSet(ctx, p.sub!, p.rg!, p.vmss!);
  };

  router.on('GET', `${VMSS}/virtualMachines`, (c, p) => {
    const { cluster, pool } = lookup(c, p);
    return json(
      c,
      200,
      paged(c, ctx, pool.machines, (m) => wireVmssVm(cluster, pool, m), ctx.settings.machinePageSize),
    );
  });

  router.on('GET', `${VMSS}/virtualMachines/:instance`, (c, p) => {
    const { cluster, pool } = lookup(c, p);
    const machine = pool.machines.find((m) => String(m.instance) === p.instance);
    if (!machine)
      throw notFound(`Microsoft.Compute/virtualMachineScaleSets/${p.vmss}/virtualMachines/${p.instance}`, p.rg!);
    return json(c, 200, wireVmssVm(cluster, pool, machine));
  });
}
