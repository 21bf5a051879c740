import type { Finding, SourcePosition } from '../types';

/** DER bytes believed to be one certificate, with where they came from. */
export interface CertificateCandidate {
  der: Uint8Array;
  source: SourcePosition;
}

export interface IntakeResult {
  candidates: CertificateCandidate[];
  findings: Finding[];
}

/** Where findings of a decoded layer (base64 of PEM, ARM JSON) point: the original text's lines. */
export interface LineOverride {
  startLine: number;
  endLine: number;
}
