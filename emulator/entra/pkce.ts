/** PKCE S256: base64url(SHA-256(code_verifier)) must equal the code_challenge, compared in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto';

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function verifyPkce(verifier: string, challenge: string): boolean {
  const expected = Buffer.from(challenge);
  const actual = Buffer.from(pkceChallenge(verifier));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
