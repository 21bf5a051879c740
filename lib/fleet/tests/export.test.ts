import { describe, expect, it } from 'vitest';
import { buildCaIndex } from '../ca-index';
import { caIndexRows, csvField, EXPORT_COLUMNS, inventoryRows, toCsv, toJson } from '../export';
import type { FleetCluster } from '../types';
import { CLUSTERS, NOW, ROOT } from './fleet-fixtures';

describe('export rows', () => {
  it('inventory: one row per cluster × CA, a row for a cluster without custom CAs, duplicates once', () => {
    const rows = inventoryRows(CLUSTERS, NOW);
    expect(rows.map((r) => `${r.cluster}|${r.caName}|${r.daysLeft}|${r.status}`)).toEqual([
      'aks-pay|Contoso Root CA|2000|ok',
      'aks-web|Contoso Root CA|2000|ok',
      'aks-web|Contoso Staging CA|20|expiring',
      'aks-stage|Contoso Staging CA|20|expiring',
      'aks-core|Fabrikam Legacy CA|-12|expired',
      'aks-empty||null|no-custom-ca',
    ]);
    expect(rows[0]).toEqual({
      tenant: 'Contoso',
      tenantId: 'tenant-contoso',
      subscription: 'contoso-prod',
      subscriptionId: 'sub-contoso-prod',
      resourceGroup: 'rg-pay',
      cluster: 'aks-pay',
      caName: 'Contoso Root CA',
      sha256: ROOT.sha256,
      notAfter: ROOT.notAfter,
      daysLeft: 2000,
      status: 'ok',
    });
  });

  it('CA index: CA by CA, one row per trusting cluster', () => {
    const rows = caIndexRows(buildCaIndex(CLUSTERS, NOW));
    expect(rows.map((r) => `${r.caName}|${r.cluster}`)).toEqual([
      'Contoso Root CA|aks-pay',
      'Contoso Root CA|aks-web',
      'Contoso Staging CA|aks-web',
      'Contoso Staging CA|aks-stage',
      'Fabrikam Legacy CA|aks-core',
    ]);
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(null)).toBe('');
    expect(csvField(-12)).toBe('-12');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvField('+1+cmd')).toBe("'+1+cmd");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tTAB')).toBe("'\tTAB");
    expect(csvField('\r=x')).toBe(`"'\r=x"`);
    expect(csvField('a=b')).toBe('a=b');
  });

  it('writes a header and CRLF rows; hostile certificate names stay inert', () => {
    const hostile: FleetCluster = {
      ...CLUSTERS[1]!,
      certificates: [{ ...ROOT, displayName: '=cmd|" /C calc"!A0' }],
    };
    const csv = toCsv(inventoryRows([hostile], NOW));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(EXPORT_COLUMNS.map((c) => c.heading).join(','));
    expect(lines[0]).toBe(
      'Tenant,Tenant ID,Subscription,Subscription ID,Resource group,Cluster,CA name,SHA-256,Not after (UTC),Days left,Status',
    );
    expect(lines[1]).toBe(
      `Contoso,tenant-contoso,contoso-prod,sub-contoso-prod,rg-pay,aks-pay,"'=cmd|"" /C calc""!A0",${ROOT.sha256},${ROOT.notAfter},2000,ok`,
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
  });

  it('writes status as the stable id (as JSON and the CLI do), a cluster without custom CAs as no-custom-ca', () => {
    expect(toCsv(inventoryRows([CLUSTERS[4]!], NOW)).split('\r\n')[1]).toBe(
      'Fabrikam,tenant-fabrikam,fabrikam-platform,sub-fabrikam-platform,rg-core,aks-empty,,,,,no-custom-ca',
    );
    const statuses = inventoryRows(CLUSTERS, NOW).map((row) => row.status);
    expect(new Set(statuses)).toEqual(new Set(['ok', 'expiring', 'expired', 'no-custom-ca']));
  });

  it('writes numbers as numbers, null and undefined as empty cells', () => {
    expect(csvField(-12)).toBe('-12');
    expect(csvField(0)).toBe('0');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('counts days left by the one rule: whole days, floor, symmetric once expired', () => {
    const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000).toISOString();
    const rows = inventoryRows(
      [
        {
          ...CLUSTERS[1]!,
          certificates: [
            { ...ROOT, sha256: '1'.repeat(64), notAfter: hours(20 * 24 + 23) },
            { ...ROOT, sha256: '2'.repeat(64), notAfter: hours(5) },
            { ...ROOT, sha256: '3'.repeat(64), notAfter: hours(-5) },
            { ...ROOT, sha256: '4'.repeat(64), notAfter: hours(-(12 * 24 + 20)) },
          ],
        },
      ],
      NOW,
    );
    expect(rows.map((row) => [row.daysLeft, row.status])).toEqual([
      [20, 'expiring'],
      [0, 'critical'],
      [0, 'expired'],
      [-12, 'expired'],
    ]);
  });
});

describe('JSON', () => {
  it('holds the rows and when they were computed', () => {
    const parsed = JSON.parse(toJson(inventoryRows(CLUSTERS, NOW), NOW));
    expect(parsed.generatedAt).toBe(NOW.toISOString());
    expect(parsed.rows).toHaveLength(6);
    expect(parsed.rows[4]).toMatchObject({ cluster: 'aks-core', daysLeft: -12, status: 'expired' });
  });
});
