import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_RULES } from '../lib/pki/finding-rules';
import { findingFor } from '../lib/pki/lint/rule';
import type { CertificateInfo, Finding } from '../lib/pki/types';
import { README_PATH, withFindingTable } from './finding-docs';

const ROOT = join(import.meta.dirname, '..');

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'tests' || name === 'testing' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'finding-rules.ts' ? [path] : [];
  });
}

describe('the finding-id registry', () => {
  it('is the table in lib/pki/README.md (run npm run docs:findings after changing it)', () => {
    const readme = readFileSync(README_PATH, 'utf8');
    expect(withFindingTable(readme)).toBe(readme);
  });

  it('lists only ids the code reports', () => {
    const code = [...sources(join(ROOT, 'lib/pki')), ...sources(join(ROOT, 'lib/clusters'))]
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    const unused = Object.keys(FINDING_RULES).filter((id) => !code.includes(`'${id}'`));
    expect(unused).toEqual([]);
  });

  it('knows every id the path-validation table of the README names', () => {
    const readme = readFileSync(README_PATH, 'utf8');
    const table = readme.slice(readme.indexOf('### Rules implemented'), readme.indexOf('### Not implemented'));
    const ids = [...table.matchAll(/^\|.*\| (`[a-z0-9-]+`(?:, `[a-z0-9-]+`)*)[^|]*\|$/gm)].flatMap((match) =>
      [...match[1]!.matchAll(/`([a-z0-9-]+)`/g)].map((id) => id[1]!),
    );
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id) => !(id in FINDING_RULES))).toEqual([]);
  });

  it('types Finding.id and the severity findingFor takes (tsc checks the expect-error lines)', () => {
    const certificate = { index: 0, source: {}, displayName: 'x' } as CertificateInfo;
    // @ts-expect-error not-a-ca is never a warning
    findingFor(certificate, 'not-a-ca', 'warning', 'x');
    expect(findingFor(certificate, 'sha1-signature', 'warning', 'x').severity).toBe('warning');
    // @ts-expect-error an id outside the registry
    const unknown: Finding = { id: 'no-such-finding', severity: 'info', message: 'x' };
    expect(unknown.id).toBe('no-such-finding');
  });
});
