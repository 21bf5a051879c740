'use client';
import Link from 'next/link';
import type { FleetCa, MatchKind } from '@/lib/fleet';
import { relativeExpiry } from '@/lib/inventory/expiry';
import { ExpiryBadge } from '@/components/ui/ExpiryBadge';
import { utcTime } from '@/components/certificates/format';
import { formatFingerprint } from '@/lib/pki/fingerprint';
import { CertText } from '@/components/ui/CertText';
import { CaChangeLinks } from './plan/CaChangeLinks';

const MATCHED_BY: Record<MatchKind, string | null> = {
  sha256: 'Matches the SHA-256 fingerprint',
  sha1: 'Matches the SHA-1 fingerprint',
  ski: 'Matches the subject key identifier',
  text: null,
};

export function caHref(sha256: string, query?: URLSearchParams): string {
  const search = query?.toString();
  return `/cas/${sha256}${search ? `?${search}` : ''}`;
}

/** One CA of the fleet index: name, issuer, expiry, key, fingerprint and how many clusters trust it. */
export function CaSummary({ ca, now, matchedBy }: { ca: FleetCa; now: Date; matchedBy?: MatchKind }) {
  const matched = matchedBy ? MATCHED_BY[matchedBy] : null;
  return (
    <article
      className="space-y-2 rounded border border-slate-300 p-3 dark:border-slate-700"
      data-testid="ca-entry"
      data-sha256={ca.sha256}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-base font-semibold">
          <Link href={caHref(ca.sha256)} className="text-blue-800 underline dark:text-blue-300">
            <CertText value={ca.displayName} />
          </Link>
        </h3>
        <span className="text-sm font-medium" data-testid="trust-count">
          Trusted by {ca.clusters.length} cluster{ca.clusters.length === 1 ? '' : 's'}
        </span>
      </div>
      {matched && <p className="text-xs text-slate-700 dark:text-slate-300">{matched}</p>}
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-700 dark:text-slate-300">Issuer</dt>
        <dd>
          <CertText value={ca.issuer} />
        </dd>
        <dt className="font-medium text-slate-700 dark:text-slate-300">Expiry</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <ExpiryBadge status={ca.status} />
          <span>{relativeExpiry(ca.notAfter, now)}</span>
          <time dateTime={ca.notAfter} className="text-slate-700 dark:text-slate-300">
            ({utcTime(ca.notAfter)})
          </time>
        </dd>
        <dt className="font-medium text-slate-700 dark:text-slate-300">Key</dt>
        <dd>{ca.keyDescription}</dd>
        <dt className="font-medium text-slate-700 dark:text-slate-300">SHA-256</dt>
        <dd>
          <code className="font-mono text-xs break-all">{formatFingerprint(ca.sha256)}</code>
        </dd>
      </dl>
      <CaChangeLinks sha256={ca.sha256} name={ca.displayName} />
    </article>
  );
}
