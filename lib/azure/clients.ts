import 'server-only';
import { ContainerServiceClient } from '@azure/arm-containerservice';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { getConfig } from '../config';
import { staticTokenCredential } from './credential';
import { agentPolicy } from '@azure/core-rest-pipeline';
import { armHttpsAgent } from './tls';
import { armCallPolicy } from '../log/arm-call-policy';
import { currentArmCallSink, type ArmCallSink } from '../log/request-context';

/** Options every ARM client shares: the configured endpoint and scope, TLS trust, bounded retries. */
function clientOptions(sink: ArmCallSink | undefined) {
  const config = getConfig();
  const agent = armHttpsAgent();
  const additionalPolicies = [
    ...(agent ? [{ policy: agentPolicy(agent), position: 'perCall' as const }] : []),
    // ARM's request ids into the request's log line (lib/log): every attempt, retries included.
    ...(sink ? [{ policy: armCallPolicy(sink), position: 'perRetry' as const }] : []),
  ];
  return {
    endpoint: config.armEndpoint,
    credentials: { scopes: [config.armScope] },
    ...(additionalPolicies.length > 0 ? { additionalPolicies } : {}),
    retryOptions: { maxRetries: 3, retryDelayInMs: 500, maxRetryDelayInMs: 10_000 },
    userAgentOptions: { userAgentPrefix: 'aks-ca-trust' },
  };
}

/** Per-request clients holding the caller's token. */
export function armClients(token: string) {
  const credential = staticTokenCredential(token);
  // Taken now, while the action or route is being served: the clients may be used later from a stream's pull.
  const sink = currentArmCallSink();
  return {
    subscriptions: () => new SubscriptionClient(credential, clientOptions(sink)),
    // Every Microsoft.ContainerService call goes out with the configured api-version (sovereign clouds lag behind the SDK's).
    containerService: (subscriptionId: string) =>
      new ContainerServiceClient(credential, subscriptionId, {
        ...clientOptions(sink),
        apiVersion: getConfig().aksApiVersion,
      }),
  };
}

export type ArmClients = ReturnType<typeof armClients>;
