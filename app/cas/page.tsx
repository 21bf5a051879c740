import { Suspense } from 'react';
import type { Metadata } from 'next';
import { CaIndexView } from '@/components/fleet/CaIndexView';

export const metadata: Metadata = { title: 'Fleet CA index · AKS CA trust' };

export default function CaIndexPage() {
  return (
    <Suspense>
      <CaIndexView />
    </Suspense>
  );
}
