/**
 * Test helper: one emulator per test file, on a random port in a fresh data directory, stopped and removed after.
 * Fields are filled in beforeAll, so read them inside tests.
 */
import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type RunningEmulator } from '../server';
import { httpsClient } from './https-client';
import { temporaryDirectory, type TemporaryDirectory } from './temporary-directory';

export interface TemporaryEmulator {
  emulator: RunningEmulator;
  dataDir: string;
  /** HTTPS requests trusting the emulator's CA. */
  get: ReturnType<typeof httpsClient>;
}

export function temporaryEmulator(prefix: string): TemporaryEmulator {
  const env = {} as TemporaryEmulator;
  let directory: TemporaryDirectory | undefined;
  beforeAll(async () => {
    directory = temporaryDirectory(prefix);
    env.dataDir = directory.path;
    env.emulator = await startEmulator({ port: 0, dataDir: env.dataDir, quiet: true });
    env.get = httpsClient(env.emulator.caPem);
  });
  afterAll(async () => {
    await env.emulator?.close();
    directory?.remove();
  });
  return env;
}
