/** Components run in the browser: nothing under components/ imports lib/azure (server-only); eslint.config.mjs says the same. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const specifiers = (text: string) => [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1]!);

describe('imports', () => {
  it('no component imports lib/azure', () => {
    const offenders = files(join(ROOT, 'components')).flatMap((path) =>
      specifiers(readFileSync(path, 'utf8'))
        .filter((specifier) => /(^|\/)lib\/azure(\/|$)/.test(specifier))
        .map((specifier) => `${relative(ROOT, path)}: ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the shared types import neither zod nor server-only', () => {
    expect(specifiers(readFileSync(join(ROOT, 'lib/clusters/types.ts'), 'utf8'))).toEqual([]);
  });

  it('every non-test module of lib/azure is server-only', () => {
    const missing = files(join(ROOT, 'lib/azure'))
      .filter((path) => !/\.test\.ts$/.test(path))
      .filter((path) => !/^import 'server-only';$/m.test(readFileSync(path, 'utf8')))
      .map((path) => relative(ROOT, path));
    expect(missing).toEqual([]);
  });
});
