/** List responses: `{"value":[…],"nextLink":"https://…"}` with an absolute https nextLink on the public base URL. */
import type { Context } from 'hono';
import type { ArmContext, ArmEnv } from '../context';
import { ArmError } from './errors';

export function paged<T>(
  c: Context<ArmEnv>,
  ctx: ArmContext,
  items: readonly T[],
  toWire: (item: T) => unknown,
  pageSize = ctx.settings.pageSize,
): Record<string, unknown> {
  const token = c.req.query('$skipToken');
  const skip = token === undefined ? 0 : Number(token);
  if (!Number.isInteger(skip) || skip < 0) {
    throw new ArmError(400, 'InvalidSkipToken', `The skip token '${token}' is not valid.`);
  }
  const size = pageSize;
  const value = items.slice(skip, skip + size).map(toWire);
  if (skip + size >= items.length) return { value };
  const next = new URL(c.req.path, ctx.publicBaseUrl);
  next.searchParams.set('api-version', c.get('apiVersion'));
  next.searchParams.set('$skipToken', String(skip + size));
  return { value, nextLink: next.toString() };
}
