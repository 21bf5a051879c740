import { decodeCertificate, StrictDerError } from './decode';
import { encodeBase64 } from './encoding';
import { intake, type CertificateCandidate } from './intake';
import { lintCertificates, uniqueCertificates } from './lint';
import { toWireEntries } from './payload';
import type { BundleInput, BundleResult, CertificateInfo, Finding, SourcePosition } from './types';

export interface ReadBundleOptions {
  /** The moment the bundle is judged at (expiry rules). */
  now: Date;
}

type Decoded = Omit<CertificateInfo, 'index'> | Finding;

/** Why a certificate was refused, for repeats of it elsewhere in the input. */
const reasons = new WeakMap<Finding, string | undefined>();

function notACertificate({ file, startLine }: SourcePosition, reason?: string): Finding {
  const where = startLine === undefined ? 'The input' : `The block at line ${startLine}`;
  const why = reason ? ` (${reason})` : '';
  return {
    id: 'not-a-certificate',
    severity: 'error',
    file,
    line: startLine,
    message: `${where} is not a readable X.509 certificate${why}; AKS nodes would refuse it, so export the CA certificate again as PEM.`,
  };
}

async function decodeCandidate(candidate: CertificateCandidate, base64OfDer: string): Promise<Decoded> {
  try {
    return { ...(await decodeCertificate(candidate.der, base64OfDer)), source: candidate.source };
  } catch (error) {
    // Reasons are fixed texts of the strict decoder; they never quote the input.
    const reason = error instanceof StrictDerError ? error.message : undefined;
    const finding = notACertificate(candidate.source, reason);
    reasons.set(finding, reason);
    return finding;
  }
}

/**
 * A certificate's signature check is handed to WebCrypto a few microtask turns after its decoding starts.
 * Yielding those turns between certificates lets the checks run on WebCrypto's threads while the next
 * certificate is parsed, instead of all queueing up behind the last one (about a third faster for 150 roots).
 */
async function letStartedChecksRun(): Promise<void> {
  for (let turn = 0; turn < 3; turn++) await undefined;
}

function isFinding(value: Decoded): value is Finding {
  return 'severity' in value;
}

/** Drops undefined optional fields so results compare and serialise cleanly. */
function tidy(finding: Finding): Finding {
  const out: Finding = { id: finding.id, severity: finding.severity, message: finding.message };
  if (finding.certificateIndex !== undefined) out.certificateIndex = finding.certificateIndex;
  if (finding.file !== undefined) out.file = finding.file;
  if (finding.line !== undefined) out.line = finding.line;
  return out;
}

/** Enough of one kind of finding per file to act on; a flood (noise input) is summarised, not listed. */
const MAX_SAME_FINDINGS = 20;

function capRepeats(findings: Finding[]): Finding[] {
  const counts = new Map<string, number>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const key = `${finding.file ?? ''}\u0000${finding.id}`;
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count <= MAX_SAME_FINDINGS) kept.push(finding);
  }
  for (const [key, count] of counts) {
    if (count <= MAX_SAME_FINDINGS) continue;
    const sample = kept.find((finding) => `${finding.file ?? ''}\u0000${finding.id}` === key)!;
    kept.push({
      id: sample.id,
      severity: sample.severity,
      file: sample.file,
      message: `${count - MAX_SAME_FINDINGS} more ${sample.id} findings like the one at line ${sample.line ?? 1} are not listed; fix the first ones and check again.`,
    });
  }
  return kept;
}

/**
 * Reads files and pasted text into decoded certificates, findings and the wire entries ARM receives.
 * Never throws: anything unexpected becomes an error finding.
 */
export async function readBundle(inputs: BundleInput[], options: ReadBundleOptions): Promise<BundleResult> {
  try {
    const findings: Finding[] = [];
    const candidates: CertificateCandidate[] = [];
    for (const input of inputs) {
      const result = intake(input);
      candidates.push(...result.candidates);
      findings.push(...result.findings);
    }
    if (inputs.length === 0)
      findings.push({
        id: 'empty-input',
        severity: 'error',
        message: 'No input was given; paste or upload at least one PEM certificate.',
      });
    const pending: Promise<Decoded>[] = [];
    const decodedByDer = new Map<string, Promise<Decoded>>();
    for (const candidate of candidates) {
      // A repeated certificate (a bundle pasted twice) is decoded and verified once.
      const key = encodeBase64(candidate.der);
      const first = decodedByDer.get(key);
      if (first) {
        pending.push(
          first.then((item) =>
            isFinding(item)
              ? notACertificate(candidate.source, reasons.get(item))
              : { ...item, source: candidate.source },
          ),
        );
        continue;
      }
      const decoding = decodeCandidate(candidate, key);
      decodedByDer.set(key, decoding);
      pending.push(decoding);
      await letStartedChecksRun();
    }
    const decoded = await Promise.all(pending);
    const certificates: CertificateInfo[] = [];
    for (const item of decoded) {
      if (isFinding(item)) findings.push(item);
      else certificates.push({ ...item, index: certificates.length });
    }
    findings.push(...lintCertificates(certificates, { now: options.now }));
    return {
      certificates,
      findings: capRepeats(findings).map(tidy),
      wireEntries: toWireEntries(uniqueCertificates(certificates)),
    };
  } catch {
    return {
      certificates: [],
      findings: [
        {
          id: 'internal-error',
          severity: 'error',
          message:
            'The certificates could not be checked because of an internal error; please report it with the file type you used (not its content).',
        },
      ],
      wireEntries: [],
    };
  }
}
