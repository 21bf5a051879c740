/**
 * Time left, from the rate at which old machines went away. Only once there is a rate: at least one machine
 * replaced over a measurable time. Pools roll one after another with a surge step each, so this is an estimate
 * and is labelled as one.
 */

export interface ProgressSample {
  /** Epoch milliseconds. */
  at: number;
  replaced: number;
}

const WINDOW_MS = 10 * 60_000;
const MAX_SAMPLES = 240;

/** Adds a sample, keeping one per replaced count change and the latest, bounded in number. */
export function addSample(samples: readonly ProgressSample[], sample: ProgressSample): ProgressSample[] {
  const last = samples[samples.length - 1];
  if (last && sample.at < last.at) return [...samples];
  const next =
    last &&
    last.replaced === sample.replaced &&
    samples.length > 1 &&
    samples[samples.length - 2]!.replaced === sample.replaced
      ? [...samples.slice(0, -1), sample]
      : [...samples, sample];
  return next.slice(-MAX_SAMPLES);
}

/**
 * Replaced machines per millisecond over the last few minutes of samples; falls back to the whole operation
 * (from its start) when this page has not yet seen the count move, e.g. right after a reload.
 */
export function replacementRate(samples: readonly ProgressSample[], startedAt: number | null): number | null {
  const latest = samples[samples.length - 1];
  if (!latest) return null;
  const first = samples.find((s) => s.at >= latest.at - WINDOW_MS);
  if (first && latest.replaced > first.replaced && latest.at > first.at)
    return (latest.replaced - first.replaced) / (latest.at - first.at);
  if (startedAt !== null && latest.replaced > 0 && latest.at > startedAt)
    return latest.replaced / (latest.at - startedAt);
  return null;
}

/** Milliseconds left, or null without a rate. */
export function estimateRemainingMs(
  samples: readonly ProgressSample[],
  total: number,
  startedAt: number | null,
): number | null {
  const latest = samples[samples.length - 1];
  const rate = replacementRate(samples, startedAt);
  if (!latest || rate === null || rate <= 0) return null;
  return Math.max(0, Math.round((total - latest.replaced) / rate));
}
