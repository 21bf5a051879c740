'use client';
import { useState } from 'react';
import { SECONDARY_BUTTON } from './buttons';

/** Which slice of a long list is on screen; back to the first page when the list changes length. */
export function usePage(total: number, size: number) {
  const [state, setState] = useState({ page: 0, total });
  // Resetting during render (not in an effect) when the list changes: React's pattern for derived state.
  if (state.total !== total) setState({ page: 0, total });
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(state.page, pages - 1);
  return {
    page,
    pages,
    start: page * size,
    end: Math.min(total, (page + 1) * size),
    go: (next: number) => setState({ page: Math.max(0, Math.min(pages - 1, next)), total }),
  };
}

/** "Certificates 11-20 of 4,100" with Previous / Next; nothing when everything fits on one page. */
export function Pager({ label, total, paging }: { label: string; total: number; paging: ReturnType<typeof usePage> }) {
  if (paging.pages <= 1) return null;
  return (
    <nav aria-label={`${label}: pages`} className="flex flex-wrap items-center gap-2 text-sm" data-testid="pager">
      <button
        type="button"
        className={SECONDARY_BUTTON}
        onClick={() => paging.go(paging.page - 1)}
        disabled={paging.page === 0}
      >
        Previous
      </button>
      <span aria-live="polite" data-testid="pager-position">
        {label} {(paging.start + 1).toLocaleString('en-US')}–{paging.end.toLocaleString('en-US')} of{' '}
        {total.toLocaleString('en-US')}
      </span>
      <button
        type="button"
        className={SECONDARY_BUTTON}
        onClick={() => paging.go(paging.page + 1)}
        disabled={paging.page >= paging.pages - 1}
      >
        Next
      </button>
    </nav>
  );
}
