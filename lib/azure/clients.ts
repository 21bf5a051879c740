import 'server-only';
import { ContainerServiceClient } from '@azure/arm-containerservice';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { getConfig } from '../config';
import { staticTokenCredential } from './credential';
import { agentPolicy } from '@azure/core-rest-pipeline';
import { armHttpsAgent } from './tls';

/** Options every ARM client shares: the configured endpoint and scope, TLS trust, bounded retries. */
function clientOptions() {
  const config = getConfig();
  const agent = armHttpsAgent();
  return {
    endpoint: config.armEndpoint,
    credentials: { scopes: [config.armScope] },
    ...(agent ? { additionalPolicies: [{ policy: agentPolicy(agent), position: 'perCall' as const }] } : {}),
    retryOptions: { maxRetries: 3, retryDelayInMs: 500, maxRetryDelayInMs: 10_000 },
    userAgentOptions: { userAgentPrefix: 'aks-ca-trust' },
  };
}

/** Per-request clients holding the caller's token. */
export function armClients(token: string) {
  const credential = staticTokenCredential(token);
  return {
    subscriptions: () => new SubscriptionClient(credential, clientOptions()),
    // Every Microsoft.ContainerService call goes out with the configured api-version (sovereign clouds lag behind the SDK's).
    containerService: (subscriptionId: string) =>
      new ContainerServiceClient(credential, subscriptionId, {
        ...clientOptions(),
        apiVersion: getConfig().aksApiVersion,
      }),
  };
}

export type ArmClients = ReturnType<typeof armClients>;
