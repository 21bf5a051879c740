import { readFileSync } from 'node:fs';
import type { BundleInput } from '../../lib/pki';

/** A problem with how the command was called (exit code 2), as opposed to a problem in the certificates. */
export class UsageError extends Error {}

export type ReadStdin = () => Promise<Uint8Array>;

export async function readProcessStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** Reads each path (`-` is stdin) as bytes, so DER and UTF-16 files are detected by lib/pki. */
export async function readInputs(paths: string[], readStdin: ReadStdin): Promise<BundleInput[]> {
  if (paths.length === 0) throw new UsageError('no input: pass one or more files, or - for stdin');
  const inputs: BundleInput[] = [];
  for (const path of paths) {
    if (path === '-') {
      inputs.push({ name: 'stdin', content: await readStdin() });
      continue;
    }
    try {
      inputs.push({ name: path, content: new Uint8Array(readFileSync(path)) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(
        `cannot read ${path}${code === 'ENOENT' ? ': no such file' : code === 'EISDIR' ? ': it is a directory' : ''}`,
      );
    }
  }
  return inputs;
}

/** Parses `--now`; only full ISO-8601 timestamps or dates are accepted. */
export function parseNow(value: string): Date {
  const isoLike = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
  const time = isoLike.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time))
    throw new UsageError(`--now must be an ISO-8601 time such as 2026-01-31T12:00:00Z, got "${value.slice(0, 40)}"`);
  return new Date(time);
}
