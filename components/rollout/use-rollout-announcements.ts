'use client';
import { useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import type { RolloutProgress } from '@/lib/rollout/progress';

const STAGE_WORDS: Record<RolloutProgress['stage'], string> = {
  submitted: 'Change accepted',
  'control-plane': 'Updating the control plane',
  updating: 'Cluster updating',
  nodes: 'Replacing nodes',
  finishing: 'Finishing',
  succeeded: 'Rollout succeeded',
  failed: 'Rollout failed',
  canceled: 'Rollout canceled',
};

/**
 * Says what changed: the document title follows the progress, a polite live region announces stage and pool
 * changes (not every machine), and the end is announced there, in the title and with a toast.
 */
export function useRolloutAnnouncements(progress: RolloutProgress | null, clusterName: string, watchedRunning: boolean): string {
  const [announcement, setAnnouncement] = useState('');
  const lastKey = useRef('');

  useEffect(() => {
    if (!progress) return;
    const words = STAGE_WORDS[progress.stage];
    const counts = progress.total > 0 ? ` ${progress.replaced}/${progress.total}` : '';
    document.title = progress.terminal ? `${words} · ${clusterName}` : `${words}${counts} · ${clusterName}`;

    const key = `${progress.stage}:${progress.currentPool ?? ''}`;
    if (key === lastKey.current) return;
    lastKey.current = key;
    if (progress.terminal) {
      const detail = progress.terminal.error ? `: ${progress.terminal.error.code}. ${progress.terminal.error.message}` : '.';
      setAnnouncement(`${words} on ${clusterName}${detail}`);
      if (watchedRunning) {
        if (progress.stage === 'succeeded') toast.success(`${words} on ${clusterName}`, { description: `${progress.replaced} of ${progress.total} old nodes replaced.` });
        else toast.error(`${words} on ${clusterName}`, { description: progress.terminal.error?.message });
      }
    } else {
      setAnnouncement(progress.stage === 'nodes' && progress.currentPool ? `Replacing nodes of pool ${progress.currentPool}.` : `${words}.`);
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
