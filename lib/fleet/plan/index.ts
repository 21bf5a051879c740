/** lib/fleet/plan: one change over many clusters (issue 12). Pure; the plan file's parser (zod) is in plan-file.ts, loaded apart. */
export type * from './types';
export { planFleetChange, planTotals, toPlanCluster, type PlanClusterInput, type PlanInput } from './plan';
export { defaultTarget, nameGlob, normalizeTarget, targetMatcher } from './target';
export { bundleDiff, plannedBundle, type ChangeBySha256 } from './bundle';
export { pemReader, readOnePem, type PemReader, type ReadPem } from './certificates';
export { planBlock, type ClusterAccessLevel } from './block';
export {
  baselineDrift,
  matchBaseline,
  readBaseline,
  type BaselineDrift,
  type BaselineRead,
  type DriftCluster,
} from './baseline';
