'use client';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { pemBlocksOf, verifyChain, type PathValidationResult } from '@/lib/pki';
import { loadPublicRoots, type PublicRoots } from './public-roots';
import {
  loadServers,
  MAX_CHAIN_CERTIFICATES,
  normalizeHost,
  saveServers,
  withServer,
  type CheckedServer,
  type StoredServers,
} from './server-store';

export interface ServerVerdicts {
  current: PathValidationResult;
  proposed: PathValidationResult;
}

export type PublicRootsState =
  { status: 'off' } | { status: 'loading' } | { status: 'loaded'; roots: PublicRoots } | { status: 'failed' };

export interface ServerChecks {
  servers: CheckedServer[];
  /** Per server id; absent while checking. */
  verdicts: Record<string, ServerVerdicts>;
  checking: boolean;
  publicRoots: PublicRootsState;
  setPublicRoots: (on: boolean) => void;
  /** Returns an error sentence, or null when the server was added. */
  add: (host: string, text: string) => string | null;
  remove: (id: string) => void;
  /** false when this browser cannot keep the list (storage disabled or full). */
  stored: boolean;
}

const storage = () => {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
};

/**
 * The servers checked on this cluster, validated (lib/pki/path, Go's rules) against the current and the proposed
 * bundle, again on every change of either. Kept in localStorage per cluster.
 */
export function useServerChecks(
  clusterKey: string,
  current: { pem: string }[] | undefined,
  proposed: { pem: string }[] | undefined,
  now: Date,
): ServerChecks {
  // What this browser kept for this cluster (nothing on the server: the panel renders only in the browser).
  const [value, setValue] = useState<StoredServers>(() => loadServers(storage(), clusterKey));
  const [loadedFor, setLoadedFor] = useState(clusterKey);
  if (loadedFor !== clusterKey) {
    setLoadedFor(clusterKey);
    setValue(loadServers(storage(), clusterKey));
  }
  const [stored, setStored] = useState(true);
  const [roots, setRoots] = useState<PublicRoots | null>(null);
  const [rootsFailed, setRootsFailed] = useState(false);
  const [checked, setChecked] = useState<{ key: string; verdicts: Record<string, ServerVerdicts> }>({
    key: '',
    verdicts: {},
  });

  const update = useCallback(
    (next: (previous: StoredServers) => StoredServers) =>
      setValue((previous) => {
        const result = next(previous);
        setStored(saveServers(storage(), clusterKey, result));
        return result;
      }),
    [clusterKey],
  );

  useEffect(() => {
    if (!value.publicRoots || roots) return;
    let live = true;
    loadPublicRoots().then(
      (loaded) => live && (setRoots(loaded), setRootsFailed(false)),
      () => live && setRootsFailed(true),
    );
    return () => {
      live = false;
    };
  }, [value.publicRoots, roots]);

  const extra = useMemo(() => (value.publicRoots && roots ? roots.certificates : []), [value.publicRoots, roots]);
  const currentKey = current?.map((certificate) => certificate.pem).join('');
  const proposedKey = proposed?.map((certificate) => certificate.pem).join('');
  const inputKey = [
    currentKey,
    proposedKey,
    value.servers.map((server) => server.id).join(','),
    extra.length,
    now.getTime(),
  ].join('\u0000');

  useEffect(() => {
    if (!current || !proposed) return;
    let live = true;
    const at = now;
    void Promise.all(
      value.servers.map(async (server) => {
        const common = { chain: server.chain, at, host: server.host };
        const [currentResult, proposedResult] = await Promise.all([
          verifyChain({ ...common, anchors: [...current, ...extra] }),
          verifyChain({ ...common, anchors: [...proposed, ...extra] }),
        ]);
        return [server.id, { current: currentResult, proposed: proposedResult }] as const;
      }),
    ).then((entries) => {
      if (live) setChecked({ key: inputKey, verdicts: Object.fromEntries(entries) });
    });
    return () => {
      live = false;
    };
    // The PEM keys stand for the two bundles: a new array with the same certificates is no change.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- current/proposed are represented by their keys
  }, [inputKey]);

  const add = useCallback(
    (hostText: string, text: string): string | null => {
      const host = normalizeHost(hostText);
      if (!host) return 'Enter the host name (or IP address) the nodes connect to, e.g. registry.contoso.com.';
      const chain = pemBlocksOf(text);
      if (chain.length === 0)
        return 'No certificate found: paste the PEM blocks the server sends, or the whole output of openssl s_client -showcerts.';
      if (chain.length > MAX_CHAIN_CERTIFICATES)
        return `The chain holds ${chain.length} certificates; a server sends at most ${MAX_CHAIN_CERTIFICATES} here.`;
      const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      update((previous) => withServer(previous, { id, host, chain, addedAt: new Date().toISOString() }));
      return null;
    },
    [update],
  );

  const remove = useCallback(
    (id: string) => update((previous) => ({ ...previous, servers: previous.servers.filter((s) => s.id !== id) })),
    [update],
  );

  const setPublicRoots = useCallback(
    (on: boolean) => update((previous) => ({ ...previous, publicRoots: on })),
    [update],
  );

  const publicRoots: PublicRootsState = !value.publicRoots
    ? { status: 'off' }
    : roots
      ? { status: 'loaded', roots }
      : rootsFailed
        ? { status: 'failed' }
        : { status: 'loading' };

  const checking = checked.key !== inputKey;
  return {
    servers: value.servers,
    verdicts: checked.verdicts,
    checking,
    publicRoots,
    setPublicRoots,
    add,
    remove,
    stored,
  };
}
