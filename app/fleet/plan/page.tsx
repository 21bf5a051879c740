import { Suspense } from 'react';
import type { Metadata } from 'next';
import { PlanView } from '@/components/fleet/plan/PlanView';

export const metadata: Metadata = { title: 'Fleet plan · AKS CA trust' };

export default function FleetPlanPage() {
  return (
    <Suspense>
      <PlanView />
    </Suspense>
  );
}
