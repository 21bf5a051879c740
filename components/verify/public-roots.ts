'use client';
import { z } from 'zod';

/** The snapshot of Debian's ca-certificates (scripts/snapshot-public-roots.ts), fetched only when asked for. */
const snapshotSchema = z.object({
  description: z.string().max(500),
  generatedAt: z.string().max(40),
  count: z.number().int().min(1).max(1000),
  certificates: z.array(z.string().max(20_000)).min(1).max(1000),
});

export type PublicRoots = z.infer<typeof snapshotSchema>;

export const PUBLIC_ROOTS_URL = '/public-roots/debian.json';

let loading: Promise<PublicRoots> | null = null;

export function loadPublicRoots(): Promise<PublicRoots> {
  loading ??= fetch(PUBLIC_ROOTS_URL)
    .then((response) => {
      if (!response.ok) throw new Error(`${response.status}`);
      return response.json();
    })
    .then((body) => snapshotSchema.parse(body))
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
