import { decodeBase64 } from '../encoding';
import { MAX_INPUT_BYTES } from '../limits';
import type { BundleInput, Finding } from '../types';
import type { CertificateCandidate, IntakeResult, LineOverride } from './candidate';
import { certificatesFromPkcs7, classifyDer } from './der';
import { entriesFromJson } from './json-entries';
import { splitLines } from './lines';
import { blocksToCandidates } from './pem-blocks';
import { scanPem } from './pem-scan';
import { findKeySpans, type KeySpan } from './key-spans';
import { binaryPrivateKeyFinding, keySpanFinding } from './refusals';

export type { CertificateCandidate, IntakeResult } from './candidate';

/** Base64 of base64 of PEM is as deep as real tools go; deeper nesting is noise. */
const MAX_WRAPPING_DEPTH = 2;

/** Reads one file or pasted text into certificate DER with source positions, fixing what is safe. */
export function intake(input: BundleInput): IntakeResult {
  const file = input.name;
  const size = typeof input.content === 'string' ? input.content.length : input.content.byteLength;
  if (size > MAX_INPUT_BYTES) {
    return refuse({
      id: 'input-too-large',
      severity: 'error',
      file,
      message: `The input is ${formatMiB(size)}, over the 2 MiB limit; a CA bundle for AKS holds at most 10 certificates, so pass only those.`,
    });
  }
  if (typeof input.content === 'string') return intakeText(input.content, file, 0);
  return intakeBytes(input.content, file);
}

function intakeBytes(bytes: Uint8Array, file: string | undefined): IntakeResult {
  if (bytes.length === 0) return refuse(emptyInput(file));
  const fromDer = bytes[0] === 0x30 ? intakeDer(bytes, file) : null;
  if (fromDer) return fromDer;
  const text = bytesToText(bytes);
  if (text === null) {
    return refuse({
      id: 'not-text-or-der',
      severity: 'error',
      file,
      message:
        'The input is neither PEM text nor a DER certificate or PKCS#7 bundle; export the CA certificate as PEM (Base-64 encoded X.509).',
    });
  }
  const result = intakeText(text, file, 0);
  if (isUtf16(bytes))
    result.findings.unshift({
      id: 'utf16-converted',
      severity: 'info',
      file,
      line: 1,
      message: 'The file was UTF-16 text; it was converted to UTF-8, which AKS expects.',
    });
  return result;
}

/** A DER certificate, PKCS#7 or private key; null when the bytes are none of these. */
function intakeDer(bytes: Uint8Array, file: string | undefined, line?: LineOverride): IntakeResult | null {
  const source = line ? { file, startLine: line.startLine, endLine: line.endLine } : { file };
  const kind = classifyDer(bytes);
  if (kind === 'certificate') {
    return {
      candidates: [{ der: bytes, source }],
      findings: [
        {
          id: 'der-converted',
          severity: 'info',
          file,
          line: line?.startLine,
          message: 'A binary (DER) certificate was converted to PEM.',
        },
      ],
    };
  }
  if (kind === 'pkcs7') {
    const inner = certificatesFromPkcs7(bytes) ?? [];
    if (inner.length === 0)
      return refuse({
        id: 'pkcs7-without-certificates',
        severity: 'error',
        file,
        line: line?.startLine,
        message: 'The PKCS#7 bundle holds no certificates; export the CA certificates as PEM instead.',
      });
    const candidates = inner.map((der) => ({ der, source }));
    return {
      candidates,
      findings: [
        {
          id: 'pkcs7-converted',
          severity: 'info',
          file,
          line: line?.startLine,
          message: `A PKCS#7 bundle was unpacked into ${inner.length} certificate${inner.length === 1 ? '' : 's'}.`,
        },
      ],
    };
  }
  if (kind === 'private-key' || kind === 'pkcs12')
    return refuse({ ...binaryPrivateKeyFinding(file, kind === 'pkcs12'), line: line?.startLine });
  return null;
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function bytesToText(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes); // keep the BOM so it is reported
  } catch {
    return null;
  }
}

