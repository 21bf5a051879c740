/** What the apply server action accepts from the browser, checked with zod before anything else runs. */
import { z } from 'zod';
import { clusterRefSchema } from '../azure/resource-names';
import { MAX_AKS_CERTIFICATES } from '../pki';
import { reviewedClusterSchema } from './reviewed-cluster-schema';

/** A canonical PEM certificate is about 1-3 KB; this leaves room for large extensions, not for a file dump. */
export const MAX_PEM_CHARACTERS = 16_384;

export const applyArgumentsSchema = z.object({
  cluster: clusterRefSchema,
  /** The cluster as the user reviewed it: the server compares it with a read right before the PUT. */
  reviewed: reviewedClusterSchema,
  certificates: z
    .array(
      z
        .string()
        .min(1, 'A certificate is empty.')
        .max(MAX_PEM_CHARACTERS, `A certificate is longer than ${MAX_PEM_CHARACTERS} characters.`),
    )
    .max(MAX_AKS_CERTIFICATES, `AKS accepts at most ${MAX_AKS_CERTIFICATES} certificates.`),
});

export type ApplyArguments = z.input<typeof applyArgumentsSchema>;
