import { encodeAsciiBase64, utf8Encode } from './encoding';
import type { CertificateInfo } from './types';

/** What ARM receives for `securityProfile.customCATrustCertificates`: one canonical PEM block per entry. */
export interface AksPayload {
  /** For the Azure SDK (`Uint8Array[]`; the SDK base64-encodes them). */
  bytes: Uint8Array[];
  /** The same entries as base64 strings, exactly as they appear on the wire. */
  base64: string[];
}

/** Builds the payload from the certificates to send (already de-duplicated, in order). */
export function toAksPayload(certificates: Pick<CertificateInfo, 'pem'>[]): AksPayload {
  return { bytes: certificates.map((certificate) => utf8Encode(certificate.pem)), base64: toWireEntries(certificates) };
}

/** Only the wire form: base64 of each canonical PEM. */
export function toWireEntries(certificates: Pick<CertificateInfo, 'pem'>[]): string[] {
  return certificates.map((certificate) => encodeAsciiBase64(certificate.pem));
}

/** The file `az aks update --custom-ca-trust-certificates` reads: LF PEM blocks separated by one blank line. */
export function toAzFile(certificates: Pick<CertificateInfo, 'pem'>[]): string {
  return (
    certificates.map((certificate) => certificate.pem.trimEnd()).join('\n\n') + (certificates.length > 0 ? '\n' : '')
  );
}

/** The HCL list for terraform's `custom_ca_trust_certificates_base64`. */
export function toTerraformList(base64: string[]): string {
  if (base64.length === 0) return '[]\n';
  return `[\n${base64.map((entry) => `  "${entry}",`).join('\n')}\n]\n`;
}

/** Entries as a cluster returns them: base64 strings (wire, az) or bytes (SDK). */
export type AksBundleEntry = string | Uint8Array;

/**
 * Turns a cluster's entries back into bundle inputs, one per entry, so that `readBundle` decodes them
 * with findings that name the entry. Tolerates several certificates per entry, CRLF and no trailing newline.
 */
export function entriesToInputs(entries: AksBundleEntry[]): { name: string; content: string | Uint8Array }[] {
  return entries.map((entry, index) => ({ name: `entry ${index + 1}`, content: entry }));
}
