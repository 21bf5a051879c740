import 'server-only';
import { ContainerServiceClient } from '@azure/arm-containerservice';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { TokenCredential } from '@azure/core-auth';
import { agentPolicy, type PipelinePolicy } from '@azure/core-rest-pipeline';
import { getArmConfig, type ArmConfig } from '../config';
import { staticTokenCredential } from './credential';
import { ReadPacer, readPacingPolicy } from './read-pacing';
import { armHttpsAgent } from './tls';
import { armCallPolicy } from '../log/arm-call-policy';
import { currentArmCallSink, type ArmCallSink } from '../log/request-context';

/**
 * Options every ARM client shares: the configured endpoint and scope, TLS trust, bounded retries, read pacing and,
 * inside a server action or route, ARM's request ids for its log line.
 */
function clientOptions(config: ArmConfig, pacer: ReadPacer, sink: ArmCallSink | undefined) {
  const agent = armHttpsAgent(config);
  const policies: { policy: PipelinePolicy; position: 'perCall' | 'perRetry' }[] = [
    ...(agent ? [{ policy: agentPolicy(agent), position: 'perCall' as const }] : []),
    // perRetry: every attempt (SDK retries after a 429's Retry-After included) is paced, read and logged.
    { policy: readPacingPolicy(pacer), position: 'perRetry' },
    ...(sink ? [{ policy: armCallPolicy(sink), position: 'perRetry' as const }] : []),
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
  // Taken now, while the action or route is being served: the clients may be used later from a stream's pull.
  const sink = currentArmCallSink();
  return {
    pacer,
    subscriptions: () => new SubscriptionClient(credential, clientOptions(config, pacer, sink)),
    // Every Microsoft.ContainerService call goes out with the configured api-version (sovereign clouds lag behind the SDK's).
    containerService: (subscriptionId: string) =>
      new ContainerServiceClient(credential, subscriptionId, {
        ...clientOptions(config, pacer, sink),
        apiVersion: config.aksApiVersion,
      }),
  };
}

/** Per-request clients holding the caller's token. */
export function armClients(token: string) {
  return armClientsFor(staticTokenCredential(token));
}

export type ArmClients = ReturnType<typeof armClientsFor>;
