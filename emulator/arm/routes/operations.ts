/** Operation status (always 200) and the DELETE Location resource (202 while running). */
import type { ArmContext } from '../context';
import { authorize } from '../http/access';
import { ArmError, messages } from '../http/errors';
import { json } from '../http/respond';
import type { Router } from '../http/router';
import { subscriptionPath } from '../state/ids';
import type { OperationRecord } from '../state/types';
import { isTerminal } from '../state/types';
import { ACTIONS } from './lookup';

const LOCATIONS = '/subscriptions/:sub/providers/Microsoft.ContainerService/locations/:loc';

export function wireOperation(op: OperationRecord): Record<string, unknown> {
  return {
    name: op.id,
    status: op.status,
    startTime: op.startTime,
    ...(op.endTime ? { endTime: op.endTime } : {}),
    ...(op.error ? { error: op.error } : {}),
  };
}

export function operationRoutes(router: Router, ctx: ArmContext): void {
  const find = (sub: string, loc: string, id: string): OperationRecord => {
    const op = ctx.store.operation(id);
    if (!op || op.subscriptionId.toLowerCase() !== sub.toLowerCase() || op.location.toLowerCase() !== loc.toLowerCase()) {
      throw new ArmError(404, 'NotFound', messages.operationNotFound(id));
    }
    return op;
  };

  router.on('GET', `${LOCATIONS}/operations/:id`, (c, p) => {
    authorize(ctx, c.get('principal'), { subscriptionId: p.sub!, scope: subscriptionPath(p.sub!), action: ACTIONS.operationRead });
    return json(c, 200, wireOperation(find(p.sub!, p.loc!, p.id!)));
  });

  router.on('GET', `${LOCATIONS}/operationresults/:id`, (c, p) => {
    authorize(ctx, c.get('principal'), { subscriptionId: p.sub!, scope: subscriptionPath(p.sub!), action: ACTIONS.operationRead });
    const op = find(p.sub!, p.loc!, p.id!);
    if (!isTerminal(op.status)) {
      c.header('Location', `${ctx.publicBaseUrl}${c.req.path}?api-version=${encodeURIComponent(c.get('apiVersion'))}`);
      return c.body(null, 202);
    }
    if (op.status === 'Failed' && op.error) throw new ArmError(500, op.error.code, op.error.message);
    return c.body(null, 204);
  });
}
