/**
 * The CA certificates clusters trust in the seed: real certificates generated at start, with validity relative
 * to now (so "expires in ~20 days" stays true), encoded as the wire expects: base64 of the PEM text.
 */
import { issueCertificate } from '../../certs';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SeedCertificates {
  contosoRoot: string;
  contosoIssuing: string;
  fabrikamRoot: string;
  expiringSoon: string;
  expired: string;
  /** One CA shared by every generated fleet cluster (cheap to generate). */
  fleetShared: string;
}

export function toWireEntry(pem: string): string {
  return Buffer.from(pem, 'utf8').toString('base64');
}

async function ca(subject: string, fromDays: number, toDays: number, now: number): Promise<string> {
  const issued = await issueCertificate({
    subject,
    isCA: true,
    notBefore: new Date(now + fromDays * DAY_MS),
    notAfter: new Date(now + toDays * DAY_MS),
  });
  return toWireEntry(issued.certPem);
}

export async function generateSeedCertificates(now = Date.now()): Promise<SeedCertificates> {
  const [contosoRoot, contosoIssuing, fabrikamRoot, expiringSoon, expired, fleetShared] = await Promise.all([
    ca('CN=Contoso Root CA G2, O=Contoso Ltd, C=US', -900, 2750, now),
    ca('CN=Contoso Proxy Inspection CA 2025, OU=Network Security, O=Contoso Ltd, C=US', -200, 530, now),
    ca('CN=Fabrikam Enterprise Root CA, O=Fabrikam GmbH, C=DE', -1500, 2150, now),
    ca('CN=Contoso Staging Issuing CA, OU=Platform, O=Contoso Ltd, C=US', -345, 20, now),
    ca('CN=Fabrikam Legacy Root CA 2016, O=Fabrikam GmbH, C=DE', -3300, -12, now),
    ca('CN=Fleet Benchmark Root CA, O=aks-ca-trust emulator', -30, 3620, now),
  ]);
  return { contosoRoot, contosoIssuing, fabrikamRoot, expiringSoon, expired, fleetShared };
}
