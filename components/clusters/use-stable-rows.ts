'use client';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ClusterRow } from '@/lib/inventory/cluster-row';
import { applySort, EMPTY_ORDER, mergeStable, type StableOrder } from '@/lib/inventory/stable-order';

interface Tracked {
  sortedIds: readonly string[];
  viewKey: string;
  streaming: boolean;
  order: StableOrder;
  /** How many times the load's end re-sorted rows already on screen (the table is then drawn anew). */
  redraws: number;
}

/**
 * The rows in display order while data streams in (lib/inventory/stable-order.ts): rows already shown keep their
 * place; later rows are added after them. The sort is applied again when the user changes sort or filter, clicks
 * "Sort now", or when the load ends before the user has touched the page (so an untouched page ends sorted).
 */
export function useStableRows(sorted: ClusterRow[], viewKey: string, streaming: boolean) {
  const sortedIds = useMemo(() => sorted.map((row) => row.id), [sorted]);
  const [tracked, setTracked] = useState<Tracked>({
    sortedIds: [],
    viewKey,
    streaming,
    order: EMPTY_ORDER,
    redraws: 0,
  });

  // "Touched" means input from the user during a load: wheel, touch, keys or a pointer press (not script scrolls).
  // Its own state: the order below is replaced whole on every change and must never carry an older `touched`.
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!streaming) return;
    const onInput = () => setTouched(true);
    const events = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
    for (const type of events) window.addEventListener(type, onInput, { passive: true, once: true });
    return () => {
      for (const type of events) window.removeEventListener(type, onInput);
    };
  }, [streaming]);

  if (tracked.sortedIds !== sortedIds || tracked.viewKey !== viewKey || tracked.streaming !== streaming) {
    let order: StableOrder;
    let redraws = tracked.redraws;
    if (tracked.viewKey !== viewKey) order = applySort(sortedIds);
    else if (tracked.streaming && !streaming && !touched) {
      order = applySort(sortedIds);
      // Nobody asked for this move: the rows on screen are replaced by the sorted ones in one step instead of
      // sliding to their new places under a user who may be reading or about to click.
      if (tracked.order.unsorted > 0) redraws++;
    } else order = mergeStable(tracked.order, sortedIds);
    // Adjusting state while rendering, as React documents for state derived from changing props.
    if (streaming && !tracked.streaming && touched) setTouched(false); // a new load
    setTracked({ sortedIds, viewKey, streaming, order, redraws });
  }
  const order = tracked.order;

  const apply = useCallback(() => setTracked((t) => ({ ...t, order: applySort(t.sortedIds) })), []);
  const byId = useMemo(() => new Map(sorted.map((row) => [row.id, row])), [sorted]);
  const rows = useMemo(() => order.ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])), [order, byId]);
  return { rows, unsorted: order.unsorted, apply, redraws: tracked.redraws };
}
