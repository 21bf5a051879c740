import { describe, expect, it } from 'vitest';
import { checkOperationUrl } from './operation-url';

const ARM = 'https://management.azure.com';
const SUB = '00000000-aaaa-4000-8000-000000000001';
const PATH = `/subscriptions/${SUB}/providers/Microsoft.ContainerService/locations/westeurope/operations/e04f494d-1111-4222-8333-944445555666`;

describe('checkOperationUrl', () => {
  it('accepts ARM operation URLs and rebuilds them with only api-version', () => {
    const check = checkOperationUrl(`${ARM}${PATH}?api-version=2025-01-01&t=638&c=MIIH&s=abc&h=def`, ARM);
    expect(check).toEqual({
      ok: true,
      operation: { subscriptionId: SUB, location: 'westeurope', operationId: 'e04f494d-1111-4222-8333-944445555666', url: `${ARM}${PATH}?api-version=2025-01-01` },
    });
    expect(checkOperationUrl(`https://MANAGEMENT.azure.com:443${PATH.toLowerCase()}`, ARM)).toMatchObject({ ok: true, operation: { url: expect.stringContaining('api-version=2026-06-01') } });
    expect(checkOperationUrl(`https://localhost:8443${PATH}?api-version=2026-06-01`, 'https://localhost:8443')).toMatchObject({ ok: true });
  });

  it.each([
    ['another host', `https://evil.example${PATH}`],
    ['a look-alike host', `https://management.azure.com.evil.example${PATH}`],
    ['http', `http://management.azure.com${PATH}`],
    ['another port', `https://management.azure.com:8443${PATH}`],
    ['userinfo', `https://user:pass@management.azure.com${PATH}`],
    ['userinfo pointing elsewhere', `https://management.azure.com@evil.example${PATH}`],
    ['path traversal', `${ARM}/subscriptions/${SUB}/providers/Microsoft.ContainerService/locations/westeurope/operations/../../../../resourceGroups/x`],
    ['traversal that lands on a valid path', `${ARM}/x/..${PATH}`],
    ['encoded slashes', `${ARM}/subscriptions/${SUB}/providers/Microsoft.ContainerService/locations/westeurope/operations/a%2F..%2F..%2Fevil`],
    ['encoded dots', `${ARM}/subscriptions/${SUB}/providers/Microsoft.ContainerService/locations/westeurope/operations/%2e%2e`],
    ['backslashes', `${ARM}\\subscriptions\\${SUB}`],
    ['another ARM path', `${ARM}/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1`],
    ['operationresults', `${ARM}/subscriptions/${SUB}/providers/Microsoft.ContainerService/locations/westeurope/operationresults/abc`],
    ['another provider', `${ARM}/subscriptions/${SUB}/providers/Microsoft.Compute/locations/westeurope/operations/abc`],
    ['a fragment', `${ARM}${PATH}#x`],
    ['not a URL', 'operations/abc'],
    ['a protocol-relative URL', `//evil.example${PATH}`],
  ])('refuses %s', (_, url) => {
    const check = checkOperationUrl(url, ARM);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(/^The operation URL was refused: /);
  });
});
