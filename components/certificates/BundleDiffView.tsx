import { ArrowRight, Equal, Minus, Plus, RefreshCw } from 'lucide-react';
import type { ReactNode } from 'react';
import type { BundleDiff, Rotation } from '@/lib/pki';
import type { ProposedCertificate } from '@/lib/clusters/proposal';
import { isNoChange } from '@/lib/clusters/proposal';
import { certLabel } from '@/components/ui/cert-text';
import { CertText } from '@/components/ui/CertText';
import { formatFingerprint } from '@/lib/pki/fingerprint';
import { colonHex, publicKeyText, utcTime } from './format';
import { ColumnHeaders } from '@/components/ui/ColumnHeaders';

type Diff = BundleDiff<ProposedCertificate>;

export function diffSummary(diff: Diff): string {
  const parts = [
    `${diff.added.length} added`,
    `${diff.removed.length} removed`,
    `${diff.rotated.length} rotated`,
    `${diff.unchanged.length} unchanged`,
  ];
  return parts.join(', ');
}

function Section({
  title,
  icon,
  count,
  testId,
  children,
}: {
  title: string;
  icon: ReactNode;
  count: number;
  testId: string;
  children: ReactNode;
}) {
  if (count === 0) return null;
  return (
    <section aria-label={`${title}: ${count}`} data-testid={testId} className="space-y-1">
      <h4 className="flex items-center gap-1 font-semibold">
        {icon} {title} ({count})
      </h4>
      <ul className="space-y-1 text-sm">{children}</ul>
    </section>
  );
}

function CertificateLine({ certificate }: { certificate: ProposedCertificate }) {
  return (
    <li
      className="min-w-0 rounded border border-slate-200 px-2 py-1 dark:border-slate-800"
      data-testid="diff-certificate"
      data-sha256={certificate.sha256}
    >
      <CertText value={certificate.displayName} className="font-medium" />{' '}
      <span className="text-slate-700 dark:text-slate-300">
        · expires {utcTime(certificate.notAfter)} · SHA-256{' '}
        <code className="font-mono text-xs break-all" data-fingerprint="sha256">
          {formatFingerprint(certificate.sha256)}
        </code>
      </span>
    </li>
  );
}

function RotationTable({ rotation }: { rotation: Rotation<ProposedCertificate> }) {
  const { from, to } = rotation;
  const rows: [string, string, string][] = [
    ['Not before', utcTime(from.notBefore), utcTime(to.notBefore)],
    ['Not after', utcTime(from.notAfter), utcTime(to.notAfter)],
    ['Public key', publicKeyText(from.publicKey), publicKeyText(to.publicKey)],
    [
      'Key identifier',
      from.subjectKeyIdentifier ? colonHex(from.subjectKeyIdentifier) : 'absent',
      to.subjectKeyIdentifier ? colonHex(to.subjectKeyIdentifier) : 'absent',
    ],
    ['Serial', colonHex(from.serialNumber), colonHex(to.serialNumber)],
  ];
  return (
    <li className="min-w-0 space-y-1">
      <p className="font-medium [overflow-wrap:anywhere]">
        <CertText value={from.displayName} /> <ArrowRight aria-label="replaced by" className="inline h-4 w-4" />{' '}
        <CertText value={to.displayName} />
        <span className="ml-2 text-xs text-slate-700 dark:text-slate-300">
          (
          {rotation.reason === 'same-subject-and-key-identifier'
            ? 'same subject and key identifier'
            : 'same subject, later expiry'}
          )
        </span>
      </p>
      <table className="w-full text-left text-xs">
        <caption className="sr-only">Fields of {certLabel(from.displayName)}: current against proposed</caption>
        <ColumnHeaders gap="pr-2" columns={[{ label: 'Field' }, { label: 'Current' }, { label: 'Proposed' }]} />
        <tbody>
          {rows.map(([field, before, after]) => (
            <tr key={field} className={before !== after ? 'font-semibold' : ''}>
              <th scope="row" className="pr-2 font-medium">
                {field}
                {before !== after && <span className="sr-only"> (differs)</span>}
              </th>
              <td className="pr-2 font-mono break-all">{before}</td>
              <td className="font-mono break-all">{after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </li>
  );
}

/** Current against proposed, by SHA-256 of the DER: what is added, removed, rotated, and left as it is. */
export function BundleDiffView({ diff }: { diff: Diff }) {
  return (
    <div className="space-y-3" data-testid="bundle-diff">
      <p className="text-sm" data-testid="diff-summary">
        {isNoChange(diff)
          ? 'No change: the proposed bundle holds the same certificates as the cluster. Order, duplicates and encoding do not count.'
          : `Changes: ${diffSummary(diff)}.`}
      </p>
      <Section
        title="Added"
        icon={<Plus aria-hidden="true" className="h-4 w-4" />}
        count={diff.added.length}
        testId="diff-added"
      >
        {diff.added.map((certificate) => (
          <CertificateLine key={certificate.sha256} certificate={certificate} />
        ))}
      </Section>
      <Section
        title="Removed"
        icon={<Minus aria-hidden="true" className="h-4 w-4" />}
        count={diff.removed.length}
        testId="diff-removed"
      >
        {diff.removed.map((certificate) => (
          <CertificateLine key={certificate.sha256} certificate={certificate} />
        ))}
      </Section>
      <Section
        title="Probable rotation"
        icon={<RefreshCw aria-hidden="true" className="h-4 w-4" />}
        count={diff.rotated.length}
        testId="diff-rotated"
      >
        {diff.rotated.map((rotation) => (
          <RotationTable key={rotation.to.sha256} rotation={rotation} />
        ))}
      </Section>
      <Section
        title="Unchanged"
        icon={<Equal aria-hidden="true" className="h-4 w-4" />}
        count={diff.unchanged.length}
        testId="diff-unchanged"
      >
        {diff.unchanged.map((certificate) => (
          <CertificateLine key={certificate.sha256} certificate={certificate} />
        ))}
      </Section>
    </div>
  );
}
