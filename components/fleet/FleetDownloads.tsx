'use client';
import { Download } from 'lucide-react';
import { caIndexRows, inventoryRows, toCsv, toJson, type FleetExportRow } from '@/lib/fleet';
import { downloadFile } from '@/components/ui/download';
import { SECONDARY_BUTTON } from '@/components/ui/buttons';
import { useFleet } from './fleet-context';

/** Exports of the loaded fleet, one row per cluster × CA, made in the browser. */
export function FleetDownloads() {
  const { clusters, index, loading, now } = useFleet();
  const stamp = now.toISOString().slice(0, 10);
  const save = (what: string, rows: FleetExportRow[], format: 'csv' | 'json') =>
    format === 'csv'
      ? downloadFile(`${what}-${stamp}.csv`, toCsv(rows), 'text/csv;charset=utf-8')
      : downloadFile(`${what}-${stamp}.json`, toJson(rows, now), 'application/json');
  const buttons = [
    { label: 'Inventory CSV', run: () => save('aks-ca-inventory', inventoryRows(clusters, now), 'csv') },
    { label: 'Inventory JSON', run: () => save('aks-ca-inventory', inventoryRows(clusters, now), 'json') },
    { label: 'CA index CSV', run: () => save('aks-ca-index', caIndexRows(index), 'csv') },
    { label: 'CA index JSON', run: () => save('aks-ca-index', caIndexRows(index), 'json') },
  ];
  return (
    <section aria-labelledby="fleet-downloads-heading" className="space-y-2">
      <h2 id="fleet-downloads-heading" className="text-lg font-semibold">
        Download
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        One row per cluster and CA: tenant, subscription (name and id), resource group, cluster, CA name, SHA-256, not
        after, days left, status. The inventory also lists clusters without custom CAs.
        {loading && ' The fleet is still loading: a download now holds what has answered so far.'}
      </p>
      <div className="flex flex-wrap gap-2">
        {buttons.map((button) => (
          <button key={button.label} type="button" className={SECONDARY_BUTTON} onClick={button.run}>
            <Download aria-hidden="true" className="h-4 w-4" /> {button.label}
          </button>
        ))}
      </div>
    </section>
  );
}
