/**
 * Keeping rows where the user saw them while the inventory streams in. Re-sorting on every streamed batch moves
 * the rows a user is reading (and is most of the layout shift of a big fleet), so between two "apply" moments the
 * page keeps the order it showed: rows already shown stay in place, rows that arrive later are sorted among
 * themselves and added after them, and `unsorted` says that the list is not in sort order until the sort is
 * applied again (a click on "Sort now", a sort or filter change, or the end of a load the user has not touched).
 * Pure.
 */

export interface StableOrder {
  /** Row ids in display order. */
  ids: readonly string[];
  /** Rows added after the last apply that are not where the sort would put them. */
  unsorted: number;
}

export const EMPTY_ORDER: StableOrder = { ids: [], unsorted: 0 };

/** The order as the sort gives it: the "apply" moment. */
export function applySort(sortedIds: readonly string[]): StableOrder {
  return { ids: sortedIds, unsorted: 0 };
}

/**
 * The previous display order with rows gone removed and new rows (in `sortedIds` order) appended. Returns the same
 * object when nothing changed, so a caller can compare by identity.
 */
export function mergeStable(previous: StableOrder, sortedIds: readonly string[]): StableOrder {
  if (previous.ids.length === 0) return applySort(sortedIds);
  const present = new Set(sortedIds);
  const kept = previous.ids.filter((id) => present.has(id));
  const shown = new Set(kept);
  const added = sortedIds.filter((id) => !shown.has(id));
  if (added.length === 0 && kept.length === previous.ids.length) return previous;
  const ids = [...kept, ...added];
  let misplaced = 0;
  for (let i = 0; i < ids.length; i++) if (ids[i] !== sortedIds[i]) misplaced++;
  // Count rows out of place, at most the rows added since the last apply.
  const unsorted = misplaced === 0 ? 0 : Math.min(previous.unsorted + added.length, ids.length);
  return { ids, unsorted };
}
