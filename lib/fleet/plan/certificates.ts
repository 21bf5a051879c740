/**
 * PEM texts to lib/pki certificates for a plan: each distinct text is read once (readBundle: intake, strict
 * decoding, private keys refused), however many clusters hold it. Pure and isomorphic.
 */
import { readBundle, type CertificateInfo } from '../../pki';
import type { PlanFinding } from './types';

export type ReadPem = { ok: true; certificate: CertificateInfo } | { ok: false; findings: PlanFinding[] };

export type PemReader = (pem: string) => Promise<ReadPem>;

const toPlanFinding = (finding: { id: string; severity: PlanFinding['severity']; message: string }): PlanFinding => ({
  sha256: null,
  id: finding.id,
  severity: finding.severity,
  message: finding.message,
});

/** Exactly one readable certificate and nothing refused (a private key, a second block, text that is no PEM). */
export async function readOnePem(pem: string, now: Date, name = 'certificate'): Promise<ReadPem> {
  const result = await readBundle([{ name, content: pem }], { now });
  const refused = result.findings.filter((f) => f.certificateIndex === undefined && f.severity === 'error');
  if (refused.length > 0) return { ok: false, findings: refused.map(toPlanFinding) };
  if (result.certificates.length !== 1) {
    return {
      ok: false,
      findings: [
        {
          sha256: null,
          id: 'not-one-certificate',
          severity: 'error',
          message: `Each entry must hold exactly one certificate; this one holds ${result.certificates.length}.`,
        },
      ],
    };
  }
  return { ok: true, certificate: result.certificates[0]! };
}

/** A reader that remembers every text it read (one plan, one `now`). */
export function pemReader(now: Date): PemReader {
  const cache = new Map<string, Promise<ReadPem>>();
  return (pem) => {
    let pending = cache.get(pem);
    if (!pending) {
      pending = readOnePem(pem, now);
      cache.set(pem, pending);
    }
    return pending;
  };
}
