/**
 * The server's configuration, parsed once from the environment with zod. A bad value stops start-up with one
 * line naming the variable and the problem (see instrumentation.ts). Server-only: the browser receives the
 * public subset through `publicAuthConfig()`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CLOUD_PRESETS, type CloudName } from './cloud-presets';

export type AuthMode = 'msal' | 'demo';

/** What reaching ARM needs (AZURE_CLOUD, ARM_ENDPOINT, ARM_SCOPE, ARM_CA_FILE, AKS_API_VERSION): shared by the app and the CLI. */
export interface ArmConfig {
  /** Which Azure environment this is, for people: "Azure public cloud", "Local emulator", ... */
  environmentLabel: string;
  cloud: CloudName | 'Custom';
  isEmulator: boolean;
  armEndpoint: string;
  armScope: string;
  /** Extra CA certificates (PEM) trusted for ARM TLS, or undefined to use the system store only. */
  armCaPem?: string;
  armCaFile?: string;
  /** The Microsoft.ContainerService api-version every ContainerServiceClient sends (AKS_API_VERSION or the cloud's default). */
  aksApiVersion: string;
}

export interface AppConfig extends ArmConfig {
  authority: string;
  knownAuthorities: string[];
  clientId: string;
  authMode: AuthMode;
  /** How often the rollout view asks for a snapshot (ROLLOUT_POLL_MS; below 5 s only against the emulator). */
  rolloutPollMs: number;
  /** TRUST_FORWARDED_PROTO: a TLS-terminating proxy in front of us sets x-forwarded-proto, and we believe it (HSTS). */
  trustForwardedProto: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/** What `@azure/arm-containerservice` sends by default (lib/azure/clients.test.ts checks the SDK still agrees). */
export const SDK_AKS_API_VERSION = '2026-06-01';

/**
 * Sovereign clouds lag on new Microsoft.ContainerService api-versions (azure-facts §13): there the default is an
 * older stable version that already has `securityProfile.customCATrustCertificates`.
 */
export const AKS_API_VERSION_DEFAULTS: Record<CloudName | 'Custom', string> = {
  AzureCloud: SDK_AKS_API_VERSION,
  AzureUSGovernment: '2025-01-01',
  AzureChinaCloud: '2025-01-01',
  Custom: SDK_AKS_API_VERSION,
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const httpsUrl = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https$/, error: 'must be an absolute https:// URL' }))
  .transform((value) => value.replace(/\/+$/, ''));

const guid = z
  .string()
  .trim()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    'must be a GUID (the application (client) id)',
  );

const hostList = z
  .string()
  .trim()
  .transform((value) =>
    value
      .split(',')
      .map((host) => host.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(z.string().regex(/^[a-z0-9.-]+(:\d{1,5})?$/i, 'each entry must be a host[:port], e.g. login.example.com')),
  );

const environmentSchema = {
  AZURE_CLOUD: z.enum(Object.keys(CLOUD_PRESETS) as [CloudName, ...CloudName[]], {
    error: `must be one of ${Object.keys(CLOUD_PRESETS).join(', ')}`,
  }),
  ARM_ENDPOINT: httpsUrl,
  AZURE_AUTHORITY: httpsUrl,
  AZURE_CLIENT_ID: guid,
  AZURE_KNOWN_AUTHORITIES: hostList,
  ARM_SCOPE: z
    .string()
    .trim()
    .regex(/^\S+\/user_impersonation$|^\S+\/\.default$/, 'must end in /user_impersonation or /.default'),
  ARM_CA_FILE: z.string().trim().min(1, 'must be a file path'),
  AUTH_MODE: z.enum(['msal', 'demo'], { error: 'must be msal or demo' }),
  AKS_API_VERSION: z
    .string()
    .trim()
    .regex(
      /^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(-preview)?$/,
      'must be an api-version YYYY-MM-DD or YYYY-MM-DD-preview, e.g. 2025-01-01',
    ),
  ROLLOUT_POLL_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(200, 'must be at least 200')
    .max(600_000, 'must be at most 600000'),
  TRUST_FORWARDED_PROTO: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['true', 'false'], { error: 'must be true or false' }))
    .transform((value) => value === 'true'),
} as const;

/** The product's rollout poll interval; shorter intervals are for tests against the local emulator. */
export const PRODUCT_ROLLOUT_POLL_MS = 5_000;

type Variable = keyof typeof environmentSchema;

