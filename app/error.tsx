'use client';
import { useEffect } from 'react';
import Link from 'next/link';
import { SECONDARY_BUTTON } from '@/components/ui/buttons';

/**
 * A page that failed while rendering. Nothing about the failure is shown but its digest, which the server's log line
 * carries too (no stack, no server message reaches the browser in production).
 */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error('page error', error.digest ?? error.name);
  }, [error]);
  return (
    <section className="max-w-3xl space-y-4" aria-labelledby="page-error-title">
      <h1 id="page-error-title" className="text-2xl font-semibold">
        This page could not be shown
      </h1>
      <p className="text-slate-700 dark:text-slate-300">
        Something went wrong on our side while showing this page. Nothing was changed in Azure. Try again; if it keeps
        failing, give your administrator the reference below.
      </p>
      {error.digest && (
        <p className="text-sm">
          Reference: <code className="font-mono">{error.digest}</code>
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <button type="button" className={SECONDARY_BUTTON} onClick={() => reset()}>
          Try again
        </button>
        <Link href="/" className="self-center font-medium text-blue-700 underline dark:text-blue-300">
          Go to the inventory
        </Link>
      </div>
    </section>
  );
}
