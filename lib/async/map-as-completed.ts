/**
 * Runs `work` over `items` with at most `concurrency` in flight and yields each result as soon as it settles
 * (completion order, not input order). A rejected item yields its error instead of stopping the rest.
 */
export type Settled<I, R> = { item: I; ok: true; value: R } | { item: I; ok: false; error: unknown };

export async function* mapAsCompleted<I, R>(
  items: readonly I[],
  concurrency: number,
  work: (item: I) => Promise<R>,
): AsyncGenerator<Settled<I, R>> {
  const limit = Math.max(1, Math.floor(concurrency));
  const done: Settled<I, R>[] = [];
  let wake: (() => void) | undefined;
  let next = 0;
  let running = 0;

  const launch = () => {
    while (running < limit && next < items.length) {
      const item = items[next++]!;
      running++;
      work(item)
        .then(
          (value) => done.push({ item, ok: true, value }),
          (error: unknown) => done.push({ item, ok: false, error }),
        )
        .finally(() => {
          running--;
          wake?.();
        });
    }
  };

  launch();
  let yielded = 0;
  while (yielded < items.length) {
    if (done.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    while (done.length > 0) {
      yield done.shift()!;
      yielded++;
    }
    launch();
  }
}
