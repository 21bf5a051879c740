import { readChildren, readTlv } from '../intake/der';
import type { PublicKeyInfo } from '../types';
import { CURVES, PUBLIC_KEY_ALGORITHMS } from './oids';
import { integerBits, oidToString, TAG, type AlgorithmIdentifier } from './values';

/** Size of the first INTEGER in a DER SEQUENCE: the RSA modulus, or DSA's p. */
function firstIntegerBits(bytes: Uint8Array): number | undefined {
  const outer = readTlv(bytes, 0);
  const first = outer ? readChildren(bytes, outer)?.[0] : undefined;
  return first && first.tag === TAG.INTEGER ? integerBits(bytes, first) : undefined;
}

/** `keyBytes` is the subjectPublicKey BIT STRING content. */
export function describePublicKey(keyAlgorithm: AlgorithmIdentifier, keyBytes: Uint8Array): PublicKeyInfo {
  const algorithm = PUBLIC_KEY_ALGORITHMS[keyAlgorithm.oid] ?? keyAlgorithm.oid;
  const params = keyAlgorithm.params;
  switch (algorithm) {
    case 'RSA':
    case 'RSA-PSS':
      return { algorithm, size: firstIntegerBits(keyBytes) };
    case 'EC': {
      const curveOid =
        params && params[0] === TAG.OBJECT_IDENTIFIER
          ? oidToString(params.subarray(2, 2 + (params[1] ?? 0)))
          : 'explicit parameters';
      const curve = CURVES[curveOid];
      return curve ? { algorithm, curve: curve.name, size: curve.size } : { algorithm, curve: curveOid };
    }
    case 'Ed25519':
      return { algorithm, size: 256 };
    case 'Ed448':
      return { algorithm, size: 456 };
    case 'DSA':
      return { algorithm, size: params ? firstIntegerBits(params) : undefined };
    default:
      return { algorithm };
  }
}
