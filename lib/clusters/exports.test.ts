import { describe, expect, it } from 'vitest';
import { bundleExports } from './exports';

const pem = (n: number) => `-----BEGIN CERTIFICATE-----\nAAA${n}\n-----END CERTIFICATE-----\n`;

describe('bundleExports', () => {
  it('gives the az file, the terraform value and the ARM JSON of the same entries', () => {
    const out = bundleExports([{ pem: pem(1) }, { pem: pem(2) }]);
    expect(out.azFile).toBe(`${pem(1)}\n${pem(2)}`);
    const wire = [pem(1), pem(2)].map((text) => Buffer.from(text).toString('base64'));
    expect(out.terraform).toBe(`custom_ca_trust_certificates_base64 = [\n  "${wire[0]}",\n  "${wire[1]}",\n]\n`);
    expect(JSON.parse(out.armJson)).toEqual({ properties: { securityProfile: { customCATrustCertificates: wire } } });
  });

  it('is an empty list for remove-all', () => {
    const out = bundleExports([]);
    expect(out.azFile).toBe('');
    expect(JSON.parse(out.armJson).properties.securityProfile.customCATrustCertificates).toEqual([]);
  });
});
