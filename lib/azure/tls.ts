import 'server-only';
import { Agent } from 'node:https';
import { createSecureContext, rootCertificates } from 'node:tls';
import { getConfig } from '../config';

let agent: Agent | undefined;

/**
 * The https agent for ARM when ARM_CA_FILE adds a CA (corporate TLS inspection or the local emulator): the
 * system store plus that file, in one secure context built once, with keep-alive. Building the context per
 * connection, or passing ~150 PEMs as `ca` per request, costs milliseconds on every call.
 * Undefined when no extra CA is configured: Node's defaults apply unchanged.
 */
export function armHttpsAgent(): Agent | undefined {
  const extra = getConfig().armCaPem;
  if (!extra) return undefined;
  agent ??= new Agent({ keepAlive: true, secureContext: createSecureContext({ ca: [...rootCertificates, extra] }) });
  return agent;
}
