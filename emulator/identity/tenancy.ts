/**
 * Which tenant an authority path segment names, and which tenant (`tid`) a token gets. A known tenant GUID or
 * domain gives that tenant; `organizations` and `common` give the persona's home tenant, as Entra does.
 */
import { TENANTS, type Persona, type Tenant } from '../directory';

export type AuthorityTenant = { kind: 'tenant'; tenant: Tenant; segment: string } | { kind: 'multi'; segment: string };

const MULTI_TENANT_SEGMENTS = new Set(['organizations', 'common']);

export function findTenant(idOrDomain: string): Tenant | undefined {
  const wanted = idOrDomain.toLowerCase();
  return TENANTS.find((t) => t.tenantId === wanted || t.defaultDomain.toLowerCase() === wanted);
}

/** Undefined for an unknown tenant (Entra answers AADSTS90002). */
export function resolveAuthorityTenant(segment: string): AuthorityTenant | undefined {
  const lower = segment.toLowerCase();
  if (MULTI_TENANT_SEGMENTS.has(lower)) return { kind: 'multi', segment: lower };
  const tenant = findTenant(lower);
  return tenant ? { kind: 'tenant', tenant, segment: lower } : undefined;
}

export function tokenTenantId(authority: AuthorityTenant, persona: Persona): string {
  return authority.kind === 'tenant' ? authority.tenant.tenantId : persona.homeTenantId;
}

export function tenantNotFoundMessage(segment: string): string {
  return `AADSTS90002: Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Known tenants: ${TENANTS.map((t) => t.tenantId).join(', ')}.`;
}
