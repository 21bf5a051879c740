/**
 * Rules AKS applies to the agent pools of a cluster PUT beyond the schema: surge settings that would never make
 * progress (azure-facts §13), and a manual count change of an autoscaled pool (terraform-provider-azurerm#4543).
 */
import { ArmError } from '../http/errors';
import { stalls } from '../rollout/surge';
import type { ClusterView } from '../state/types';
import type { ClusterBody } from './clusterBody';

export function checkPoolRules(existing: ClusterView | undefined, body: ClusterBody): void {
  const profiles = body.properties?.agentPoolProfiles ?? [];
  profiles.forEach((profile, index) => {
    const settings = profile.upgradeSettings;
    if (settings && stalls(settings.maxSurge, settings.maxUnavailable)) {
      const target = `properties.agentPoolProfiles.${index}.upgradeSettings.maxSurge`;
      // Invented text: the docs say only that maxSurge must be greater than 0 when maxUnavailable is 0.
      throw new ArmError(
        400,
        'InvalidParameter',
        `The value of parameter ${target} is invalid. maxSurge must be greater than 0 when maxUnavailable is 0 (agent pool '${profile.name}').`,
        {},
        target,
      );
    }
    const pool = existing?.pools.find((p) => p.name === profile.name);
    const staysAutoscaled = profile.enableAutoScaling ?? pool?.enableAutoScaling;
    if (pool?.enableAutoScaling && staysAutoscaled && profile.count !== undefined && profile.count !== pool.count) {
      // "Cannot manually scale AgentPool … with cluster autoscaler enabled" is quoted from terraform-provider-azurerm#4543; the code and the rest are invented.
      throw new ArmError(
        400,
        'InvalidParameter',
        `Cannot manually scale AgentPool '${pool.name}' with cluster autoscaler enabled. The pool has ${pool.count} nodes; the request asked for ${profile.count}.`,
        {},
        `properties.agentPoolProfiles.${index}.count`,
      );
    }
  });
}
