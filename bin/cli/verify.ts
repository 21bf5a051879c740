import { readBundle, verifyChain, verifyPath, type CertificateInfo, type PathValidationResult } from '../../lib/pki';
import type { CommandOutput } from './commands';
import { parseNow, readInputs, UsageError, type ReadStdin } from './inputs';
import { pathHuman, pathJson } from './path-output';

export interface VerifyOptions {
  trust: string[];
  chain?: string;
  leaf?: string;
  host?: string;
  ip?: string;
  at?: string;
  purpose?: 'server' | 'client';
  maxDepth?: string;
  json?: boolean;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^\[?[0-9a-fA-F:.]*:[0-9a-fA-F:.]*\]?$/;

/** Certificates in one or more files (any input lib/pki reads); a file with none is a usage error (exit 2). */
export async function certificatesIn(paths: string[], what: string, stdin: ReadStdin): Promise<CertificateInfo[]> {
  const inputs = await readInputs(paths, stdin);
  const result = await readBundle(inputs, { now: new Date() });
  if (result.certificates.length === 0) {
    const reason = result.findings.find((finding) => finding.severity === 'error');
    throw new UsageError(
      `${what} (${paths.join(', ')}) holds no readable certificate${reason ? `: ${reason.message}` : ''}`,
    );
  }
  return result.certificates;
}

export function parseAt(value: string | undefined): Date {
  if (value === undefined) return new Date();
  try {
    return parseNow(value);
  } catch {
    throw new UsageError(`--at must be an ISO-8601 time such as 2026-01-31T12:00:00Z, got "${value.slice(0, 40)}"`);
  }
}

function parseMaxDepth(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 100)
    throw new UsageError(`--max-depth must be a whole number from 1 to 100, got "${value.slice(0, 20)}"`);
  return Number(value);
}

export function peerName(options: { host?: string; ip?: string }): string | undefined {
  if (options.host !== undefined && options.ip !== undefined) throw new UsageError('choose one of --host and --ip');
  if (options.ip !== undefined && !IPV4.test(options.ip) && !IPV6.test(options.ip))
    throw new UsageError(`--ip must be an IPv4 or IPv6 address, got "${options.ip.slice(0, 60)}"`);
  if (options.host !== undefined && options.host.trim() === '') throw new UsageError('--host is empty');
  return options.ip ?? options.host;
}

export function describeCheck(host: string | undefined, purpose: 'server' | 'client'): string {
  const use = purpose === 'server' ? 'TLS server' : 'TLS client';
  return host ? `${use} certificate for ${host}` : `${use} certificate (no host name checked)`;
}

export function pathOutput(result: PathValidationResult, checked: string, json: boolean | undefined): CommandOutput {
  return {
    stdout: json ? pathJson(result) + '\n' : pathHuman(result, checked),
    stderr: '',
    exitCode: result.trusted ? 0 : 1,
  };
}

export async function verifyCommand(options: VerifyOptions, stdin: ReadStdin): Promise<CommandOutput> {
  if (!options.chain && !options.leaf) throw new UsageError('pass --chain FILE (peer first), or --leaf FILE');
  const host = peerName(options);
  const at = parseAt(options.at);
  const maxDepth = parseMaxDepth(options.maxDepth);
  const purpose = options.purpose ?? 'server';
  const anchors = await certificatesIn(options.trust, '--trust', stdin);
  const common = { anchors, at, host, purpose, maxDepth };
  let result: PathValidationResult;
  if (options.leaf) {
    const [leaf, ...extra] = await certificatesIn([options.leaf], '--leaf', stdin);
    if (extra.length > 0) throw new UsageError('--leaf must hold one certificate; put intermediates in --chain');
    const intermediates = options.chain ? await certificatesIn([options.chain], '--chain', stdin) : [];
    result = await verifyPath({ ...common, leaf: leaf!, intermediates });
  } else {
    result = await verifyChain({ ...common, chain: await certificatesIn([options.chain!], '--chain', stdin) });
  }
  return pathOutput(result, describeCheck(host, purpose), options.json);
}
