/** State file: JSON written on change (debounced, atomically) and read at start. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { ArmState, ArmStateView } from './types';

const stateFileSchema = z.looseObject({
  version: z.literal(3),
  subscriptions: z.array(z.looseObject({ subscriptionId: z.string(), tenantId: z.string() })),
  extraRoleAssignments: z.array(z.looseObject({ objectId: z.string(), scope: z.string() })),
  resourceGroups: z.array(z.looseObject({ subscriptionId: z.string(), name: z.string() })),
  clusters: z.array(z.looseObject({ subscriptionId: z.string(), name: z.string(), pools: z.array(z.unknown()) })),
  operations: z.array(z.looseObject({ id: z.string(), status: z.string() })),
});

export type LoadResult = { ok: true; state: ArmState } | { ok: false; reason: string };

/** Reads a state file; a missing file is `missing`, an unreadable one is reported, never thrown. */
export function loadStateFile(file: string): LoadResult | 'missing' {
  if (!existsSync(file)) return 'missing';
  try {
    const parsed = stateFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) return { ok: false, reason: `unexpected content: ${parsed.error.issues[0]?.message ?? ''}` };
    return { ok: true, state: parsed.data as unknown as ArmState };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

export function writeStateFile(file: string, state: ArmStateView): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, file);
}

/** Debounced writer: `schedule()` on every change, `flush()` at close. */
export function createPersister(file: string, read: () => ArmStateView, debounceMs = 250) {
  let timer: NodeJS.Timeout | undefined;
  const write = () => {
    timer = undefined;
    try {
      writeStateFile(file, read());
    } catch (error) {
      console.error(`[arm] could not write state file ${file}: ${error instanceof Error ? error.message : error}`);
    }
  };
  return {
    schedule(): void {
      if (timer) return;
      timer = setTimeout(write, debounceMs);
      timer.unref();
    },
    flush(): void {
      if (!timer) return;
      clearTimeout(timer);
      write();
    },
  };
}
