/**
 * AKS-side check of `securityProfile.customCATrustCertificates` entries, with Node's own X.509 parser
 * (deliberately independent of the app's lib/pki): each entry is standard base64 of PEM text holding at least
 * one CERTIFICATE block, and every such block parses.
 */
import { X509Certificate } from 'node:crypto';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

export const MAX_CA_CERTIFICATES = 10;

export function isValidCaEntry(entry: string): boolean {
  if (entry.length === 0 || !BASE64.test(entry)) return false;
  const text = Buffer.from(entry, 'base64').toString('utf8');
  const blocks = [...text.matchAll(PEM_BLOCK)];
  if (blocks.length === 0) return false;
  return blocks.every((block) => {
    try {
      new X509Certificate(block[0]);
      return true;
    } catch {
      return false;
    }
  });
}

export type CaBundleCheck = { ok: true } | { ok: false; reason: 'tooMany' | 'badEntry'; index?: number };

export function checkCaBundle(entries: string[]): CaBundleCheck {
  if (entries.length > MAX_CA_CERTIFICATES) return { ok: false, reason: 'tooMany' };
  const index = entries.findIndex((entry) => !isValidCaEntry(entry));
  return index === -1 ? { ok: true } : { ok: false, reason: 'badEntry', index };
}
