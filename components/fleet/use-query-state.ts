'use client';
import { useCallback, useRef } from 'react';
import { usePathname, useRouter } from 'next/navigation';

/**
 * Patches this page's query string (the URL keeps the view). Each change applies to the latest intended URL, not
 * the one this render saw: router.replace lands only when its transition commits, so quick changes all stick.
 */
export function useQueryPatch(): (patch: Record<string, string | undefined>) => void {
  const router = useRouter();
  const pathname = usePathname();
  const intended = useRef<{ path: string; query: string } | null>(null);
  return useCallback(
    (patch) => {
      const base = intended.current?.path === pathname ? intended.current.query : window.location.search;
      const params = new URLSearchParams(base);
      for (const [key, value] of Object.entries(patch)) {
        if (value) params.set(key, value);
        else params.delete(key);
      }
      intended.current = { path: pathname, query: params.toString() };
      router.replace(params.size ? `${pathname}?${params}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
}
