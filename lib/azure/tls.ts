import 'server-only';
import { rootCertificates } from 'node:tls';
import { getConfig } from '../config';

/**
 * Certificate authorities trusted for ARM TLS: the system store plus ARM_CA_FILE (corporate TLS inspection or
 * the local emulator). Undefined when no extra CA is configured, so Node's defaults apply unchanged.
 */
export function armTrustedCas(): string[] | undefined {
  const extra = getConfig().armCaPem;
  return extra ? [...rootCertificates, extra] : undefined;
}
