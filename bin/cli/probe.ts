import * as tls from 'node:tls';
import { verifyChain } from '../../lib/pki';
import type { CommandOutput } from './commands';
import { UsageError, type ReadStdin } from './inputs';
import { certificatesIn, describeCheck, parseAt, pathOutput } from './verify';

export interface ProbeOptions {
  trust: string[];
  servername?: string;
  at?: string;
  purpose?: 'server' | 'client';
  json?: boolean;
  /** Connection timeout in milliseconds (tests shorten it). */
  timeoutMs?: number;
}

const IP_LIKE = /^(\d+\.\d+\.\d+\.\d+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)$/;

export function parseTarget(target: string): { host: string; port: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(target);
  const plain = /^([^:[\]]+)(?::(\d+))?$/.exec(target);
  const match = bracketed ?? plain;
  if (!match)
    throw new UsageError(`HOST[:PORT] expected, got "${target.slice(0, 80)}" (write IPv6 as [2001:db8::1]:443)`);
  const port = match[2] === undefined ? 443 : Number(match[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new UsageError(`port must be 1-65535, got "${match[2]}"`);
  return { host: match[1]!, port };
}

/** DER of what the server sent, peer first, following the issuer links Node exposes (the handshake does not judge). */
function presentedChain(socket: tls.TLSSocket): Uint8Array[] {
  const chain: Uint8Array[] = [];
  const seen = new Set<string>();
  let certificate: tls.DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  while (certificate && certificate.raw && !seen.has(certificate.fingerprint256)) {
    seen.add(certificate.fingerprint256);
    chain.push(new Uint8Array(certificate.raw));
    certificate = certificate.issuerCertificate;
  }
  return chain;
}

function fetchChain(
  host: string,
  port: number,
  servername: string | undefined,
  timeoutMs: number,
): Promise<Uint8Array[]> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host,
      port,
      servername,
      // Our engine decides trust, not OpenSSL: accept whatever is presented, and give OpenSSL no roots, so the
      // chain Node reports is the one the server sent (Node would otherwise append a root from its own store).
      rejectUnauthorized: false,
      ca: [],
      timeout: timeoutMs,
    });
    socket.once('secureConnect', () => {
      const chain = presentedChain(socket);
      socket.destroy();
      resolve(chain);
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new UsageError(`no TLS handshake with ${host}:${port} within ${Math.round(timeoutMs / 1000)} s`));
    });
    socket.once('error', (error: NodeJS.ErrnoException) =>
      reject(new UsageError(`cannot connect to ${host}:${port}: ${error.code ?? error.message}`)),
    );
  });
}

export async function probeCommand(target: string, options: ProbeOptions, stdin: ReadStdin): Promise<CommandOutput> {
  const { host, port } = parseTarget(target);
  const at = parseAt(options.at);
  const purpose = options.purpose ?? 'server';
  const anchors = await certificatesIn(options.trust, '--trust', stdin);
  const isIp = IP_LIKE.test(host);
  const servername = options.servername ?? (isIp ? undefined : host);
  const chain = await fetchChain(host, port, servername, options.timeoutMs ?? 10_000);
  if (chain.length === 0) throw new UsageError(`${host}:${port} presented no certificate`);
  const expected = servername ?? host;
  const result = await verifyChain({ chain, anchors, at, host: expected, purpose });
  const checked = `${describeCheck(expected, purpose)}, as presented by ${host}:${port} (${chain.length} certificate${chain.length === 1 ? '' : 's'})`;
  return pathOutput(result, checked, options.json);
}
