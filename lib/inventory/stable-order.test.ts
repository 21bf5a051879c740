import { describe, expect, it } from 'vitest';
import { EMPTY_ORDER, applySort, mergeStable } from './stable-order';

describe('stable order while the inventory streams', () => {
  it('shows the first batch sorted, keeps shown rows in place and appends later rows sorted among themselves', () => {
    const first = mergeStable(EMPTY_ORDER, ['b', 'd']);
    expect(first).toEqual({ ids: ['b', 'd'], unsorted: 0 });
    // 'a' and 'c' sort before 'd': they are added after the rows already shown, not between them.
    const second = mergeStable(first, ['a', 'b', 'c', 'd']);
    expect(second.ids).toEqual(['b', 'd', 'a', 'c']);
    expect(second.unsorted).toBe(2);
    expect(applySort(['a', 'b', 'c', 'd'])).toEqual({ ids: ['a', 'b', 'c', 'd'], unsorted: 0 });
  });

  it('rows that arrive where the sort puts them anyway need no apply; vanished rows are dropped', () => {
    const first = mergeStable(EMPTY_ORDER, ['a', 'b']);
    expect(mergeStable(first, ['a', 'b', 'c'])).toEqual({ ids: ['a', 'b', 'c'], unsorted: 0 });
    expect(mergeStable(first, ['b'])).toEqual({ ids: ['b'], unsorted: 0 });
    expect(mergeStable(first, ['a', 'b'])).toBe(first);
  });
});
