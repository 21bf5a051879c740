import { entriesToInputs, type AksBundleEntry } from './payload';
import { readBundle, type ReadBundleOptions } from './read-bundle';
import type { BundleResult } from './types';

/**
 * Reads a cluster's caBundle (PEM text, or the wire's base64 / the SDK's bytes of `customCATrustCertificates`)
 * back into certificates. Each entry becomes an input named `entry N`, so findings say which entry they are about.
 */
export function readCaBundle(caBundle: AksBundleEntry[], options: ReadBundleOptions): Promise<BundleResult> {
  return readBundle(entriesToInputs(caBundle), options);
}
