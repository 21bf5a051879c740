import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BundleResult } from '../types';
import { loadFixtures } from './fixtures';
import { base64Lines, read, toBase64 } from './helpers';

const SLOW_MS = 1000; // generous: the suite shares two cores with other work
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

let samplePem = '';
let sampleDer: Uint8Array = new Uint8Array();
let privateKey = '';

beforeAll(async () => {
  const fx = await loadFixtures();
  samplePem = fx.text('rsa-root.pem') + fx.text('ec-root.pem') + fx.text('bundle.p7b');
  sampleDer = fx.bytes('rsa-root.der');
  privateKey = fx.text('ec-pkcs8.key');
});

function lineCount(content: string | Uint8Array): number {
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
  return text.split(/\r\n|\r|\n/).length;
}

/** The invariants every result must satisfy, whatever the input. */
function expectWellFormed(result: BundleResult, content: string | Uint8Array): void {
  const lines = lineCount(content);
  for (const finding of result.findings) {
    expect(finding.id).toMatch(ID);
    expect(['error', 'warning', 'info']).toContain(finding.severity);
    expect(finding.message.length).toBeGreaterThan(10);
    if (finding.line !== undefined) {
      expect(Number.isInteger(finding.line)).toBe(true);
      expect(finding.line).toBeGreaterThanOrEqual(1);
      expect(finding.line).toBeLessThanOrEqual(lines);
    }
    if (finding.certificateIndex !== undefined)
      expect(finding.certificateIndex).toBeLessThan(result.certificates.length);
  }
  for (const certificate of result.certificates) {
    const { startLine, endLine } = certificate.source;
    if (startLine !== undefined) {
      expect(startLine).toBeGreaterThanOrEqual(1);
      expect(endLine!).toBeGreaterThanOrEqual(startLine);
      expect(endLine!).toBeLessThanOrEqual(lines);
    }
  }
  if (result.certificates.length === 0 && result.findings.length === 0)
    throw new Error('no certificates and no finding');
}

async function readTimed(content: string | Uint8Array): Promise<BundleResult> {
  const started = performance.now();
  const result = await read({ name: 'input', content });
  expect(performance.now() - started).toBeLessThan(SLOW_MS);
  return result;
}

/** Edits a text the ways people and tools break PEM: insert, delete, replace, duplicate lines, change line endings. */
const textMutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 20 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    text: fc.constantFrom(
      '-',
      '=',
      '\r',
      '\n',
      ' ',
      '\ufeff',
      '-----END CERTIFICATE-----',
      '-----BEGIN CERTIFICATE-----',
      ':',
      '\u0000',
    ),
  }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('crlf' as const) }),
);

interface Mutation {
  kind: string;
  at?: number;
  text?: string;
  length?: number;
}

function mutate(text: string, mutations: Mutation[]): string {
  return mutations.reduce(applyMutation, text);
}

function applyMutation(text: string, mutation: Mutation): string {
  const at = text.length === 0 ? 0 : (mutation.at ?? 0) % text.length;
  switch (mutation.kind) {
    case 'insert':
      return text.slice(0, at) + mutation.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + (mutation.length ?? 1));
    case 'replace':
      return text.slice(0, at) + mutation.text + text.slice(at + 1);
    case 'duplicate-line': {
      const lines = text.split('\n');
      const index = at % Math.max(1, lines.length);
      lines.splice(index, 0, lines[index] ?? '');
      return lines.join('\n');
    }
    default:
      return text.replace(/\n/g, '\r\n');
  }
}

describe('property: no input makes it throw, hang or point at a line that does not exist', () => {
  it('random text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 3000 }), async (text) =>
        expectWellFormed(await readTimed(text), text),
      ),
      { numRuns: 200 },
    );
  });

  it('random PEM-like text', async () => {
    const pemish = fc
      .array(
        fc.constantFrom(
          '-----BEGIN CERTIFICATE-----',
          '-----END CERTIFICATE-----',
          '-----BEGIN PKCS7-----',
          'MIIB',
          'AAAA',
          '====',
          ' ',
          '\n',
          '\r\n',
          '\r',
          'Bag Attributes',
          'Proc-Type: 4',
          '-----END X509 CRL-----',
          '-----BEGIN RSA PRIVATE KEY-----',
        ),
        { maxLength: 200 },
      )
      .map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(pemish, async (text) => expectWellFormed(await readTimed(text), text)),
      { numRuns: 200 },
    );
  });

  it('random bytes, and bytes that start like DER', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 4000 }),
      fc.uint8Array({ maxLength: 4000 }).map((b) => new Uint8Array([0x30, 0x82, ...b])),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (content) => expectWellFormed(await readTimed(content), content)),
      { numRuns: 200 },
    );
  });

  it('mutated real bundles', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(textMutation, { minLength: 1, maxLength: 6 }), async (mutations) => {
        const text = mutate(samplePem, mutations);
        expectWellFormed(await readTimed(text), text);
      }),
      { numRuns: 200 },
    );
  });

  it('mutated DER and base64 of mutated PEM', async () => {
    const flips = fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), {
      minLength: 1,
      maxLength: 8,
    });
    await fc.assert(
      fc.asyncProperty(flips, fc.boolean(), async (changes, wrap) => {
        const der = sampleDer.slice();
        for (const change of changes) der[change.at % der.length] = change.value;
        const content = wrap ? toBase64(der) : der;
        expectWellFormed(await readTimed(content), content);
      }),
      { numRuns: 200 },
    );
  });

  it('a private key anywhere in mutated text is never echoed', async () => {
    const keyLines = base64Lines(privateKey);
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(textMutation, { maxLength: 3 }), async (position, mutations) => {
        const lines = samplePem.split('\n');
        lines.splice(position % lines.length, 0, privateKey);
        const text = mutate(lines.join('\n'), mutations);
        const serialized = JSON.stringify(await readTimed(text));
        for (const line of keyLines) expect(serialized).not.toContain(line.slice(8, 40));
      }),
      { numRuns: 100 },
    );
  });
});
