import 'server-only';
import { createDefaultHttpClient, createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import { z } from 'zod';
import type { ArmClients } from './clients';
import { retryAfterSeconds } from './arm-errors';
import { ArmResponseError, toClusterSummary } from './models';
import type { ClusterRef } from './resource-names';
import type { OperationRead, RolloutReader } from './rollout-snapshot';

const operationStatusSchema = z.object({
  status: z.string().min(1).max(512),
  startTime: z.string().max(64).optional(),
  endTime: z.string().max(64).optional(),
  error: z.object({ code: z.string().max(256).optional(), message: z.string().max(8192).optional() }).optional(),
});

const httpClient = createDefaultHttpClient();

/**
 * ARM reads for rollout snapshots through the Azure SDK. The operation status is not a typed SDK call, so it
 * goes through the SDK client's own pipeline (bearer policy, https only, retries with Retry-After, TLS trust).
 */
export function sdkRolloutReader(clients: ArmClients, ref: ClusterRef): RolloutReader {
  const client = clients.containerService(ref.subscriptionId);
  return {
    async readOperation(url: string): Promise<OperationRead> {
      const response = await client.pipeline.sendRequest(httpClient, createPipelineRequest({ url, method: 'GET', headers: undefined, timeout: 30_000 }));
      let body: unknown;
      try {
        body = response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined;
      } catch {
        body = undefined;
      }
      if (response.status !== 200) {
        const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
        throw new RestError(error?.message ?? `Unexpected status code: ${response.status}`, { code: error?.code, statusCode: response.status, response });
      }
      const parsed = operationStatusSchema.safeParse(body);
      if (!parsed.success) throw new ArmResponseError('Azure Resource Manager returned an operation status this dashboard cannot read.');
      const { status, startTime, endTime, error } = parsed.data;
      return {
        status,
        startTime: startTime ?? null,
        endTime: endTime ?? null,
        error: error ? { code: error.code ?? 'Unknown', message: error.message ?? '' } : null,
        retryAfterSeconds: retryAfterSeconds(response.headers) ?? null,
      };
    },
    async readCluster() {
      return toClusterSummary(await client.managedClusters.get(ref.resourceGroup, ref.name));
    },
    async listMachines(pool: string) {
      const names: string[] = [];
      for await (const machine of client.machines.list(ref.resourceGroup, ref.name, pool)) if (machine.name) names.push(machine.name);
      return names;
    },
  };
}
