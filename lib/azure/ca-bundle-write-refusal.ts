/**
 * Why a CA write was refused, as the dashboard says it: its own refusals before the PUT (the cluster changed since
 * the review, it is stopped) and ARM's refusals it recognises (a manual scale of an autoscaled pool, a cluster with
 * Windows pools). Keys on ARM's status and error code and on the cluster's own facts, never on an emulator's text.
 * Pure.
 */
import 'server-only';
import type { ActionError } from '../action-result';
import type { ClusterSummary } from './models';

export class CaBundleWriteRefused extends Error {
  constructor(readonly refusal: ActionError) {
    super(refusal.message);
    this.name = 'CaBundleWriteRefused';
  }
}

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
}

const asRestError = (error: unknown): RestErrorLike =>
  typeof error === 'object' && error !== null ? (error as RestErrorLike) : {};

export function changedSinceReview(what: string): CaBundleWriteRefused {
  return new CaBundleWriteRefused({
    code: 'PreconditionFailed',
    status: 412,
    message: `The cluster changed since you reviewed it (${what}). Nothing was sent to Azure.`,
  });
}

export function clusterStopped(name: string): CaBundleWriteRefused {
  return new CaBundleWriteRefused({
    code: 'ClusterStopped',
    message: `${name} is stopped, and AKS refuses changes to a stopped cluster. Start the cluster first (az aks start), then apply. Nothing was sent to Azure.`,
  });
}

/**
 * ARM's refusal of a full-model PUT whose pool count differs from what the cluster autoscaler just set
 * (terraform-provider-azurerm#4543: "Cannot manually scale AgentPool … with cluster autoscaler enabled").
 */
export function isManualScaleRefusal(error: unknown): boolean {
  const rest = asRestError(error);
  return rest.statusCode === 400 && /cannot manually scale agent ?pool/i.test(rest.message ?? '');
}

/** The codes ARM gives a request it refuses as invalid or unsupported (the exact one for Windows pools is not recorded). */
const REFUSED_AS_UNSUPPORTED = new Set([
  'invalidparameter',
  'badrequest',
  'notsupported',
  'operationnotsupported',
  'invalidrequestcontent',
]);

/** A 400 of that kind on a cluster that has Windows pools: custom CA trust is Linux-only (azure-facts §13). */
export function windowsPoolsRefusal(
  error: unknown,
  cluster: Pick<ClusterSummary, 'agentPools'>,
): CaBundleWriteRefused | null {
  const rest = asRestError(error);
  const windows = cluster.agentPools.filter((pool) => pool.osType.toLowerCase() === 'windows').map((pool) => pool.name);
  if (
    rest.statusCode !== 400 ||
    windows.length === 0 ||
    !REFUSED_AS_UNSUPPORTED.has((rest.code ?? '').toLowerCase()) ||
    isManualScaleRefusal(error)
  )
    return null;
  const pools = windows.join(', ');
  return new CaBundleWriteRefused({
    code: 'WindowsNodePoolsUnsupported',
    status: 400,
    target: pools,
    message: `This cluster has Windows node pools (${pools}). AKS supports custom CA trust on Linux nodes only and refused to change the CA list. Azure said (${rest.code}): ${rest.message ?? 'no details'}. Nothing changed.`,
  });
}
