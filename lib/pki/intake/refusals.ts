import type { Finding, FindingId } from '../types';
import { safeLabel } from './pem-scan';

type RefusalKind = { id: FindingId; what: string; advice: string };

const PRIVATE_KEY: RefusalKind = {
  id: 'private-key',
  what: 'a private key',
  advice:
    'Nothing was sent: delete the key from the input (Remove the key does it in the editor); AKS needs only the CA certificate, so keep private keys out of the bundle.',
};

/** What to say about a PEM label that is not a certificate; null for labels we can read. */
function refusalForLabel(label: string): RefusalKind | null {
  if (/PRIVATE KEY/.test(label)) return PRIVATE_KEY;
  if (label === 'PKCS12')
    return { id: 'private-key', what: 'a PKCS#12 archive, which holds a private key,', advice: PRIVATE_KEY.advice };
  if (/CERTIFICATE REQUEST/.test(label)) {
    return {
      id: 'certificate-request',
      what: 'a certificate signing request',
      advice: 'Submit it to your CA and add the issued CA certificate instead.',
    };
  }
  if (/CRL/.test(label)) {
    return {
      id: 'crl',
      what: 'a certificate revocation list',
      advice: 'AKS trusts only CA certificates; remove the CRL block.',
    };
  }
  if (/PUBLIC KEY/.test(label)) {
    return {
      id: 'public-key',
      what: 'a bare public key',
      advice: 'AKS needs the CA certificate that contains the key, not the key alone.',
    };
  }
  return null;
}

export function refusalFinding(
  label: string,
  file: string | undefined,
  line: number | undefined,
  endLine?: number,
): Finding {
  const refusal = refusalForLabel(label) ?? {
    id: 'unsupported-pem-block',
    what: `a ${safeLabel(label)} block`,
    advice: 'Only CERTIFICATE blocks (or PKCS#7 bundles of certificates) can be trusted; remove it.',
  };
  const subject =
    line === undefined
      ? 'The input holds'
      : endLine && endLine !== line
        ? `Lines ${line}-${endLine} hold`
        : `Line ${line} holds`;
  return {
    id: refusal.id,
    severity: 'error',
    file,
    line,
    message: `${subject} ${refusal.what}, not a certificate. ${refusal.advice}`,
  };
}

export function binaryPrivateKeyFinding(file: string | undefined, pkcs12 = false): Finding {
  return {
    id: 'private-key',
    severity: 'error',
    file,
    message: pkcs12
      ? `The input is a PKCS#12 archive, which holds a private key, not only a certificate. ${PRIVATE_KEY.advice} Export the CA certificate alone as PEM.`
      : `The input holds ${PRIVATE_KEY.what} in binary form, not a certificate. ${PRIVATE_KEY.advice}`,
  };
}

/** A private key found in any shape (see key-spans.ts), at its lines. */
export function keySpanFinding(
  span: { startLine: number; endLine: number; kind: 'private-key' | 'pkcs12' },
  file: string | undefined,
): Finding {
  const where =
    span.endLine !== span.startLine ? `Lines ${span.startLine}-${span.endLine} hold` : `Line ${span.startLine} holds`;
  const what =
    span.kind === 'pkcs12' ? 'a PKCS#12 archive, which holds a private key,' : `${PRIVATE_KEY.what} (in some encoding)`;
  return {
    id: 'private-key',
    severity: 'error',
    file,
    line: span.startLine,
    message: `${where} ${what} not a certificate. ${PRIVATE_KEY.advice}`,
  };
}
