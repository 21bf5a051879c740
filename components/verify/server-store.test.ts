import { describe, expect, it } from 'vitest';
import {
  loadServers,
  MAX_SERVERS,
  normalizeHost,
  saveServers,
  serversKey,
  withServer,
  type ServerStorage,
} from './server-store';

const PEM = '-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----\n';

function memory(): ServerStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const server = (host: string) => ({ id: host, host, chain: [PEM], addedAt: '2026-12-01T00:00:00.000Z' });

describe('checked servers in localStorage', () => {
  it('round-trips per cluster', () => {
    const storage = memory();
    expect(saveServers(storage, 'Sub/RG/Web', { servers: [server('registry.contoso.com')], publicRoots: true })).toBe(
      true,
    );
    expect(loadServers(storage, 'sub/rg/web')).toEqual({
      servers: [server('registry.contoso.com')],
      publicRoots: true,
    });
    expect(loadServers(storage, 'sub/rg/other').servers).toEqual([]);
  });

  it('drops what the strict reader refuses: damaged JSON, a foreign version, a chain that is not PEM, too many servers', () => {
    const storage = memory();
    const key = serversKey('c');
    for (const raw of [
      '{',
      JSON.stringify({ v: 2, servers: [] }),
      JSON.stringify({ v: 1, servers: [{ ...server('a'), chain: ['<script>alert(1)</script>'] }] }),
      JSON.stringify({ v: 1, servers: Array.from({ length: MAX_SERVERS + 1 }, (_, i) => server(`h${i}`)) }),
    ]) {
      storage.data.set(key, raw);
      expect(loadServers(storage, 'c')).toEqual({ servers: [], publicRoots: false });
    }
  });

  it('never throws when storage is unavailable or full', () => {
    const broken: ServerStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {},
    };
    expect(loadServers(broken, 'c').servers).toEqual([]);
    expect(saveServers(broken, 'c', { servers: [], publicRoots: false })).toBe(false);
    expect(loadServers(null, 'c').servers).toEqual([]);
  });

  it('replaces a server by host, newest first, and keeps at most ten', () => {
    let value = { servers: [], publicRoots: false } as ReturnType<typeof loadServers>;
    for (let i = 0; i < 12; i++) value = withServer(value, server(`h${i}`));
    expect(value.servers).toHaveLength(MAX_SERVERS);
    expect(value.servers[0]!.host).toBe('h11');
    value = withServer(value, { ...server('h5'), id: 'new' });
    expect(value.servers.filter((s) => s.host === 'h5').map((s) => s.id)).toEqual(['new']);
  });

  it('normalises host names and refuses other text', () => {
    expect(normalizeHost('  Registry.Contoso.COM ')).toBe('registry.contoso.com');
    expect(normalizeHost('10.0.0.4')).toBe('10.0.0.4');
    expect(normalizeHost('[2001:db8::1]')).toBe('[2001:db8::1]');
    expect(normalizeHost('https://registry')).toBeNull();
    expect(normalizeHost('')).toBeNull();
  });
});
