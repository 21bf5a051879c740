/** Requests to /_emulator must come from this machine. */
import type { MiddlewareHandler } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { armError } from './http-errors';

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || /^127(\.\d{1,3}){3}$/.test(plain);
}

export const loopbackOnly: MiddlewareHandler<{ Bindings: HttpBindings }> = async (c, next) => {
  const remote = c.env?.incoming?.socket?.remoteAddress;
  if (!isLoopbackAddress(remote)) {
    return c.json(armError('Forbidden', 'The emulator control API answers loopback clients only.'), 403);
  }
  await next();
};
