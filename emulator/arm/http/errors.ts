/** ARM's error shape and the exact texts the emulator answers with (azure-facts.md §3, §4, §6). */

export interface ArmErrorBody {
  code: string;
  message: string;
  target?: string;
  details?: Array<{ code: string; message: string; target?: string }>;
}

/** Thrown inside handlers and turned into `{"error":{…}}` with the status by the error handler. */
export class ArmError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly headers: Record<string, string> = {},
    public readonly target?: string,
  ) {
    super(message);
  }

  body(): { error: ArmErrorBody } {
    return { error: { code: this.code, message: this.message, ...(this.target ? { target: this.target } : {}) } };
  }
}

export const messages = {
  subscriptionNotFound: (sub: string) => `The subscription '${sub}' could not be found.`,
  resourceGroupNotFound: (rg: string) => `Resource group '${rg}' could not be found.`,
  clusterNotFound: (name: string, rg: string) =>
    `The Resource 'Microsoft.ContainerService/managedClusters/${name}' under resource group '${rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  agentPoolNotFound: (pool: string) => `Agent Pool '${pool}' not found.`,
  machineNotFound: (machine: string, pool: string) => `Machine '${machine}' not found in agent pool '${pool}'.`,
  operationNotFound: (id: string) => `Operation '${id}' not found.`,
  authorizationFailed: (client: string, objectId: string, action: string, scope: string) =>
    `The client '${client}' with object id '${objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  wrongTenant: (tokenTenant: string, subscriptionTenant: string) =>
    `The access token is from the wrong issuer 'https://sts.windows.net/${tokenTenant}/'. It must match the tenant 'https://sts.windows.net/${subscriptionTenant}/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/${subscriptionTenant}' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.`,
  operationNotAllowed: (what: string) =>
    `Operation is not allowed: Another operation (${what}) is in progress, please wait for it to finish before starting a new operation. See https://aka.ms/aks-pending-operation for more details`,
  badCertificate: 'failed to decode one of SecurityProfile.CustomCATrustCertificates to PEM after base64 decoding',
  /** Invented (azure-facts U2): no real text is known for more than 10 entries. */
  tooManyCertificates: (n: number) =>
    `SecurityProfile.CustomCATrustCertificates can contain at most 10 certificates, got ${n}.`,
  /** Invented (azure-facts §13, azure-docs#90658: AKS refuses updates of a stopped cluster; its text is not recorded). */
  clusterStopped: (name: string) =>
    `Managed cluster '${name}' is stopped: start it (az aks start) before changing it. Updates of a stopped cluster are not allowed.`,
  etagMismatch: (sent: string, current: string) =>
    `Etag provided in if-match header "${sent}" does not match etag "${current}" of resource.`,
  missingApiVersion: 'The api-version query parameter (?api-version=) is required for all requests.',
  invalidApiVersion: (v: string) =>
    `The api-version '${v}' is invalid. The supported versions are '2026-06-01,2026-04-01,2025-10-01,2025-07-01,2025-04-01,2025-01-01,2022-12-01'.`,
  noRegisteredProvider: (v: string, type: string) =>
    `No registered resource provider found for location 'global' and API version '${v}' for type '${type}'. The supported api-versions are '2025-01-01, 2025-04-01, 2025-07-01, 2025-10-01, 2026-04-01, 2026-06-01'. The supported locations are 'westeurope, northeurope, eastus2, germanywestcentral, swedencentral'.`,
  throttled: (kind: 'read' | 'write' | 'delete', subject: string, seconds: number) =>
    `Number of '${kind}' requests for ${subject} exceeded. Please try again after '${seconds}' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling`,
  /** Invented (the global limit's own text is not recorded); follows the per-principal text. */
  throttledGlobal: (kind: 'read' | 'write' | 'delete', subscriptionId: string, seconds: number) =>
    `Number of '${kind}' requests for subscription '${subscriptionId}' exceeded the limit for all callers together. Please try again after '${seconds}' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling`,
  pathNotFound: (path: string) => `The requested path '${path}' is not served by the emulated Azure Resource Manager.`,
} as const;

export function notFoundCluster(name: string, rg: string): ArmError {
  return new ArmError(404, 'ResourceNotFound', messages.clusterNotFound(name, rg), { 'x-ms-failure-cause': 'gateway' });
}
