import { Suspense } from 'react';
import type { Metadata } from 'next';
import { ChangeBuilder } from '@/components/fleet/plan/ChangeBuilder';

export const metadata: Metadata = { title: 'Plan a fleet change · AKS CA trust' };

export default function NewFleetChangePage() {
  return (
    <Suspense>
      <ChangeBuilder />
    </Suspense>
  );
}
