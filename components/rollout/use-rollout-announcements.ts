'use client';
import { useEffect, useRef, useState } from 'react';
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
  const [announcement, setAnnouncement] = useState('');
  const lastKey = useRef('');

  useEffect(() => {
    if (!progress) return;
    const words = PHASE_WORDS[progress.phase];
    const counts = progress.total > 0 && progress.updated !== null ? ` ${progress.updated}/${progress.total}` : '';
    document.title =
      progress.terminal || progress.phase === 'idle'
        ? `${words} · ${clusterName}`
        : `${words}${counts} · ${clusterName}`;

    const current = progress.stages.find((s) => s.state === 'current' || s.state === 'canceling');
    const key = `${progress.phase}:${current?.key ?? ''}`;
    if (key === lastKey.current) return;
    lastKey.current = key;
    if (progress.terminal) {
      const detail = progress.terminal.error
        ? `: ${progress.terminal.error.code}. ${progress.terminal.error.message.slice(0, 300)}`
        : '.';
      setAnnouncement(`${words} on ${clusterName}${detail}`);
      if (watchedRunning) {
        if (progress.phase === 'succeeded')
          toast.success(`${words} on ${clusterName}`, { description: `${progress.total} nodes renewed.` });
        else toast.error(`${words} on ${clusterName}`, { description: progress.terminal.error?.message.slice(0, 300) });
      }
    } else {
      setAnnouncement(current ? `${current.label}.` : `${words}.`);
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
