/**
 * The server's own check of what the browser proposes (it never trusts the client): every entry must be exactly
 * one certificate that lib/pki reads without an error finding. Pure and isomorphic.
 */
import { MAX_AKS_CERTIFICATES, readBundle, uniqueCertificates, type CertificateInfo, type Finding } from '../pki';

export type CaBundleCheck =
  { ok: true; certificates: CertificateInfo[] } | { ok: false; message: string; findings: Finding[] };

export async function validateCaBundle(pems: string[], now: Date): Promise<CaBundleCheck> {
  if (pems.length === 0) return { ok: true, certificates: [] };
  if (pems.length > MAX_AKS_CERTIFICATES) {
    return {
      ok: false,
      message: `AKS accepts at most ${MAX_AKS_CERTIFICATES} certificates; ${pems.length} were sent.`,
      findings: [],
    };
  }
  const result = await readBundle(
    pems.map((content, index) => ({ name: `certificate ${index + 1}`, content })),
    { now },
  );
  const errors = result.findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length === 2 ? '' : 's'})` : '';
    return {
      ok: false,
      message: `Nothing was sent to Azure: the server's check of the bundle found an error${more}. ${errors[0]!.message}`,
      findings: errors,
    };
  }
  if (result.certificates.length !== pems.length) {
    return {
      ok: false,
      message: 'Nothing was sent to Azure: each entry must hold exactly one certificate.',
      findings: [],
    };
  }
  return { ok: true, certificates: uniqueCertificates(result.certificates) };
}
