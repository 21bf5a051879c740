/**
 * Operation status (always 200 while it exists) and DELETE's operationresults (202 while running, then 204).
 * Both are reachable only through the signed URL ARM handed to the original caller (azure-facts §13).
 */
import type { Context } from 'hono';
import type { ArmContext, ArmEnv } from '../context';
import { ArmError, messages } from '../http/errors';
import { json } from '../http/respond';
import type { Router } from '../http/router';
import type { OperationView } from '../state/types';
import { isTerminal } from '../state/types';
import { verifyOperationQuery } from './signed-url';
import { subscriptionOfCaller } from './caller';

const LOCATIONS = '/subscriptions/:sub/providers/Microsoft.ContainerService/locations/:loc';

export function wireOperation(op: OperationView): Record<string, unknown> {
  return {
    name: op.id,
    status: op.status,
    startTime: op.startTime,
    ...(op.endTime ? { endTime: op.endTime } : {}),
    ...(op.error ? { error: op.error } : {}),
  };
}

export function operationRoutes(router: Router, ctx: ArmContext): void {
  const find = (c: Context<ArmEnv>, sub: string, loc: string, id: string): OperationView => {
    const principal = c.get('principal');
    subscriptionOfCaller(ctx, principal, sub);
    verifyOperationQuery(ctx.operationSigning, c.req.path, id, (name) => c.req.query(name), principal);
    const op = ctx.store.operation(id);
    if (
      !op ||
      op.subscriptionId.toLowerCase() !== sub.toLowerCase() ||
      op.location.toLowerCase() !== loc.toLowerCase()
    ) {
      throw new ArmError(404, 'NotFound', messages.operationNotFound(id));
    }
    return op;
  };

  router.on('GET', `${LOCATIONS}/operations/:id`, (c, p) =>
    json(c, 200, wireOperation(find(c, p.sub!, p.loc!, p.id!))),
  );

  router.on('GET', `${LOCATIONS}/operationresults/:id`, (c, p) => {
    const op = find(c, p.sub!, p.loc!, p.id!);
    if (!isTerminal(op.status)) {
      c.header('Location', c.req.url.replace(/^https?:\/\/[^/]+/, ctx.publicBaseUrl));
      return c.body(null, 202);
    }
    if (op.status === 'Failed' && op.error) throw new ArmError(500, op.error.code, op.error.message);
    return c.body(null, 204);
  });
}
