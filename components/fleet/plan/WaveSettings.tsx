'use client';
import { useId, useMemo, useState } from 'react';
import { useRouter } from 'next/navigation';
import { Play } from 'lucide-react';
import type { FleetPlan } from '@/lib/fleet/plan/types';
import { planWaves } from '@/lib/fleet/runner/waves';
import { FIELD, PRIMARY_BUTTON } from '@/components/ui/buttons';
import { DEFAULT_WAVES, wavesToParams, type WaveSettingsValue } from './run-options';

/** Canary, wave size, parallel rollouts and soak; the waves they give, then "Start the rollout". */
export function WaveSettings({ plan, planId }: { plan: FleetPlan; planId: string }) {
  const router = useRouter();
  const id = useId();
  const [settings, setSettings] = useState<WaveSettingsValue>(DEFAULT_WAVES);
  const toApply = useMemo(() => plan.clusters.filter((c) => !c.block), [plan]);
  const names = useMemo(() => new Map(plan.clusters.map((c) => [c.ref.id, c.ref.name])), [plan]);
  const waves = useMemo(
    () => planWaves(plan, { canary: settings.canary, waveSize: settings.waveSize }),
    [plan, settings.canary, settings.waveSize],
  );
  const set = (patch: Partial<WaveSettingsValue>) => setSettings((s) => ({ ...s, ...patch }));
  const number = (value: string, min: number) => Math.max(min, Math.floor(Number(value) || min));

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        Waves
      </h2>
      <form
        aria-label="Waves"
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (waves.ok) router.push(`/fleet/rollout?${wavesToParams(planId, settings)}`);
        }}
      >
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">Canary cluster</span>
            <select
              className={FIELD}
              value={settings.canary[0] ?? ''}
              onChange={(event) => set({ canary: event.target.value ? [event.target.value] : [] })}
            >
              <option value="">The first cluster to apply</option>
              {toApply.map((c) => (
                <option key={c.ref.id} value={c.ref.id}>
                  {c.ref.name} ({c.ref.subscriptionName})
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">Clusters per wave</span>
            <input
              type="number"
              min={1}
              className={`${FIELD} w-24`}
              value={settings.waveSize}
              onChange={(event) => set({ waveSize: number(event.target.value, 1) })}
            />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">Rollouts at once</span>
            <input
              type="number"
              min={1}
              className={`${FIELD} w-24`}
              value={settings.parallel}
              onChange={(event) => set({ parallel: number(event.target.value, 1) })}
            />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">Soak after each wave (seconds)</span>
            <input
              type="number"
              min={0}
              className={`${FIELD} w-28`}
              value={settings.soakSeconds}
              onChange={(event) => set({ soakSeconds: number(event.target.value, 0) })}
            />
          </label>
        </div>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Stop on failure: a cluster that fails stops every later wave; the clusters not started stay untouched and are
          reported as skipped. Each cluster is read again right before its change; one changed elsewhere is reported as
          a conflict, never overwritten.
        </p>
        {waves.ok ? (
          <ol className="space-y-1 text-sm" aria-label="Waves" data-testid="wave-preview">
            {waves.waves.map((wave, index) => (
              <li key={index} data-testid="wave">
                <span className="font-medium">{index === 0 ? 'Canary' : `Wave ${index}`}:</span>{' '}
                {wave.map((clusterId) => names.get(clusterId) ?? clusterId).join(', ')}
              </li>
            ))}
          </ol>
        ) : (
          <p role="alert" className="text-sm text-red-800 dark:text-red-200">
            {waves.message}
          </p>
        )}
        <button type="submit" className={PRIMARY_BUTTON} disabled={!waves.ok}>
          <Play aria-hidden="true" className="h-4 w-4" /> Start the rollout
        </button>
      </form>
    </section>
  );
}
