/**
 * The one registry of `ActionError.code`s, shared by the server (server actions, the inventory route, lib/azure's
 * error mapping) and the browser (its own fallbacks when a call did not answer). Each code says what the caller
 * can do about it (its retry class) and who may read its message: `user` messages are written for the person at
 * the page and sent as they are; a `generic` code's message may hold internal detail and is replaced by the
 * registry's text before it leaves the server (`forCaller`). ARM's own error code, when there is one, travels in
 * `ActionError.armCode`. Plain data, no zod, no server-only import: components may import it.
 */

/** `retry`: the same request may work later; `sign-in`: sign in again first; `reload`: read the current state, then
 * decide again; `permanent`: it will fail the same way until something else changes (a role, the input, the cluster). */
export type RetryClass = 'retry' | 'sign-in' | 'reload' | 'permanent';

export interface ActionErrorRule {
  retry: RetryClass;
  audience: 'user' | 'generic';
  /** What it means (and, for `generic`, the text the caller sees). */
  meaning: string;
}

export const ACTION_ERROR_CODES = {
  // Input and sign-in (lib/azure/run-action.ts, app/actions, app/api).
  SignInRequired: { retry: 'sign-in', audience: 'user', meaning: 'No token, an invalid one, or ARM refused it (401).' },
  InvalidArgument: { retry: 'permanent', audience: 'user', meaning: "The action's arguments failed validation." },
  RequestTooLarge: {
    retry: 'permanent',
    audience: 'user',
    meaning: 'The request was larger than the server accepts (413).',
  },
  // ARM (lib/azure/arm-errors.ts): armCode holds ARM's own code.
  Unreachable: {
    retry: 'retry',
    audience: 'user',
    meaning: 'Azure Resource Manager (from the server) or the server (from the browser) did not answer.',
  },
  AuthorizationFailed: {
    retry: 'permanent',
    audience: 'user',
    meaning: 'ARM refused the action for this identity (403).',
  },
  TooManyRequests: { retry: 'retry', audience: 'user', meaning: 'ARM is throttling (429); wait for Retry-After.' },
  PreconditionFailed: {
    retry: 'reload',
    audience: 'user',
    meaning: 'The cluster changed since it was read (412, eTag).',
  },
  ArmConflict: {
    retry: 'retry',
    audience: 'user',
    meaning: 'ARM refused the request as conflicting (409): another operation runs.',
  },
  ArmNotFound: { retry: 'permanent', audience: 'user', meaning: 'ARM has no such resource (404).' },
  ArmRefused: { retry: 'permanent', audience: 'user', meaning: 'ARM refused the request (another 4xx).' },
  ArmServerError: { retry: 'retry', audience: 'user', meaning: 'ARM failed or timed out (5xx, 408).' },
  InvalidArmResponse: {
    retry: 'permanent',
    audience: 'user',
    meaning: 'ARM answered with a body the dashboard cannot read.',
  },
  UnexpectedError: {
    retry: 'permanent',
    audience: 'generic',
    meaning:
      'The request failed on the server for an unexpected reason. Try again; if it keeps failing, the server log has the details.',
  },
  // The dashboard's own refusals.
  CertificatesRefused: {
    retry: 'permanent',
    audience: 'user',
    meaning: 'The proposed certificates fail the server-side check.',
  },
  ClusterStopped: { retry: 'permanent', audience: 'user', meaning: 'AKS refuses changes to a stopped cluster.' },
  WindowsNodePoolsUnsupported: {
    retry: 'permanent',
    audience: 'user',
    meaning: 'ARM refused the change on a cluster with Windows pools.',
  },
  FleetConflict: {
    retry: 'reload',
    audience: 'user',
    meaning:
      "A fleet apply found the cluster's CA bundle is not the plan's before: nothing was written (make a new plan).",
  },
  OperationRunning: {
    retry: 'retry',
    audience: 'user',
    meaning: 'A fleet apply found an operation running on the cluster: nothing was written.',
  },
  ForgedOperationUrl: {
    retry: 'permanent',
    audience: 'user',
    meaning: 'An operation URL that is not on the ARM endpoint or not in the subscription.',
  },
  SubscriptionNotFound: {
    retry: 'permanent',
    audience: 'user',
    meaning: 'A requested subscription these credentials cannot list.',
  },
  // Demo sign-in (emulator only).
  EmulatorUnavailable: { retry: 'retry', audience: 'user', meaning: 'The emulator did not answer.' },
  InvalidPersona: { retry: 'permanent', audience: 'user', meaning: 'No such demo persona.' },
  InvalidTenant: { retry: 'permanent', audience: 'user', meaning: 'Not a tenant id.' },
  DemoSignInFailed: { retry: 'retry', audience: 'user', meaning: 'The emulator refused the demo sign-in.' },
  // The command line (bin/cli/fleet/access.ts).
  TenantTokenUnavailable: {
    retry: 'sign-in',
    audience: 'user',
    meaning: 'No token for one of the tenants (az login --tenant).',
  },
  // The browser's own codes, when a call threw instead of answering (components/clusters/client-error.ts).
  ApplyFailed: { retry: 'retry', audience: 'user', meaning: 'The apply call did not answer.' },
  AbortFailed: { retry: 'retry', audience: 'user', meaning: 'The abort call did not answer.' },
  ClusterLoadFailed: { retry: 'retry', audience: 'user', meaning: 'Reading the cluster did not answer.' },
  PermissionsCheckFailed: { retry: 'retry', audience: 'user', meaning: 'The permission check did not answer.' },
  InventoryFailed: { retry: 'retry', audience: 'user', meaning: 'The inventory stream broke off.' },
  RetryFailed: { retry: 'retry', audience: 'user', meaning: "Retrying a subscription's clusters did not answer." },
} as const satisfies Record<string, ActionErrorRule>;

export type ActionErrorCode = keyof typeof ACTION_ERROR_CODES;

export const isActionErrorCode = (value: unknown): value is ActionErrorCode =>
  typeof value === 'string' && Object.hasOwn(ACTION_ERROR_CODES, value);

export const retryClassOf = (code: ActionErrorCode): RetryClass => ACTION_ERROR_CODES[code].retry;

/** The error as the caller may see it: a `generic` code's message is replaced by the registry's text. */
export function forCaller<E extends { code: ActionErrorCode; message: string }>(error: E): E {
  const rule: ActionErrorRule = ACTION_ERROR_CODES[error.code];
  return rule.audience === 'user' ? error : { ...error, message: rule.meaning };
}
