import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found · AKS CA trust' };

/** Any address that is not a page of the dashboard, or a cluster address that does not parse. */
export default function NotFound() {
  return (
    <section className="max-w-3xl space-y-4" aria-labelledby="not-found-title">
      <h1 id="not-found-title" className="text-2xl font-semibold">
        Page not found
      </h1>
      <p className="text-slate-700 dark:text-slate-300">
        This address is not a page of the dashboard. A cluster address looks like{' '}
        <code className="font-mono text-sm break-all">
          /clusters/&#123;subscriptionId&#125;/&#123;resourceGroup&#125;/&#123;name&#125;
        </code>
        ; the inventory links to every cluster you can reach.
      </p>
      <p>
        <Link href="/" className="font-medium text-blue-700 underline dark:text-blue-300">
          Go to the inventory
        </Link>
      </p>
    </section>
  );
}
