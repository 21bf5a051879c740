'use client';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'next/navigation';
import { searchCas } from '@/lib/fleet';
import { CaSummary } from './CaSummary';
import { FindByFile } from './FindByFile';
import { FleetDownloads } from './FleetDownloads';
import { useFleet } from './fleet-context';
import { useQueryPatch } from './use-query-state';

/** Every distinct CA across the loaded fleet, searchable by fingerprint, SHA-1, SKI or subject, or by file. */
export function CaIndexView() {
  const { index, clusters, loading, now } = useFleet();
  const params = useSearchParams();
  const patchQuery = useQueryPatch();
  const [query, setQuery] = useState(() => params.get('q') ?? '');
  const matches = useMemo(() => searchCas(index, query), [index, query]);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Fleet CA index</h1>
      <p className="max-w-3xl text-slate-700 dark:text-slate-300">
        Every CA that a loaded cluster trusts, once per certificate (by SHA-256 of its DER), in every tenant you can
        reach. Open one to see which clusters trust it and which do not.
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <form role="search" className="space-y-1" onSubmit={(event) => event.preventDefault()}>
          <label htmlFor="ca-search" className="block text-sm font-medium">
            Find a CA
          </label>
          <input
            id="ca-search"
            type="search"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              patchQuery({ q: event.target.value.trim() || undefined });
            }}
            aria-describedby="ca-search-help"
            autoComplete="off"
            spellCheck={false}
            className="w-full rounded border border-slate-400 bg-white px-2 py-1.5 font-mono text-sm dark:border-slate-600 dark:bg-slate-900"
          />
          <p id="ca-search-help" className="text-xs text-slate-700 dark:text-slate-300">
            SHA-256 or SHA-1 fingerprint (with or without colons, any case), subject key identifier, or text from the
            subject.
          </p>
        </form>
        <FindByFile index={index} now={now} />
      </div>

      <section aria-labelledby="ca-list-heading" className="space-y-3">
        <h2 id="ca-list-heading" className="text-lg font-semibold">
          {query.trim() ? 'Matching CAs' : 'All CAs'}
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite" data-testid="ca-count">
          {loading && index.length === 0
            ? 'Loading…'
            : `${matches.length} of ${index.length} CA${index.length === 1 ? '' : 's'} across ${clusters.length} cluster${clusters.length === 1 ? '' : 's'}.`}
        </p>
        <ul className="grid gap-3 xl:grid-cols-2">
          {matches.map(({ ca, matchedBy }) => (
            <li key={ca.sha256}>
              <CaSummary ca={ca} now={now} matchedBy={matchedBy} />
            </li>
          ))}
        </ul>
      </section>
      <FleetDownloads />
    </div>
  );
}
