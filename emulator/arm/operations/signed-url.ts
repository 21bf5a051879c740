/**
 * Signed operation URLs in the recorded shape (azure-facts §13):
 * `{base}/subscriptions/{sub}/providers/Microsoft.ContainerService/locations/{loc}/operations/{id}?api-version=2025-03-01&t=…&c=…&s=…&h=…`
 * - `t`: .NET ticks of the request; `c`: base64url DER of the signing certificate;
 * - `h`: base64url SHA-256 over the caller (object id, tenant), the operation id and `t` (43 characters);
 * - `s`: base64url RSA-SHA256 signature over the lower-cased path, `t` and `h` (342 characters).
 * How ARM derives `h` and `s` is not published; only the shape, the binding to the caller and the refusal text are.
 */
import { createHash, sign, verify } from 'node:crypto';
import type { Principal } from '../../contract';
import { ArmError } from '../http/errors';
import type { OperationSigning } from './signing-certificate';

/** The resource provider's own api-version in its operation URLs, whatever version the caller used. */
export const PROVIDER_OPERATION_API_VERSION = '2025-03-01';

/** Recorded ARM text (azure-facts §13); status and code are invented (no recording of the refusal exists). */
export const ORIGINAL_CALLER_ONLY =
  'Only the original caller of an asynchronous operation is allowed to retrieve the results. The content hash provided in the query params of the request uri does not match the expected hash.';

export type OperationUrlKind = 'operations' | 'operationresults';

const TICKS_AT_EPOCH = 621_355_968_000_000_000n;

export function dotNetTicks(epochMs: number): string {
  return (BigInt(Math.floor(epochMs)) * 10_000n + TICKS_AT_EPOCH).toString();
}

export function operationPath(subscriptionId: string, location: string, kind: OperationUrlKind, id: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.ContainerService/locations/${location}/${kind}/${id}`;
}

function callerHash(principal: Pick<Principal, 'objectId' | 'tenantId'>, operationId: string, t: string): string {
  return createHash('sha256')
    .update(`${principal.objectId.toLowerCase()}|${principal.tenantId.toLowerCase()}|${operationId.toLowerCase()}|${t}`)
    .digest('base64url');
}

function signedText(path: string, t: string, h: string): Buffer {
  return Buffer.from(`${path.toLowerCase()}\n${t}\n${h}`, 'utf8');
}

export interface OperationUrlInput {
  publicBaseUrl: string;
  subscriptionId: string;
  location: string;
  id: string;
  kind: OperationUrlKind;
  caller: Pick<Principal, 'objectId' | 'tenantId'>;
  now: number;
}

export function signedOperationUrl(signing: OperationSigning, input: OperationUrlInput): string {
  const path = operationPath(input.subscriptionId, input.location, input.kind, input.id);
  const t = dotNetTicks(input.now);
  const h = callerHash(input.caller, input.id, t);
  const s = sign('sha256', signedText(path, t, h), signing.privateKey).toString('base64url');
  const c = signing.certDer.toString('base64url');
  return `${input.publicBaseUrl}${path}?api-version=${PROVIDER_OPERATION_API_VERSION}&t=${t}&c=${c}&s=${s}&h=${h}`;
}

function refused(): ArmError {
  return new ArmError(403, 'AuthorizationFailed', ORIGINAL_CALLER_ONLY);
}

/**
 * Throws ARM's refusal unless `query` carries `t`, `c`, `s` and `h` as issued for this path to this caller.
 * `path` is the request path as received (ARM paths are case-insensitive).
 */
export function verifyOperationQuery(
  signing: OperationSigning,
  path: string,
  operationId: string,
  query: (name: string) => string | undefined,
  caller: Pick<Principal, 'objectId' | 'tenantId'>,
): void {
  const [t, c, s, h] = ['t', 'c', 's', 'h'].map((name) => query(name));
  if (!t || !c || !s || !h || !/^\d{1,20}$/.test(t)) throw refused();
  if (c !== signing.certDer.toString('base64url')) throw refused();
  if (h !== callerHash(caller, operationId, t)) throw refused();
  const signature = Buffer.from(s, 'base64url');
  if (signature.toString('base64url') !== s || !verify('sha256', signedText(path, t, h), signing.publicKey, signature))
    throw refused();
}
