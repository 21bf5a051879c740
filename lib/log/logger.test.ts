import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

const { createLogger } = await import('./logger');

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvbGl2aWEifQ.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';
const PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUabc\n-----END CERTIFICATE-----';

describe('logger', () => {
  it('writes JSON lines and redacts tokens, authorization headers and certificate bodies wherever they sit', () => {
    const { lines, stream } = capture();
    const log = createLogger({ LOG_LEVEL: 'info' }, stream);
    log.info({
      token: TOKEN,
      headers: { authorization: `Bearer ${TOKEN}` },
      request: { headers: { authorization: `Bearer ${TOKEN}` }, token: TOKEN },
      certificates: [PEM],
      input: { certificates: [PEM], pem: PEM },
      action: 'applyCaBundle',
    });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ level: 'info', service: 'aks-ca-trust', action: 'applyCaBundle' });
    expect(lines[0]).not.toContain(TOKEN.split('.')[1]);
    expect(lines[0]).not.toContain('BEGIN CERTIFICATE');
  });

  it('refuses a LOG_LEVEL it does not know', () => {
    expect(() => createLogger({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
