/**
 * The servers checked on a cluster page, kept in this browser's localStorage per cluster (never sent anywhere):
 * the host name and the PEM chain it sends. Read back strictly; anything damaged or too big is dropped.
 * Storage is injected, so this is pure and tested without a browser. Never throws.
 */
// Checked by hand, not with zod: this runs on the cluster page, and zod (≈ 15 KB gzip) would ship to it only for this.

export type ServerStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const SERVER_KEY_PREFIX = 'aks-ca-trust.servers.';
export const MAX_SERVERS = 10;
export const MAX_CHAIN_CERTIFICATES = 10;
const MAX_PEM_CHARS = 20_000;
const PEM = /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n$/;

export interface CheckedServer {
  id: string;
  /** DNS name or IP address the nodes connect to. */
  host: string;
  chain: string[];
  addedAt: string;
}

const isText = (value: unknown, min: number, max: number): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;

function isArrayOf<T>(value: unknown, min: number, max: number, item: (v: unknown) => v is T): value is T[] {
  return Array.isArray(value) && value.length >= min && value.length <= max && value.every(item);
}

const isPem = (value: unknown): value is string => isText(value, 1, MAX_PEM_CHARS) && PEM.test(value);

function isCheckedServer(value: unknown): value is CheckedServer {
  if (!value || typeof value !== 'object') return false;
  const server = value as Record<string, unknown>;
  return (
    isText(server.id, 1, 64) &&
    isText(server.host, 1, 253) &&
    isArrayOf(server.chain, 1, MAX_CHAIN_CERTIFICATES, isPem) &&
    isText(server.addedAt, 0, 40)
  );
}

/** The stored value `{ v: 1, servers, publicRoots? }`, or null when it is anything else. */
function parseStored(value: unknown): StoredServers | null {
  if (!value || typeof value !== 'object') return null;
  const stored = value as Record<string, unknown>;
  if (stored.v !== 1 || !isArrayOf(stored.servers, 0, MAX_SERVERS, isCheckedServer)) return null;
  if (stored.publicRoots !== undefined && typeof stored.publicRoots !== 'boolean') return null;
  const servers = stored.servers.map(({ id, host, chain, addedAt }) => ({ id, host, chain: [...chain], addedAt }));
  return { servers, publicRoots: stored.publicRoots ?? false };
}

export interface StoredServers {
  servers: CheckedServer[];
  /** Whether the check adds the public roots a node OS ships. */
  publicRoots: boolean;
}

export const EMPTY_SERVERS: StoredServers = { servers: [], publicRoots: false };

export function serversKey(clusterKey: string): string {
  return `${SERVER_KEY_PREFIX}${clusterKey.toLowerCase()}`;
}

export function loadServers(storage: ServerStorage | null, clusterKey: string): StoredServers {
  if (!storage) return EMPTY_SERVERS;
  try {
    const raw = storage.getItem(serversKey(clusterKey));
    if (raw === null) return EMPTY_SERVERS;
    return parseStored(JSON.parse(raw)) ?? EMPTY_SERVERS;
  } catch {
    return EMPTY_SERVERS;
  }
}

export function saveServers(storage: ServerStorage | null, clusterKey: string, value: StoredServers): boolean {
  if (!storage) return false;
  try {
    storage.setItem(serversKey(clusterKey), JSON.stringify({ v: 1, ...value }));
    return true;
  } catch {
    return false;
  }
}

/** A host name as typed: trimmed, lower-cased; a DNS name or an IP address (IPv6 optionally in brackets). */
export function normalizeHost(text: string): string | null {
  const host = text.trim().toLowerCase();
  if (host.length === 0 || host.length > 253) return null;
  if (/^[a-z0-9_*.-]+$/.test(host) || /^\[?[0-9a-f:.]+\]?$/.test(host)) return host;
  return null;
}

/** Adds (or replaces, by host) a server, newest first, keeping at most MAX_SERVERS. */
export function withServer(value: StoredServers, server: CheckedServer): StoredServers {
  const others = value.servers.filter((existing) => existing.host !== server.host);
  return { ...value, servers: [server, ...others].slice(0, MAX_SERVERS) };
}
