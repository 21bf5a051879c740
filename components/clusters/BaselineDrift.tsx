'use client';
import { createContext, useContext, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { FileUp, X } from 'lucide-react';
import { baselineDrift, readBaseline, type BaselineDrift } from '@/lib/fleet/plan/baseline';
import type { ClusterRow } from '@/lib/inventory/cluster-row';
import { MAX_INPUT_BYTES } from '@/lib/pki';
import { Badge } from '@/components/ui/Badge';
import { CertText } from '@/components/ui/CertText';
import { SECONDARY_BUTTON } from '@/components/ui/buttons';
import { handOff, readStoredBaseline, storeBaseline } from '@/components/fleet/plan/handoff';

interface Baseline {
  name: string;
  sha256: string[];
  pems: string[];
}

const DriftContext = createContext<Baseline | null>(null);

/** Per row: matches, missing N, extra N against the loaded baseline (nothing when none is loaded). */
export function DriftBadge({ row }: { row: ClusterRow }) {
  const baseline = useContext(DriftContext);
  if (!baseline) return null;
  const drift = baselineDrift({ certificates: row.caSha256.map((sha256) => ({ sha256 })) }, baseline.sha256);
  return (
    <span data-testid="baseline-drift" data-matches={String(drift.matches)}>
      {drift.matches ? (
        <Badge tone="neutral">matches the baseline</Badge>
      ) : (
        <Badge tone="warning" title={`Against the baseline ${baseline.name}`}>
          {[
            drift.missing.length && `missing ${drift.missing.length}`,
            drift.extra.length && `extra ${drift.extra.length}`,
          ]
            .filter(Boolean)
            .join(', ')}
        </Badge>
      )}
    </span>
  );
}

function driftOf(rows: readonly ClusterRow[], baseline: Baseline): { row: ClusterRow; drift: BaselineDrift }[] {
  return rows.map((row) => ({
    row,
    drift: baselineDrift({ certificates: row.caSha256.map((sha256) => ({ sha256 })) }, baseline.sha256),
  }));
}

/**
 * Baseline drift (issue 12): a baseline bundle file (kept in the team's repository) read by lib/pki in the browser;
 * the rows say whether each cluster matches it; "Make these match the baseline" opens a plan for the drifting ones.
 * The toolbar control and the provider of the rows' badges.
 */
export function BaselineDriftProvider({
  rows,
  actions,
  children,
}: {
  rows: readonly ClusterRow[];
  /** Other toolbar controls, shown first. */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const router = useRouter();
  const inputId = useId();
  const [baseline, setBaseline] = useState<Baseline | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async (name: string, content: string | Uint8Array) => {
    const read = await readBaseline([{ name, content }], new Date());
    setError(null);
    if (!read.ok) {
      setError(read.message);
      return;
    }
    const pems = read.certificates.map((c) => c.pem);
    storeBaseline({ name, certificates: pems });
    setBaseline({ name, sha256: read.sha256, pems });
  };
  // A baseline loaded earlier in this tab stays loaded across reloads.
  useEffect(() => {
    const stored = readStoredBaseline();
    if (!stored) return;
    let current = true;
    void readBaseline([{ name: stored.name, content: stored.certificates.join('\n') }], new Date()).then((read) => {
      if (current && read.ok)
        setBaseline({ name: stored.name, sha256: read.sha256, pems: read.certificates.map((c) => c.pem) });
    });
    return () => {
      current = false;
    };
  }, []);

  const drifting = useMemo(
    () => (baseline ? driftOf(rows, baseline).filter(({ drift }) => !drift.matches) : []),
    [rows, baseline],
  );

  return (
    <DriftContext.Provider value={baseline}>
      <div className="flex min-h-8 flex-wrap items-center gap-2 text-sm" data-testid="baseline-toolbar">
        {actions}
        {baseline ? (
          <>
            <p aria-live="polite" data-testid="baseline-summary">
              Baseline <CertText value={baseline.name} /> ({baseline.sha256.length} CA
              {baseline.sha256.length === 1 ? '' : 's'}): {rows.length - drifting.length} of {rows.length} clusters
              match.
            </p>
            <button
              type="button"
              className={SECONDARY_BUTTON}
              disabled={drifting.length === 0}
              onClick={() => {
                handOff({ clusterIds: drifting.map(({ row }) => row.id) });
                router.push('/fleet/new?kind=baseline&baseline=loaded&chosen=1');
              }}
            >
              Make these match the baseline ({drifting.length})
            </button>
            <button
              type="button"
              className={SECONDARY_BUTTON}
              onClick={() => {
                storeBaseline(null);
                setBaseline(null);
              }}
            >
              <X aria-hidden="true" className="h-4 w-4" /> Forget the baseline
            </button>
          </>
        ) : (
          <>
            <label htmlFor={inputId} className={`${SECONDARY_BUTTON} cursor-pointer focus-within:outline-2`}>
              <FileUp aria-hidden="true" className="h-4 w-4" /> Compare with a baseline bundle…
            </label>
            <input
              id={inputId}
              type="file"
              className="sr-only"
              data-testid="baseline-file-input"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file)
                  void file
                    .slice(0, MAX_INPUT_BYTES + 1)
                    .arrayBuffer()
                    .then((bytes) => load(file.name, new Uint8Array(bytes)));
              }}
            />
          </>
        )}
        {error && (
          <p role="alert" className="text-red-800 dark:text-red-200">
            {error}
          </p>
        )}
      </div>
      {children}
    </DriftContext.Provider>
  );
}
