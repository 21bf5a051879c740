import { readBundle } from '../read-bundle';
import type { BundleInput, BundleResult, Finding } from '../types';

/** A fixed "now" inside every generated certificate's validity, so tests do not depend on the clock. */
export const NOW = new Date();

export function read(inputs: BundleInput | BundleInput[], now: Date = NOW): Promise<BundleResult> {
  return readBundle(Array.isArray(inputs) ? inputs : [inputs], { now });
}

export function ids(findings: Finding[], severity?: Finding['severity']): string[] {
  return findings.filter((finding) => !severity || finding.severity === severity).map((finding) => finding.id);
}

export function finding(result: BundleResult, id: string): Finding | undefined {
  return result.findings.find((item) => item.id === id);
}

/** Body lines of every PEM block in a text, to check that none of them leaks into output. */
export function base64Lines(pem: string): string[] {
  return pem.split(/\r?\n/).filter((line) => /^[A-Za-z0-9+/=]{16,}$/.test(line));
}

export function toBase64(text: string | Uint8Array): string {
  return Buffer.from(text).toString('base64');
}