function intakeText(
  text: string,
  file: string | undefined,
  depth: number,
  override?: LineOverride,
  masked = false,
): IntakeResult {
  if (text.trim() === '' || text === '\ufeff') return refuse({ ...emptyInput(file), line: override?.startLine });
  if (depth === 0 && !override && !masked) {
    // Keys in any shape are reported where they are; the rest of the text is read without them.
    const spans = findKeySpans(text);
    if (spans.length > 0) {
      const masked = maskSpans(text, spans);
      const rest: IntakeResult =
        masked.trim() === '' ? { candidates: [], findings: [] } : intakeText(masked, file, 0, undefined, true);
      return {
        candidates: rest.candidates,
        findings: [
          ...rest.findings.filter(
            (finding) =>
              finding.id !== 'private-key' && (rest.candidates.length > 0 || finding.id !== 'no-certificate'),
          ),
          ...spans.map((span) => keySpanFinding(span, file)),
        ],
      };
    }
  }
  const { lines, findings } = splitLines(text, file);
  const scan = scanPem(lines, file);
  const blocks = blocksToCandidates(scan.blocks, file);
  let result: IntakeResult = {
    candidates: blocks.candidates,
    findings: [...findings, ...scan.findings, ...blocks.findings],
  };
  if (!scan.sawMarker) {
    const whole: LineOverride = override ?? { startLine: 1, endLine: lines.length };
    result = (depth < MAX_WRAPPING_DEPTH && unwrapEncoded(text, lines, file, depth, whole, masked)) || {
      candidates: [],
      findings: [
        {
          id: 'no-certificate',
          severity: 'error',
          file,
          line: whole.startLine,
          message:
            'No certificate was found: expected PEM blocks starting with -----BEGIN CERTIFICATE-----, base64 of PEM, DER or PKCS#7.',
        },
      ],
    };
  }
  return override ? pinToLines(result, override) : result;
}

/** The text with each key span emptied, line breaks kept, so lines keep their numbers. */
function maskSpans(text: string, spans: KeySpan[]): string {
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    out += text.slice(cursor, span.start) + text.slice(span.start, span.end).replace(/[^\r\n]/g, '');
    cursor = span.end;
  }
  return out + text.slice(cursor);
}

/** Text with no PEM markers: ARM/az JSON, base64 of PEM (what ARM returns), base64 of DER, or one of those per line. */
function unwrapEncoded(
  text: string,
  lines: string[],
  file: string | undefined,
  depth: number,
  whole: LineOverride,
  masked = false,
): IntakeResult | null {
  const found = entriesFromJson(text);
  // Entries emptied by masking a key were reported as the key.
  const entries = masked && found ? found.filter((entry) => entry !== '') : found;
  if (entries) {
    const decoded = entries.map(
      (entry) =>
        intakeBase64(entry, file, depth, whole) ??
        refuse({
          id: 'invalid-aks-entry',
          severity: 'error',
          file,
          line: whole.startLine,
          message:
            'A customCATrustCertificates entry is not base64 of a PEM certificate; each entry must be base64 of the PEM text.',
        }),
    );
    const result = merge(decoded);
    if (entries.length === 0)
      result.findings.push({
        id: 'no-certificate',
        severity: 'error',
        file,
        line: whole.startLine,
        message: 'The JSON holds no custom CA certificates.',
      });
    return result;
  }
  const joined = intakeBase64(text.replace(/\s+/g, ''), file, depth, whole);
  if (joined) return joined;
  const perLine = lines.map((line, index) =>
    line.trim()
      ? intakeBase64(line.trim(), file, depth, { startLine: index + 1, endLine: index + 1 })
      : { candidates: [], findings: [] },
  );
  return perLine.every((result) => result !== null) && perLine.some((result) => result!.candidates.length > 0)
    ? merge(perLine as IntakeResult[])
    : null;
}

function intakeBase64(text: string, file: string | undefined, depth: number, where: LineOverride): IntakeResult | null {
  const bytes = decodeBase64(text);
  if (!bytes) return null;
  if (bytes[0] === 0x30) {
    const der = intakeDer(bytes, file, where);
    if (der)
      return {
        ...der,
        findings: [
          {
            id: 'base64-der-decoded',
            severity: 'info',
            file,
            line: where.startLine,
            message: 'Base64 without PEM lines was decoded and wrapped as a PEM certificate.',
          },
          ...der.findings,
        ],
      };
  }
  const inner = bytesToText(bytes);
  if (inner === null || !inner.includes('-----BEGIN ')) return null;
  const result = intakeText(inner, file, depth + 1, where);
  result.findings.unshift({
    id: 'base64-pem-decoded',
    severity: 'info',
    file,
    line: where.startLine,
    message: 'Base64-encoded PEM (as ARM and az aks show return it) was decoded to PEM.',
  });
  return result;
}

function pinToLines(result: IntakeResult, where: LineOverride): IntakeResult {
  return {
    candidates: result.candidates.map((candidate) => ({
      ...candidate,
      source: { ...candidate.source, startLine: where.startLine, endLine: where.endLine },
    })),
    findings: result.findings.map((finding) => ({ ...finding, line: where.startLine })),
  };
}

function merge(results: IntakeResult[]): IntakeResult {
  const candidates: CertificateCandidate[] = [];
  const findings: Finding[] = [];
  for (const result of results) {
    candidates.push(...result.candidates);
    findings.push(...result.findings);
  }
  return { candidates, findings };
}

function refuse(finding: Finding): IntakeResult {
  return { candidates: [], findings: [finding] };
}

function emptyInput(file: string | undefined): Finding {
  return {
    id: 'empty-input',
    severity: 'error',
    file,
    message: 'The input is empty; paste or upload at least one PEM certificate.',
  };
}

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
