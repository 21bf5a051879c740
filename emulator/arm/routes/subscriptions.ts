/** GET /subscriptions, GET /subscriptions/{id}, GET /tenants (Microsoft.Resources, tenant-level). */
import { TENANTS } from '../../directory';
import type { ArmContext } from '../context';
import { visibleSubscription } from '../http/access';
import { assignmentsFor, hasAnyRoleIn } from '../http/rbac';
import { json } from '../http/respond';
import type { Router } from '../http/router';
import { wireSubscription, wireTenant } from '../wire/subscription';

export function subscriptionRoutes(router: Router, ctx: ArmContext): void {
  router.on('GET', '/subscriptions', (c) => {
    const principal = c.get('principal');
    const assignments = assignmentsFor(principal.objectId, ctx.store.state.extraRoleAssignments);
    // Real ARM tokens are tenant-scoped: only subscriptions of the token's tenant are listed.
    const visible = ctx.store.state.subscriptions.filter(
      (s) =>
        s.tenantId.toLowerCase() === principal.tenantId.toLowerCase() && hasAnyRoleIn(assignments, s.subscriptionId),
    );
    return json(c, 200, { value: visible.map(wireSubscription), count: { type: 'Total', value: visible.length } });
  });

  router.on('GET', '/subscriptions/:sub', (c, p) => {
    return json(c, 200, wireSubscription(visibleSubscription(ctx, c.get('principal'), p.sub!)));
  });

  router.on('GET', '/tenants', (c) => {
    const principal = c.get('principal');
    const assignments = assignmentsFor(principal.objectId, ctx.store.state.extraRoleAssignments);
    const tenantIds = new Set(
      ctx.store.state.subscriptions
        .filter((s) => hasAnyRoleIn(assignments, s.subscriptionId))
        .map((s) => s.tenantId.toLowerCase()),
    );
    // The caller is a member of the tenant that issued the token, with or without a role.
    tenantIds.add(principal.tenantId.toLowerCase());
    const tenants = TENANTS.filter((t) => tenantIds.has(t.tenantId.toLowerCase()));
    return json(c, 200, { value: tenants.map(wireTenant) });
  });
}
