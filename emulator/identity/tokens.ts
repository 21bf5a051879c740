/**
 * Signs the id_token and access_token Entra ID v2.0 would issue (RS256, `kid` header), and builds client_info.
 * The issuer is `<origin>/<tid>/v2.0`, where origin is the loopback origin the client used for the authority.
 */
import { SignJWT } from 'jose';
import type { Persona } from '../directory';
import { resourceGrant, type ResourceGrant } from './scopes';
import type { SigningKey } from './signing-key';

export const ACCESS_TOKEN_LIFETIME_SECONDS = 3599;
export const ID_TOKEN_LIFETIME_SECONDS = 3600;

export interface TokenSubject {
  persona: Persona;
  tenantId: string;
  clientId: string;
}

export interface AccessTokenRequest extends TokenSubject {
  origin: string;
  scopes: string[];
  /** Override the clock (seconds since epoch); tests use it to make expired tokens. */
  now?: number;
  lifetimeSeconds?: number;
}

export interface IssuedAccessToken {
  accessToken: string;
  grant: ResourceGrant;
  expiresIn: number;
  /** Seconds since epoch. */
  expiresOn: number;
}

export function issuerFor(origin: string, tenantId: string): string {
  return `${origin}/${tenantId}/v2.0`;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function identityClaims({ persona, tenantId }: TokenSubject) {
  return {
    tid: tenantId,
    oid: persona.objectId,
    sub: persona.objectId,
    name: persona.name,
    preferred_username: persona.username,
    ver: '2.0',
  };
}

export class TokenSigner {
  constructor(private readonly key: SigningKey) {}

  private sign(payload: Record<string, unknown>, audience: string, issuer: string, iat: number, lifetime: number) {
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.key.kid })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(iat + lifetime)
      .sign(this.key.privateKey);
  }

  async accessToken(request: AccessTokenRequest): Promise<IssuedAccessToken> {
    const grant = resourceGrant(request.scopes);
    const iat = request.now ?? nowSeconds();
    const lifetime = request.lifetimeSeconds ?? ACCESS_TOKEN_LIFETIME_SECONDS;
    const payload = { ...identityClaims(request), scp: grant.scp, azp: request.clientId, azpacr: '0' };
    const accessToken = await this.sign(
      payload,
      grant.audience,
      issuerFor(request.origin, request.tenantId),
      iat,
      lifetime,
    );
    return { accessToken, grant, expiresIn: lifetime, expiresOn: iat + lifetime };
  }

  async idToken(subject: TokenSubject & { origin: string; nonce?: string }): Promise<string> {
    const payload: Record<string, unknown> = { ...identityClaims(subject) };
    if (subject.nonce) payload.nonce = subject.nonce;
    const iss = issuerFor(subject.origin, subject.tenantId);
    return this.sign(payload, subject.clientId, iss, nowSeconds(), ID_TOKEN_LIFETIME_SECONDS);
  }
}

/**
 * client_info as Entra returns it: base64url of `{"uid":<oid>,"utid":<tid>}` of the user's **home** account, whichever
 * tenant the token is for (MSAL's homeAccountId `uid.utid` "uniquely identifies the user across AAD tenants", so a
 * token for another tenant is cached under the same account, as another tenant profile).
 */
export function clientInfo(persona: Persona): string {
  return Buffer.from(JSON.stringify({ uid: persona.objectId, utid: persona.homeTenantId })).toString('base64url');
}
