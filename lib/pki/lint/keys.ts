import { findingFor, named, type CertificateRule } from './rule';

const MIN_RSA_BITS = 2048;
const ALLOWED_CURVES = new Set(['P-256', 'P-384', 'P-521']);

export const keyRules: CertificateRule = (certificate) => {
  const { algorithm, size, curve } = certificate.publicKey;
  switch (algorithm) {
    case 'RSA':
    case 'RSA-PSS':
      if (size === undefined || size < MIN_RSA_BITS) {
        return [
          findingFor(
            certificate,
            'rsa-key-too-small',
            'error',
            `${named(certificate)} has a ${size ?? 'unreadable'}-bit RSA key; current systems reject RSA keys below ${MIN_RSA_BITS} bits, so reissue the CA with at least ${MIN_RSA_BITS} bits.`,
          ),
        ];
      }
      return [];
    case 'EC':
      if (!curve || !ALLOWED_CURVES.has(curve)) {
        return [
          findingFor(
            certificate,
            'ec-curve-not-allowed',
            'error',
            `${named(certificate)} uses the elliptic curve ${curve ?? 'unknown'}; only P-256, P-384 and P-521 are widely supported, so reissue the CA on one of them.`,
          ),
        ];
      }
      return [];
    case 'Ed25519':
    case 'Ed448':
      return [];
    default:
      return [
        findingFor(
          certificate,
          'key-type-not-allowed',
          'error',
          `${named(certificate)} has a ${algorithm === 'DSA' ? 'DSA' : `unknown (${algorithm})`} public key; use a CA certificate with an RSA (2048+ bits) or ECDSA P-256/P-384/P-521 key.`,
        ),
      ];
  }
};
