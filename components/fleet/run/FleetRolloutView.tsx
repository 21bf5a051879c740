'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { Pause, Play, Square } from 'lucide-react';
import type { FleetPlan } from '@/lib/fleet/plan/types';
import type { ClusterRunState, FleetRunView } from '@/lib/fleet/runner/types';
import { planWaves } from '@/lib/fleet/runner/waves';
import { runFleetPlan } from '@/lib/fleet/runner/run';
import { createRunControl, type RunControlHandle } from '@/lib/fleet/runner/control';
import { abortRollout } from '@/app/actions/rollout';
import { useAuth } from '@/components/auth/auth-context';
import { toClientError } from '@/components/clusters/client-error';
import { ErrorAlert } from '@/components/ui/Alert';
import { DANGER_BUTTON, PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/components/ui/buttons';
import { PlanFileInput } from '../plan/PlanView';
import { wavesFromParams, wavesToParams } from '../plan/run-options';
import { useStoredPlan } from '../plan/use-plan';
import { fleetActionDeps } from './action-deps';
import { RunClusterRow, stateText } from './RunClusterRow';
import { rememberRun, runStartedHere } from './run-control';
import { ColumnHeaders } from '@/components/ui/ColumnHeaders';

function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h} h ${m} min` : m > 0 ? `${m} min ${s} s` : `${s} s`;
}

const PHASE_TEXT: Record<FleetRunView['phase'], string> = {
  running: 'Running',
  paused: 'Paused: running rollouts go on, no new cluster starts',
  'stopped-on-failure': 'Stopped on a failure: the next waves were not started',
  aborted: 'Aborted: no new wave starts',
  done: 'Done',
};

/** Announcements of state changes: what changed since the last view, one sentence per cluster. */
function changes(previous: FleetRunView | null, next: FleetRunView, names: Map<string, string>) {
  const polite: string[] = [];
  const urgent: string[] = [];
  for (const [id, state] of Object.entries(next.clusters)) {
    const before = previous?.clusters[id];
    if (before?.state === state.state) continue;
    if (!before && (state.state === 'waiting' || state.state === 'blocked')) continue;
    const line = `${names.get(id) ?? id}: ${stateText(state)}.`;
    (state.state === 'failed' || state.state === 'conflict' ? urgent : polite).push(line);
  }
  if (previous && previous.phase !== next.phase) polite.push(`${PHASE_TEXT[next.phase]}.`);
  return { polite, urgent };
}

export function FleetRolloutView({ pollMs }: { pollMs: number }) {
  const params = useSearchParams();
  const id = params.get('id');
  const load = useStoredPlan(id);
  const router = useRouter();
  if (load.status === 'loaded') return <FleetRollout key={load.id} plan={load.plan} planId={load.id} pollMs={pollMs} />;
  if (load.status === 'loading') return <p role="status">Reading the plan…</p>;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Fleet rollout</h1>
      {load.status === 'failed' && <ErrorAlert title="The plan cannot be opened">{load.message}</ErrorAlert>}
      <p className="text-sm">
        Load the plan file to continue its rollout here: clusters already done are recognised from ARM and not changed
        again.
      </p>
      <PlanFileInput
        onLoaded={(next) => {
          const query = new URLSearchParams(params.toString());
          query.set('id', next);
          router.replace(`/fleet/rollout?${query}`);
        }}
      />
    </div>
  );
}

function FleetRollout({ plan, planId, pollMs }: { plan: FleetPlan; planId: string; pollMs: number }) {
  const params = useSearchParams();
  const settings = useMemo(() => wavesFromParams(new URLSearchParams(params.toString())), [params]);
  const { getArmToken } = useAuth();
  const waves = useMemo(() => planWaves(plan, settings), [plan, settings]);
  const names = useMemo(() => new Map(plan.clusters.map((c) => [c.ref.id, c.ref.name])), [plan]);
  const waveOf = useMemo(() => {
    const map = new Map<string, number>();
    if (waves.ok) waves.waves.forEach((wave, index) => wave.forEach((clusterId) => map.set(clusterId, index)));
    return map;
  }, [waves]);

  const [view, setView] = useState<FleetRunView | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState<{ polite: string; urgent: string }>({ polite: '', urgent: '' });
  const [startedHere, setStartedHere] = useState<string | null>(null);
  const [aborting, setAborting] = useState<{ done: string[]; failed: string[] } | null>(null);
  const control = useRef<RunControlHandle | null>(null);
  const [pausedNow, setPausedNow] = useState(false);
  const previous = useRef<FleetRunView | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => setStartedHere(runStartedHere(planId)), [planId]); // eslint-disable-line react-hooks/set-state-in-effect
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  // Leaving the page stops new applies (running rollouts go on in Azure; the plan can be continued).
  useEffect(() => () => control.current?.abort(), []);

  const onChange = useCallback(
    (next: FleetRunView) => {
      const said = changes(previous.current, next, names);
      previous.current = next;
      setView(next);
      if (said.polite.length || said.urgent.length)
        setAnnounce({ polite: said.polite.join(' '), urgent: said.urgent.join(' ') });
    },
    [names],
  );

  const start = async () => {
    if (!waves.ok || running) return;
    const run = createRunControl();
    control.current = run;
    setError(null);
    setAborting(null);
    setPausedNow(false);
    setRunning(true);
    rememberRun(planId);
    try {
      await runFleetPlan(
        plan,
        {
          canary: settings.canary,
          waveSize: settings.waveSize,
          parallel: settings.parallel,
          soakMs: settings.soakSeconds * 1000,
          pollMs,
        },
        fleetActionDeps(getArmToken),
        run.control,
        onChange,
      );
    } catch (cause) {
      setError(toClientError(cause, 'UnexpectedError').message);
    } finally {
      setRunning(false);
    }
  };

  const abortRunning = async () => {
    const rolling = plan.clusters.filter((c) => view?.clusters[c.ref.id]?.state === 'rolling-out');
    const result = { done: [] as string[], failed: [] as string[] };
    setAborting(result);
    await Promise.all(
      rolling.map(async ({ ref }) => {
        try {
          const answer = await abortRollout(await getArmToken(ref.tenantId), {
            cluster: { subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, name: ref.name },
          });
          (answer.ok ? result.done : result.failed).push(answer.ok ? ref.name : `${ref.name}: ${answer.error.message}`);
        } catch (cause) {
          result.failed.push(`${ref.name}: ${toClientError(cause, 'AbortFailed').message}`);
        }
        setAborting({ ...result });
      }),
    );
  };

  const states: Record<string, ClusterRunState> = view?.clusters ?? {};
  const stateOf = (clusterId: string): ClusterRunState => {
    const cluster = plan.clusters.find((c) => c.ref.id === clusterId)!;
    return (
      states[clusterId] ?? (cluster.block ? { state: 'blocked', message: cluster.block.message } : { state: 'waiting' })
    );
  };
  const counts = plan.clusters.reduce<Record<string, number>>((sum, c) => {
    const state = stateOf(c.ref.id).state;
    sum[state] = (sum[state] ?? 0) + 1;
    return sum;
  }, {});
  const elapsedMs = view ? (running ? now - Date.parse(view.startedAt) : view.elapsedMs) : 0;
  const rollingOut = plan.clusters.filter((c) => states[c.ref.id]?.state === 'rolling-out');
  const paused = running && pausedNow;
  const ordered = waves.ok
    ? [...plan.clusters].sort((a, b) => (waveOf.get(a.ref.id) ?? 1e9) - (waveOf.get(b.ref.id) ?? 1e9))
    : plan.clusters;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold">Fleet rollout</h1>
        <Link href={`/fleet/plan?id=${planId}`} className="text-sm text-blue-800 underline dark:text-blue-300">
          Back to the plan
        </Link>
      </div>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {settings.canary.length ? 'The chosen canary' : 'One canary cluster'} first, then waves of {settings.waveSize},
        at most {settings.parallel} rollout{settings.parallel === 1 ? '' : 's'} at once
        {settings.soakSeconds ? `, ${duration(settings.soakSeconds * 1000)} soak after each wave` : ''}; a failure stops
        the next waves. The state is read from ARM: this page (or another browser with the plan file, or{' '}
        <code>ca-trust fleet apply</code>) continues where a run stopped.
      </p>
      {!waves.ok && <ErrorAlert title="These wave settings cannot be used">{waves.message}</ErrorAlert>}

      <div className="flex flex-wrap items-center gap-2">
        {!running && (
          <button type="button" className={PRIMARY_BUTTON} onClick={() => void start()} disabled={!waves.ok}>
            <Play aria-hidden="true" className="h-4 w-4" />{' '}
            {view || startedHere ? 'Continue the rollout' : 'Start the rollout'}
          </button>
        )}
        {running && !paused && (
          <button
            type="button"
            className={SECONDARY_BUTTON}
            onClick={() => {
              control.current?.pause();
              setPausedNow(true);
            }}
          >
            <Pause aria-hidden="true" className="h-4 w-4" /> Pause
          </button>
        )}
        {running && paused && (
          <button
            type="button"
            className={SECONDARY_BUTTON}
            onClick={() => {
              control.current?.resume();
              setPausedNow(false);
            }}
          >
            <Play aria-hidden="true" className="h-4 w-4" /> Resume
          </button>
        )}
        {running && (
          <button type="button" className={DANGER_BUTTON} onClick={() => control.current?.abort()}>
            <Square aria-hidden="true" className="h-4 w-4" /> Abort
          </button>
        )}
        {!running && startedHere && !view && (
          <span className="text-sm text-slate-700 dark:text-slate-300" data-testid="run-started-here">
            This browser started this rollout{' '}
            <time dateTime={startedHere}>{new Date(startedHere).toLocaleString()}</time>.
          </span>
        )}
      </div>
      {error && <ErrorAlert title="The rollout stopped">{error}</ErrorAlert>}

      <section aria-labelledby="run-status-heading" className="space-y-2">
        <h2 id="run-status-heading" className="text-lg font-semibold">
          Status
        </h2>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" data-testid="run-summary">
          <div>
            <dt className="text-slate-700 dark:text-slate-300">Phase</dt>
            <dd className="font-semibold" data-testid="run-phase" data-phase={view?.phase ?? 'not-started'}>
              {view ? PHASE_TEXT[paused && running ? 'paused' : view.phase] : 'Not started'}
            </dd>
          </div>
          <div>
            <dt className="text-slate-700 dark:text-slate-300">Current wave</dt>
            <dd className="font-semibold" data-testid="run-wave">
              {view?.currentWave == null
                ? '—'
                : view.currentWave === 0
                  ? 'Canary'
                  : `Wave ${view.currentWave} of ${waves.ok ? waves.waves.length - 1 : '?'}`}
              {view?.soakingUntil && ` (soaking until ${new Date(view.soakingUntil).toLocaleTimeString()})`}
            </dd>
          </div>
          <div>
            <dt className="text-slate-700 dark:text-slate-300">Elapsed</dt>
            <dd className="font-semibold tabular-nums">{view ? duration(elapsedMs) : '—'}</dd>
          </div>
          <div>
            <dt className="text-slate-700 dark:text-slate-300">Estimated time left</dt>
            <dd className="font-semibold tabular-nums">
              {view?.estimatedRemainingMs != null ? `about ${duration(view.estimatedRemainingMs)}` : '—'}
            </dd>
          </div>
        </dl>
        <p className="text-sm" data-testid="run-counts">
          {Object.entries(counts)
            .map(([state, count]) => `${count} ${state}`)
            .join(', ')}
          .
        </p>
        {view?.stopReason && (
          <p role="alert" className="text-sm font-medium text-red-800 dark:text-red-200" data-testid="run-stop-reason">
            {view.stopReason}
          </p>
        )}
        <p className="sr-only" aria-live="polite" data-testid="run-announcement">
          {announce.polite}
        </p>
        <p className="sr-only" role="alert">
          {announce.urgent}
        </p>
      </section>

      {view?.phase === 'aborted' && rollingOut.length > 0 && (
        <section
          aria-labelledby="abort-heading"
          className="space-y-2 rounded border border-red-700 p-3 dark:border-red-400"
        >
          <h2 id="abort-heading" className="font-semibold">
            {rollingOut.length} rollout{rollingOut.length === 1 ? ' is' : 's are'} still running
          </h2>
          <p className="text-sm">
            Aborting a rollout stops AKS mid-way: some nodes trust the new bundle, some the old one, until the change is
            applied again. {rollingOut.map((c) => c.ref.name).join(', ')}.
          </p>
          <button type="button" className={DANGER_BUTTON} onClick={() => void abortRunning()} disabled={!!aborting}>
            Abort the running rollouts too
          </button>
          {aborting && (
            <p role="status" className="text-sm">
              {aborting.done.length > 0 && `Abort accepted: ${aborting.done.join(', ')}. `}
              {aborting.failed.length > 0 && `Not aborted: ${aborting.failed.join('; ')}.`}
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="run-clusters-heading" className="space-y-2">
        <h2 id="run-clusters-heading" className="text-lg font-semibold">
          Clusters
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Every cluster of the plan with its rollout state</caption>
            <ColumnHeaders
              rowClassName="text-left"
              cellClassName="py-2"
              gap="pr-3"
              columns={[
                { label: 'Cluster' },
                { label: 'Wave' },
                { label: 'State' },
                { label: 'Progress' },
                { label: 'Nodes replaced', align: 'right' },
              ]}
            />
            <tbody>
              {ordered.map((cluster) => (
                <RunClusterRow
                  key={cluster.ref.id}
                  cluster={cluster}
                  wave={waveOf.get(cluster.ref.id) ?? null}
                  state={stateOf(cluster.ref.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <p className="text-sm">
        <Link
          href={`/fleet/rollout?${wavesToParams(planId, settings)}`}
          className="text-blue-800 underline dark:text-blue-300"
        >
          Link to this rollout
        </Link>{' '}
        (opens it with the same waves; the plan must be in that browser or loaded from its file).
      </p>
    </div>
  );
}
