/** Sovereign clouds: each preset sets the ARM endpoint, the sign-in host and the ARM scope together. */
export const CLOUD_PRESETS = {
  AzureCloud: {
    label: 'Azure public cloud',
    armEndpoint: 'https://management.azure.com',
    loginEndpoint: 'https://login.microsoftonline.com',
    armScope: 'https://management.azure.com/user_impersonation',
  },
  AzureUSGovernment: {
    label: 'Azure US Government',
    armEndpoint: 'https://management.usgovcloudapi.net',
    loginEndpoint: 'https://login.microsoftonline.us',
    armScope: 'https://management.usgovcloudapi.net/user_impersonation',
  },
  AzureChinaCloud: {
    label: 'Microsoft Azure operated by 21Vianet',
    armEndpoint: 'https://management.chinacloudapi.cn',
    loginEndpoint: 'https://login.chinacloudapi.cn',
    armScope: 'https://management.chinacloudapi.cn/user_impersonation',
  },
} as const;

export type CloudName = keyof typeof CLOUD_PRESETS;
