/**
 * Differential fuzz (issue 10, point 3): mutated real certificates must never be accepted by lib/pki while
 * Node's X509Certificate (OpenSSL) refuses them. Seeds: Debian's bundle when installed, the openssl-generated
 * fixtures and certificates made with @peculiar/x509. Mutations are deterministic (seeded PRNG).
 *
 * "lib/pki accepts" = a certificate came out and no error finding other than the policy lints that judge a
 * readable certificate (expired, not a CA, weak key or hash). "Node refuses" = the constructor or a getter throws
 * (the publicKey getter throws for key algorithms OpenSSL cannot decode, which lib/pki refuses with
 * key-type-not-allowed). The reverse cases (lib/pki refuses, Node accepts) are Go's crypto/x509 rules, which
 * the nodes apply; each must fall in an allowed category below (also listed in lib/pki/README.md).
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority, issueCertificate } from '@/emulator/certs/x509';
import { readBundle } from '../read-bundle';
import { loadFixtures } from './fixtures';
import { mutate, seededRandom } from './fuzz/mutate';

const CASES = 5000;
const SEED = 20261201;

const POLICY_LINTS = new Set([
  'expired',
  'not-yet-valid',
  'not-a-ca',
  'key-usage-missing-cert-sign',
  'rsa-key-too-small',
  'md5-signature',
  'sha1-signature',
]);

/** Reverse cases allowed, by category: what Go's parser refuses and OpenSSL lets through at parse time. */
export const REVERSE_CATEGORIES: { category: string; match: RegExp; reason: string }[] = [
  {
    category: 'key-policy',
    match: /^(ec-curve-not-allowed|key-type-not-allowed)$/,
    reason:
      'A key type or curve AKS nodes cannot use (an OID the mutation changed); OpenSSL still reads the certificate.',
  },
  {
    category: 'trailing-data',
    match: /data after the certificate|^not-text-or-der$|^no-certificate$/,
    reason: 'OpenSSL ignores bytes after the certificate; Go refuses them ("x509: trailing data").',
  },
  {
    category: 'ber-not-der',
    match: /(non-minimal|indefinite|oversized) length|multi-byte tag|nested too deeply/,
    reason: 'OpenSSL decodes BER (indefinite and non-minimal lengths); Go reads DER only.',
  },
  {
    category: 'signature-algorithm-mismatch',
    match: /inner and outer signature algorithms differ/,
    reason:
      'Go refuses a tbsCertificate signature algorithm that differs from the outer one; OpenSSL notices only when verifying.',
  },
  {
    category: 'duplicate-extension',
    match: /extension appears twice/,
    reason: 'Go refuses a repeated extension; OpenSSL parses the certificate and fails later, on use.',
  },
  {
    category: 'string-charset',
    match: /PrintableString|NumericString|IA5String|BMPString with a surrogate or noncharacter/,
    reason:
      'Go checks PrintableString, NumericString and IA5String characters and BMPString noncharacters; OpenSSL does not.',
  },
  {
    category: 'version',
    match: /version/,
    reason: 'Go accepts only versions 1-3 encoded as a minimal INTEGER; OpenSSL accepts any INTEGER.',
  },
  {
    category: 'bit-string-padding',
    match: /BIT STRING/,
    reason: 'Go refuses BIT STRINGs with a padding count over 7 or non-zero padding bits (DER); OpenSSL masks them.',
  },
  {
    category: 'negative-serial',
    match: /serial number is negative/,
    reason: 'Go 1.23+ refuses negative serial numbers (unless GODEBUG=x509negativeserial=1); OpenSSL accepts them.',
  },
  {
    category: 'non-der-value',
    match: /BOOLEAN|non-minimal INTEGER|empty INTEGER|OBJECT IDENTIFIER|too large/,
    reason: 'Go refuses non-DER BOOLEANs, non-minimal INTEGERs and malformed OIDs; OpenSSL accepts them.',
  },
  {
    category: 'time-format',
    match: /notBefore|notAfter|a time/,
    reason:
      "Go's UTCTime/GeneralizedTime rules (digits, ranges, Z or a non-zero offset, no fractions); OpenSSL reads times lazily.",
  },
  {
    category: 'extension-content',
    match:
      /subjectAltName|nameConstraints|basicConstraints|keyUsage|KeyIdentifier|extendedKeyUsage|certificatePolic|policy|CRL distribution|cRLDistributionPoints|authorityInfoAccess|inhibitAnyPolicy|extension/,
    reason:
      'Go parses these extensions when it reads the certificate and refuses malformed ones (and critical AKI/SKI/AIA); OpenSSL decodes them only on use.',
  },
  {
    category: 'public-key',
    match: /RSA|EC public key|EC curve|EC key|Ed25519|Ed448|DSA/,
    reason:
      "Go's parsePublicKey checks (RSA NULL parameters, positive integers, EC point on the curve, key sizes); OpenSSL decodes the key only when asked.",
  },
  {
    category: 'structure',
    match:
      /fields|malformed|missing|wrong type|truncated|runs past|exactly two times|not a SEQUENCE|type names do not use|empty/,
    reason:
      'Fields X.509 does not define or a missing field: Go or OpenSSL refuses them too in most positions; the rest OpenSSL tolerates.',
  },
];

