/** zod schema of a managed cluster PUT body (the SDK's serialized form); unknown properties pass through. */
import { z } from 'zod';

const upgradeSettings = z.looseObject({
  maxSurge: z
    .string()
    .regex(/^(?:\d+|\d+%)$/, 'maxSurge must be an integer or a percentage like "33%"')
    .optional(),
  maxUnavailable: z
    .string()
    .regex(/^(?:\d+|\d+%)$/, 'maxUnavailable must be an integer or a percentage like "10%"')
    .optional(),
  drainTimeoutInMinutes: z.number().int().min(1).max(1440).optional(),
  nodeSoakDurationInMinutes: z.number().int().min(0).max(30).optional(),
  undrainableNodeBehavior: z.enum(['Cordon', 'Schedule']).optional(),
});

export const agentPoolProfileSchema = z.looseObject({
  name: z.string().regex(/^[a-z][a-z0-9]{0,11}$/, 'agent pool names are 1-12 lowercase letters and digits'),
  count: z.number().int().min(0).max(1000).optional(),
  vmSize: z.string().min(1).optional(),
  osType: z.enum(['Linux', 'Windows']).optional(),
  osSKU: z.string().optional(),
  mode: z.enum(['System', 'User', 'Gateway']).optional(),
  type: z.enum(['VirtualMachineScaleSets', 'AvailabilitySet', 'VirtualMachines']).optional(),
  orchestratorVersion: z.string().optional(),
  availabilityZones: z.array(z.string()).optional(),
  maxPods: z.number().int().min(10).max(250).optional(),
  osDiskSizeGB: z.number().int().min(0).max(2048).optional(),
  enableAutoScaling: z.boolean().optional(),
  minCount: z.number().int().min(0).max(1000).optional(),
  maxCount: z.number().int().min(0).max(1000).optional(),
  upgradeSettings: upgradeSettings.optional(),
});

export const clusterBodySchema = z.looseObject({
  location: z.string().min(1),
  tags: z.record(z.string(), z.string()).optional(),
  properties: z
    .looseObject({
      kubernetesVersion: z
        .string()
        .regex(/^\d+\.\d+(?:\.\d+)?$/, 'kubernetesVersion looks like 1.33 or 1.33.2')
        .optional(),
      dnsPrefix: z.string().min(1).max(54).optional(),
      agentPoolProfiles: z.array(agentPoolProfileSchema).optional(),
      securityProfile: z
        .looseObject({ customCATrustCertificates: z.array(z.string()).nullable().optional() })
        .nullable()
        .optional(),
    })
    .optional(),
});

export type ClusterBody = z.infer<typeof clusterBodySchema>;
export type AgentPoolProfileBody = z.infer<typeof agentPoolProfileSchema>;

export const tagsBodySchema = z.looseObject({ tags: z.record(z.string(), z.string()).optional() });

/** Properties the service computes; ignored when a client sends them back. */
export const READ_ONLY_CLUSTER_PROPERTIES = [
  'provisioningState',
  'powerState',
  'currentKubernetesVersion',
  'fqdn',
  'azurePortalFQDN',
  'privateFQDN',
  'maxAgentPools',
  'nodeResourceGroup',
  'identityProfile',
  'resourceUID',
];

export const READ_ONLY_POOL_PROPERTIES = [
  'provisioningState',
  'powerState',
  'currentOrchestratorVersion',
  'nodeImageVersion',
  'eTag',
  'status',
];

export const READ_ONLY_TOP_LEVEL = ['id', 'name', 'type', 'eTag', 'systemData', 'location', 'tags', 'properties'];
