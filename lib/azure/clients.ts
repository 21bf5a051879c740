import 'server-only';
import { ContainerServiceClient } from '@azure/arm-containerservice';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { TokenCredential } from '@azure/core-auth';
import { agentPolicy, type PipelinePolicy } from '@azure/core-rest-pipeline';
import { getArmConfig, type ArmConfig } from '../config';
import { staticTokenCredential } from './credential';
import { ReadPacer, readPacingPolicy } from './read-pacing';
import { armHttpsAgent } from './tls';

/** Options every ARM client shares: the configured endpoint and scope, TLS trust, bounded retries, read pacing. */
function clientOptions(config: ArmConfig, pacer: ReadPacer) {
  const agent = armHttpsAgent(config);
  const policies: { policy: PipelinePolicy; position: 'perCall' | 'perRetry' }[] = [
    ...(agent ? [{ policy: agentPolicy(agent), position: 'perCall' as const }] : []),
    // perRetry: every attempt (SDK retries after a 429's Retry-After included) is paced and read.
    { policy: readPacingPolicy(pacer), position: 'perRetry' },
  ];
  return {
    endpoint: config.armEndpoint,
    credentials: { scopes: [config.armScope] },
    additionalPolicies: policies,
    // A 429 carries Retry-After, which the SDK waits exactly; after 3 retries the caller reports it.
    retryOptions: { maxRetries: 3, retryDelayInMs: 500, maxRetryDelayInMs: 10_000 },
    userAgentOptions: { userAgentPrefix: 'aks-ca-trust' },
  };
}

/**
 * ARM clients for one caller (one credential, so one set of ARM budgets): every client they make shares one
 * read pacer, so reads of a subscription slow down together when ARM says its budget runs low.
 */
export function armClientsFor(credential: TokenCredential, config: ArmConfig = getArmConfig()) {
  const pacer = new ReadPacer();
  return {
    pacer,
    subscriptions: () => new SubscriptionClient(credential, clientOptions(config, pacer)),
    // Every Microsoft.ContainerService call goes out with the configured api-version (sovereign clouds lag behind the SDK's).
    containerService: (subscriptionId: string) =>
      new ContainerServiceClient(credential, subscriptionId, {
        ...clientOptions(config, pacer),
        apiVersion: config.aksApiVersion,
      }),
  };
}

/** Per-request clients holding the caller's token. */
export function armClients(token: string) {
  return armClientsFor(staticTokenCredential(token));
}

export type ArmClients = ReturnType<typeof armClientsFor>;
