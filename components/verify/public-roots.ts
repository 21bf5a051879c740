'use client';

/**
 * The snapshot of Debian's ca-certificates (scripts/snapshot-public-roots.ts), fetched only when asked for. Checked
 * by hand (no zod in the cluster page's bundle); its certificates go through lib/pki's path validation like any other.
 */
export interface PublicRoots {
  description: string;
  generatedAt: string;
  count: number;
  certificates: string[];
}

const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;

function parseSnapshot(body: unknown): PublicRoots {
  const snapshot = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const { description, generatedAt, count, certificates } = snapshot;
  if (
    isText(description, 500) &&
    isText(generatedAt, 40) &&
    typeof count === 'number' &&
    Number.isInteger(count) &&
    count >= 1 &&
    count <= 1000 &&
    Array.isArray(certificates) &&
    certificates.length >= 1 &&
    certificates.length <= 1000 &&
    certificates.every((pem) => isText(pem, 20_000))
  )
    return { description, generatedAt, count, certificates: [...certificates] };
  throw new Error('The public roots snapshot is not in the expected shape.');
}

export const PUBLIC_ROOTS_URL = '/public-roots/debian.json';

let loading: Promise<PublicRoots> | null = null;

export function loadPublicRoots(): Promise<PublicRoots> {
  loading ??= fetch(PUBLIC_ROOTS_URL)
    .then((response) => {
      if (!response.ok) throw new Error(`${response.status}`);
      return response.json();
    })
    .then((body: unknown) => parseSnapshot(body))
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
