'use client';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'next/navigation';
import { EXPIRY_WINDOWS, MAX_EXPIRY_WINDOW, expiringWithin, parseWindowDays } from '@/lib/fleet';
import { CaSummary } from './CaSummary';
import { ClusterList } from './ClusterList';
import { FleetDownloads } from './FleetDownloads';
import { useFleet } from './fleet-context';
import { useQueryPatch } from './use-query-state';

/** CAs expiring within N days (expired ones included) with the clusters that trust them, and the exports. */
export function ExpiringView() {
  const { index, loading, now } = useFleet();
  const params = useSearchParams();
  const patchQuery = useQueryPatch();
  const [days, setDays] = useState(() => parseWindowDays(params.get('days')));
  const [custom, setCustom] = useState(() => String(days));
  const expiring = useMemo(() => expiringWithin(index, days, now), [index, days, now]);
  const choose = (value: number) => {
    setDays(value);
    setCustom(String(value));
    patchQuery({ days: String(value) });
  };

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">CAs expiring across the fleet</h1>
      <fieldset className="flex flex-wrap items-end gap-3">
        <legend className="mb-1 text-sm font-medium">Expiring within</legend>
        {EXPIRY_WINDOWS.map((value) => (
          <label key={value} className="inline-flex items-center gap-1 text-sm">
            <input type="radio" name="window" checked={days === value} onChange={() => choose(value)} />
            {value} days
          </label>
        ))}
        <label className="flex flex-col gap-1 text-sm">
          <span>Other number of days</span>
          <input
            type="number"
            min={0}
            max={MAX_EXPIRY_WINDOW}
            value={custom}
            onChange={(event) => {
              setCustom(event.target.value);
              if (/^\d{1,4}$/.test(event.target.value) && Number(event.target.value) <= MAX_EXPIRY_WINDOW)
                choose(Number(event.target.value));
            }}
            className="w-28 rounded border border-slate-400 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900"
          />
        </label>
      </fieldset>
      <p className="text-sm" aria-live="polite" data-testid="expiring-count">
        {loading && index.length === 0
          ? 'Loading…'
          : expiring.length === 0
            ? `No CA expires within ${days} days, and none has expired.`
            : `${expiring.length} CA${expiring.length === 1 ? '' : 's'} expired or expiring within ${days} days.`}
      </p>
      <ul className="space-y-4">
        {expiring.map((ca) => (
          <li key={ca.sha256} className="space-y-2" data-testid="expiring-ca" data-sha256={ca.sha256}>
            <CaSummary ca={ca} now={now} />
            <ClusterList clusters={ca.clusters} testId="expiring-cluster" empty="No cluster trusts it." />
          </li>
        ))}
      </ul>
      <FleetDownloads />
    </div>
  );
}
