import { describe, expect, it } from 'vitest';
import { matchDomainConstraint } from '../constraints';
import { formatIp, parseIp, verifyHostname } from '../hostname';
import { pemBlocksOf } from '../pem-blocks';

const cert = (dnsNames: string[], ips: string[] = []) => ({
  dnsNames,
  ipAddresses: ips.map((ip) => parseIp(ip)!.subarray(ip.includes(':') ? 0 : 12)),
});

describe("Go's VerifyHostname rules", () => {
  it.each([
    [['registry.contoso.com'], 'registry.contoso.com', true],
    [['registry.contoso.com'], 'REGISTRY.Contoso.com.', true],
    [['*.contoso.com'], 'registry.contoso.com', true],
    [['*.contoso.com'], 'contoso.com', false],
    [['*.contoso.com'], 'a.b.contoso.com', false],
    [['reg*.contoso.com'], 'registry.contoso.com', false],
    [['reg*.contoso.com'], 'reg*.contoso.com', true], // an invalid pattern still matches exactly
    [['*.com'], 'contoso.com', true], // Go has no public-suffix rule
    [['registry.contoso.com.'], 'registry.contoso.com', false], // the trailing dot is removed from the host only
    [['127.0.0.1'], '127.0.0.1', false], // an IP is matched against IP SANs only
  ])('%j for %s is %s', (names, host, ok) => {
    expect(verifyHostname(cert(names), host).ok).toBe(ok);
  });

  it('matches IP SANs, IPv4 and IPv6, in brackets too', () => {
    expect(verifyHostname(cert([], ['10.0.0.1']), '10.0.0.1').ok).toBe(true);
    expect(verifyHostname(cert([], ['10.0.0.1']), '::ffff:10.0.0.1').ok).toBe(true);
    expect(verifyHostname(cert([], ['2001:db8::1']), '[2001:db8:0::1]').ok).toBe(true);
    expect(verifyHostname(cert([], ['10.0.0.1']), '10.0.0.2').ok).toBe(false);
    expect(parseIp('010.0.0.1')).toBeNull();
    expect(formatIp(parseIp('2001:db8::1')!)).toBe('2001:db8::1');
  });

  it("follows Go's DNS name constraint matching (leading period = subdomains only)", () => {
    expect(matchDomainConstraint('registry.contoso.com', 'contoso.com')).toBe(true);
    expect(matchDomainConstraint('contoso.com', 'contoso.com')).toBe(true);
    expect(matchDomainConstraint('contoso.com', '.contoso.com')).toBe(false);
    expect(matchDomainConstraint('notcontoso.com', 'contoso.com')).toBe(false);
    expect(matchDomainConstraint('Registry.CONTOSO.com', 'contoso.com')).toBe(true);
  });
});

describe('pemBlocksOf', () => {
  it('takes the certificates out of openssl s_client -showcerts output and ignores the rest', () => {
    const output = [
      'CONNECTED(00000003)',
      'depth=1 CN = Contoso Issuing CA 2',
      '---',
      'Certificate chain',
      ' 0 s:CN = registry.contoso.com',
      '   i:CN = Contoso Issuing CA 2',
      '-----BEGIN CERTIFICATE-----',
      'QUJD',
      'REVG',
      '-----END CERTIFICATE-----',
      ' 1 s:CN = Contoso Issuing CA 2',
      '-----BEGIN CERTIFICATE-----\r',
      'R0hJ\r',
      '-----END CERTIFICATE-----\r',
      '---',
      'Server certificate',
      'subject=CN = registry.contoso.com',
      'Verify return code: 20 (unable to get local issuer certificate)',
    ].join('\n');
    expect(pemBlocksOf(output)).toEqual([
      '-----BEGIN CERTIFICATE-----\nQUJDREVG\n-----END CERTIFICATE-----\n',
      '-----BEGIN CERTIFICATE-----\nR0hJ\n-----END CERTIFICATE-----\n',
    ]);
  });
});
