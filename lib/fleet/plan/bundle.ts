/** A change applied to one cluster's bundle, by SHA-256 (lower-case hex): the list it would trust next. Pure. */

/** A FleetChange with its certificates as SHA-256s (their PEMs live in the plan's `certificates`). */
export type ChangeBySha256 =
  | { kind: 'add'; sha256: string[] }
  | { kind: 'remove'; sha256: string[] }
  | { kind: 'replace'; from: string; to: string }
  | { kind: 'baseline'; sha256: string[] };

const unique = (list: readonly string[]): string[] => [...new Set(list)];

/**
 * The bundle in the order it will be written, each certificate once. add: the current ones, then each new one not
 * already there; remove: the current ones without those named; replace: `to` takes `from`'s place (only where
 * `from` is trusted; elsewhere nothing changes); baseline: exactly the baseline, in its order.
 */
export function plannedBundle(before: readonly string[], change: ChangeBySha256): string[] {
  const current = unique(before);
  switch (change.kind) {
    case 'add':
      return unique([...current, ...change.sha256]);
    case 'remove': {
      const drop = new Set(change.sha256);
      return current.filter((sha256) => !drop.has(sha256));
    }
    case 'replace':
      if (!current.includes(change.from)) return current;
      return unique(current.map((sha256) => (sha256 === change.from ? change.to : sha256)));
    case 'baseline':
      return unique(change.sha256);
  }
}

/** What the cluster gains and loses (order and repeats do not count). */
export function bundleDiff(
  before: readonly string[],
  after: readonly string[],
): { added: string[]; removed: string[] } {
  const had = new Set(before);
  const has = new Set(after);
  return { added: after.filter((s) => !had.has(s)), removed: unique(before).filter((s) => !has.has(s)) };
}
