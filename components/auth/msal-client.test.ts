import type { AccountInfo } from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import type { PublicAuthConfig } from '@/lib/auth/public-config';
import { armRequestFor } from './msal-client';

const CONTOSO = '22222222-0000-4000-8000-000000000001';
const FABRIKAM = '22222222-0000-4000-8000-000000000002';
const config: PublicAuthConfig = {
  mode: 'msal',
  clientId: 'client',
  authority: 'https://login.example/organizations',
  knownAuthorities: ['login.example'],
  armScope: 'https://management.azure.com/.default',
  environmentLabel: 'test',
  isEmulator: false,
};
const account = {
  homeAccountId: `oid.${CONTOSO}`,
  environment: 'login.example',
  tenantId: CONTOSO,
  username: 'olivia@contoso.example',
  localAccountId: 'oid',
} as AccountInfo;

describe('armRequestFor', () => {
  it('names the home tenant for a home-tenant token, never the multi-tenant authority', () => {
    // One refresh token serves every tenant of the account: at `organizations` it may be redeemed for the tenant
    // it was last used for (the emulator does so), so the tenant must be in the authority.
    expect(armRequestFor(config, account)).toEqual({
      scopes: [config.armScope],
      account,
      authority: `https://login.example/${CONTOSO}`,
    });
  });

  it('asks for another tenant with that tenant profile and authority', () => {
    expect(armRequestFor(config, account, FABRIKAM)).toEqual({
      scopes: [config.armScope],
      account: { ...account, tenantId: FABRIKAM },
      authority: `https://login.example/${FABRIKAM}`,
    });
  });
});
