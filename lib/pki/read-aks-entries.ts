import { entriesToInputs, type AksBundleEntry } from './payload';
import { readBundle, type ReadBundleOptions } from './read-bundle';
import type { BundleResult } from './types';

/**
 * Reads a cluster's `customCATrustCertificates` back into certificates. Each entry becomes an input
 * named `entry N`, so findings say which entry they are about.
 */
export function readAksEntries(entries: AksBundleEntry[], options: ReadBundleOptions): Promise<BundleResult> {
  return readBundle(entriesToInputs(entries), options);
}
