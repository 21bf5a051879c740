/**
 * "Permissions – List For Resource" (azure-facts §13): `GET {cluster}/providers/Microsoft.Authorization/permissions
 * ?api-version=2022-04-01`, read through the ContainerServiceClient's own pipeline (same token, TLS trust, retries
 * and user agent; there is no Authorization SDK among our dependencies). The body is checked with zod and evaluated
 * with lib/clusters/permissions. Takes the client as a parameter, so it is tested against the emulator.
 */
import 'server-only';
import type { ContainerServiceClient } from '@azure/arm-containerservice';
import {
  createDefaultHttpClient,
  createPipelineRequest,
  RestError,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import { CLUSTER_WRITE_ACTION, isActionAllowed, permissionListSchema, type Permission } from '../clusters/permissions';
import { ArmResponseError } from './models';
import { clusterId, type ClusterRef } from './resource-names';
import type { ClusterAccess } from '../clusters/types';

export const PERMISSIONS_API_VERSION = '2022-04-01';
const MAX_PAGES = 10;

export type { ClusterAccess };

function armError(response: PipelineResponse): RestError {
  let code = 'Unknown';
  let message = `Unexpected status code: ${response.status}`;
  try {
    const body = JSON.parse(response.bodyAsText ?? '') as { error?: { code?: string; message?: string } };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
  } catch {
    // Not JSON: keep the generic text.
  }
  return new RestError(message, { code, statusCode: response.status, response });
}

/** Every entry that applies to the caller on the cluster (nextLink followed on the same host only). */
export async function listClusterPermissions(
  client: ContainerServiceClient,
  armEndpoint: string,
  ref: ClusterRef,
): Promise<Permission[]> {
  const origin = new URL(armEndpoint).origin;
  let url: string | null | undefined =
    `${origin}${clusterId(ref)}/providers/Microsoft.Authorization/permissions?api-version=${PERMISSIONS_API_VERSION}`;
  const httpClient = createDefaultHttpClient();
  const permissions: Permission[] = [];
  for (let page = 0; url && page < MAX_PAGES; page++) {
    if (new URL(url).origin !== origin)
      throw new ArmResponseError(
        `Azure Resource Manager sent a permissions nextLink to another host (${new URL(url).host}).`,
      );
    const response = await client.pipeline.sendRequest(httpClient, createPipelineRequest({ url, method: 'GET' }));
    if (response.status !== 200) throw armError(response);
    let body: unknown;
    try {
      body = JSON.parse(response.bodyAsText ?? '');
    } catch {
      throw new ArmResponseError('Azure Resource Manager returned a permissions list that is not JSON.');
    }
    const parsed = permissionListSchema.safeParse(body);
    if (!parsed.success)
      throw new ArmResponseError(
        `Azure Resource Manager returned a permissions list this dashboard cannot read (${parsed.error.issues[0]?.path.join('.') || 'body'}: ${parsed.error.issues[0]?.message}).`,
      );
    permissions.push(...parsed.data.value);
    url = parsed.data.nextLink;
  }
  return permissions;
}

export async function readClusterAccess(
  client: ContainerServiceClient,
  armEndpoint: string,
  ref: ClusterRef,
): Promise<ClusterAccess> {
  const permissions = await listClusterPermissions(client, armEndpoint, ref);
  return { canWrite: isActionAllowed(permissions, CLUSTER_WRITE_ACTION), writeAction: CLUSTER_WRITE_ACTION };
}
