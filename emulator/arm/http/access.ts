/** Access checks for a request: subscription exists, token tenant matches, caller's role at the scope. */
import type { Principal } from '../../contract';
import type { ArmContext } from '../context';
import type { SubscriptionView } from '../state/types';
import { ArmError, messages } from './errors';
import { assignmentsFor, canWrite, hasAnyRoleIn, roleAt } from './rbac';

export interface AccessRequest {
  subscriptionId: string;
  /** The resource id the action is performed over. */
  scope: string;
  /** e.g. `Microsoft.ContainerService/managedClusters/read`. */
  action: string;
  write?: boolean;
  /** Enough that the caller holds any role in the subscription (lists that ARM filters item by item). */
  anyRoleInSubscription?: boolean;
}

export function wrongTenant(ctx: ArmContext, principal: Principal, sub: SubscriptionView): ArmError {
  const message = messages.wrongTenant(principal.tenantId, sub.tenantId);
  return new ArmError(401, 'InvalidAuthenticationTokenTenant', message, {
    'WWW-Authenticate': `Bearer authorization_uri="${ctx.publicBaseUrl}/${sub.tenantId}", error="invalid_token", error_description="The access token is from the wrong issuer."`,
  });
}

export function authorizationFailed(principal: Principal, action: string, scope: string): ArmError {
  return new ArmError(
    403,
    'AuthorizationFailed',
    messages.authorizationFailed(principal.username || principal.objectId, principal.objectId, action, scope),
  );
}

/** For `GET /subscriptions/{id}`: unknown or invisible subscriptions are 404 SubscriptionNotFound. */
export function visibleSubscription(ctx: ArmContext, principal: Principal, subscriptionId: string): SubscriptionView {
  const sub = ctx.store.subscription(subscriptionId);
  const assignments = assignmentsFor(principal.objectId, ctx.store.state.extraRoleAssignments);
  if (!sub || !hasAnyRoleIn(assignments, sub.subscriptionId)) {
    throw new ArmError(404, 'SubscriptionNotFound', messages.subscriptionNotFound(subscriptionId));
  }
  if (sub.tenantId.toLowerCase() !== principal.tenantId.toLowerCase()) throw wrongTenant(ctx, principal, sub);
  return sub;
}

/** For resources in a subscription: 404 for an unknown subscription, 401 for another tenant's token, else 403. */
export function authorize(ctx: ArmContext, principal: Principal, request: AccessRequest): SubscriptionView {
  const sub = ctx.store.subscription(request.subscriptionId);
  if (!sub) throw new ArmError(404, 'SubscriptionNotFound', messages.subscriptionNotFound(request.subscriptionId));
  if (sub.tenantId.toLowerCase() !== principal.tenantId.toLowerCase()) throw wrongTenant(ctx, principal, sub);
  const assignments = assignmentsFor(principal.objectId, ctx.store.state.extraRoleAssignments);
  if (request.anyRoleInSubscription && hasAnyRoleIn(assignments, sub.subscriptionId)) return sub;
  const role = roleAt(assignments, request.scope);
  if (!role || (request.write && !canWrite(role))) throw authorizationFailed(principal, request.action, request.scope);
  return sub;
}
