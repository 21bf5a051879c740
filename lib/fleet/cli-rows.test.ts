import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './cli-csv';
import {
  caRowCells,
  caRows,
  daysLeft,
  expiringWithin,
  normalizeSha256,
  toFleetCertificate,
  toFleetCluster,
  whoTrusts,
  type FleetCluster,
} from './cli-rows';

const NOW = new Date('2026-12-01T00:00:00Z');
const DAY = 86_400_000;
const cert = (name: string, sha: string, notAfterDays: number) =>
  toFleetCertificate(
    {
      displayName: name,
      subject: `CN=${name}`,
      issuer: `CN=${name}`,
      sha256: sha.toUpperCase(),
      notBefore: new Date(NOW.getTime() - 400 * DAY).toISOString(),
      notAfter: new Date(NOW.getTime() + notAfterDays * DAY).toISOString(),
    },
    NOW,
  );
const cluster = (name: string, certificates: ReturnType<typeof cert>[]): FleetCluster =>
  toFleetCluster(
    {
      id: `/subscriptions/s/resourcegroups/rg/providers/Microsoft.ContainerService/managedClusters/${name}`,
      name,
      resourceGroup: 'rg',
      subscriptionId: 's',
      location: 'westeurope',
      kubernetesVersion: '1.33.2',
      provisioningState: 'Succeeded',
    },
    { tenantId: 't', tenantName: 'Contoso', subscriptionName: 'prod' },
    certificates,
  );

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const fleet = [
  cluster('one', [cert('Root', A, 900), cert('Issuing', B, 20)]),
  cluster('two', [cert('Old', 'c'.repeat(64), -12)]),
  cluster('three', []),
];

describe('fleet rows', () => {
  it('one row per cluster and CA; a cluster without CAs gives one empty row', () => {
    const rows = caRows(fleet);
    expect(rows).toHaveLength(4);
    expect(caRowCells(rows[3]!)).toEqual(['Contoso', 'prod', 'rg', 'three', null, null, null, null, null]);
    expect(caRowCells(rows[1]!)).toEqual([
      'Contoso',
      'prod',
      'rg',
      'one',
      'Issuing',
      B,
      new Date(NOW.getTime() + 20 * DAY).toISOString(),
      20,
      'expiring',
    ]);
  });

  it('expiringWithin: expired and within the window, soonest first; 0 days means only expired', () => {
    expect(expiringWithin(fleet, 30 * DAY, NOW).map((r) => r.certificate!.displayName)).toEqual(['Old', 'Issuing']);
    expect(expiringWithin(fleet, 0, NOW).map((r) => r.certificate!.displayName)).toEqual(['Old']);
    expect(daysLeft(new Date(NOW.getTime() - 12 * DAY).toISOString(), NOW)).toBe(-12);
  });

  it('fingerprints with or without colons, any case; anything else is not one', () => {
    expect(normalizeSha256(A.toUpperCase().match(/../g)!.join(':'))).toBe(A);
    expect(normalizeSha256(` ${A} `)).toBe(A);
    expect(normalizeSha256('ab:cd')).toBeNull();
    expect(normalizeSha256('ca.pem')).toBeNull();
  });

  it('whoTrusts splits the fleet into trusting and missing', () => {
    const answer = whoTrusts(fleet, B);
    expect(answer.trusting.map((c) => c.name)).toEqual(['one']);
    expect(answer.missing.map((c) => c.name)).toEqual(['two', 'three']);
    expect(answer.certificate?.displayName).toBe('Issuing');
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and newlines; CRLF rows', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['line\nbreak', null],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\r\n');
  });

  it('is formula-injection safe: text starting with = + - @ tab or CR is prefixed; numbers stay numbers', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell(-12)).toBe('-12');
    expect(csvCell('CN=Contoso')).toBe('CN=Contoso');
  });
});
