/**
 * `GET {cluster or resource group}/providers/Microsoft.Authorization/permissions` (api-version 2022-04-01,
 * azure-facts §13): the caller's permissions there, one entry per role assignment at or above the scope.
 */
import type { Context } from 'hono';
import type { ArmContext, ArmEnv } from '../context';
import { wrongTenant } from '../http/access';
import { ArmError, messages } from '../http/errors';
import { assignmentsFor, isWithin } from '../http/rbac';
import { json } from '../http/respond';
import { ROLE_PERMISSIONS } from '../http/roles';
import type { Router } from '../http/router';
import { clusterIdOf, resourceGroupId } from '../state/ids';
import { CLUSTER_PATH } from './clusterRead';
import { requireResourceGroup } from './lookup';

const PERMISSIONS = 'providers/Microsoft.Authorization/permissions';

function permissionsAt(ctx: ArmContext, c: Context<ArmEnv>, sub: string, rg: string, scope: string): Response {
  const principal = c.get('principal');
  const subscription = ctx.store.subscription(sub);
  if (!subscription) throw new ArmError(404, 'SubscriptionNotFound', messages.subscriptionNotFound(sub));
  if (subscription.tenantId.toLowerCase() !== principal.tenantId.toLowerCase())
    throw wrongTenant(ctx, principal, subscription);
  requireResourceGroup(ctx, sub, rg);
  const applying = assignmentsFor(principal.objectId, ctx.store.state.extraRoleAssignments).filter((a) =>
    isWithin(scope, a.scope),
  );
  return json(c, 200, { value: applying.map((a) => ROLE_PERMISSIONS[a.role]) });
}

export function permissionRoutes(router: Router, ctx: ArmContext): void {
  router.on('GET', `${CLUSTER_PATH}/${PERMISSIONS}`, (c, p) =>
    permissionsAt(ctx, c, p.sub!, p.rg!, clusterIdOf(p.sub!, p.rg!, p.name!)),
  );
  router.on('GET', `/subscriptions/:sub/resourceGroups/:rg/${PERMISSIONS}`, (c, p) =>
    permissionsAt(ctx, c, p.sub!, p.rg!, resourceGroupId(p.sub!, p.rg!)),
  );
}
