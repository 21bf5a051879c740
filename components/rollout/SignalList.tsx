import type { Signal } from '@/lib/rollout/signals';

const WORDS: Record<Signal['state'], string> = {
  have: 'Available',
  partial: 'Partly available',
  lack: 'Not available',
};

/** Which signals this view tracks from, and which it lacks: what its figures can and cannot claim. */
export function SignalList({ signals }: { signals: Signal[] }) {
  const lacking = signals.filter((s) => s.state !== 'have');
  return (
    <section aria-labelledby="signals-heading" className="space-y-1 text-sm" data-testid="rollout-signals">
      <h2 id="signals-heading" className="text-lg font-semibold">
        Signals{' '}
        {lacking.length > 0 ? (
          <span className="text-sm font-normal">
            ({lacking.length} missing or partial: figures below show only what the others show)
          </span>
        ) : null}
      </h2>
      <ul className="space-y-1">
        {signals.map((signal) => (
          <li key={signal.key} data-signal={signal.key} data-state={signal.state}>
            <span className="font-medium">{signal.label}</span>: {WORDS[signal.state]}.{' '}
            <span className="text-slate-700 dark:text-slate-300">{signal.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
