/** Who may use an operation URL at all: the subscription exists and the token is from its tenant (RBAC is not asked: the signed `h` binds the URL to its caller). */
import type { Principal } from '../../contract';
import type { ArmContext } from '../context';
import { authorizationFailed, wrongTenant } from '../http/access';
import { ArmError, messages } from '../http/errors';
import { assignmentsFor, hasAnyRoleIn } from '../http/rbac';
import type { SubscriptionView } from '../state/types';

export function subscriptionOfCaller(ctx: ArmContext, principal: Principal, subscriptionId: string): SubscriptionView {
  const sub = ctx.store.subscription(subscriptionId);
  if (!sub) throw new ArmError(404, 'SubscriptionNotFound', messages.subscriptionNotFound(subscriptionId));
  if (sub.tenantId.toLowerCase() !== principal.tenantId.toLowerCase()) throw wrongTenant(ctx, principal, sub);
  if (!hasAnyRoleIn(assignmentsFor(principal.objectId, ctx.store.state.extraRoleAssignments), sub.subscriptionId)) {
    throw authorizationFailed(
      principal,
      'Microsoft.ContainerService/locations/operations/read',
      `/subscriptions/${sub.subscriptionId}`,
    );
  }
  return sub;
}
