/**
 * Finding a CA in the fleet index by what an operator has at hand: a SHA-256 or SHA-1 fingerprint (with or
 * without colons or spaces, any case), a subject key identifier, or text from its subject. Pure.
 */
import type { FleetCa } from './types';

const HEX_SEPARATORS = /[\s:.-]/g;

/** Hex digits only, lower case, when the text is a hex string (separators allowed); otherwise null. */
export function normalizeHex(text: string): string | null {
  const hex = text.trim().replace(HEX_SEPARATORS, '').toLowerCase();
  return hex.length >= 2 && /^[0-9a-f]+$/.test(hex) ? hex : null;
}

/** A SHA-256 fingerprint (64 hex digits, separators allowed, any case) as normalizeHex gives it; else null. */
export function normalizeSha256(text: string): string | null {
  const hex = normalizeHex(text);
  return hex && hex.length === 64 ? hex : null;
}

export type MatchKind = 'sha256' | 'sha1' | 'ski' | 'text';

export interface CaMatch {
  ca: FleetCa;
  matchedBy: MatchKind;
}

function matchOf(ca: FleetCa, hex: string | null, text: string): MatchKind | null {
  if (hex) {
    if (ca.sha256 === hex) return 'sha256';
    if (ca.sha1 === hex) return 'sha1';
    if (ca.subjectKeyIdentifier === hex) return 'ski';
  }
  if (text && (ca.displayName.toLowerCase().includes(text) || ca.subject.toLowerCase().includes(text))) return 'text';
  return null;
}

/**
 * The CAs the query names. Fingerprints and key identifiers match whole values only (a fingerprint is an
 * identity, a prefix is not); subject text matches anywhere in the display name or subject DN, case-insensitively.
 * An empty query matches every CA.
 */
export function searchCas(index: readonly FleetCa[], query: string): CaMatch[] {
  const text = query.trim().toLowerCase();
  if (!text) return index.map((ca) => ({ ca, matchedBy: 'text' as const }));
  const hex = normalizeHex(text);
  const matches: CaMatch[] = [];
  for (const ca of index) {
    const matchedBy = matchOf(ca, hex, text);
    if (matchedBy) matches.push({ ca, matchedBy });
  }
  // Exact identities first: a SHA-256 hit is the answer, text hits are context.
  const rank: Record<MatchKind, number> = { sha256: 0, sha1: 1, ski: 2, text: 3 };
  return matches.sort((a, b) => rank[a.matchedBy] - rank[b.matchedBy]);
}
