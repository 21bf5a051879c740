/** Writing key and certificate files atomically, private ones with mode 0600. */
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function writeAtomically(path: string, text: string, mode: number): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode });
  chmodSync(temporary, mode); // the umask may have narrowed or the file may have existed
  renameSync(temporary, path);
}

export function writePrivateFile(path: string, text: string): void {
  writeAtomically(path, text, 0o600);
}

export function writePublicFile(path: string, text: string): void {
  writeAtomically(path, text, 0o644);
}
