/**
 * A small case-insensitive router: ARM treats path literals (`resourceGroups`, `Microsoft.ContainerService`)
 * case-insensitively, and ids copied from az output often arrive lower-cased. Patterns are `/`-separated;
 * segments starting with `:` capture.
 */
import type { Context } from 'hono';
import type { ArmEnv } from '../context';
import { ArmError, messages } from './errors';

export type Params = Record<string, string>;
export type RouteHandler = (c: Context<ArmEnv>, params: Params) => Response | Promise<Response>;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

export class Router {
  private routes: Route[] = [];

  on(method: string, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method: method.toUpperCase(), segments: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  private static match(route: Route, segments: string[]): Params | undefined {
    if (route.segments.length !== segments.length) return undefined;
    const params: Params = {};
    for (let i = 0; i < segments.length; i++) {
      const want = route.segments[i]!;
      const got = segments[i]!;
      if (want.startsWith(':')) params[want.slice(1)] = got;
      else if (want.toLowerCase() !== got.toLowerCase()) return undefined;
    }
    return params;
  }

  async dispatch(c: Context<ArmEnv>): Promise<Response> {
    let segments: string[];
    try {
      segments = c.req.path.split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      throw new ArmError(400, 'InvalidRequestUri', `The request URI '${c.req.path}' is not valid.`);
    }
    let pathMatched = false;
    for (const route of this.routes) {
      const params = Router.match(route, segments);
      if (!params) continue;
      pathMatched = true;
      if (route.method === c.req.method.toUpperCase()) return route.handler(c, params);
    }
    if (pathMatched) {
      throw new ArmError(
        405,
        'MethodNotAllowed',
        `The HTTP method '${c.req.method}' is not supported at '${c.req.path}'.`,
      );
    }
    throw new ArmError(404, 'NotFound', messages.pathNotFound(c.req.path));
  }
}
