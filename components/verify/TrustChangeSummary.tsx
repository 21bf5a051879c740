'use client';
import type { ServerChecks } from './use-server-checks';

/** In the review, before apply: which checked servers this change breaks or makes trusted. */
export function TrustChangeSummary({ checks }: { checks: ServerChecks }) {
  if (checks.servers.length === 0) return null;
  const rows = checks.servers.map((server) => {
    const verdict = checks.verdicts[server.id];
    const change = !verdict
      ? 'checking'
      : verdict.current.trusted && !verdict.proposed.trusted
        ? 'breaks'
        : !verdict.current.trusted && verdict.proposed.trusted
          ? 'fixes'
          : verdict.proposed.trusted
            ? 'still-trusted'
            : 'still-untrusted';
    return { server, change, verdict };
  });
  const breaks = rows.some((row) => row.change === 'breaks');
  return (
    <section
      aria-labelledby="trust-change-heading"
      className={`space-y-2 rounded border p-3 ${breaks ? 'border-red-700 dark:border-red-400' : 'border-slate-300 dark:border-slate-700'}`}
      data-testid="trust-change"
    >
      <h3 id="trust-change-heading" className="text-lg font-semibold">
        Servers the nodes connect to
      </h3>
      <ul className="space-y-1 text-sm">
        {rows.map(({ server, change, verdict }) => (
          <li key={server.id} data-testid="trust-change-row" data-change={change}>
            {change === 'checking' ? (
              <>
                Checking <bdi>{server.host}</bdi>…
              </>
            ) : change === 'breaks' ? (
              <strong className="text-red-800 dark:text-red-200">
                This change breaks trust for <bdi>{server.host}</bdi>:{' '}
                <bdi>{verdict?.proposed.findings.find((finding) => finding.severity === 'error')?.message}</bdi>
              </strong>
            ) : change === 'fixes' ? (
              <>
                This change makes <bdi>{server.host}</bdi> trusted.
              </>
            ) : change === 'still-trusted' ? (
              <>
                <bdi>{server.host}</bdi> stays trusted.
              </>
            ) : (
              <>
                <bdi>{server.host}</bdi> is not trusted before or after this change (see Check a server).
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
