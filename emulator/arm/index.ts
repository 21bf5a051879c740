/**
 * The ARM half of the emulator: state (seeded or loaded from a state file), the ARM routes, the control API
 * and the rollout simulator. The platform (emulator/server.ts) verifies tokens and mounts both Hono apps.
 */
import type { ArmEmulator, ArmOptions } from '../contract';
import type { ArmContext, ArmSettings, ETagMode } from './context';
import { loadOrCreateOperationSigning, type OperationSigning } from './operations/signing-certificate';
import { createControl } from './control';
import { FaultList } from './http/faults';
import { ArmBudgets, DEFAULT_BUCKETS, type BucketSpec } from './http/throttle';
import { createArmRoutes } from './routes';
import { RolloutSimulator, systemClock, type Clock } from './rollout/simulator';
import { buildSeedState } from './seed';
import { generateSeedCertificates, type SeedCertificates } from './seed/certificates';
import { createPersister, loadStateFile } from './state/persist';
import { Store } from './state/store';

export const DEFAULTS = {
  msPerBatch: 3000,
  pageSize: 20,
  machinePageSize: 500,
  /** ARM's documented buckets (see http/throttle.ts): a careful loader stays inside them, a careless one does not. */
  readBucket: DEFAULT_BUCKETS.read,
  writeBucket: DEFAULT_BUCKETS.write,
} as const;

/** Options beyond the shared contract, for tests and tools that call createArm directly. */
export interface ArmExtraOptions {
  clock?: Clock;
  /** false: no timers; tests step the simulator through `internals.simulator`. */
  useTimers?: boolean;
  pageSize?: number;
  eTags?: ETagMode;
  operationSigning?: OperationSigning;
  writeBucket?: BucketSpec;
  certificates?: SeedCertificates;
}

export interface ArmEmulatorWithInternals extends ArmEmulator {
  internals: ArmContext & { reset(): Promise<void> };
}

let sharedCertificates: Promise<SeedCertificates> | undefined;

function seedCertificates(): Promise<SeedCertificates> {
  sharedCertificates ??= generateSeedCertificates();
  return sharedCertificates;
}

export async function createArm(options: ArmOptions & ArmExtraOptions): Promise<ArmEmulatorWithInternals> {
  const clock = options.clock ?? systemClock;
  const msPerBatch = options.msPerBatch ?? DEFAULTS.msPerBatch;
  const certificates = options.certificates ?? (await seedCertificates());
  const seed = () =>
    buildSeedState({ certificates, now: clock.now(), msPerBatch, ...(options.fleet ? { fleet: options.fleet } : {}) });

  let initial = seed();
  if (options.stateFile) {
    const loaded = loadStateFile(options.stateFile);
    if (loaded !== 'missing' && loaded.ok) initial = loaded.state;
    if (loaded !== 'missing' && !loaded.ok) {
      console.warn(`[arm] ignoring state file ${options.stateFile} (${loaded.reason}); starting from the seed`);
    }
  }
  const initialSettings = (): ArmSettings => ({
    pageSize: options.pageSize ?? DEFAULTS.pageSize,
    machinePageSize: DEFAULTS.machinePageSize,
    eTags: options.eTags ?? 'seed',
    latencyMs: options.latencyMs ?? 0,
    rejectWindowsCaChange: false,
  });
  const store = new Store(initial);
  const simulator = new RolloutSimulator(store, clock, msPerBatch, options.useTimers ?? true);
  const ctx: ArmContext = {
    publicBaseUrl: options.publicBaseUrl.replace(/\/+$/, ''),
    verifyBearer: options.verifyBearer,
    store,
    simulator,
    clock,
    faults: new FaultList(),
    budgets: new ArmBudgets(
      { read: options.readBucket ?? DEFAULTS.readBucket, write: options.writeBucket ?? DEFAULTS.writeBucket },
      () => clock.now(),
    ),
    operationSigning: options.operationSigning ?? (await loadOrCreateOperationSigning(options.dataDir)),
    settings: initialSettings(),
  };

  const persister = options.stateFile ? createPersister(options.stateFile, () => store.state) : undefined;
  if (persister) {
    store.onChange(() => persister.schedule());
    persister.schedule();
  }
  simulator.resume();

  const reset = async () => {
    store.replaceState(seed());
    ctx.faults.clear();
    simulator.failNext.clear();
    Object.assign(ctx.settings, initialSettings());
    ctx.budgets.configure({
      read: options.readBucket ?? DEFAULTS.readBucket,
      write: options.writeBucket ?? DEFAULTS.writeBucket,
    });
    simulator.setSpeed(msPerBatch);
    simulator.resume();
  };

  return {
    routes: createArmRoutes(ctx) as unknown as ArmEmulator['routes'],
    control: createControl(ctx, reset),
    async close() {
      simulator.close();
      persister?.flush();
    },
    internals: Object.assign(ctx, { reset }),
  };
}
