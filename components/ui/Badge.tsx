import type { ReactNode } from 'react';

type Tone = 'neutral' | 'warning' | 'danger' | 'info';

const TONES: Record<Tone, string> = {
  neutral: 'border-slate-400 text-slate-800 dark:border-slate-500 dark:text-slate-200',
  warning: 'border-amber-700 text-amber-900 dark:border-amber-400 dark:text-amber-200',
  danger: 'border-red-700 text-red-800 dark:border-red-400 dark:text-red-200',
  info: 'border-sky-700 text-sky-900 dark:border-sky-400 dark:text-sky-200',
};

export function Badge({ tone = 'neutral', title, children }: { tone?: Tone; title?: string; children: ReactNode }) {
  return (
    <span
      title={title}
      className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}
