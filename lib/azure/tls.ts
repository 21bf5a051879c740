import 'server-only';
import { Agent } from 'node:https';
import { createSecureContext, rootCertificates } from 'node:tls';
import { getArmConfig, type ArmConfig } from '../config';

const agents = new Map<string, Agent>();

/**
 * The https agent for ARM when ARM_CA_FILE adds a CA (corporate TLS inspection or the local emulator): the
 * system store plus that file, in one secure context built once per CA file content, with keep-alive. Building
 * the context per connection, or passing ~150 PEMs as `ca` per request, costs milliseconds on every call.
 * Undefined when no extra CA is configured: Node's defaults apply unchanged.
 */
export function armHttpsAgent(config: ArmConfig = getArmConfig()): Agent | undefined {
  const extra = config.armCaPem;
  if (!extra) return undefined;
  let agent = agents.get(extra);
  if (!agent) {
    agent = new Agent({ keepAlive: true, secureContext: createSecureContext({ ca: [...rootCertificates, extra] }) });
    agents.set(extra, agent);
  }
  return agent;
}
