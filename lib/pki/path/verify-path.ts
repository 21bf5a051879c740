import type { Finding } from '../types';
import { buildPaths, type CandidatePath } from './build';
import { checkCertificate, MIN_RSA_BITS, type Problem, type Purpose, type Role } from './checks';
import { matchesOnlyCommonName, verifyHostname, wildcardNearMiss } from './hostname';
import { endFinding, hostnameFinding, problemFinding } from './messages';
import { preparePathCertificate, sameCertificate, type CertificateSource, type PathCertificate } from './model';

export interface VerifyPathOptions {
  /** The peer's certificate (the first one a server sends). */
  leaf: CertificateSource;
  /** Untrusted certificates that may complete the path (the rest of what the server sends). */
  intermediates?: CertificateSource[];
  /** The trust anchors: the CA bundle. */
  anchors: CertificateSource[];
  /** Validation time. */
  at: Date;
  /** Expected peer name: a DNS name, or an IP address (optionally in brackets); omitted = not checked. */
  host?: string;
  purpose?: Purpose;
  /** Longest path accepted, in certificates (leaf and root included); Go has no such limit. */
  maxDepth?: number;
}

export interface PathEntry {
  subject: string;
  displayName: string;
  sha256: string;
  role: Role;
  notAfter: string;
}

export interface PathValidationResult {
  trusted: boolean;
  /** The path used when trusted, else the best candidate (leaf first). */
  path: PathEntry[];
  /** Errors say why the peer is not trusted and what to do; info notes explain the choice of path. */
  findings: Finding[];
  /** Candidate paths looked at (valid ones when trusted, all reachable ones otherwise). */
  candidates: number;
}

function entry(certificate: PathCertificate, role: Role): PathEntry {
  const { subject, displayName, sha256, notAfter } = certificate.info;
  return { subject, displayName, sha256, role, notAfter };
}

function pathEntries(candidate: CandidatePath): PathEntry[] {
  return candidate.chain.map((certificate, index) =>
    entry(
      certificate,
      index === 0
        ? 'leaf'
        : index === candidate.chain.length - 1 && candidate.end === 'anchor'
          ? 'root'
          : 'intermediate',
    ),
  );
}

async function prepareAll(sources: CertificateSource[], what: string, findings: Finding[]): Promise<PathCertificate[]> {
  const prepared = await Promise.all(sources.map(preparePathCertificate));
  const out: PathCertificate[] = [];
  prepared.forEach((certificate, index) => {
    if (certificate === null) {
      findings.push({
        id: 'unreadable-certificate',
        severity: 'warning',
        message: `${what} ${index + 1} is not a readable X.509 certificate and was left out; export it again as PEM.`,
      });
    } else if (!out.some((seen) => sameCertificate(seen, certificate))) {
      out.push(certificate); // a CertPool holds each certificate once
    }
  });
  return out;
}

