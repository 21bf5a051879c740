/**
 * Exports of the fleet for spreadsheets and scripts, the same for the web pages and `ca-trust fleet`: one row
 * per cluster × CA, as CSV (RFC 4180) and JSON. Status is the stable id (`expired`, `no-custom-ca`) everywhere,
 * so a script filtering a CSV from the page and one from the CLI reads the same values.
 * Certificate text is hostile: a CSV cell that a spreadsheet would run as a formula is defused. Pure.
 */
import { validityStatus, type ValidityStatus } from '../pki/validity-status';
import { clusterRef, compareClusters, daysLeft } from './ca-index';
import type { FleetCa, FleetCluster, FleetClusterRef } from './types';

export interface FleetExportRow {
  tenant: string;
  tenantId: string;
  subscription: string;
  subscriptionId: string;
  resourceGroup: string;
  cluster: string;
  /** Empty on an inventory row for a cluster that trusts no custom CA. */
  caName: string;
  sha256: string;
  notAfter: string;
  daysLeft: number | null;
  status: ValidityStatus | 'no-custom-ca';
}

/** Column order and the headings a spreadsheet user reads. */
export const EXPORT_COLUMNS: ReadonlyArray<{ key: keyof FleetExportRow; heading: string }> = [
  { key: 'tenant', heading: 'Tenant' },
  { key: 'tenantId', heading: 'Tenant ID' },
  { key: 'subscription', heading: 'Subscription' },
  { key: 'subscriptionId', heading: 'Subscription ID' },
  { key: 'resourceGroup', heading: 'Resource group' },
  { key: 'cluster', heading: 'Cluster' },
  { key: 'caName', heading: 'CA name' },
  { key: 'sha256', heading: 'SHA-256' },
  { key: 'notAfter', heading: 'Not after (UTC)' },
  { key: 'daysLeft', heading: 'Days left' },
  { key: 'status', heading: 'Status' },
];

function baseRow(
  cluster: FleetClusterRef,
): Omit<FleetExportRow, 'caName' | 'sha256' | 'notAfter' | 'daysLeft' | 'status'> {
  return {
    tenant: cluster.tenantName,
    tenantId: cluster.tenantId,
    subscription: cluster.subscriptionName,
    subscriptionId: cluster.subscriptionId,
    resourceGroup: cluster.resourceGroup,
    cluster: cluster.name,
  };
}

/** Every cluster with each CA it trusts (a cluster without custom CAs gets one row saying so). */
export function inventoryRows(clusters: readonly FleetCluster[], now: Date): FleetExportRow[] {
  const rows: FleetExportRow[] = [];
  for (const cluster of [...clusters].sort(compareClusters)) {
    const seen = new Set<string>();
    const certificates = cluster.certificates.filter((c) => !seen.has(c.sha256) && seen.add(c.sha256));
    if (certificates.length === 0) {
      rows.push({
        ...baseRow(clusterRef(cluster)),
        caName: '',
        sha256: '',
        notAfter: '',
        daysLeft: null,
        status: 'no-custom-ca',
      });
    }
    for (const certificate of certificates) {
      rows.push({
        ...baseRow(cluster),
        caName: certificate.displayName,
        sha256: certificate.sha256.toLowerCase(),
        notAfter: certificate.notAfter,
        daysLeft: daysLeft(certificate.notAfter, now),
        status: validityStatus(certificate, now),
      });
    }
  }
  return rows;
}

/** The CA index, CA by CA (in the index's order), one row per trusting cluster. */
export function caIndexRows(index: readonly FleetCa[]): FleetExportRow[] {
  return index.flatMap((ca) =>
    ca.clusters.map((cluster) => ({
      ...baseRow(cluster),
      caName: ca.displayName,
      sha256: ca.sha256,
      notAfter: ca.notAfter,
      daysLeft: ca.daysLeft,
      status: ca.status,
    })),
  );
}

/** Starting characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula (OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: a would-be formula gets a leading apostrophe; quotes, commas and line breaks are quoted (RFC 4180). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Numbers we produce ourselves (days left) are data, not formulas: -12 stays a number a spreadsheet can sort.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a header line, CRLF line ends (RFC 4180); status as its stable id. */
export function toCsv(rows: readonly FleetExportRow[]): string {
  const lines = [EXPORT_COLUMNS.map((column) => csvField(column.heading)).join(',')];
  for (const row of rows) lines.push(EXPORT_COLUMNS.map(({ key }) => csvField(row[key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** JSON for scripts: the rows as they are (status as its stable id), with when they were computed. */
export function toJson(rows: readonly FleetExportRow[], now: Date): string {
  return `${JSON.stringify({ generatedAt: now.toISOString(), rows }, null, 2)}\n`;
}
