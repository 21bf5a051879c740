/**
 * The platform's `VerifyBearer` (emulator/contract.ts): signature with the emulator's key, an issuer of this
 * emulator (`<loopback origin>/<known tenant>/v2.0` matching `tid`), an ARM audience, and expiry with a small skew.
 * Never throws and never logs or echoes the token.
 */
import { errors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import type { BearerCheck, VerifyBearer } from '../contract';
import { TENANTS } from '../directory';
import type { SigningKey } from './signing-key';
import { issuerFor } from './tokens';

export const ARM_AUDIENCES = [
  'https://management.azure.com',
  'https://management.azure.com/',
  'https://management.core.windows.net',
  'https://management.core.windows.net/',
];
export const CLOCK_SKEW_SECONDS = 60;

const claimsSchema = z.object({
  oid: z.string().min(1),
  tid: z.string().min(1),
  name: z.string().default(''),
  preferred_username: z.string().default(''),
  azp: z.string().default(''),
});

function fail(code: Extract<BearerCheck, { ok: false }>['code'], message: string): BearerCheck {
  return { ok: false, code, message };
}

/** .NET-style UTC time as ARM prints it: `11/29/2026 5:46:03 PM`. */
function armTime(seconds: number): string {
  const d = new Date(seconds * 1000);
  const h = d.getUTCHours();
  const hh = h % 12 === 0 ? 12 : h % 12;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${hh}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

function unverifiedClaim(token: string, claim: string): unknown {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    return payload[claim];
  } catch {
    return undefined;
  }
}

export interface VerifyBearerOptions {
  key: SigningKey;
  /** The https origins this emulator answers on, e.g. https://localhost:8443 and https://127.0.0.1:8443. */
  origins: string[];
}

export function createVerifyBearer({ key, origins }: VerifyBearerOptions): VerifyBearer {
  const issuers = origins.flatMap((origin) => TENANTS.map((t) => issuerFor(origin, t.tenantId)));
  return async (header) => {
    if (!header || header.trim() === '') {
      return fail('AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.");
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      return fail(
        'AuthenticationFailed',
        "Authentication failed. The 'Authorization' header is provided in an invalid format.",
      );
    }
    const token = match[1]!;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key.publicKey, {
        algorithms: ['RS256'],
        clockTolerance: CLOCK_SKEW_SECONDS,
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        const exp = Number(unverifiedClaim(token, 'exp'));
        return fail(
          'ExpiredAuthenticationToken',
          `The access token expiry UTC time '${armTime(exp)}' is earlier than current UTC time '${armTime(Math.floor(Date.now() / 1000))}'.`,
        );
      }
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf') {
        return fail('InvalidAuthenticationToken', 'The access token is not yet valid.');
      }
      if (error instanceof errors.JWSSignatureVerificationFailed) {
        return fail('InvalidAuthenticationToken', 'The access token signature is invalid.');
      }
      return fail('InvalidAuthenticationToken', 'The access token is invalid.');
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) return fail('InvalidAuthenticationToken', 'The access token is invalid.');
    const { oid, tid, name, preferred_username, azp } = claims.data;
    if (typeof payload.iss !== 'string' || !issuers.includes(payload.iss) || !payload.iss.includes(`/${tid}/`)) {
      return fail(
        'InvalidAuthenticationToken',
        `The access token is from the wrong issuer '${String(payload.iss ?? '')}'. It must match one of the tenants of this emulator, e.g. '${issuers[0] ?? ''}'.`,
      );
    }
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audiences.some((aud) => typeof aud === 'string' && ARM_AUDIENCES.includes(aud))) {
      return fail(
        'InvalidAuthenticationToken',
        `The access token has been obtained for wrong audience or resource '${audiences.filter(Boolean).join(', ')}'. It should exactly match with one of the allowed audiences ${ARM_AUDIENCES.map((a) => `'${a}'`).join(',')}.`,
      );
    }
    return { ok: true, principal: { objectId: oid, tenantId: tid, name, username: preferred_username, clientId: azp } };
  };
}
