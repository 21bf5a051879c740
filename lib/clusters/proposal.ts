/**
 * The proposed bundle: the cluster's current certificates the user kept, plus what they added, minus what they
 * took out; linted as a whole (the AKS limit, duplicates, expiry) and compared with the current bundle. Pure.
 */
import { planBigInputs, tooManyCounted } from './big-input';
import type { CertificateOrigin } from './editor-state';
import { diffBundles, lintCertificates, readBundle, type BundleDiff, type CertificateInfo, type Finding } from '../pki';

export type ProposedCertificate = CertificateInfo & { origin: CertificateOrigin };

export interface Proposal {
  /** In caBundle order, duplicates included (they are reported and sent once). */
  certificates: ProposedCertificate[];
  /** Certificates the user took out, current or added. */
  excluded: ProposedCertificate[];
  /** Intake findings (formatting, refused blocks) at their line, then lint findings on the proposed bundle. */
  findings: Finding[];
  /** One per distinct certificate: exactly what would be sent. */
  caBundle: ProposedCertificate[];
  diff: BundleDiff<ProposedCertificate>;
  errorCount: number;
  /** Distinct certificates of a big input that were counted, not decoded (lib/clusters/big-input.ts); 0 mostly. */
  notDecoded: number;
}

export interface ProposalInput {
  current: CertificateInfo[];
  inputs: { name: string; content: string | Uint8Array }[];
  excluded: Record<CertificateOrigin, string[]>;
  now: Date;
}

/** The first of each SHA-256, in order: what the caBundle holds. */
function unique<T extends { sha256: string }>(certificates: T[]): T[] {
  const seen = new Set<string>();
  return certificates.filter((certificate) => !seen.has(certificate.sha256) && seen.add(certificate.sha256));
}

export async function buildProposal({ current, inputs, excluded, now }: ProposalInput): Promise<Proposal> {
  const plan = planBigInputs(inputs);
  const read = plan.inputs.length > 0 ? await readBundle(plan.inputs, { now }) : { certificates: [], findings: [] };
  // Lint findings on the inputs alone are replaced by lint on the whole proposal. Intake findings carry no
  // certificate; neither does readBundle's summary of a flood of one lint finding, hence the check by id too.
  const lintIds = new Set(lintCertificates(read.certificates, { now }).map((finding) => finding.id));
  const intakeFindings = read.findings.filter(
    (finding) => finding.certificateIndex === undefined && !lintIds.has(finding.id),
  );
  const candidates: ProposedCertificate[] = [
    ...current.map((certificate) => ({ ...certificate, origin: 'current' as const })),
    ...read.certificates.map((certificate) => ({ ...certificate, origin: 'added' as const })),
  ];
  const left = { current: new Set(excluded.current), added: new Set(excluded.added) };
  const isLeftOut = (certificate: ProposedCertificate) => left[certificate.origin].has(certificate.sha256);
  const certificates = candidates
    .filter((certificate) => !isLeftOut(certificate))
    .map((certificate, index) => ({ ...certificate, index }));
  const currentUnique = unique(current).map((certificate) => ({ ...certificate, origin: 'current' as const }));
  const caBundle = unique(certificates);
  const lint = lintCertificates(certificates, { now });
  const findings =
    plan.notDecoded === 0
      ? [...intakeFindings, ...lint]
      : [
          ...intakeFindings,
          ...plan.findings,
          tooManyCounted(caBundle.length + plan.notDecoded, plan.notDecoded),
          ...lint.filter((finding) => finding.id !== 'too-many-certificates'),
        ];
  return {
    certificates,
    excluded: unique(
      candidates.filter((certificate) => certificate.origin === 'current' && isLeftOut(certificate)),
    ).concat(unique(candidates.filter((certificate) => certificate.origin === 'added' && isLeftOut(certificate)))),
    findings,
    caBundle,
    diff: diffBundles(currentUnique, caBundle),
    errorCount: findings.filter((finding) => finding.severity === 'error').length,
    notDecoded: plan.notDecoded,
  };
}

export function isNoChange(diff: Pick<BundleDiff, 'added' | 'removed' | 'rotated'>): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.rotated.length === 0;
}
