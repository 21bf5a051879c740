/** zod schemas of control API bodies. */
import { z } from 'zod';

export const failNextSchema = z
  .object({
    code: z.string().min(1).max(200).default('InternalOperationError'),
    message: z.string().min(1).max(2000).default('The rollout was interrupted by an injected failure.'),
    /** Batches (surge or drain steps) completed before the failure; default 1. */
    afterBatches: z.number().int().min(1).max(100_000).default(1),
    /** Only this cluster's next rollout: a name (any subscription) or its full address. */
    cluster: z
      .union([
        z.string().min(1).max(63),
        z
          .object({
            subscriptionId: z.string().min(1).max(64),
            resourceGroup: z.string().min(1).max(90),
            name: z.string().min(1).max(63),
          })
          .strict(),
      ])
      .optional(),
  })
  .strict();

export const speedSchema = z.object({ msPerBatch: z.number().int().min(1).max(600_000) }).strict();

const bucketSchema = z
  .object({
    size: z.number().int().min(1).max(10_000_000),
    refillPerSecond: z.number().int().min(1).max(10_000_000),
  })
  .strict();

export const settingsSchema = z
  .object({
    pageSize: z.number().int().min(1).max(1000).optional(),
    machinePageSize: z.number().int().min(1).max(5000).optional(),
    eTags: z.enum(['seed', 'always', 'never']).optional(),
    rejectWindowsCaChange: z.boolean().optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    readBucket: bucketSchema.optional(),
    writeBucket: bucketSchema.optional(),
  })
  .strict();
