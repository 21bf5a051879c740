/**
 * The inventory's view state (search, filters, sort), kept in the URL so a link shows the same view.
 * A hand-edited URL falls back to defaults, value by value, instead of breaking the page. Checked by hand rather
 * than with zod: this runs in the browser on every inventory load, and zod would be its largest dependency there
 * (the rules are a length and a list of allowed values).
 */
import type { ValidityStatus } from '../pki/validity-status';
import type { ClusterRow } from './cluster-row';

export const SORT_KEYS = [
  'name',
  'tenant',
  'resourceGroup',
  'subscription',
  'location',
  'kubernetesVersion',
  'provisioningState',
  'caCount',
  'expiry',
  'nodes',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const EXPIRY_FILTERS = [
  'any',
  'expired',
  'critical',
  'expiring',
  'ok',
  'not-yet-valid',
  'none',
  'attention',
] as const;
export type ExpiryFilter = (typeof EXPIRY_FILTERS)[number];

export interface InventoryView {
  q: string;
  /** A tenant id; empty: every tenant. */
  tenant: string;
  subscription: string;
  state: string;
  expiry: ExpiryFilter;
  sort: SortKey;
  dir: 'asc' | 'desc';
}

const MAX_LENGTH = { q: 200, tenant: 64, subscription: 64, state: 40 } as const;
const ALLOWED = { expiry: EXPIRY_FILTERS, sort: SORT_KEYS, dir: ['asc', 'desc'] } as const;

export const DEFAULT_VIEW: InventoryView = {
  q: '',
  tenant: '',
  subscription: '',
  state: '',
  expiry: 'any',
  sort: 'expiry',
  dir: 'asc',
};

export function parseView(params: URLSearchParams): InventoryView {
  const text = (key: keyof typeof MAX_LENGTH) => {
    const value = params.get(key);
    return value !== null && value.length <= MAX_LENGTH[key] ? value : DEFAULT_VIEW[key];
  };
  const oneOf = <K extends keyof typeof ALLOWED>(key: K): InventoryView[K] => {
    const value = params.get(key);
    return (ALLOWED[key] as readonly string[]).includes(value ?? '') ? (value as InventoryView[K]) : DEFAULT_VIEW[key];
  };
  return {
    q: text('q'),
    tenant: text('tenant'),
    subscription: text('subscription'),
    state: text('state'),
    expiry: oneOf('expiry'),
    sort: oneOf('sort'),
    dir: oneOf('dir'),
  };
}

/** Only what differs from the defaults, so a plain inventory has a plain URL. */
export function viewToParams(view: InventoryView): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_VIEW) as (keyof InventoryView)[]) {
    if (view[key] !== DEFAULT_VIEW[key]) params.set(key, view[key]);
  }
  return params;
}

const NEEDS_ATTENTION: ReadonlySet<ValidityStatus> = new Set(['expired', 'critical', 'expiring', 'not-yet-valid']);

function matchesExpiry(row: ClusterRow, filter: ExpiryFilter): boolean {
  if (filter === 'any') return true;
  const status = row.earliestExpiry?.status;
  if (filter === 'none') return row.caCount === 0;
  if (filter === 'attention') return (status !== undefined && NEEDS_ATTENTION.has(status)) || row.caErrorCount > 0;
  return status === filter;
}

export function filterRows(rows: readonly ClusterRow[], view: InventoryView): ClusterRow[] {
  const query = view.q.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (!query || row.name.toLowerCase().includes(query) || row.resourceGroup.toLowerCase().includes(query)) &&
      (!view.tenant || row.tenantId === view.tenant) &&
      (!view.subscription || row.subscriptionId === view.subscription) &&
      (!view.state || row.provisioningState === view.state) &&
      matchesExpiry(row, view.expiry),
  );
}

const text = new Intl.Collator(undefined, { sensitivity: 'variant' }).compare;
const versions = new Intl.Collator(undefined, { numeric: true }).compare;

function compare(a: ClusterRow, b: ClusterRow, key: SortKey): number {
  switch (key) {
    case 'caCount':
      return a.caCount - b.caCount;
    case 'nodes':
      return a.machineCount - b.machineCount;
    case 'subscription':
      return text(a.subscriptionName, b.subscriptionName);
    case 'tenant':
      return text(a.tenantName, b.tenantName);
    case 'kubernetesVersion':
      return versions(a.kubernetesVersion, b.kubernetesVersion);
    case 'expiry': {
      // ISO timestamps of one format: code-unit order is time order.
      const x = a.earliestExpiry?.notAfter ?? '';
      const y = b.earliestExpiry?.notAfter ?? '';
      return x < y ? -1 : x > y ? 1 : 0;
    }
    default:
      return text(a[key], b[key]);
  }
}

/** Clusters without custom CAs sort after every cluster that has one, whichever the direction. */
export function sortRows(rows: readonly ClusterRow[], view: InventoryView): ClusterRow[] {
  const sign = view.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (view.sort === 'expiry' && !a.earliestExpiry !== !b.earliestExpiry) return a.earliestExpiry ? -1 : 1;
    return sign * compare(a, b, view.sort) || text(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}
