'use client';
import { useEffect, useMemo, useState } from 'react';
import { readAksEntries, type BundleResult } from '@/lib/pki';
import { editorInputs, type EditorState } from '@/lib/clusters/editor-state';
import { buildProposal, type Proposal } from '@/lib/clusters/proposal';

/** Runs an async pure computation whenever `deps` change (the caller lists what `compute` reads); only the latest answer is kept. */
function useLatest<T>(compute: () => Promise<T>, deps: unknown[]): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let current = true;
    void compute().then((result) => {
      if (current) setValue(result);
    });
    return () => {
      current = false;
    };
  }, deps);
  return value;
}

const NO_CUSTOM_CA: BundleResult = { certificates: [], findings: [], payload: [] };

/**
 * The cluster's CA entries decoded in the browser, with the findings that apply now. A cluster without custom CAs
 * is not an empty input (lib/pki's "No input was given" error): it simply trusts only the OS's CAs.
 */
export function useCurrentBundle(entries: string[] | undefined, now: Date): BundleResult | null {
  const key = entries?.join('\u0000');
  return (
    useLatest(
      async () =>
        (entries
          ? entries.length === 0
            ? NO_CUSTOM_CA
            : readAksEntries(entries, { now })
          : null) as Promise<BundleResult | null>,
      [key, now],
    ) ?? null
  );
}

/** The proposal, recomputed in the browser as the user drops, pastes or removes certificates. */
export function useProposal(current: BundleResult | null, editor: EditorState, now: Date): Proposal | null {
  const inputs = useMemo(() => editorInputs(editor), [editor]);
  return useLatest(
    async () =>
      current ? buildProposal({ current: current.certificates, inputs, excluded: editor.excluded, now }) : null,
    [current, inputs, editor.excluded, now],
  );
}
