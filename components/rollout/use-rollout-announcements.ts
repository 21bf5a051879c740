'use client';
import { useEffect, useRef } from 'react';
import { toast } from 'sonner';
import type { RolloutPhase, RolloutProgress } from '@/lib/rollout/progress';

const PHASE_WORDS: Record<RolloutPhase, string> = {
  running: 'Rollout running',
  canceling: 'Rollout canceling',
  succeeded: 'Rollout succeeded',
  failed: 'Rollout failed',
  canceled: 'Rollout canceled',
  idle: 'No rollout running',
};

/**
 * Says what changed: the document title follows the progress, a polite live region announces phase and stage
 * changes (not every machine), and the end is announced there, in the title and with a toast.
 */
export function useRolloutAnnouncements(
  progress: RolloutProgress | null,
  clusterName: string,
  watchedRunning: boolean,
): string {
  const announcement = progress ? announcementOf(progress, clusterName) : '';
  const lastKey = useRef('');

  useEffect(() => {
    if (!progress) return;
    const words = PHASE_WORDS[progress.phase];
    const counts = progress.total > 0 && progress.updated !== null ? ` ${progress.updated}/${progress.total}` : '';
    document.title =
      progress.terminal || progress.phase === 'idle'
        ? `${words} · ${clusterName}`
        : `${words}${counts} · ${clusterName}`;

    const key = `${progress.phase}:${currentStage(progress)?.key ?? ''}`;
    if (key === lastKey.current) return;
    lastKey.current = key;
    if (progress.terminal && watchedRunning) {
      if (progress.phase === 'succeeded')
        toast.success(`${words} on ${clusterName}`, { description: `${progress.total} nodes renewed.` });
      else toast.error(`${words} on ${clusterName}`, { description: progress.terminal.error?.message.slice(0, 300) });
    }
  }, [progress, clusterName, watchedRunning]);

  useEffect(() => {
    const original = document.title;
    return () => {
      document.title = original;
    };
  }, []);

  return announcement;
}

function currentStage(progress: RolloutProgress) {
  return progress.stages.find((s) => s.state === 'current' || s.state === 'canceling');
}

/** The live region's text: it changes only with the phase or the stage, so screen readers hear no machine churn. */
function announcementOf(progress: RolloutProgress, clusterName: string): string {
  const words = PHASE_WORDS[progress.phase];
  if (progress.terminal) {
    const detail = progress.terminal.error
      ? `: ${progress.terminal.error.code}. ${progress.terminal.error.message.slice(0, 300)}`
      : '.';
    return `${words} on ${clusterName}${detail}`;
  }
  const current = currentStage(progress);
  return current ? `${current.label}.` : `${words}.`;
}
