/**
 * Which tenants the fleet commands read, and with which credential: `ARM_ACCESS_TOKEN` (one bearer token, as
 * `az account get-access-token --query accessToken -o tsv` prints) for that token's tenant only; otherwise
 * `DefaultAzureCredential` (az login, environment service principal, workload identity, managed identity): list
 * `/tenants` with the home token, then one token per tenant (as az does). A tenant whose token cannot be had
 * (MFA, consent, no access) is reported and skipped. Tokens are never printed or logged.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { z } from 'zod';
import { armClientsFor } from '../../../lib/azure/clients';
import type { TenantAccess } from '../../../lib/azure/fleet-load';
import { listTenants } from '../../../lib/azure/inventory';
import type { TenantSummary } from '../../../lib/azure/models';
import { CLOUD_PRESETS } from '../../../lib/cloud-presets';
import type { ArmConfig } from '../../../lib/config';
import { UsageError } from '../inputs';

/** A token credential for the scope ARM wants: `<ARM>/.default` (what az and the identity library ask for). */
export function armDefaultScope(config: ArmConfig): string {
  return config.armScope.replace(/\/user_impersonation$/, '/.default');
}

const jwtClaims = z.object({ tid: z.string().optional(), exp: z.number().optional() }).passthrough();

/** The tenant and expiry a bearer token names (read, not verified: ARM verifies it). */
export function tokenClaims(token: string): { tenantId?: string; expiresOn?: number } {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const claims = jwtClaims.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!claims.success) return {};
    return { tenantId: claims.data.tid, expiresOn: claims.data.exp ? claims.data.exp * 1000 : undefined };
  } catch {
    return {};
  }
}

function fixedTokenCredential(token: string, expiresOn: number | undefined): TokenCredential {
  const accessToken: AccessToken = {
    token,
    expiresOnTimestamp: expiresOn ?? Date.now() + 60 * 60_000,
    tokenType: 'Bearer',
  };
  return { getToken: async () => accessToken };
}

/** The base credential asked for every tenant, with the tenant added and the scope fixed to `<ARM>/.default`. */
function tenantCredential(base: TokenCredential, scope: string, tenantId?: string): TokenCredential {
  return {
    getToken: (_scopes: string | string[], options?: GetTokenOptions) =>
      base.getToken(scope, { ...options, ...(tenantId ? { tenantId } : {}) }),
  };
}

export async function defaultAzureCredential(config: ArmConfig, env: Record<string, string | undefined>) {
  const { DefaultAzureCredential } = await import('@azure/identity');
  const preset = config.cloud === 'Custom' ? undefined : CLOUD_PRESETS[config.cloud];
  return new DefaultAzureCredential({
    // Sign-in host of the configured cloud, unless AZURE_AUTHORITY_HOST says otherwise (the library reads it).
    ...(preset && !env.AZURE_AUTHORITY_HOST ? { authorityHost: preset.loginEndpoint } : {}),
    additionallyAllowedTenants: ['*'],
  });
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 300);
}

export interface AccessOptions {
  config: ArmConfig;
  env: Record<string, string | undefined>;
  tenantIds?: readonly string[];
  /** The credential when ARM_ACCESS_TOKEN is not set (tests inject one; the CLI makes DefaultAzureCredential). */
  credential: () => Promise<TokenCredential>;
}

async function tenantNames(clients: ReturnType<typeof armClientsFor>): Promise<TenantSummary[]> {
  try {
    return await listTenants(clients);
  } catch {
    return [];
  }
}

export async function resolveTenants(options: AccessOptions): Promise<TenantAccess[]> {
  const { config, env } = options;
  const scope = armDefaultScope(config);
  const wanted = options.tenantIds?.map((id) => id.toLowerCase());
  const rawToken = env.ARM_ACCESS_TOKEN?.trim();

  if (rawToken) {
    if (/\s/.test(rawToken)) throw new UsageError('ARM_ACCESS_TOKEN must be one bearer token without spaces');
    const claims = tokenClaims(rawToken);
    const tenantId = claims.tenantId ?? 'unknown';
    if (wanted && !wanted.includes(tenantId.toLowerCase()))
      throw new UsageError(
        `ARM_ACCESS_TOKEN is for tenant ${tenantId}; unset it to read other tenants with your Azure credentials`,
      );
    const clients = armClientsFor(fixedTokenCredential(rawToken, claims.expiresOn), config);
    const known = (await tenantNames(clients)).find((t) => t.tenantId.toLowerCase() === tenantId.toLowerCase());
    return [{ tenantId, displayName: known?.displayName ?? tenantId, clients }];
  }

  const base = await options.credential();
  try {
    await base.getToken(scope);
  } catch (error) {
    throw new UsageError(
      `no Azure credentials (${firstLine(error)}). Sign in with "az login", set a service principal (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET), or set ARM_ACCESS_TOKEN`,
    );
  }
  const home = armClientsFor(tenantCredential(base, scope), config);
  const listed = await tenantNames(home);
  const candidates: TenantSummary[] = wanted
    ? wanted.map(
        (id) =>
          listed.find((t) => t.tenantId.toLowerCase() === id) ?? { tenantId: id, displayName: id, defaultDomain: null },
      )
    : listed;
  const tenants: TenantAccess[] = [];
  for (const tenant of candidates) {
    const credential = tenantCredential(base, scope, tenant.tenantId);
    try {
      await credential.getToken(scope);
      tenants.push({
        tenantId: tenant.tenantId,
        displayName: tenant.displayName,
        clients: armClientsFor(credential, config),
      });
    } catch (error) {
      tenants.push({
        tenantId: tenant.tenantId,
        displayName: tenant.displayName,
        error: {
          code: 'TenantTokenUnavailable',
          message: `no token for tenant ${tenant.displayName} (${tenant.tenantId}): ${firstLine(error)}. Sign in to it (az login --tenant ${tenant.tenantId}).`,
        },
      });
    }
  }
  if (tenants.length === 0) throw new UsageError('these credentials reach no tenant (GET /tenants listed none)');
  return tenants;
}
