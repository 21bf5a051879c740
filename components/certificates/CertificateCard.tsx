'use client';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { BadgeCheck, Download } from 'lucide-react';
import { validityStatus, type CertificateInfo, type Finding } from '@/lib/pki';
import { Badge } from '@/components/ui/Badge';
import { certLabel, certText } from '@/components/ui/cert-text';
import { CertText } from '@/components/ui/CertText';
import { CopyButton } from '@/components/ui/CopyButton';
import { ExpiryBadge } from '@/components/ui/ExpiryBadge';
import { downloadFile, pemToDer, safeFileName } from '@/components/ui/download';
import { SECONDARY_BUTTON } from '@/components/ui/buttons';
import { CertificateDetails } from './CertificateDetails';
import { FindingItem } from './FindingList';
import { colonHex, localTime, relativeValidity, utcTime } from './format';

/** One certificate, in the order of value of ux.md: name, validity, fingerprints, then every other field. */
export function CertificateCard({
  certificate,
  now,
  findings = [],
  badges,
  actions,
  headingLevel = 3,
}: {
  certificate: CertificateInfo;
  now: Date;
  findings?: Finding[];
  badges?: ReactNode;
  actions?: ReactNode;
  headingLevel?: 3 | 4;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const status = validityStatus(certificate, now);
  const label = certLabel(certificate.displayName);
  const nameIsCut = certText(certificate.displayName).cut;
  return (
    <article
      className="min-w-0 space-y-3 rounded border border-slate-300 p-4 dark:border-slate-700"
      data-testid="certificate-card"
      data-sha256={certificate.sha256}
      aria-label={label}
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <Heading className="min-w-0 text-base font-semibold" data-testid="certificate-name">
            <CertText value={certificate.displayName} />
          </Heading>
          {nameIsCut && <CopyButton text={certificate.displayName} label={`Copy the whole name of ${label}`} />}
          {certificate.selfIssued && (
            <Badge tone="info">
              <BadgeCheck aria-hidden="true" className="h-3.5 w-3.5" /> Self-signed
            </Badge>
          )}
          {badges}
        </div>
        <div className="flex flex-wrap gap-2">{actions}</div>
      </header>

      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium text-slate-700 dark:text-slate-300">Validity</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <ExpiryBadge status={status} />
          <span data-testid="relative-validity">
            {relativeValidity(certificate.notBefore, certificate.notAfter, now)}
          </span>
        </dd>
        <dt className="font-medium text-slate-700 dark:text-slate-300">Not before</dt>
        <dd>
          <time dateTime={certificate.notBefore}>{localTime(certificate.notBefore)}</time>{' '}
          <span className="text-slate-600 dark:text-slate-400">({utcTime(certificate.notBefore)})</span>
        </dd>
        <dt className="font-medium text-slate-700 dark:text-slate-300">Not after</dt>
        <dd>
          <time dateTime={certificate.notAfter}>{localTime(certificate.notAfter)}</time>{' '}
          <span className="text-slate-600 dark:text-slate-400">({utcTime(certificate.notAfter)})</span>
        </dd>
        <dt className="font-medium text-slate-700 dark:text-slate-300">SHA-256</dt>
        <dd className="flex items-start gap-2">
          <code className="font-mono text-xs break-all" data-testid="sha256" data-fingerprint="sha256">
            {colonHex(certificate.sha256)}
          </code>
          <CopyButton text={colonHex(certificate.sha256)} label={`Copy the SHA-256 fingerprint of ${label}`} />
        </dd>
        <dt className="font-medium text-slate-700 dark:text-slate-300">SPKI SHA-256</dt>
        <dd>
          <code className="font-mono text-xs break-all">{colonHex(certificate.spkiSha256)}</code>
        </dd>
        <dt className="sr-only">Fleet</dt>
        <dd className="col-start-2">
          <Link href={`/cas/${certificate.sha256}`} className="text-blue-800 underline dark:text-blue-300">
            Which clusters trust this CA?<span className="sr-only"> ({label})</span>
          </Link>
        </dd>
      </dl>

      {findings.length > 0 && (
        <ul className="space-y-1" aria-label={`Findings for ${label}`}>
          {findings.map((finding, index) => (
            <FindingItem key={`${finding.id}-${index}`} finding={finding} />
          ))}
        </ul>
      )}

      <details className="text-sm">
        <summary className="cursor-pointer font-medium">All fields</summary>
        <div className="mt-2">
          <CertificateDetails certificate={certificate} />
        </div>
      </details>

      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={SECONDARY_BUTTON}
          onClick={() =>
            downloadFile(safeFileName(certificate.displayName, 'pem'), certificate.pem, 'application/x-pem-file')
          }
        >
          <Download aria-hidden="true" className="h-4 w-4" /> PEM
          <span className="sr-only"> of {label}</span>
        </button>
        <button
          type="button"
          className={SECONDARY_BUTTON}
          onClick={() =>
            downloadFile(
              safeFileName(certificate.displayName, 'der'),
              pemToDer(certificate.pem),
              'application/pkix-cert',
            )
          }
        >
          <Download aria-hidden="true" className="h-4 w-4" /> DER
          <span className="sr-only"> of {label}</span>
        </button>
      </div>
    </article>
  );
}
