/**
 * Tenants whose silent sign-ins need the user (Conditional Access asking for MFA, or an app not yet consented in
 * that tenant), set through the control API for tests and training. Silent requests for such a tenant (a refresh
 * token redeemed at its authority, an authorize with prompt=none) are refused the way Entra refuses them; an
 * interactive sign-in at that tenant's authority satisfies the requirement for that user until sessions are
 * revoked. Without a setting, every tenant signs in silently (the default).
 */
export type InteractionKind = 'mfa' | 'consent';

export interface InteractionPolicy {
  /** Tenant id → what the tenant asks for. */
  required: Map<string, InteractionKind>;
  /** `<personaId>:<tenantId>` pairs that have done the interaction. */
  satisfied: Set<string>;
}

export function createInteractionPolicy(): InteractionPolicy {
  return { required: new Map(), satisfied: new Set() };
}

/** ARM's first-party application id: the resource Entra names in AADSTS50076 for a management token. */
const ARM_APP_ID = '797f4846-ba00-4fd7-ba43-dac1f8f63013';

export interface InteractionRefusal {
  kind: InteractionKind;
  /** The authorize endpoint's `error` (prompt=none). */
  authorizeError: 'interaction_required' | 'consent_required';
  /** The token endpoint's `suberror` beside `error: invalid_grant`. */
  suberror: 'basic_action' | 'consent_required';
  errorCode: number;
  description: string;
}

/** What a silent request of `personaId` at `tenantId` is refused with, or undefined when it may go ahead. */
export function silentRefusal(
  policy: InteractionPolicy,
  personaId: string,
  tenantId: string,
  clientId: string,
): InteractionRefusal | undefined {
  const kind = policy.required.get(tenantId);
  if (!kind || policy.satisfied.has(`${personaId}:${tenantId}`)) return undefined;
  const trace = `Trace ID: ${crypto.randomUUID()}\r\nCorrelation ID: ${crypto.randomUUID()}\r\nTimestamp: ${new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z')}`;
  if (kind === 'mfa') {
    return {
      kind,
      authorizeError: 'interaction_required',
      suberror: 'basic_action',
      errorCode: 50076,
      // Entra's wording for AADSTS50076.
      description: `AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '${ARM_APP_ID}'.\r\n${trace}`,
    };
  }
  return {
    kind,
    authorizeError: 'consent_required',
    suberror: 'consent_required',
    errorCode: 65001,
    // Entra's wording for AADSTS65001 (the app's name is the emulator's).
    description: `AADSTS65001: The user or administrator has not consented to use the application with ID '${clientId}' named 'aks-ca-trust'. Send an interactive authorization request for this user and resource.\r\n${trace}`,
  };
}

export function satisfy(policy: InteractionPolicy, personaId: string, tenantId: string): void {
  if (policy.required.has(tenantId)) policy.satisfied.add(`${personaId}:${tenantId}`);
}
