/**
 * Who exists in the emulated Entra ID and what they may do in the emulated ARM. Stable ids, so that tests,
 * docs and scripts can name them. The ARM side reads role assignments from here; the Entra side reads personas.
 */

export type RoleName = 'Owner' | 'Contributor' | 'Reader';

export interface Tenant {
  tenantId: string;
  displayName: string;
  defaultDomain: string;
  countryCode: string;
}

export interface SeedSubscription {
  subscriptionId: string;
  displayName: string;
  tenantId: string;
  state: 'Enabled' | 'Warned' | 'PastDue' | 'Disabled';
}

export interface RoleAssignment {
  /** `/subscriptions/{id}` or narrower (`/subscriptions/{id}/resourceGroups/{rg}`). */
  scope: string;
  role: RoleName;
}

export interface Persona {
  /** Stable id used by the picker, `emulator:token`, and tests. */
  id: string;
  objectId: string;
  name: string;
  /** preferred_username */
  username: string;
  homeTenantId: string;
  description: string;
  roleAssignments: RoleAssignment[];
}

export const TENANTS: Tenant[] = [
  {
    tenantId: '72f988bf-0000-4000-8000-000000000001',
    displayName: 'Contoso',
    defaultDomain: 'contoso.onmicrosoft.com',
    countryCode: 'US',
  },
  {
    tenantId: '72f988bf-0000-4000-8000-000000000002',
    displayName: 'Fabrikam',
    defaultDomain: 'fabrikam.onmicrosoft.com',
    countryCode: 'DE',
  },
];

const [CONTOSO, FABRIKAM] = TENANTS.map((t) => t.tenantId) as [string, string];

export const SUBSCRIPTIONS: SeedSubscription[] = [
  {
    subscriptionId: '00000000-aaaa-4000-8000-000000000001',
    displayName: 'contoso-prod',
    tenantId: CONTOSO,
    state: 'Enabled',
  },
  {
    subscriptionId: '00000000-aaaa-4000-8000-000000000002',
    displayName: 'contoso-staging',
    tenantId: CONTOSO,
    state: 'Enabled',
  },
  {
    subscriptionId: '00000000-aaaa-4000-8000-000000000003',
    displayName: 'fabrikam-platform',
    tenantId: FABRIKAM,
    state: 'Enabled',
  },
  {
    subscriptionId: '00000000-aaaa-4000-8000-000000000004',
    displayName: 'fabrikam-sandbox',
    tenantId: FABRIKAM,
    state: 'Warned',
  },
];

const sub = (i: number) => `/subscriptions/${SUBSCRIPTIONS[i]!.subscriptionId}`;

export const PERSONAS: Persona[] = [
  {
    id: 'owner',
    objectId: '11111111-0000-4000-8000-00000000000a',
    name: 'Olivia Owner',
    username: 'olivia@contoso.onmicrosoft.com',
    homeTenantId: CONTOSO,
    description: 'Owner of every subscription in Contoso and Fabrikam',
    roleAssignments: SUBSCRIPTIONS.map((_, i) => ({ scope: sub(i), role: 'Owner' as const })),
  },
  {
    id: 'reader',
    objectId: '11111111-0000-4000-8000-00000000000b',
    name: 'Ravi Reader',
    username: 'ravi@contoso.onmicrosoft.com',
    homeTenantId: CONTOSO,
    description: 'Reader on contoso-prod only',
    roleAssignments: [{ scope: sub(0), role: 'Reader' }],
  },
  {
    id: 'operator',
    objectId: '11111111-0000-4000-8000-00000000000c',
    name: 'Omar Operator',
    username: 'omar@fabrikam.onmicrosoft.com',
    homeTenantId: FABRIKAM,
    description: 'Contributor on fabrikam-platform, Reader on contoso-staging',
    roleAssignments: [
      { scope: sub(2), role: 'Contributor' },
      { scope: sub(1), role: 'Reader' },
    ],
  },
  {
    id: 'deployer',
    objectId: '11111111-0000-4000-8000-00000000000e',
    name: 'Dana Deployer',
    username: 'dana@contoso.onmicrosoft.com',
    homeTenantId: CONTOSO,
    description:
      'Contributor on rg-web-prod and rg-payments-prod of contoso-prod; cannot read their node resource groups',
    roleAssignments: [
      { scope: `${sub(0)}/resourceGroups/rg-web-prod`, role: 'Contributor' },
      { scope: `${sub(0)}/resourceGroups/rg-payments-prod`, role: 'Contributor' },
    ],
  },
  {
    id: 'nobody',
    objectId: '11111111-0000-4000-8000-00000000000d',
    name: 'Nora Nobody',
    username: 'nora@contoso.onmicrosoft.com',
    homeTenantId: CONTOSO,
    description: 'Signed in, but no role anywhere',
    roleAssignments: [],
  },
];

export function findPersona(id: string): Persona | undefined {
  return PERSONAS.find((p) => p.id === id);
}

export function findPersonaByObjectId(objectId: string): Persona | undefined {
  return PERSONAS.find((p) => p.objectId === objectId);
}

/** The public client id the dashboard uses against the emulator (any SPA registration would do in Azure). */
export const EMULATOR_CLIENT_ID = '0e3b6c2a-5c1f-4b5e-9a55-ca7457c0ffee';
