import 'server-only';
import {
  createDefaultHttpClient,
  createPipelineRequest,
  RestError,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import type { ArmClients } from './clients';
import { retryAfterSeconds } from './arm-errors';
import { ArmResponseError, toClusterSummary } from './models';
import type { ClusterRef } from './resource-names';
import type { MachineRead, RolloutReader } from './rollout-snapshot';
import {
  isFollowableNextLink,
  parseOperationStatus,
  parseVmPage,
  VMSS_API_VERSION,
  type OperationRead,
  type VmRead,
} from './rollout-wire';

const httpClient = createDefaultHttpClient();
const MAX_PAGES = 200;

function bodyOf(response: PipelineResponse): unknown {
  try {
    return response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined;
  } catch {
    return undefined;
  }
}

function refusal(response: PipelineResponse, body: unknown): RestError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const message =
    typeof error?.message === 'string' ? error.message.slice(0, 4096) : `Unexpected status code: ${response.status}`;
  return new RestError(message, {
    code: typeof error?.code === 'string' ? error.code : undefined,
    statusCode: response.status,
    response,
  });
}

/**
 * ARM reads for rollout snapshots through the Azure SDK. The operation status and the VMSS VMs are not typed calls
 * of the ContainerService SDK, so they go through that client's own pipeline (bearer policy, https only, retries
 * with Retry-After, TLS trust); the project has no Compute SDK.
 */
export function sdkRolloutReader(clients: ArmClients, ref: ClusterRef, armEndpoint: string): RolloutReader {
  const client = clients.containerService(ref.subscriptionId);
  const origin = new URL(armEndpoint).origin;
  const get = (url: string) =>
    client.pipeline.sendRequest(httpClient, createPipelineRequest({ url, method: 'GET', timeout: 30_000 }));
  return {
    async readOperation(url: string): Promise<OperationRead> {
      const response = await get(url);
      const body = bodyOf(response);
      if (response.status !== 200) throw refusal(response, body);
      const parsed = parseOperationStatus(body);
      if (!parsed)
        throw new ArmResponseError('Azure Resource Manager returned an operation status this dashboard cannot read.');
      return { ...parsed, retryAfterSeconds: retryAfterSeconds(response.headers) ?? null };
    },
    async readCluster() {
      return toClusterSummary(await client.managedClusters.get(ref.resourceGroup, ref.name));
    },
    async listMachines(pool: string) {
      const machines: MachineRead[] = [];
      let pages = 0;
      for await (const page of client.machines.list(ref.resourceGroup, ref.name, pool).byPage()) {
        pages++;
        for (const machine of page)
          if (machine.name) machines.push({ name: machine.name, resourceId: machine.properties?.resourceId ?? null });
      }
      return { machines, pages };
    },
    async listVms(scaleSetId: string) {
      const listPath = `${scaleSetId}/virtualMachines`;
      const vms: VmRead[] = [];
      let pages = 0;
      for (let url: string | null = `${origin}${listPath}?api-version=${VMSS_API_VERSION}`; url && pages < MAX_PAGES;) {
        const response = await get(url);
        const body = bodyOf(response);
        if (response.status !== 200) throw refusal(response, body);
        const page = parseVmPage(body);
        if (!page)
          throw new ArmResponseError('Azure Resource Manager returned a VMSS VM list this dashboard cannot read.');
        pages++;
        vms.push(...page.vms);
        url = page.nextLink && isFollowableNextLink(page.nextLink, origin, listPath) ? page.nextLink : null;
      }
      return { vms, pages };
    },
  };
}
