import { AlertOctagon, AlertTriangle, Info } from 'lucide-react';
import type { ReactNode } from 'react';
import type { Finding } from '@/lib/pki';
import { visibleText } from '@/lib/pki/visible-text';
import { readableInstants } from '@/components/ui/cert-text';
import { CertText } from '@/components/ui/CertText';

const SEVERITY = {
  error: {
    word: 'Error',
    Icon: AlertOctagon,
    className: 'border-red-700 text-red-900 dark:border-red-400 dark:text-red-100',
  },
  warning: {
    word: 'Warning',
    Icon: AlertTriangle,
    className: 'border-amber-700 text-amber-950 dark:border-amber-400 dark:text-amber-100',
  },
  info: { word: 'Info', Icon: Info, className: 'border-sky-700 text-sky-950 dark:border-sky-400 dark:text-sky-100' },
} as const;

/**
 * Where a finding is: the file or pasted text and its line, or the certificate it is about. File and certificate
 * names are isolated (CertText), so neither can reorder the line number or each other.
 */
export function findingPlace(
  finding: Finding,
  certificateName?: (index: number) => string | undefined,
): ReactNode | undefined {
  const name = finding.certificateIndex !== undefined ? certificateName?.(finding.certificateIndex) : undefined;
  if (!finding.file && !finding.line && !name) return undefined;
  return (
    <>
      {finding.file && <CertText value={finding.file} />}
      {finding.file && finding.line
        ? `, line ${finding.line}`
        : !finding.file && finding.line
          ? `line ${finding.line}`
          : ''}
      {(finding.file || finding.line) && name ? ' · ' : ''}
      {name && (
        <>
          certificate &quot;
          <CertText value={name} />
          &quot;
        </>
      )}
    </>
  );
}

/**
 * A finding's sentence as shown: every quoted part (lib/pki quotes certificate names) is isolated and made
 * visible with CertText, and ISO instants read as dates (`2026-03-01 14:05:00 UTC`).
 */
export function FindingMessage({ message }: { message: string }) {
  const parts = readableInstants(message).split(/"([^"]*)"/);
  return (
    <span className="[overflow-wrap:anywhere]" data-testid="finding-message">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <span key={index}>
            &quot;
            <CertText value={part} />
            &quot;
          </span>
        ) : (
          visibleText(part)
        ),
      )}
    </span>
  );
}

/** One finding: severity in words and icon (never colour alone), the sentence, and where. */
export function FindingItem({ finding, place, action }: { finding: Finding; place?: ReactNode; action?: ReactNode }) {
  const { word, Icon, className } = SEVERITY[finding.severity];
  return (
    <li
      className={`flex items-start gap-2 rounded border-l-4 bg-white px-2 py-1 text-sm dark:bg-slate-950 ${className}`}
      data-testid="finding"
      data-finding-id={finding.id}
      data-severity={finding.severity}
    >
      <Icon aria-hidden="true" className="mt-0.5 h-4 w-4 shrink-0" />
      <span className="min-w-0">
        <strong>{word}:</strong> <FindingMessage message={finding.message} />
        {place && <span className="block text-xs text-slate-700 dark:text-slate-300">{place}</span>}
        {action && <span className="mt-1 block">{action}</span>}
      </span>
    </li>
  );
}

/**
 * Findings, errors first. Errors sit in an alert region (announced at once); warnings and infos in a polite one.
 */
export function FindingList({
  id,
  findings,
  certificateName,
  label,
  actionFor,
}: {
  id?: string;
  findings: Finding[];
  certificateName?: (index: number) => string | undefined;
  label: string;
  /** An action offered on a finding (e.g. Remove the key on the first private-key finding of a source). */
  actionFor?: (finding: Finding, index: number) => ReactNode;
}) {
  const errors = findings.filter((finding) => finding.severity === 'error');
  const others = findings.filter((finding) => finding.severity !== 'error');
  return (
    <div id={id} className="space-y-2" data-testid="finding-list">
      <div role="alert">
        {errors.length > 0 && (
          <ul className="space-y-1" aria-label={`${label}: errors`}>
            {errors.map((finding, index) => (
              <FindingItem
                key={`e-${finding.id}-${index}`}
                finding={finding}
                place={findingPlace(finding, certificateName)}
                action={actionFor?.(finding, index)}
              />
            ))}
          </ul>
        )}
      </div>
      <div aria-live="polite">
        {others.length > 0 && (
          <ul className="space-y-1" aria-label={`${label}: warnings and notes`}>
            {others.map((finding, index) => (
              <FindingItem
                key={`o-${finding.id}-${index}`}
                finding={finding}
                place={findingPlace(finding, certificateName)}
              />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