function leafProblems(leaf: PathCertificate, options: VerifyPathOptions, purpose: Purpose): Finding[] {
  const context = { at: options.at.getTime(), purpose, maxDepth: null };
  const findings = checkCertificate(leaf, 'leaf', [], context).map((problem) => problemFinding(problem, purpose));
  const key = leaf.info.publicKey;
  if ((key.algorithm === 'RSA' || key.algorithm === 'RSA-PSS') && (key.size ?? 0) < MIN_RSA_BITS) {
    const problem: Problem = {
      id: 'rsa-key-too-small',
      certificate: leaf,
      role: 'leaf',
      detail: String(key.size ?? 0),
    };
    findings.push(problemFinding(problem, purpose));
  }
  if (options.host) {
    const check = verifyHostname(leaf, options.host);
    if (!check.ok) {
      const pattern = check.isIp ? null : wildcardNearMiss(leaf.dnsNames, check.host);
      const kind = check.isIp
        ? 'ip-mismatch'
        : matchesOnlyCommonName(leaf, check.host)
          ? 'name-only-in-common-name'
          : pattern
            ? 'wildcard-mismatch'
            : 'name-mismatch';
      findings.push(hostnameFinding(leaf, check.host, check.isIp, kind, pattern ?? undefined));
    }
  }
  return findings;
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.id}\u0000${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Lower is better: reaching the bundle first, then fewer problems, then a shorter path. */
function score(candidate: CandidatePath): number {
  return (candidate.end === 'anchor' ? 0 : 1000) + candidate.problems.length * 10 + candidate.chain.length;
}

function bestCandidates(candidates: CandidatePath[]): CandidatePath[] {
  const best = Math.min(...candidates.map(score));
  return candidates.filter((candidate) => score(candidate) === best).slice(0, 3);
}

/**
 * Validates a peer certificate the way Go's crypto/x509 Verify does for TLS (see lib/pki/README.md for the
 * rules implemented and those that are not). Never throws.
 */
export async function verifyPath(options: VerifyPathOptions): Promise<PathValidationResult> {
  try {
    return await verifyPathUnsafe(options);
  } catch {
    return {
      trusted: false,
      path: [],
      findings: [
        {
          id: 'internal-error',
          severity: 'error',
          message:
            'The chain could not be checked because of an internal error; please report it (without the certificates).',
        },
      ],
      candidates: 0,
    };
  }
}

async function verifyPathUnsafe(options: VerifyPathOptions): Promise<PathValidationResult> {
  const purpose = options.purpose ?? 'server';
  const findings: Finding[] = [];
  const [leaves, intermediates, anchors] = await Promise.all([
    prepareAll([options.leaf], 'The peer certificate', findings),
    prepareAll(options.intermediates ?? [], 'Chain certificate', findings),
    prepareAll(options.anchors, 'Bundle certificate', findings),
  ]);
  const leaf = leaves[0];
  if (!leaf) {
    return {
      trusted: false,
      path: [],
      findings: [
        {
          id: 'no-peer-certificate',
          severity: 'error',
          message:
            'There is no readable peer certificate to check; paste the chain the server sends, its own certificate first.',
        },
      ],
      candidates: 0,
    };
  }
  if (anchors.length === 0)
    findings.push({
      id: 'empty-bundle',
      severity: 'error',
      message: 'The bundle holds no certificate, so nothing can be trusted: add the root CA that issued the chain.',
    });
  const leafFindings = leafProblems(leaf, options, purpose);
  if (anchors.some((anchor) => sameCertificate(anchor, leaf))) {
    // Go: a peer certificate that is itself in the roots is trusted as a one-certificate chain.
    const path = [entry(leaf, 'root')];
    return { trusted: leafFindings.length === 0, path, findings: [...findings, ...leafFindings], candidates: 1 };
  }
  const context = { at: options.at.getTime(), purpose, maxDepth: options.maxDepth ?? null };
  const pools = { anchors, intermediates };
  const valid = await buildPaths(leaf, pools, context, true);
  if (valid.length > 0) {
    const chosen = valid[0]!;
    const notes: Finding[] = [];
    const all = await buildPaths(leaf, pools, context, false);
    const failing = all.filter((candidate) => candidate.problems.length > 0 || candidate.end !== 'anchor');
    if (failing.length > 0)
      notes.push({
        id: 'other-paths-fail',
        severity: 'info',
        message: `Trusted through '${chosen.chain[chosen.chain.length - 1]!.info.displayName}'; ${failing.length} other candidate path(s) fail (for example ${describeFailure(failing[0]!, purpose, intermediates.length)}).`,
      });
    return {
      trusted: leafFindings.length === 0,
      path: pathEntries(chosen),
      findings: dedupe([...findings, ...leafFindings, ...notes]),
      candidates: valid.length,
    };
  }
  const all = await buildPaths(leaf, pools, context, false);
  const best = bestCandidates(all);
  const reasons = best.flatMap((candidate) => [
    ...candidate.problems.map((problem) => problemFinding(problem, purpose)),
    ...[endFinding(candidate.end, candidate.chain[candidate.chain.length - 1]!, intermediates.length)].filter(
      (finding): finding is Finding => finding !== null,
    ),
  ]);
  return {
    trusted: false,
    path: best[0] ? pathEntries(best[0]) : [entry(leaf, 'leaf')],
    findings: dedupe([...findings, ...leafFindings, ...reasons]),
    candidates: all.length,
  };
}

function describeFailure(candidate: CandidatePath, purpose: Purpose, sent: number): string {
  const first = candidate.problems[0];
  const finding = first
    ? problemFinding(first, purpose)
    : endFinding(candidate.end, candidate.chain[candidate.chain.length - 1]!, sent);
  return finding ? `${finding.id}: ${finding.message.replace(/\.$/, '')}` : 'unknown';
}

export interface VerifyChainOptions extends Omit<VerifyPathOptions, 'leaf' | 'intermediates'> {
  /** What a server sends: its own certificate first, then any intermediates. */
  chain: CertificateSource[];
}

/** verifyPath for a chain as a server sends it. */
export async function verifyChain(options: VerifyChainOptions): Promise<PathValidationResult> {
  const { chain, ...rest } = options;
  if (chain.length === 0)
    return {
      trusted: false,
      path: [],
      findings: [
        {
          id: 'no-peer-certificate',
          severity: 'error',
          message:
            'There is no peer certificate to check; paste the chain the server sends, its own certificate first.',
        },
      ],
      candidates: 0,
    };
  return verifyPath({ ...rest, leaf: chain[0]!, intermediates: chain.slice(1) });
}
