/**
 * The servers checked on a cluster page, kept in this browser's localStorage per cluster (never sent anywhere):
 * the host name and the PEM chain it sends. Read back through zod; anything damaged or too big is dropped.
 * Storage is injected, so this is pure and tested without a browser. Never throws.
 */
import { z } from 'zod';

export type ServerStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const SERVER_KEY_PREFIX = 'aks-ca-trust.servers.';
export const MAX_SERVERS = 10;
export const MAX_CHAIN_CERTIFICATES = 10;
const MAX_PEM_CHARS = 20_000;

const pemSchema = z
  .string()
  .max(MAX_PEM_CHARS)
  .regex(/^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n$/);

export const checkedServerSchema = z.object({
  id: z.string().min(1).max(64),
  /** DNS name or IP address the nodes connect to. */
  host: z.string().min(1).max(253),
  chain: z.array(pemSchema).min(1).max(MAX_CHAIN_CERTIFICATES),
  addedAt: z.string().max(40),
});

export type CheckedServer = z.infer<typeof checkedServerSchema>;

const storedSchema = z.object({
  v: z.literal(1),
  servers: z.array(checkedServerSchema).max(MAX_SERVERS),
  publicRoots: z.boolean().default(false),
});

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
    const parsed = storedSchema.safeParse(JSON.parse(raw));
    return parsed.success ? { servers: parsed.data.servers, publicRoots: parsed.data.publicRoots } : EMPTY_SERVERS;
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
