'use client';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { measureElement, useWindowVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import type { ClusterRow } from '@/lib/inventory/cluster-row';
import type { InventoryView, SortKey } from '@/lib/inventory/view';
import { ClusterTableRow, SkeletonRow } from './ClusterTableRow';

export { clusterHref } from './cluster-href';

/** `narrow`: the column is also shown below 768 px (the others fold into the cluster cell there). */
const COLUMNS: { key: SortKey; label: string; width: string; narrow?: boolean }[] = [
  { key: 'name', label: 'Cluster', width: 'w-[46%] md:w-[15%]', narrow: true },
  { key: 'tenant', label: 'Tenant', width: 'md:w-[8%]' },
  { key: 'resourceGroup', label: 'Resource group', width: 'md:w-[11%]' },
  { key: 'subscription', label: 'Subscription', width: 'md:w-[11%]' },
  { key: 'location', label: 'Location', width: 'md:w-[8%]' },
  { key: 'kubernetesVersion', label: 'Kubernetes', width: 'md:w-[7%]' },
  { key: 'provisioningState', label: 'State', width: 'md:w-[9%]' },
  { key: 'caCount', label: 'Custom CAs', width: 'w-[20%] md:w-[9%]', narrow: true },
  { key: 'expiry', label: 'Earliest CA expiry', width: 'w-[34%] md:w-[12%]', narrow: true },
  { key: 'nodes', label: 'Node pools', width: 'md:w-[10%]' },
];

/** A row's height before any row of its shape has been measured; rows are measured as they render. */
const ESTIMATED_ROW_PX = 64;
/** Rows rendered beyond the screen on each side (the e2e specs read a 13-cluster inventory from the DOM). */
const OVERSCAN_ROWS = 10;

/**
 * What decides a row's height at a given width: a CA (badge, time and CA name), a rollout link, a Windows note,
 * a problem badge. Names long enough to wrap are the exception, and are measured like every row.
 */
function rowShape(row: ClusterRow): string {
  return `${row.earliestExpiry ? 'ca' : '-'}${row.provisioningState === 'Updating' ? 'u' : '-'}${row.windowsAgentPoolCount > 0 ? 'w' : '-'}${row.caErrorCount > 0 ? 'e' : '-'}`;
}
/**
 * Before the first rows, the table shows this many placeholder rows; until the load ends it keeps the height they
 * gave it, so what follows is not pushed down row by row. The placeholders go as soon as rows arrive (rows added
 * above placeholders would push them down: a layout shift).
 */
const RESERVED_ROWS = 12;

function SortHeader({
  column,
  view,
  onSort,
}: {
  column: (typeof COLUMNS)[number];
  view: InventoryView;
  onSort: (key: SortKey) => void;
}) {
  const active = view.sort === column.key;
  const Icon = !active ? ArrowUpDown : view.dir === 'asc' ? ArrowUp : ArrowDown;
  return (
    <th
      scope="col"
      aria-sort={active ? (view.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={`px-2 py-2 text-left align-bottom font-semibold ${column.width} ${column.narrow ? '' : 'hidden md:table-cell'}`}
    >
      <button
        type="button"
        onClick={() => onSort(column.key)}
        className="inline-flex items-center gap-1 rounded text-left hover:underline"
      >
        {column.label}
        <Icon aria-hidden="true" className="h-3.5 w-3.5 shrink-0" />
      </button>
    </th>
  );
}

/**
 * The cluster table, virtualised against the page's own scroll: only the rows on screen (plus a few) are in the
 * DOM, between two spacer rows that keep the table its full height. Fixed column widths, so rows coming and going
 * never re-flow the columns. Below 768 px only cluster, CA count and expiry remain as columns.
 */
export function ClusterTable({
  rows,
  view,
  onSort,
  now,
  loading = false,
  redraw = 0,
}: {
  rows: ClusterRow[];
  view: InventoryView;
  onSort: (key: SortKey) => void;
  now: Date;
  loading?: boolean;
  /** A new value draws every row anew (new keys) instead of moving the rows already drawn. */
  redraw?: number;
}) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const measure = () => {
      const top = Math.round(body.getBoundingClientRect().top + window.scrollY);
      setScrollMargin((previous) => (previous === top ? previous : top));
    };
    measure();
    // Content above the table (tenant notices, errors) moves it: follow.
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  // Each row not yet measured is estimated at the height its shape last measured, so rows scrolling into view
  // arrive at their real height: no second layout for the measurement, nothing below them moves.
  const heightByShape = useRef(new Map<string, number>());
  const estimateSize = useCallback(
    (index: number) => heightByShape.current.get(rowShape(rows[index]!)) ?? ESTIMATED_ROW_PX,
    [rows],
  );
  const measureRow = useCallback(
    (element: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<Window, Element>) => {
      const size = measureElement(element, entry, instance);
      const row = rows[instance.indexFromElement(element)];
      if (row) heightByShape.current.set(rowShape(row), size);
      return size;
    },
    [rows],
  );
  // A stable key function: the virtualizer recomputes every row's position whenever it changes.
  const getItemKey = useCallback((index: number) => `${redraw}:${rows[index]!.id}`, [rows, redraw]);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize,
    measureElement: measureRow,
    overscan: OVERSCAN_ROWS,
    scrollMargin,
    getItemKey,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items.length ? items[0]!.start - scrollMargin : 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const skeletons = loading && rows.length === 0 ? RESERVED_ROWS : 0;
  const wrapperRef = useRef<HTMLDivElement>(null);
  const [reservedPx, setReservedPx] = useState<number>();
  useLayoutEffect(() => {
    if (skeletons > 0 && wrapperRef.current) setReservedPx(wrapperRef.current.getBoundingClientRect().height);
  }, [skeletons]);

  return (
    <div
      ref={wrapperRef}
      style={loading && reservedPx ? { minHeight: reservedPx } : undefined}
      className="rounded border border-slate-200 dark:border-slate-800"
    >
      <table className="w-full table-fixed text-sm" aria-label="AKS clusters" aria-rowcount={rows.length + 1}>
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) => (
              <SortHeader key={column.key} column={column} view={view} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          {paddingTop > 0 && (
            <tr aria-hidden="true" style={{ height: paddingTop }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          )}
          {items.map((item) => (
            <ClusterTableRow
              key={item.key}
              row={rows[item.index]!}
              index={item.index}
              now={now}
              measure={virtualizer.measureElement}
            />
          ))}
          {paddingBottom > 0 && (
            <tr aria-hidden="true" style={{ height: paddingBottom }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          )}
          {Array.from({ length: skeletons }, (_, i) => (
            <SkeletonRow key={`skeleton-${i}`} height={ESTIMATED_ROW_PX} columns={COLUMNS.length} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