function nodeAccepts(der: Uint8Array): boolean {
  try {
    const certificate = new X509Certificate(der);
    void [
      certificate.subject,
      certificate.issuer,
      certificate.validFrom,
      certificate.validTo,
      certificate.serialNumber,
      certificate.fingerprint256,
      certificate.subjectAltName,
      certificate.keyUsage,
      certificate.ca,
      certificate.infoAccess,
      certificate.publicKey,
    ];
    return true;
  } catch {
    return false;
  }
}

function derOfPem(text: string): Uint8Array[] {
  return [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map(
    (match) => new Uint8Array(Buffer.from(match[1]!, 'base64')),
  );
}

const FIXTURES = [
  'rsa-root',
  'ec-root',
  'ed25519-root',
  'intermediate',
  'leaf',
  'constrained-root',
  'v1-root',
  'dsa-root',
  'pss-root',
  'k1-root',
  'sha1-root',
];

let seeds: Uint8Array[] = [];

beforeAll(async () => {
  const fixtures = await loadFixtures();
  const generated = FIXTURES.flatMap((name) => derOfPem(fixtures.text(`${name}.pem`)));
  const ca = await createCertificateAuthority({ subject: 'CN=Fuzz Root \u00e9, O=Contoso, C=NL', pathLength: 1 });
  const rsa = await createCertificateAuthority({ subject: 'CN=Fuzz RSA Root, OU=Ops', keyAlgorithm: 'RSA-2048' });
  const leaf = await issueCertificate(
    {
      subject: 'CN=api.contoso.example',
      dnsNames: ['api.contoso.example'],
      ipAddresses: ['10.0.0.1'],
      extendedKeyUsages: ['serverAuth', 'clientAuth'],
    },
    ca,
  );
  const peculiar = [ca, rsa, leaf].flatMap((issued) => derOfPem(issued.certPem));
  const debian = existsSync('/etc/ssl/certs/ca-certificates.crt')
    ? derOfPem(readFileSync('/etc/ssl/certs/ca-certificates.crt', 'utf8'))
    : [];
  seeds = [...generated, ...peculiar, ...debian];
}, 60_000);

function categoryOf(reason: string): string | undefined {
  return REVERSE_CATEGORIES.find((entry) => entry.match.test(reason))?.category;
}

describe('differential fuzz against node:crypto X509Certificate', () => {
  it(`${CASES} mutated certificates: none accepted by lib/pki and refused by Node; reverse cases only in allowed categories`, async () => {
    expect(seeds.length).toBeGreaterThan(10);
    for (const seed of seeds) expect(nodeAccepts(seed)).toBe(true);
    const random = seededRandom(SEED);
    const now = new Date();
    const acceptedByUsOnly: { kind: string; base64: string }[] = [];
    const reverse = new Map<string, number>();
    const uncategorised: string[] = [];
    let bothAccept = 0;
    let bothRefuse = 0;
    const started = performance.now();
    for (let i = 0; i < CASES; i++) {
      const { kind, der } = mutate(seeds[i % seeds.length]!, random);
      const result = await readBundle([{ content: der }], { now });
      const errors = result.findings.filter((finding) => finding.severity === 'error' && !POLICY_LINTS.has(finding.id));
      const weAccept = result.certificates.length > 0 && errors.length === 0;
      const nodeAccepted = nodeAccepts(der);
      if (weAccept && !nodeAccepted) acceptedByUsOnly.push({ kind, base64: Buffer.from(der).toString('base64') });
      else if (!weAccept && nodeAccepted) {
        const first = errors[0]!;
        const reason =
          first.id === 'not-a-certificate' ? (/\(([^)]*)\)/.exec(first.message)?.[1] ?? first.id) : first.id;
        const category = categoryOf(reason);
        if (category) reverse.set(category, (reverse.get(category) ?? 0) + 1);
        else uncategorised.push(`${kind}: ${reason}`);
      } else if (weAccept) bothAccept++;
      else bothRefuse++;
    }
    const seconds = (performance.now() - started) / 1000;
    console.info(
      JSON.stringify({
        fuzz: 'pki-vs-node',
        cases: CASES,
        seeds: seeds.length,
        seconds: Number(seconds.toFixed(1)),
        bothAccept,
        bothRefuse,
        acceptedByUsRefusedByNode: acceptedByUsOnly.length,
        refusedByUsAcceptedByNode: Object.fromEntries([...reverse].sort((a, b) => b[1] - a[1])),
      }),
    );
    expect(acceptedByUsOnly.slice(0, 3)).toEqual([]);
    expect(uncategorised.slice(0, 10)).toEqual([]);
    expect(bothRefuse + bothAccept).toBeGreaterThan(CASES / 4);
  }, 120_000);
});
