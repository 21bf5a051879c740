import { describe, expect, it } from 'vitest';
import { buildCaIndex, findCa } from '../ca-index';
import { expiringWithin, parseWindowDays } from '../expiring';
import { inScope, scopeFromParams, scopeToParams, trustInScope } from '../scope';
import { normalizeHex, searchCas } from '../search';
import { CLUSTERS, CONTOSO, EXPIRED, FABRIKAM, NOW, ROOT, SOON } from './fleet-fixtures';

const index = buildCaIndex(CLUSTERS, NOW);
const names = (clusters: { name: string }[]) => clusters.map((c) => c.name);

describe('scope', () => {
  it('splits a scope into trusting and not-trusting clusters', () => {
    const root = findCa(index, ROOT.sha256)!;
    const all = trustInScope(root, CLUSTERS, {});
    expect(names(all.trusting)).toEqual(['aks-pay', 'aks-web']);
    expect(names(all.notTrusting)).toEqual(['aks-stage', 'aks-core', 'aks-empty']);
    expect(names(trustInScope(root, CLUSTERS, { tenantId: CONTOSO }).notTrusting)).toEqual(['aks-stage']);
    expect(names(trustInScope(root, CLUSTERS, { tenantId: FABRIKAM }).trusting)).toEqual([]);
    expect(names(trustInScope(root, CLUSTERS, { subscriptionId: 'sub-contoso-prod' }).notTrusting)).toEqual([]);
    expect(trustInScope(root, CLUSTERS, { name: 'CORE' }).notTrusting.map((c) => c.name)).toEqual([
      'aks-core',
      'aks-empty',
    ]);
  });

  it('matches the name filter on cluster name or resource group, case-insensitively', () => {
    expect(inScope(CLUSTERS[0]!, { name: 'WEB' })).toBe(true);
    expect(inScope(CLUSTERS[0]!, { name: 'rg-w' })).toBe(true);
    expect(inScope(CLUSTERS[0]!, { name: 'pay' })).toBe(false);
    expect(inScope(CLUSTERS[0]!, { name: '   ' })).toBe(true);
  });

  it('round-trips through the URL and drops empty values', () => {
    const params = scopeToParams({ tenantId: CONTOSO, name: 'web' }, new URLSearchParams('q=abc&subscription=x'));
    expect(params.toString()).toBe('q=abc&tenant=tenant-contoso&cluster=web');
    expect(scopeFromParams(params)).toEqual({ tenantId: CONTOSO, name: 'web' });
    expect(scopeFromParams(new URLSearchParams('tenant=&cluster=%20'))).toEqual({});
  });
});

describe('search', () => {
  const found = (query: string) => searchCas(index, query).map((m) => `${m.ca.displayName}:${m.matchedBy}`);

  it('finds by SHA-256 with or without colons, in any case', () => {
    expect(found(ROOT.sha256)).toEqual(['Contoso Root CA:sha256']);
    expect(found(ROOT.sha256.toUpperCase().match(/../g)!.join(':'))).toEqual(['Contoso Root CA:sha256']);
    expect(found(` ${ROOT.sha256.toUpperCase().match(/../g)!.join(' ')} `)).toEqual(['Contoso Root CA:sha256']);
  });

  it('finds by SHA-1 and by subject key identifier', () => {
    expect(found(SOON.sha1.toUpperCase())).toEqual(['Contoso Staging CA:sha1']);
    expect(found(EXPIRED.subjectKeyIdentifier!.match(/../g)!.join(':'))).toEqual(['Fabrikam Legacy CA:ski']);
  });

  it('finds by subject text and display name, case-insensitively', () => {
    expect(found('contoso')).toEqual(['Contoso Root CA:text', 'Contoso Staging CA:text']);
    expect(found('O=Example')).toHaveLength(3);
    expect(found('legacy')).toEqual(['Fabrikam Legacy CA:text']);
  });

  it('does not take a fingerprint prefix for the CA, and an empty query lists all', () => {
    expect(found(ROOT.sha256.slice(0, 16))).toEqual([]);
    expect(searchCas(index, '  ')).toHaveLength(3);
    expect(found('nothing like this')).toEqual([]);
  });

  it('normalizes hex text', () => {
    expect(normalizeHex('AB:cd ef')).toBe('abcdef');
    expect(normalizeHex('CN=x')).toBeNull();
  });
});

describe('expiring', () => {
  it('lists CAs ending within the window, expired included, soonest first, with their clusters', () => {
    expect(expiringWithin(index, 7, NOW).map((ca) => ca.displayName)).toEqual(['Fabrikam Legacy CA']);
    const thirty = expiringWithin(index, 30, NOW);
    expect(thirty.map((ca) => ca.displayName)).toEqual(['Fabrikam Legacy CA', 'Contoso Staging CA']);
    expect(names(thirty[1]!.clusters)).toEqual(['aks-web', 'aks-stage']);
    expect(expiringWithin(index, 19, NOW)).toHaveLength(1);
    expect(expiringWithin(index, 20, NOW)).toHaveLength(2);
    expect(expiringWithin(index, 3650, NOW)).toHaveLength(3);
    expect(expiringWithin(index, 0, NOW).map((ca) => ca.displayName)).toEqual(['Fabrikam Legacy CA']);
  });

  it('reads a window from the URL, defaulting to 30 days', () => {
    expect(parseWindowDays('7')).toBe(7);
    expect(parseWindowDays(' 45 ')).toBe(45);
    expect(parseWindowDays('0')).toBe(0);
    expect(parseWindowDays(null)).toBe(30);
    expect(parseWindowDays('-3')).toBe(30);
    expect(parseWindowDays('1e3')).toBe(30);
    expect(parseWindowDays('9999')).toBe(30);
  });
});
