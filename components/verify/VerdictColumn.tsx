'use client';
import type { PathValidationResult } from '@/lib/pki';
import { Badge } from '@/components/ui/Badge';

/** One bundle's answer for one server: trusted or not, the path, and why not with what to do. */
export function VerdictColumn({
  title,
  result,
  testId,
}: {
  title: string;
  result: PathValidationResult | undefined;
  testId: string;
}) {
  const reasons = result?.findings.filter((finding) => finding.severity !== 'info') ?? [];
  const notes = result?.findings.filter((finding) => finding.severity === 'info') ?? [];
  return (
    <div className="min-w-0 space-y-2 rounded border border-slate-300 p-3 dark:border-slate-700" data-testid={testId}>
      <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
        {title}:{' '}
        {!result ? (
          <span>checking…</span>
        ) : result.trusted ? (
          <Badge tone="info">
            <span data-testid="verdict">Trusted</span>
          </Badge>
        ) : (
          <Badge tone="danger">
            <span data-testid="verdict">Not trusted</span>
          </Badge>
        )}
      </p>
      {result && result.path.length > 0 && (
        <ol
          className="space-y-0.5 text-xs"
          aria-label={`${title}: ${result.trusted ? 'path used' : 'best candidate path'}`}
        >
          {result.path.map((entry) => (
            <li key={entry.sha256} className="break-words">
              <span className="text-slate-600 dark:text-slate-400">{entry.role}: </span>
              <bdi>{entry.displayName}</bdi>
            </li>
          ))}
        </ol>
      )}
      {reasons.length > 0 && (
        <ul className="space-y-1 text-sm" aria-label={`${title}: why not`}>
          {reasons.map((finding, index) => (
            <li key={`${finding.id}-${index}`} data-testid="reason" data-reason-id={finding.id} className="break-words">
              <code className="text-xs">{finding.id}</code> <bdi>{finding.message}</bdi>
            </li>
          ))}
        </ul>
      )}
      {notes.map((finding, index) => (
        <p key={`${finding.id}-${index}`} className="text-xs break-words text-slate-700 dark:text-slate-300">
          <bdi>{finding.message}</bdi>
        </p>
      ))}
    </div>
  );
}
