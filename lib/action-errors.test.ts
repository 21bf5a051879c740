import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_ERROR_CODES, forCaller, isActionErrorCode, retryClassOf } from './action-errors';
import { fail } from './action-result';

const ROOT = join(import.meta.dirname, '..');

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return ['tests', 'testing', 'pki'].includes(name) ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && name !== 'action-errors.ts' ? [path] : [];
  });
}

const code = ['app', 'lib', 'components', 'bin']
  .flatMap((folder) => sources(join(ROOT, folder)))
  .map((path) => readFileSync(path, 'utf8'))
  .join('\n');

describe('the action error registry', () => {
  it('holds every code the server and the browser produce', () => {
    const produced = new Set([
      ...[...code.matchAll(/\bcode: '([A-Za-z]+)'/g)].map((m) => m[1]!),
      ...[...code.matchAll(/\b(?:toClientError|codeOf)\([^,()]+, '([A-Za-z]+)'\)/g)].map((m) => m[1]!),
      ...[...code.matchAll(/'([A-Za-z]+)' satisfies ActionErrorCode/g)].map((m) => m[1]!),
      ...[...code.matchAll(/readonly code = '([A-Za-z]+)'/g)].map((m) => m[1]!),
    ]);
    expect(produced.size).toBeGreaterThan(20);
    expect([...produced].filter((c) => !isActionErrorCode(c))).toEqual([]);
  });

  it('lists only codes something produces', () => {
    expect(Object.keys(ACTION_ERROR_CODES).filter((c) => !code.includes(`'${c}'`))).toEqual([]);
  });

  it('gives each code a retry class and replaces generic messages before they leave the server', () => {
    expect(retryClassOf('TooManyRequests')).toBe('retry');
    expect(retryClassOf('SignInRequired')).toBe('sign-in');
    expect(retryClassOf('PreconditionFailed')).toBe('reload');
    expect(retryClassOf('CertificatesRefused')).toBe('permanent');
    const internal = { code: 'UnexpectedError' as const, message: 'TypeError: x is undefined at /srv/app.js:1' };
    expect(forCaller(internal).message).toBe(ACTION_ERROR_CODES.UnexpectedError.meaning);
    expect(fail(internal)).toEqual({
      ok: false,
      error: { code: 'UnexpectedError', message: expect.not.stringContaining('/srv') },
    });
    expect(forCaller({ code: 'ClusterStopped', message: 'aks-1 is stopped' }).message).toBe('aks-1 is stopped');
    expect(isActionErrorCode('ArmUnreachable')).toBe(false);
    expect(isActionErrorCode('toString')).toBe(false);
  });
});
