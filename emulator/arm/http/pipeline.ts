/**
 * What every ARM request goes through before its handler: request ids, added latency, injected faults,
 * bearer token check (401 in ARM's shape), api-version check, and the per-principal throttling budget.
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { ArmContext, ArmEnv } from '../context';
import { ArmError, messages } from './errors';
import { defaultFaultCode } from './faults';
import { armError, sleep } from './respond';

const API_VERSION = /^(\d{4}-\d{2}-\d{2})(?:-preview)?$/;
/** Resource provider paths accept api-versions from this one on (the stable GA of custom CA trust). */
const MIN_CONTAINER_SERVICE_VERSION = '2025-01-01';

function subscriptionOfPath(path: string): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(path)?.[1];
}

/** The resource provider serving a path is the one named by its last `/providers/` segment. */
function isContainerServicePath(path: string): boolean {
  const providers = [...path.matchAll(/\/providers\/([^/]+)/gi)];
  return providers.at(-1)?.[1]?.toLowerCase() === 'microsoft.containerservice';
}

/** Recorded names (azure-facts §13): reads `…-subscription-global-reads`; writes `…-subscription-writes` and `…-global-writes`. */
function rateLimitHeaders(
  scope: 'subscription' | 'tenant',
  isRead: boolean,
  remaining: number,
): Record<string, string> {
  if (scope === 'tenant')
    return { [`x-ms-ratelimit-remaining-tenant-${isRead ? 'reads' : 'writes'}`]: String(remaining) };
  if (isRead) return { 'x-ms-ratelimit-remaining-subscription-global-reads': String(remaining) };
  // Both from the one per-principal write bucket (real ARM counts them separately: 799 and 11999 recorded).
  return {
    'x-ms-ratelimit-remaining-subscription-writes': String(remaining),
    'x-ms-ratelimit-remaining-subscription-global-writes': String(remaining),
  };
}

function wwwAuthenticate(ctx: ArmContext, path: string, description: string): string {
  const sub = subscriptionOfPath(path);
  const tenant = (sub && ctx.store.subscription(sub)?.tenantId) ?? 'common';
  const safe = description.replace(/["\\]/g, "'");
  return `Bearer authorization_uri="${ctx.publicBaseUrl}/${tenant}", error="invalid_token", error_description="${safe}"`;
}

export function checkApiVersion(path: string, apiVersion: string | undefined): ArmError | undefined {
  if (apiVersion === undefined || apiVersion === '')
    return new ArmError(400, 'MissingApiVersionParameter', messages.missingApiVersion);
  const match = API_VERSION.exec(apiVersion);
  if (!match || Number.isNaN(Date.parse(match[1]!))) {
    return new ArmError(400, 'InvalidApiVersionParameter', messages.invalidApiVersion(apiVersion));
  }
  if (isContainerServicePath(path) && match[1]! < MIN_CONTAINER_SERVICE_VERSION) {
    const type = /locations/i.test(path) ? 'locations/operations' : 'managedClusters';
    return new ArmError(400, 'NoRegisteredProviderFound', messages.noRegisteredProvider(apiVersion, type));
  }
  return undefined;
}

export function armPipeline(ctx: ArmContext): MiddlewareHandler<ArmEnv> {
  return async (c, next) => {
    const requestId = randomUUID();
    c.header('x-ms-request-id', requestId);
    c.header('x-ms-correlation-request-id', c.req.header('x-ms-correlation-request-id') ?? requestId);
    c.header(
      'x-ms-routing-request-id',
      `LOCAL:${new Date(ctx.clock.now()).toISOString().replace(/[-:.]/g, '')}:${requestId}`,
    );
    const clientRequestId = c.req.header('x-ms-client-request-id');
    if (clientRequestId) c.header('x-ms-client-request-id', clientRequestId);
    c.header('cache-control', 'no-cache');

    await sleep(ctx.settings.latencyMs);
    const method = c.req.method.toUpperCase();
    const fault = ctx.faults.take(method, c.req.path);
    if (fault?.latencyMs) await sleep(fault.latencyMs);
    if (fault?.status) {
      const headers: Record<string, string> = {};
      if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
      const code = fault.code ?? defaultFaultCode(fault.status);
      return armError(c, new ArmError(fault.status, code, fault.message ?? `Injected fault: ${code}.`, headers));
    }

    const check = await ctx.verifyBearer(c.req.header('authorization'));
    if (!check.ok) {
      return armError(
        c,
        new ArmError(401, check.code, check.message, {
          'WWW-Authenticate': wwwAuthenticate(ctx, c.req.path, check.message),
        }),
      );
    }
    c.set('principal', check.principal);

    const apiVersion = c.req.query('api-version');
    const versionError = checkApiVersion(c.req.path, apiVersion);
    if (versionError) return armError(c, versionError);
    c.set('apiVersion', apiVersion!);

    const isRead = method === 'GET' || method === 'HEAD';
    const bucket = (isRead ? ctx.reads : ctx.writes).take(check.principal.objectId);
    const scope = subscriptionOfPath(c.req.path) ? 'subscription' : 'tenant';
    for (const [name, value] of Object.entries(rateLimitHeaders(scope, isRead, bucket.remaining)))
      c.header(name, value);
    if (!bucket.allowed) {
      const subject = subscriptionOfPath(c.req.path)
        ? `subscription '${subscriptionOfPath(c.req.path)}' actor '${check.principal.objectId}'`
        : `tenant '${check.principal.tenantId}' actor '${check.principal.objectId}'`;
      return armError(
        c,
        new ArmError(
          429,
          'TooManyRequests',
          messages.throttled(isRead ? 'read' : 'write', subject, bucket.retryAfterSeconds),
          {
            'Retry-After': String(bucket.retryAfterSeconds),
          },
        ),
      );
    }
    await next();
  };
}
