import { decodeBase64, firstNonBase64Char } from '../encoding';
import type { Finding } from '../types';
import type { CertificateCandidate, IntakeResult } from './candidate';
import { certificatesFromPkcs7, classifyDer, readTlv } from './der';
import type { PemBlock } from './pem-scan';
import { refusalFinding } from './refusals';

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'X.509 CERTIFICATE']);
const PKCS7_LABELS = new Set(['PKCS7', 'PKCS #7 SIGNED DATA', 'CMS']);
const TRUSTED_CERTIFICATE = 'TRUSTED CERTIFICATE';

/** Turns complete PEM blocks into certificate DER, refusing everything that is not a certificate. */
export function blocksToCandidates(blocks: PemBlock[], file: string | undefined): IntakeResult {
  const candidates: CertificateCandidate[] = [];
  const findings: Finding[] = [];
  for (const block of blocks) {
    const source = { file, startLine: block.beginLine, endLine: block.endLine };
    const isCertificate = CERTIFICATE_LABELS.has(block.label);
    const isPkcs7 = PKCS7_LABELS.has(block.label);
    const isTrusted = block.label === TRUSTED_CERTIFICATE;
    if (!isCertificate && !isPkcs7 && !isTrusted) {
      findings.push(refusalFinding(block.label, file, block.beginLine, block.endLine));
      continue;
    }
    const der = decodeBody(block, file, findings);
    if (!der) continue;
    const kind = classifyDer(der);
    if (kind === 'private-key' || kind === 'pkcs12') {
      findings.push(refusalFinding(kind === 'pkcs12' ? 'PKCS12' : 'PRIVATE KEY', file, block.beginLine, block.endLine));
      continue;
    }
    if (isCertificate) {
      candidates.push({ der, source });
    } else if (isTrusted) {
      // OpenSSL's TRUSTED CERTIFICATE is a certificate followed by trust settings AKS cannot use.
      const first = readTlv(der, 0);
      candidates.push({ der: first ? der.slice(0, first.end) : der, source });
      findings.push({
        id: 'trusted-certificate-converted',
        severity: 'info',
        file,
        line: block.beginLine,
        message: `The OpenSSL TRUSTED CERTIFICATE at line ${block.beginLine} was converted to a plain CERTIFICATE; its OpenSSL trust settings are dropped.`,
      });
    } else {
      const inner = certificatesFromPkcs7(der);
      if (!inner || inner.length === 0) {
        findings.push({
          id: 'pkcs7-without-certificates',
          severity: 'error',
          file,
          line: block.beginLine,
          message: `The PKCS#7 block at line ${block.beginLine} ${inner ? 'holds no certificates' : 'is malformed'}; export the CA certificates as PEM instead.`,
        });
        continue;
      }
      for (const certificate of inner) candidates.push({ der: certificate, source });
      findings.push({
        id: 'pkcs7-converted',
        severity: 'info',
        file,
        line: block.beginLine,
        message: `The PKCS#7 block at line ${block.beginLine} was unpacked into ${inner.length} certificate${inner.length === 1 ? '' : 's'}.`,
      });
    }
  }
  return { candidates, findings };
}

function decodeBody(block: PemBlock, file: string | undefined, findings: Finding[]): Uint8Array | null {
  if (block.headerLine !== undefined) {
    findings.push({
      id: 'pem-headers',
      severity: 'error',
      file,
      line: block.headerLine,
      message: `Line ${block.headerLine} is a PEM header (such as Proc-Type or DEK-Info); certificate blocks must hold only base64, so export the certificate again without headers.`,
    });
    return null;
  }
  if (block.body.length === 0) {
    findings.push({
      id: 'empty-pem-block',
      severity: 'error',
      file,
      line: block.beginLine,
      message: `The block at line ${block.beginLine} is empty; paste the base64 between its BEGIN and END lines.`,
    });
    return null;
  }
  for (const part of block.body) {
    const column = firstNonBase64Char(part.text);
    if (column >= 0) {
      findings.push({
        id: 'invalid-base64',
        severity: 'error',
        file,
        line: part.line,
        message: `Line ${part.line} has a character that is not base64; certificate lines may hold only A-Z, a-z, 0-9, +, / and = padding.`,
      });
      return null;
    }
  }
  const der = decodeBase64(block.body.map((part) => part.text).join(''));
  if (!der) {
    findings.push({
      id: 'invalid-base64',
      severity: 'error',
      file,
      line: block.beginLine,
      message: `The base64 in the block at line ${block.beginLine} is truncated or wrongly padded; copy the whole block again.`,
    });
  }
  return der;
}
