'use client';
import './globals.css';

/** The root layout itself failed: a page of its own, with its own html and body (Next's global-error convention). */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-8">
          <h1 className="text-2xl font-semibold">AKS CA trust could not start this page</h1>
          <p>Something went wrong on our side. Nothing was changed in Azure.</p>
          {error.digest && (
            <p className="text-sm">
              Reference: <code className="font-mono">{error.digest}</code>
            </p>
          )}
          <button
            type="button"
            className="rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
            onClick={() => reset()}
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
