import { describe, expect, it } from 'vitest';
import { resourceGrant } from './scopes';

describe('resourceGrant', () => {
  it('takes the audience from the first resource scope and strips OIDC scopes', () => {
    expect(
      resourceGrant(['https://management.azure.com/user_impersonation', 'openid', 'profile', 'offline_access']),
    ).toEqual({
      audience: 'https://management.azure.com',
      scp: 'user_impersonation',
      responseScope: 'https://management.azure.com/user_impersonation',
    });
  });

  it('keeps the trailing slash of the classic ARM resource and maps .default', () => {
    expect(resourceGrant(['https://management.core.windows.net//.default'])).toMatchObject({
      audience: 'https://management.core.windows.net/',
      scp: 'user_impersonation',
    });
  });

  it('names Microsoft Graph by its app id, also when only OIDC scopes are asked for', () => {
    expect(resourceGrant(['https://graph.microsoft.com/User.Read']).audience).toBe(
      '00000003-0000-0000-c000-000000000000',
    );
    expect(resourceGrant(['openid', 'profile'])).toMatchObject({
      audience: '00000003-0000-0000-c000-000000000000',
      scp: 'User.Read',
    });
  });

  it('joins several scopes of the same resource', () => {
    expect(resourceGrant(['api://app/read', 'api://app/write', 'api://other/x']).scp).toBe('read write');
  });
});