function readVariable<K extends Variable>(
  env: Readonly<Record<string, string | undefined>>,
  name: K,
): z.output<(typeof environmentSchema)[K]> | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const parsed = environmentSchema[name].safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(name, `${parsed.error.issues[0]?.message ?? 'invalid value'} (got "${raw}")`);
  }
  return parsed.data as z.output<(typeof environmentSchema)[K]>;
}

function readCaFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError('ARM_CA_FILE', `cannot read "${path}" (${reason})`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new ConfigError('ARM_CA_FILE', `"${path}" holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  }
  return text;
}

export function isLoopbackUrl(url: string): boolean {
  return LOOPBACK_HOSTS.has(new URL(url).hostname);
}

/** Parses only what reaching ARM needs (the CLI needs no sign-in settings). Throws ConfigError. */
export function parseArmConfig(env: Readonly<Record<string, string | undefined>>): ArmConfig {
  const cloudName = readVariable(env, 'AZURE_CLOUD');
  const explicitArm = readVariable(env, 'ARM_ENDPOINT');
  const preset = CLOUD_PRESETS[cloudName ?? 'AzureCloud'];
  const armEndpoint = explicitArm ?? preset.armEndpoint;
  const isEmulator = isLoopbackUrl(armEndpoint);
  const cloud = explicitArm && !cloudName ? 'Custom' : (cloudName ?? 'AzureCloud');
  const caFile = readVariable(env, 'ARM_CA_FILE');
  return {
    environmentLabel: isEmulator
      ? `Local emulator (${new URL(armEndpoint).host})`
      : cloud === 'Custom'
        ? `Custom ARM endpoint ${armEndpoint}`
        : preset.label,
    cloud,
    isEmulator,
    armEndpoint,
    armScope:
      readVariable(env, 'ARM_SCOPE') ??
      (explicitArm ? 'https://management.azure.com/user_impersonation' : preset.armScope),
    armCaFile: caFile,
    armCaPem: caFile ? readCaFile(caFile) : undefined,
    aksApiVersion: readVariable(env, 'AKS_API_VERSION') ?? AKS_API_VERSION_DEFAULTS[cloud],
  };
}

/** Parses configuration from an environment. Throws ConfigError naming the first bad variable. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): AppConfig {
  const arm = parseArmConfig(env);
  const { armEndpoint, isEmulator } = arm;
  const preset = CLOUD_PRESETS[readVariable(env, 'AZURE_CLOUD') ?? 'AzureCloud'];
  const authority =
    readVariable(env, 'AZURE_AUTHORITY') ?? `${isEmulator ? armEndpoint : preset.loginEndpoint}/organizations`;
  const authMode = readVariable(env, 'AUTH_MODE') ?? 'msal';
  if (authMode === 'demo' && !isEmulator) {
    throw new ConfigError('AUTH_MODE', `demo sign-in is only allowed against the local emulator, not ${armEndpoint}`);
  }

  const clientId = readVariable(env, 'AZURE_CLIENT_ID');
  if (!clientId) {
    throw new ConfigError('AZURE_CLIENT_ID', 'is required: the application (client) id of your Entra app registration');
  }

  const knownAuthorities =
    readVariable(env, 'AZURE_KNOWN_AUTHORITIES') ?? (isEmulator ? [new URL(authority).host] : []);

  return {
    ...arm,
    authority,
    knownAuthorities,
    clientId,
    authMode,
    rolloutPollMs: readRolloutPollMs(env, isEmulator),
    trustForwardedProto: readVariable(env, 'TRUST_FORWARDED_PROTO') ?? false,
  };
}

function readRolloutPollMs(env: Readonly<Record<string, string | undefined>>, isEmulator: boolean): number {
  const pollMs = readVariable(env, 'ROLLOUT_POLL_MS') ?? PRODUCT_ROLLOUT_POLL_MS;
  if (pollMs < PRODUCT_ROLLOUT_POLL_MS && !isEmulator) {
    throw new ConfigError(
      'ROLLOUT_POLL_MS',
      `must be at least ${PRODUCT_ROLLOUT_POLL_MS} against Azure; shorter intervals are for the local emulator`,
    );
  }
  return pollMs;
}

let cached: AppConfig | undefined;

/** The configuration of this server process, parsed on first use. */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}

let cachedArm: ArmConfig | undefined;

/** What lib/azure needs to reach ARM: the app's configuration when it has been read, else only the ARM part (the CLI). */
export function getArmConfig(): ArmConfig {
  if (cached) return cached;
  cachedArm ??= parseArmConfig(process.env);
  return cachedArm;
}
