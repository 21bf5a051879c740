/**
 * Maps what the Azure SDK throws (RestError, network errors) to an ActionError a person can act on.
 * Pure: no SDK import, so it also maps errors recorded in tests.
 */
import 'server-only';
import type { ActionError } from '../action-result';
import { describeNetworkError } from './network-error';

interface HeaderLookup {
  get(name: string): string | undefined;
}

interface RestErrorLike {
  name?: string;
  message?: string;
  code?: string;
  statusCode?: number;
  response?: { headers?: HeaderLookup };
}

/** Texts the SDK writes itself when it could not read ARM's message (its pager drops the body). */
const SDK_GENERIC_MESSAGE = /^(Pagination failed with unexpected statusCode \d+|Unexpected status code: \d+)$/;

const NETWORK_CODES = /^(E[A-Z]+|ERR_[A-Z_]+|UNABLE_TO_|CERT_|SELF_SIGNED|DEPTH_ZERO|REQUEST_SEND_ERROR)/;
const AUTHORIZATION_FAILED = /perform action '([^']+)' over scope '([^']+)'/;

/** Seconds to wait, from Retry-After (seconds or HTTP date) or retry-after-ms; undefined when absent. */
export function retryAfterSeconds(headers: HeaderLookup | undefined, now = Date.now()): number | undefined {
  const milliseconds = headers?.get('retry-after-ms') ?? headers?.get('x-ms-retry-after-ms');
  if (milliseconds && /^\d+$/.test(milliseconds)) return Math.ceil(Number(milliseconds) / 1000);
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

export function toArmActionError(error: unknown, armEndpoint: string): ActionError {
  const rest = (error ?? {}) as RestErrorLike;
  const status = typeof rest.statusCode === 'number' ? rest.statusCode : undefined;
  const code = rest.code ?? 'Unknown';
  // ARM's own code rides along; ActionError.code is one of the registry's (lib/action-errors.ts).
  const arm = rest.code !== undefined ? { armCode: rest.code } : {};
  const armMessage = rest.message ?? String(error);

  if (status === undefined) {
    if (
      NETWORK_CODES.test(code) ||
      (error instanceof Error && /fetch failed|socket|ECONN|certificate/i.test(error.message))
    ) {
      return { code: 'Unreachable', message: describeNetworkError(findCauseWithCode(error), armEndpoint) };
    }
    return { code: 'UnexpectedError', message: `The request to Azure Resource Manager failed: ${armMessage}` };
  }

  switch (status) {
    case 401:
      return {
        code: 'SignInRequired',
        ...arm,
        status,
        message:
          'Azure Resource Manager did not accept your sign-in (it expired or is for another tenant). Sign in again.',
      };
    case 403: {
      const match = AUTHORIZATION_FAILED.exec(armMessage);
      if (match) {
        const [, action, scope] = match;
        return {
          code: 'AuthorizationFailed',
          ...arm,
          status,
          target: scope,
          message: `You do not have permission for ${action} on ${scope}. Ask for a role that grants it there (for example Azure Kubernetes Service Contributor), then sign in again.`,
        };
      }
      return {
        code: 'AuthorizationFailed',
        ...arm,
        status,
        message: `Access denied by Azure Resource Manager: ${armMessage}`,
      };
    }
    case 429: {
      const wait = retryAfterSeconds(rest.response?.headers);
      const when = wait === undefined ? 'in a little while' : `in ${wait} second${wait === 1 ? '' : 's'}`;
      return {
        code: 'TooManyRequests',
        ...arm,
        status,
        message: `Azure Resource Manager is throttling requests for this subscription. Try again ${when}.`,
      };
    }
    case 409:
      return { code: 'ArmConflict', ...arm, status, message: armMessage };
    case 412:
      return {
        code: 'PreconditionFailed',
        ...arm,
        status,
        message: 'The cluster changed since you loaded it. Reload to see the current state.',
      };
    default: {
      const byStatus =
        status >= 500 || status === 408 ? 'ArmServerError' : status === 404 ? 'ArmNotFound' : 'ArmRefused';
      if (SDK_GENERIC_MESSAGE.test(armMessage))
        return {
          code: byStatus,
          ...arm,
          status,
          message: `Azure Resource Manager answered HTTP ${status} (${code}) without details. Try again.`,
        };
      if (status >= 500)
        return {
          code: byStatus,
          ...arm,
          status,
          message: `Azure Resource Manager had a problem (HTTP ${status}, ${code}): ${armMessage}`,
        };
      return { code: byStatus, ...arm, status, message: armMessage };
    }
  }
}

/** Node wraps socket errors (the code sits on error.cause for fetch; on the error for the SDK). */
function findCauseWithCode(error: unknown): unknown {
  let current = error as { code?: string; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 4; depth++) {
    if (current.code && NETWORK_CODES.test(current.code) && current.code !== 'REQUEST_SEND_ERROR') return current;
    current = current.cause as typeof current;
  }
  return error;
}
