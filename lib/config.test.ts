import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ConfigError, parseConfig } from './config';

const CLIENT_ID = '0e3b6c2a-5c1f-4b5e-9a55-ca7457c0ffee';

function configError(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('defaults to the Azure public cloud with MSAL sign-in', () => {
    const config = parseConfig({ AZURE_CLIENT_ID: CLIENT_ID });
    expect(config).toMatchObject({
      cloud: 'AzureCloud',
      environmentLabel: 'Azure public cloud',
      armEndpoint: 'https://management.azure.com',
      authority: 'https://login.microsoftonline.com/organizations',
      armScope: 'https://management.azure.com/user_impersonation',
      authMode: 'msal',
      isEmulator: false,
      knownAuthorities: [],
    });
  });

  it.each([
    [
      'AzureUSGovernment',
      'https://management.usgovcloudapi.net',
      'https://login.microsoftonline.us/organizations',
      'https://management.usgovcloudapi.net/user_impersonation',
    ],
    [
      'AzureChinaCloud',
      'https://management.chinacloudapi.cn',
      'https://login.chinacloudapi.cn/organizations',
      'https://management.chinacloudapi.cn/user_impersonation',
    ],
  ])('the %s preset sets endpoint, authority and scope together', (cloud, armEndpoint, authority, armScope) => {
    expect(parseConfig({ AZURE_CLOUD: cloud, AZURE_CLIENT_ID: CLIENT_ID })).toMatchObject({
      cloud,
      armEndpoint,
      authority,
      armScope,
    });
  });

  it('recognises the local emulator and lets demo mode run against it', () => {
    const config = parseConfig({
      ARM_ENDPOINT: 'https://localhost:8443/',
      AZURE_CLIENT_ID: CLIENT_ID,
      AUTH_MODE: 'demo',
    });
    expect(config).toMatchObject({
      isEmulator: true,
      armEndpoint: 'https://localhost:8443',
      authority: 'https://localhost:8443/organizations',
      knownAuthorities: ['localhost:8443'],
      environmentLabel: 'Local emulator (localhost:8443)',
      authMode: 'demo',
    });
  });

  it('refuses demo mode against a real ARM endpoint', () => {
    expect(configError({ AUTH_MODE: 'demo', AZURE_CLIENT_ID: CLIENT_ID }).message).toBe(
      'AUTH_MODE: demo sign-in is only allowed against the local emulator, not https://management.azure.com',
    );
  });

  it.each([
    [{ AZURE_CLOUD: 'AzureMars' }, 'AZURE_CLOUD', 'must be one of AzureCloud, AzureUSGovernment, AzureChinaCloud'],
    [{ ARM_ENDPOINT: 'http://localhost:8443' }, 'ARM_ENDPOINT', 'must be an absolute https:// URL'],
    [{ AZURE_CLIENT_ID: 'my-app' }, 'AZURE_CLIENT_ID', 'must be a GUID'],
    [{ AZURE_KNOWN_AUTHORITIES: 'https://login.example.com' }, 'AZURE_KNOWN_AUTHORITIES', 'host[:port]'],
    [{ ARM_SCOPE: 'https://management.azure.com' }, 'ARM_SCOPE', 'must end in /user_impersonation or /.default'],
    [{ AUTH_MODE: 'password' }, 'AUTH_MODE', 'must be msal or demo'],
    [{ ARM_CA_FILE: '/nonexistent/ca.pem' }, 'ARM_CA_FILE', 'cannot read "/nonexistent/ca.pem" (ENOENT)'],
    [{ AKS_API_VERSION: 'latest' }, 'AKS_API_VERSION', 'must be an api-version YYYY-MM-DD or YYYY-MM-DD-preview'],
    [{ AKS_API_VERSION: '2025-13-01' }, 'AKS_API_VERSION', 'must be an api-version'],
    [{ AKS_API_VERSION: '2025-01-01-beta' }, 'AKS_API_VERSION', 'must be an api-version'],
    [{ AKS_API_VERSION: '2025-01-01&x=1' }, 'AKS_API_VERSION', 'must be an api-version'],
  ])('names the variable and the problem: %j', (env, variable, problem) => {
    const error = configError({ AZURE_CLIENT_ID: CLIENT_ID, ...env });
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(problem);
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('requires a client id', () => {
    expect(configError({}).message).toBe(
      'AZURE_CLIENT_ID: is required: the application (client) id of your Entra app registration',
    );
  });

  it('reads ARM_CA_FILE and refuses a file with no certificate in it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const good = join(dir, 'ca.pem');
    const bad = join(dir, 'key.pem');
    writeFileSync(good, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    writeFileSync(bad, 'not a certificate');
    expect(parseConfig({ AZURE_CLIENT_ID: CLIENT_ID, ARM_CA_FILE: good }).armCaPem).toContain('BEGIN CERTIFICATE');
    expect(configError({ AZURE_CLIENT_ID: CLIENT_ID, ARM_CA_FILE: bad }).message).toContain('holds no PEM certificate');
  });

  it('keeps an explicit authority and scope over the preset', () => {
    const config = parseConfig({
      AZURE_CLIENT_ID: CLIENT_ID,
      AZURE_AUTHORITY: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47',
      ARM_SCOPE: 'https://management.core.windows.net//.default',
    });
    expect(config.authority).toBe('https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47');
    expect(config.armScope).toBe('https://management.core.windows.net//.default');
  });

  describe('AKS_API_VERSION', () => {
    it.each([
      [{}, '2026-06-01'],
      [{ AZURE_CLOUD: 'AzureCloud' }, '2026-06-01'],
      [{ AZURE_CLOUD: 'AzureUSGovernment' }, '2025-01-01'],
      [{ AZURE_CLOUD: 'AzureChinaCloud' }, '2025-01-01'],
      [{ ARM_ENDPOINT: 'https://localhost:8443' }, '2026-06-01'],
    ])('defaults per cloud preset: %j -> %s', (env, version) => {
      expect(parseConfig({ AZURE_CLIENT_ID: CLIENT_ID, ...env }).aksApiVersion).toBe(version);
    });

    it('an explicit stable or preview version wins over the preset (trimmed)', () => {
      expect(
        parseConfig({ AZURE_CLIENT_ID: CLIENT_ID, AZURE_CLOUD: 'AzureChinaCloud', AKS_API_VERSION: ' 2024-10-01 ' })
          .aksApiVersion,
      ).toBe('2024-10-01');
      expect(parseConfig({ AZURE_CLIENT_ID: CLIENT_ID, AKS_API_VERSION: '2026-03-02-preview' }).aksApiVersion).toBe(
        '2026-03-02-preview',
      );
    });
  });
});
