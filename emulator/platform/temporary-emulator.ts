/**
 * Test helper: one emulator per test file, on a random port in a fresh data directory, stopped and removed after.
 * Fields are filled in beforeAll, so read them inside tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type RunningEmulator } from '../server';
import { httpsClient } from './test-client';

export interface TemporaryEmulator {
  emulator: RunningEmulator;
  dataDir: string;
  /** HTTPS requests trusting the emulator's CA. */
  get: ReturnType<typeof httpsClient>;
}

export function temporaryEmulator(prefix: string): TemporaryEmulator {
  const env = {} as TemporaryEmulator;
  beforeAll(async () => {
    env.dataDir = mkdtempSync(join(tmpdir(), prefix));
    env.emulator = await startEmulator({ port: 0, dataDir: env.dataDir, quiet: true });
    env.get = httpsClient(env.emulator.caPem);
  });
  afterAll(async () => {
    await env.emulator?.close();
    if (env.dataDir) rmSync(env.dataDir, { recursive: true, force: true });
  });
  return env;
}
