import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures, type Fixtures } from './fixtures';
import { base64Lines, ids, read, toBase64 } from './helpers';

let fx: Fixtures;
beforeAll(async () => {
  fx = await loadFixtures();
});

const KEY_FILES = [
  'rsa-root.key',
  'rsa-traditional.key',
  'ec-pkcs8.key',
  'ec-traditional.key',
  'encrypted.key',
  'openssh.key',
  'dsa-root.key',
];

describe('private keys are refused and never echoed', () => {
  it.each(KEY_FILES)('%s is an error and its content appears nowhere in the result', async (name) => {
    const key = fx.text(name);
    const result = await read({ name: 'upload.pem', content: `${fx.text('rsa-root.pem')}${key}` });
    expect(ids(result.findings, 'error')).toEqual(['private-key']);
    expect(result.certificates).toHaveLength(1);
    const serialized = JSON.stringify(result);
    for (const line of base64Lines(key)) expect(serialized).not.toContain(line);
    for (const line of base64Lines(key)) expect(serialized).not.toContain(line.slice(0, 24));
  });

  it('a DSA key label, a key without END line and a key with headers are refused without content', async () => {
    const key = fx.text('rsa-traditional.key');
    const cut = key.split('\n').slice(0, -2).join('\n');
    const truncated = await read({ content: cut });
    expect(ids(truncated.findings)).toContain('private-key'); // a key without END line is still a key
    for (const line of base64Lines(key)) expect(JSON.stringify(truncated)).not.toContain(line);
    const dsa = `-----BEGIN DSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n${base64Lines(key).join('\n')}\n-----END DSA PRIVATE KEY-----\n`;
    const result = await read({ content: dsa });
    expect(ids(result.findings)).toEqual(['private-key']);
    for (const line of base64Lines(key)) expect(JSON.stringify(result)).not.toContain(line);
  });

  it('binary (DER) and base64-wrapped private keys are refused too', async () => {
    const der = fx.bytes('rsa-root.key.der');
    const binary = await read({ content: der });
    expect(ids(binary.findings)).toEqual(['private-key']);
    const wrapped = await read({ content: toBase64(fx.text('ec-pkcs8.key')) });
    expect(ids(wrapped.findings, 'error')).toEqual(['private-key']);
    const derBase64 = toBase64(der);
    for (const result of [binary, wrapped]) expect(JSON.stringify(result)).not.toContain(derBase64.slice(0, 40));
  });

  it('key body lines outside blocks are refused as a private key, without being quoted', async () => {
    const body = base64Lines(fx.text('rsa-root.key')).join('\n');
    const result = await read({ content: `${fx.text('rsa-root.pem')}${body}\n` });
    expect(ids(result.findings)).toEqual(['private-key']);
    expect(JSON.stringify(result)).not.toContain(body.slice(0, 40));
  });
});
