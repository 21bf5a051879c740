/**
 * The server's check of what the browser reviewed (reviewed-cluster.ts), with zod as for every outside input. A
 * module of its own so the cluster page, which uses reviewed-cluster.ts, does not load zod.
 */
import { z } from 'zod';
import { MAX_AKS_CERTIFICATES } from '../pki';
import type { ReviewedCluster } from './reviewed-cluster';

const FINGERPRINT = /^(entry:)?[0-9a-f]{64}$/i;

export const reviewedClusterSchema = z.object({
  caFingerprints: z
    .array(z.string().regex(FINGERPRINT, 'A CA fingerprint is a SHA-256 in hex.'))
    // A cluster read back may hold more than AKS accepts today; the bound only keeps the argument small.
    .max(MAX_AKS_CERTIFICATES * 10, 'Too many CA fingerprints.'),
  provisioningState: z.string().min(1).max(64),
  powerState: z.string().max(64).nullable(),
  eTag: z.string().max(256, 'The eTag is too long.').nullable(),
}) satisfies z.ZodType<ReviewedCluster>;
