/** Certificates for the editor specs, made at test time (nothing committed; private keys stay in the test process). */
import { issueCertificate } from '../../emulator/certs';

const DAY = 86_400_000;

export interface EditorFixtures {
  goodCa: string;
  secondCa: string;
  serverCertificate: string;
  expiredCa: string;
  privateKey: string;
  elevenCas: string;
  /** Same subject as the seeded proxy CA of aks-web-prod-neu, new key, later expiry: a renewal. */
  renewedProxyCa: string;
}

export async function makeEditorFixtures(): Promise<EditorFixtures> {
  const [goodCa, secondCa, server, expiredCa, keyed] = await Promise.all([
    issueCertificate({ subject: 'CN=Contoso Partner Root CA, O=Contoso', isCA: true }),
    issueCertificate({ subject: 'CN=Contoso Lab Root CA, O=Contoso', isCA: true }),
    issueCertificate({ subject: 'CN=api.contoso.example', dnsNames: ['api.contoso.example'] }),
    issueCertificate({
      subject: 'CN=Contoso Retired Root CA, O=Contoso',
      isCA: true,
      notBefore: new Date(Date.now() - 800 * DAY),
      notAfter: new Date(Date.now() - 30 * DAY),
    }),
    issueCertificate({ subject: 'CN=Key Holder CA', isCA: true, keyAlgorithm: 'RSA-2048' }),
  ]);
  const renewed = await issueCertificate({
    subject: 'CN=Contoso Proxy Inspection CA 2025, OU=Network Security, O=Contoso Ltd, C=US',
    isCA: true,
  });
  const eleven = await Promise.all(
    Array.from({ length: 11 }, (_, index) => issueCertificate({ subject: `CN=Bulk Root CA ${index + 1}`, isCA: true })),
  );
  return {
    goodCa: goodCa.certPem,
    secondCa: secondCa.certPem,
    serverCertificate: server.certPem,
    expiredCa: expiredCa.certPem,
    privateKey: keyed.keyPem,
    elevenCas: eleven.map((certificate) => certificate.certPem).join(''),
    renewedProxyCa: renewed.certPem,
  };
}

/** A file Windows tools write: CRLF line endings and trailing spaces on every line. */
export function crlfWithTrailingSpaces(pem: string): string {
  return (
    pem
      .trimEnd()
      .split('\n')
      .map((line) => `${line}   `)
      .join('\r\n') + '\r\n'
  );
}
