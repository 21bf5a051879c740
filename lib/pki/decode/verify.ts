import { readChildren, readTlv } from '../intake/der';
import { toJwk } from './jwk';
import { HASH_ALGORITHMS, SIGNATURE_ALGORITHMS } from './oids';

export interface SignatureCheck {
  signatureOid: string;
  /** Encoded AlgorithmIdentifier parameters (RSASSA-PSS needs them). */
  signatureParams: Uint8Array | null;
  /** DER of the signer's SubjectPublicKeyInfo. */
  spki: Uint8Array;
  /** The signer's subjectPublicKey BIT STRING content (RSAPublicKey DER, EC point, Ed25519 key). */
  publicKey: Uint8Array;
  /** EC curve name of the signer's key, when it is an EC key. */
  curve?: string;
  tbs: Uint8Array;
  signature: Uint8Array;
}

const COORDINATE_BYTES: Record<string, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

/** ECDSA signatures are DER SEQUENCE { r, s } in X.509 but fixed-size r || s in WebCrypto. */
function ecdsaDerToRaw(signature: Uint8Array, size: number): Uint8Array | null {
  const outer = readTlv(signature, 0);
  const parts = outer ? readChildren(signature, outer) : null;
  if (!parts || parts.length !== 2) return null;
  const raw = new Uint8Array(size * 2);
  for (const [index, part] of parts.entries()) {
    let start = part.contentStart;
    while (start < part.end && signature[start] === 0) start++;
    const length = part.end - start;
    if (part.tag !== 0x02 || length > size) return null;
    raw.set(signature.subarray(start, part.end), index * size + size - length);
  }
  return raw;
}

/**
 * RSASSA-PSS is rare in CA bundles, so pkijs parses its parameters (defaults: SHA-1, salt 20). It is loaded
 * on first use to keep it out of the browser bundle that every page with the editor downloads.
 */
async function pssParameters(params: Uint8Array | null): Promise<{ hash: string; saltLength: number } | null> {
  try {
    const pkijs = await import('pkijs');
    const parsed = params ? pkijs.RSASSAPSSParams.fromBER(params as BufferSource) : new pkijs.RSASSAPSSParams();
    const hash = HASH_ALGORITHMS[parsed.hashAlgorithm.algorithmId];
    return hash ? { hash, saltLength: parsed.saltLength } : null;
  } catch {
    return null;
  }
}

type WebCryptoPlan = {
  importAlgorithm: AlgorithmIdentifier | RsaHashedImportParams | EcKeyImportParams;
  verifyAlgorithm: AlgorithmIdentifier | RsaPssParams | EcdsaParams;
  signature: Uint8Array;
};

async function pssPlan(check: SignatureCheck): Promise<WebCryptoPlan | null> {
  const pss = await pssParameters(check.signatureParams);
  if (!pss) return null;
  return {
    importAlgorithm: { name: 'RSA-PSS', hash: pss.hash },
    verifyAlgorithm: { name: 'RSA-PSS', saltLength: pss.saltLength },
    signature: check.signature,
  };
}

/** Everything but RSASSA-PSS is planned synchronously, so the check reaches WebCrypto without extra turns. */
function planFor(check: SignatureCheck): WebCryptoPlan | null {
  const algorithm = SIGNATURE_ALGORITHMS[check.signatureOid];
  if (!algorithm) return null;
  switch (algorithm.family) {
    case 'RSA':
      if (!algorithm.hash || algorithm.hash === 'MD5' || algorithm.hash === 'MD2') return null;
      return {
        importAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: algorithm.hash },
        verifyAlgorithm: { name: 'RSASSA-PKCS1-v1_5' },
        signature: check.signature,
      };
    case 'ECDSA': {
      const size = check.curve ? COORDINATE_BYTES[check.curve] : undefined;
      const raw = size ? ecdsaDerToRaw(check.signature, size) : null;
      if (!raw || !algorithm.hash || !check.curve) return null;
      return {
        importAlgorithm: { name: 'ECDSA', namedCurve: check.curve },
        verifyAlgorithm: { name: 'ECDSA', hash: algorithm.hash },
        signature: raw,
      };
    }
    case 'EdDSA':
      return algorithm.name === 'Ed25519'
        ? { importAlgorithm: { name: 'Ed25519' }, verifyAlgorithm: { name: 'Ed25519' }, signature: check.signature }
        : null;
    default:
      return null;
  }
}

/**
 * The signer's key for WebCrypto, in the format that is fastest to import. RSA and Ed25519: JWK (jwk.ts). EC: the
 * raw point. An 'spki' or JWK import of an EC key also runs OpenSSL's full key check (EC_KEY_check_key: a scalar
 * multiplication by the group order), about 1 ms for a P-384 root; a 'raw' import still refuses a point that is
 * not on the curve (Node and browsers decode it with the curve's own check), and on P-256, P-384 and P-521
 * (cofactor 1) every point on the curve has the group's order, so the check left out proves nothing more.
 */
async function importVerifyKey(algorithm: WebCryptoPlan['importAlgorithm'], check: SignatureCheck): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const name = typeof algorithm === 'string' ? algorithm : algorithm.name;
  if (name === 'ECDSA' && check.publicKey[0] === 0x04)
    return subtle.importKey('raw', check.publicKey as BufferSource, algorithm, false, ['verify']);
  const jwk = toJwk(algorithm, check.publicKey);
  return jwk
    ? subtle.importKey('jwk', jwk, algorithm, false, ['verify'])
    : subtle.importKey('spki', check.spki as BufferSource, algorithm, false, ['verify']);
}

/** true/false when WebCrypto can check the signature, null when the algorithm is not checkable here. */
export async function verifySignature(check: SignatureCheck): Promise<boolean | null> {
  const isPss = SIGNATURE_ALGORITHMS[check.signatureOid]?.family === 'RSA-PSS';
  const plan = isPss ? await pssPlan(check) : planFor(check);
  if (!plan) return null;
  const subtle = globalThis.crypto.subtle;
  try {
    const key = await importVerifyKey(plan.importAlgorithm, check);
    return await subtle.verify(plan.verifyAlgorithm, key, plan.signature as BufferSource, check.tbs as BufferSource);
  } catch {
    // A key WebCrypto refuses (e.g. RSA-PSS parameters it does not support) cannot be checked here.
    return null;
  }
}
