'use client';
import { useEffect, useMemo, useState } from 'react';
import { readCaBundle, type BundleResult } from '@/lib/pki';
import { editorInputs, type EditorState } from '@/lib/clusters/editor-state';
import { buildProposal, type Proposal } from '@/lib/clusters/proposal';

/** The answer of the latest promise; an earlier one that settles late is dropped. Callers memoise the promise. */
function useLatest<T>(promise: Promise<T>): T | null {
  const [settled, setSettled] = useState<{ promise: Promise<T>; value: T } | null>(null);
  useEffect(() => {
    let current = true;
    void promise.then((value) => {
      if (current) setSettled({ promise, value });
    });
    return () => {
      current = false;
    };
  }, [promise]);
  // Until the latest promise settles, the previous answer stays on screen (no flash while typing).
  return settled?.value ?? null;
}

const NO_CUSTOM_CA: BundleResult = { certificates: [], findings: [], wireEntries: [] };

/**
 * The cluster's caBundle decoded in the browser, with the findings that apply now. A cluster without custom CAs
 * is not an empty input (lib/pki's "No input was given" error): it simply trusts only the OS's CAs.
 */
export function useCurrentBundle(caBundle: string[] | undefined, now: Date): BundleResult | null {
  const key = caBundle?.join('\u0000');
  const promise = useMemo(
    () =>
      caBundle
        ? caBundle.length === 0
          ? Promise.resolve(NO_CUSTOM_CA)
          : readCaBundle(caBundle, { now })
        : Promise.resolve(null),
    // the caBundle is compared by content: a re-read of the same list is the same bundle
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, now],
  );
  return useLatest(promise);
}

/** The proposal, recomputed in the browser as the user drops, pastes or removes certificates. */
export function useProposal(current: BundleResult | null, editor: EditorState, now: Date): Proposal | null {
  const inputs = useMemo(() => editorInputs(editor), [editor]);
  const promise = useMemo(
    () =>
      current
        ? buildProposal({ current: current.certificates, inputs, excluded: editor.excluded, now })
        : Promise.resolve(null),
    [current, inputs, editor.excluded, now],
  );
  return useLatest(promise);
}
