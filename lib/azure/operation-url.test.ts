import { describe, expect, it } from 'vitest';
import { checkOperationUrl, MAX_OPERATION_URL_LENGTH } from './operation-url';

const ARM = 'https://management.azure.com';
const SUB = '00000000-aaaa-4000-8000-000000000001';
const PATH = `/subscriptions/${SUB}/providers/Microsoft.ContainerService/locations/westus2/operations/e04f494d-1111-4222-8333-944445555666`;
const b64url = (length: number, seed = 7) =>
  Array.from(
    { length },
    (_, i) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[(i * 31 + seed) % 64],
  ).join('');

/** The recorded shape (azure-facts §13): provider api-version, .NET ticks, base64url DER certificate, 342-char signature, 43-char hash. */
const REAL = `${ARM}${PATH}?api-version=2025-03-01&t=638947346152659867&c=${b64url(2980)}&s=${b64url(342, 3)}&h=${b64url(43, 5)}`;

describe('checkOperationUrl', () => {
  it('accepts a real-shaped 3.6 KB signed URL and uses it verbatim', () => {
    expect(REAL.length).toBeGreaterThan(3500);
    expect(REAL.length).toBeLessThan(3700);
    expect(checkOperationUrl(REAL, ARM)).toEqual({
      ok: true,
      operation: {
        subscriptionId: SUB,
        location: 'westus2',
        operationId: 'e04f494d-1111-4222-8333-944445555666',
        url: REAL,
      },
    });
    expect(
      checkOperationUrl(
        `https://localhost:8644${PATH}?api-version=2025-03-01&t=1&c=a&s=b&h=c`,
        'https://localhost:8644/',
      ),
    ).toMatchObject({ ok: true });
  });

  it('appends api-version only when the URL has none, as core-lro does', () => {
    expect(checkOperationUrl(`${ARM}${PATH}`, ARM, '2025-01-01')).toMatchObject({
      ok: true,
      operation: { url: `${ARM}${PATH}?api-version=2025-01-01` },
    });
    expect(checkOperationUrl(`${ARM}${PATH}?t=1&h=x`, ARM, '2025-01-01')).toMatchObject({
      ok: true,
      operation: { url: `${ARM}${PATH}?t=1&h=x&api-version=2025-01-01` },
    });
  });

  it('accepts 8 KB and refuses 8 KB + 1', () => {
    const base = `${ARM}${PATH}?api-version=2025-03-01&c=`;
    const exact = base + b64url(MAX_OPERATION_URL_LENGTH - base.length);
    expect(exact.length).toBe(8192);
    expect(checkOperationUrl(exact, ARM).ok).toBe(true);
    expect(checkOperationUrl(`${exact}A`, ARM)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('longer than 8192'),
    });
  });

  it.each([
    ['another host', `https://evil.example${PATH}`],
    ['a look-alike host', `https://management.azure.com.evil.example${PATH}`],
    ['http', `http://management.azure.com${PATH}`],
    ['another port', `https://management.azure.com:8443${PATH}`],
    ['an explicit default port', `https://management.azure.com:443${PATH}`],
    ['an upper-case host', `https://MANAGEMENT.azure.com${PATH}`],
    ['userinfo', `https://user:pass@management.azure.com${PATH}`],
    ['userinfo pointing elsewhere', `https://management.azure.com@evil.example${PATH}`],
    [
      'path traversal',
      `${ARM}/subscriptions/${SUB}/providers/Microsoft.ContainerService/locations/westeurope/operations/../../../../resourceGroups/x`,
    ],
    ['traversal that lands on a valid path', `${ARM}/x/..${PATH}`],
    ['a double slash', `${ARM}/${PATH}`],
    [
      'encoded slashes',
      `${ARM}/subscriptions/${SUB}/providers/Microsoft.ContainerService/locations/westeurope/operations/a%2F..%2F..%2Fevil`,
    ],
    [
      'encoded dots',
      `${ARM}/subscriptions/${SUB}/providers/Microsoft.ContainerService/locations/westeurope/operations/%2e%2e`,
    ],
    ['backslashes', `${ARM}\\subscriptions\\${SUB}`],
    ['a tab', `${ARM}${PATH}\t`],
    ['non-ASCII', `${ARM}${PATH}?h=é`],
    [
      'another ARM path',
      `${ARM}/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1`,
    ],
    [
      'operationresults',
      `${ARM}/subscriptions/${SUB}/providers/Microsoft.ContainerService/locations/westeurope/operationresults/abc`,
    ],
    ['another provider', `${ARM}/subscriptions/${SUB}/providers/Microsoft.Compute/locations/westeurope/operations/abc`],
    ['a fragment', `${REAL}#x`],
    ['an extra parameter', `${REAL}&$expand=x`],
    ['a parameter smuggling a URL', `${ARM}${PATH}?api-version=2025-03-01&redirect=https://evil.example`],
    ['a repeated parameter', `${REAL}&h=again`],
    ['a percent-encoded value', `${ARM}${PATH}?api-version=2025-03-01&h=a%2Fb`],
    ['a plus in a value', `${ARM}${PATH}?api-version=2025-03-01&s=a+b`],
    ['an equals sign in a value', `${ARM}${PATH}?api-version=2025-03-01&s=ab==`],
    ['an empty value', `${ARM}${PATH}?api-version=2025-03-01&h=`],
    ['an empty pair', `${ARM}${PATH}?api-version=2025-03-01&&h=x`],
    ['a malformed api-version', `${ARM}${PATH}?api-version=latest`],
    ['non-numeric ticks', `${ARM}${PATH}?api-version=2025-03-01&t=abc`],
    ['not a URL', 'operations/abc'],
    ['a protocol-relative URL', `//evil.example${PATH}`],
    ['empty', ''],
  ])('refuses %s', (_, url) => {
    const check = checkOperationUrl(url, ARM);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(/^The operation URL was refused: /);
  });
});
