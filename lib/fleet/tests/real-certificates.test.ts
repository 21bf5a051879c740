/** The fleet model over certificates as lib/pki decodes them from clusters' entries (real X.509). */
import { describe, expect, it } from 'vitest';
import { readCaBundle } from '../../pki';
import { issueCertificate } from '../../../emulator/certs';
import { buildCaIndex } from '../ca-index';
import { searchCas } from '../search';
import type { FleetCluster } from '../types';

describe('fleet index from decoded entries', () => {
  it('indexes by SHA-256 of DER and finds a CA by colon fingerprint, SHA-1, SKI and subject', async () => {
    const now = new Date();
    const [root, proxy] = await Promise.all([
      issueCertificate({ subject: 'CN=Real Root CA, O=Contoso', isCA: true }),
      issueCertificate({ subject: 'CN=Real Proxy CA, O=Contoso', isCA: true }),
    ]);
    const decode = async (pems: string[]) => (await readCaBundle(pems, { now })).certificates;
    const base = { resourceGroup: 'rg', subscriptionId: 's', subscriptionName: 's', tenantId: 't', tenantName: 'T' };
    const clusters: FleetCluster[] = [
      { ...base, id: 'a', name: 'a', certificates: await decode([root.certPem, proxy.certPem]) },
      // The same root with CRLF line ends is the same DER, so the same CA.
      { ...base, id: 'b', name: 'b', certificates: await decode([root.certPem.replace(/\n/g, '\r\n')]) },
    ];
    const index = buildCaIndex(clusters, now);
    expect(index.map((ca) => [ca.displayName, ca.clusters.length])).toEqual([
      ['Real Proxy CA', 1],
      ['Real Root CA', 2],
    ]);
    const rootCa = index[1]!;
    expect(rootCa.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(rootCa.subjectKeyIdentifier).toMatch(/^[0-9a-f]+$/);
    const colon = rootCa.sha256.toUpperCase().match(/../g)!.join(':');
    for (const query of [colon, rootCa.sha1.toUpperCase(), rootCa.subjectKeyIdentifier!, 'real root']) {
      expect(
        searchCas(index, query).map((m) => m.ca.sha256),
        query,
      ).toEqual([rootCa.sha256]);
    }
  });
});
