import {
  entriesFromJson,
  readCaBundle,
  readBundle,
  toAzFile,
  toTerraformList,
  uniqueCertificates,
} from '../../lib/pki';
import { findingsText, lintHuman, summaryLine } from './human';
import { parseNow, readInputs, UsageError, type ReadStdin } from './inputs';
import { lintJson } from './lint-json';

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: 0 | 1 | 2;
}

function textOf(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content).replace(/^\ufeff/, '');
}

const hasError = (findings: { severity: string }[]) => findings.some((finding) => finding.severity === 'error');

export async function lintCommand(
  files: string[],
  options: { json?: boolean; now?: string },
  stdin: ReadStdin,
): Promise<CommandOutput> {
  const now = options.now ? parseNow(options.now) : new Date();
  const result = await readBundle(await readInputs(files, stdin), { now });
  return {
    stdout: options.json ? lintJson(result) + '\n' : lintHuman(result),
    stderr: '',
    exitCode: hasError(result.findings) ? 1 : 0,
  };
}

export async function payloadCommand(
  files: string[],
  options: { az?: boolean; terraform?: boolean; now?: string },
  stdin: ReadStdin,
): Promise<CommandOutput> {
  if (options.az && options.terraform) throw new UsageError('choose one of --az and --terraform');
  const now = options.now ? parseNow(options.now) : new Date();
  const result = await readBundle(await readInputs(files, stdin), { now });
  const problems = result.findings.filter((finding) => finding.severity !== 'info');
  if (hasError(result.findings)) {
    return { stdout: '', stderr: `no payload: fix these errors first\n${findingsText(problems)}`, exitCode: 1 };
  }
  const stdout = options.az
    ? toAzFile(uniqueCertificates(result.certificates))
    : options.terraform
      ? toTerraformList(result.wireEntries)
      : JSON.stringify(result.wireEntries, null, 2) + '\n';
  return { stdout, stderr: findingsText(problems), exitCode: 0 };
}

export async function decodeCommand(
  file: string | undefined,
  options: { now?: string },
  stdin: ReadStdin,
): Promise<CommandOutput> {
  const now = options.now ? parseNow(options.now) : new Date();
  const [input] = await readInputs([file ?? '-'], stdin);
  const entries = entriesFromJson(textOf(input!.content));
  if (!entries) {
    throw new UsageError(
      `${input!.name} is not az aks show JSON, an ARM cluster resource or a JSON array of base64 entries`,
    );
  }
  if (entries.length === 0) return { stdout: '', stderr: 'the cluster has no custom CA certificates\n', exitCode: 0 };
  const result = await readCaBundle(entries, { now });
  const blocks = result.certificates.map((certificate) => `${summaryLine(certificate)}\n${certificate.pem}`);
  const problems = result.findings.filter((finding) => finding.severity !== 'info');
  return { stdout: blocks.join('\n'), stderr: findingsText(problems), exitCode: hasError(result.findings) ? 1 : 0 };
}
