/**
 * Loads the ARM half (emulator/arm/index.ts, `createArm`) when it exists. Imported by URL so that the platform
 * still starts, with Entra and control routes only, while the ARM half is missing or broken.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ArmEmulator, ArmOptions } from '../contract';

type CreateArm = (options: ArmOptions) => Promise<ArmEmulator>;

export async function loadArm(options: ArmOptions, log: (line: string) => void): Promise<ArmEmulator | undefined> {
  const url = new URL('../arm/index.ts', import.meta.url);
  if (!existsSync(fileURLToPath(url))) {
    log('ARM routes: emulator/arm/index.ts not found; serving Entra ID and control routes only');
    return undefined;
  }
  const module = (await import(url.href)) as { createArm?: CreateArm };
  if (typeof module.createArm !== 'function') {
    log('ARM routes: emulator/arm/index.ts does not export createArm; serving Entra ID and control routes only');
    return undefined;
  }
  return module.createArm(options);
}
