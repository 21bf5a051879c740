import type { CertificateInfo } from './types';

type Comparable = Pick<CertificateInfo, 'sha256' | 'subject' | 'subjectKeyIdentifier' | 'notAfter' | 'displayName'>;

export interface Rotation<T extends Comparable = Comparable> {
  from: T;
  to: T;
  /** Why we think `to` replaces `from`. */
  reason: 'same-subject-and-key-identifier' | 'same-subject-later-expiry';
}

export interface BundleDiff<T extends Comparable = Comparable> {
  added: T[];
  removed: T[];
  unchanged: T[];
  /** Pairs taken out of added/removed: a new certificate that probably replaces an old one. */
  rotated: Rotation<T>[];
}

function uniqueBySha256<T extends Comparable>(certificates: T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const certificate of certificates) if (!map.has(certificate.sha256)) map.set(certificate.sha256, certificate);
  return map;
}

/**
 * Compares the current and proposed bundles by SHA-256 of the DER, so order, duplicates and PEM
 * formatting never count as change.
 */
export function diffBundles<T extends Comparable>(current: T[], proposed: T[]): BundleDiff<T> {
  const before = uniqueBySha256(current);
  const after = uniqueBySha256(proposed);
  const unchanged = [...after.values()].filter((certificate) => before.has(certificate.sha256));
  let added = [...after.values()].filter((certificate) => !before.has(certificate.sha256));
  let removed = [...before.values()].filter((certificate) => !after.has(certificate.sha256));
  const rotated: Rotation<T>[] = [];
  for (const to of [...added]) {
    const sameKey = removed.find(
      (from) =>
        from.subject === to.subject &&
        from.subjectKeyIdentifier !== null &&
        from.subjectKeyIdentifier === to.subjectKeyIdentifier,
    );
    const sameSubject = sameKey
      ? undefined
      : removed.find((from) => from.subject === to.subject && Date.parse(to.notAfter) > Date.parse(from.notAfter));
    const from = sameKey ?? sameSubject;
    if (!from) continue;
    rotated.push({ from, to, reason: sameKey ? 'same-subject-and-key-identifier' : 'same-subject-later-expiry' });
    added = added.filter((certificate) => certificate !== to);
    removed = removed.filter((certificate) => certificate !== from);
  }
  return { added, removed, unchanged, rotated };
}
