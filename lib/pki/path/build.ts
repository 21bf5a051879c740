import { sameBytes } from '../decode/names';
import { checkCertificate, checkSignatureFrom, type Problem, type Role, type ValidityContext } from './checks';
import { alreadyInChain, type PathCertificate } from './model';

/** Go's maxChainSignatureChecks: CheckSignatureFrom calls one verification may make. */
export const MAX_SIGNATURE_CHECKS = 100;

export type PathEnd =
  /** The top certificate is a trust anchor. */
  | 'anchor'
  /** No certificate with the top certificate's issuer name was sent or trusted. */
  | 'issuer-unknown'
  /** The top certificate is self-issued and not trusted. */
  | 'untrusted-self-signed'
  /** Issuers with the right name exist but each one failed (their problems are on longer candidates). */
  | 'issuers-failed'
  | 'search-limit';

export interface CandidatePath {
  chain: PathCertificate[];
  end: PathEnd;
  problems: Problem[];
}

export interface Pools {
  anchors: PathCertificate[];
  intermediates: PathCertificate[];
}

/** Go's CertPool.findPotentialParents: same name as the issuer; SKI = AKI first, then one of them absent, then the rest. */
export function potentialParents(pool: PathCertificate[], child: PathCertificate): PathCertificate[] {
  const named = pool.filter((candidate) => sameBytes(candidate.rawSubject, child.rawIssuer));
  const aki = child.info.authorityKeyIdentifier;
  const rank = (candidate: PathCertificate) => {
    const ski = candidate.info.subjectKeyIdentifier;
    if (ski === aki) return 0;
    return (ski === null) !== (aki === null) ? 1 : 2;
  };
  return named
    .map((candidate, index) => ({ candidate, index }))
    .sort((a, b) => rank(a.candidate) - rank(b.candidate) || a.index - b.index)
    .map(({ candidate }) => candidate);
}

interface Search {
  pools: Pools;
  context: ValidityContext;
  /** true: Go's buildChains (a failing candidate is dropped). false: follow failing candidates too, to explain. */
  prune: boolean;
  signatureChecks: number;
  results: CandidatePath[];
}

async function extend(search: Search, chain: PathCertificate[], problems: Problem[]): Promise<void> {
  const top = chain[chain.length - 1]!;
  const candidates: { certificate: PathCertificate; role: Role }[] = [
    ...potentialParents(search.pools.anchors, top).map((certificate) => ({ certificate, role: 'root' as const })),
    ...potentialParents(search.pools.intermediates, top).map((certificate) => ({
      certificate,
      role: 'intermediate' as const,
    })),
  ];
  let considered = 0;
  for (const { certificate, role } of candidates) {
    if (alreadyInChain(certificate, chain)) continue;
    if (search.signatureChecks >= MAX_SIGNATURE_CHECKS) {
      search.results.push({ chain, end: 'search-limit', problems });
      return;
    }
    search.signatureChecks++;
    considered++;
    const found = [
      ...(await checkSignatureFrom(top, certificate, role)),
      ...checkCertificate(certificate, role, chain, search.context),
    ];
    if (search.prune && found.length > 0) continue;
    const next = [...chain, certificate];
    if (role === 'root') search.results.push({ chain: next, end: 'anchor', problems: [...problems, ...found] });
    else await extend(search, next, [...problems, ...found]);
  }
  if (considered === 0 && !search.prune) {
    const selfIssued = sameBytes(top.rawSubject, top.rawIssuer);
    search.results.push({
      chain,
      end: selfIssued ? 'untrusted-self-signed' : candidates.length > 0 ? 'issuers-failed' : 'issuer-unknown',
      problems,
    });
  }
}

/**
 * Candidate paths from `leaf` (already checked on its own) to the anchors. With `prune`, exactly Go's
 * buildChains: only paths where every certificate passed, in Go's order. Without, every path the search can
 * reach, each with the problems found on it and how it ends.
 */
export async function buildPaths(
  leaf: PathCertificate,
  pools: Pools,
  context: ValidityContext,
  prune: boolean,
): Promise<CandidatePath[]> {
  const search: Search = { pools, context, prune, signatureChecks: 0, results: [] };
  await extend(search, [leaf], []);
  return search.results;
}
