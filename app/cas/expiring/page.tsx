import { Suspense } from 'react';
import type { Metadata } from 'next';
import { ExpiringView } from '@/components/fleet/ExpiringView';

export const metadata: Metadata = { title: 'Expiring CAs · AKS CA trust' };

export default function ExpiringPage() {
  return (
    <Suspense>
      <ExpiringView />
    </Suspense>
  );
}
