import { Suspense } from 'react';
import type { Metadata } from 'next';
import { getConfig } from '@/lib/config';
import { FleetRolloutView } from '@/components/fleet/run/FleetRolloutView';

export const metadata: Metadata = { title: 'Fleet rollout · AKS CA trust' };
export const dynamic = 'force-dynamic';

export default function FleetRolloutPage() {
  return (
    <Suspense>
      <FleetRolloutView pollMs={getConfig().rolloutPollMs} />
    </Suspense>
  );
}
