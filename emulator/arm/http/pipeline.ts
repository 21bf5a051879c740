/**
 * What every ARM request goes through before its handler: request ids, added latency, injected faults,
 * bearer token check (401 in ARM's shape), api-version check, and ARM's token buckets (http/throttle.ts).
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

    const kind = method === 'GET' || method === 'HEAD' ? 'read' : method === 'DELETE' ? 'delete' : 'write';
    const subscriptionId = subscriptionOfPath(c.req.path);
    const verdict = ctx.budgets.take(
      kind,
      { subscriptionId, tenantId: check.principal.tenantId },
      check.principal.objectId,
    );
    for (const [name, value] of Object.entries(verdict.headers)) c.header(name, value);
    if (!verdict.allowed) {
      const seconds = verdict.retryAfterSeconds;
      const error = subscriptionId
        ? new ArmError(
            429,
            'SubscriptionRequestsThrottled',
            verdict.limit === 'global'
              ? messages.throttledGlobal(kind, subscriptionId, seconds)
              : messages.throttled(
                  kind,
                  `subscription '${subscriptionId}' actor '${check.principal.objectId}'`,
                  seconds,
                ),
            { 'Retry-After': String(seconds) },
          )
        : new ArmError(
            429,
            'TenantRequestsThrottled',
            messages.throttled(
              kind,
              `tenant '${check.principal.tenantId}' actor '${check.principal.objectId}'`,
              seconds,
            ),
            { 'Retry-After': String(seconds) },
          );
      return armError(c, error);
    }
    await next();
  };
}
