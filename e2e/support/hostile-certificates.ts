/** Certificates whose names attack the page: a bidi override, a 64 KB common name (made at test time). */
import { createHash, X509Certificate } from 'node:crypto';
import { issueCertificate } from '../../emulator/certs';

const DAY = 86_400_000;

export interface HostileFixtures {
  /** CN "Contoso ‮Root CA 2026" with U+202E (right-to-left override) and U+2066 (isolate) inside. */
  bidiCa: string;
  bidiName: string;
  /** A CN of 65,536 characters. */
  longCa: string;
  longName: string;
  /** An expired CA with a bidi name: lib/pki's expiry finding quotes it. */
  expiredBidiCa: string;
}

export const BIDI_NAME = 'Contoso \u202EAC tooR\u2066 2026';
export const LONG_NAME = `Long${'N'.repeat(65_532)}`;

export async function makeHostileFixtures(): Promise<HostileFixtures> {
  const [bidi, long, expired] = await Promise.all([
    issueCertificate({ subject: `CN=${BIDI_NAME}, O=Contoso`, isCA: true }),
    issueCertificate({ subject: `CN=${LONG_NAME}`, isCA: true }),
    issueCertificate({
      subject: `CN=Retired \u202E${'AC'} dlO, O=Contoso`,
      isCA: true,
      notBefore: new Date(Date.now() - 800 * DAY),
      notAfter: new Date(Date.now() - 30 * DAY),
    }),
  ]);
  return {
    bidiCa: bidi.certPem,
    bidiName: BIDI_NAME,
    longCa: long.certPem,
    longName: LONG_NAME,
    expiredBidiCa: expired.certPem,
  };
}

/** The SHA-256 of a PEM certificate as the app shows it (upper case, colon-separated pairs). */
export function shownFingerprint(pem: string): string {
  const der = new X509Certificate(pem).raw;
  return (createHash('sha256').update(der).digest('hex').toUpperCase().match(/.{2}/g) ?? []).join(':');
}
