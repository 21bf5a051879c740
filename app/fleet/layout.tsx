import type { ReactNode } from 'react';
import { FleetRoot } from '@/components/fleet/FleetRoot';

/** The fleet change pages read the fleet the CA index reads (one load for the pages under /fleet). */
export default function FleetChangeLayout({ children }: { children: ReactNode }) {
  return <FleetRoot>{children}</FleetRoot>;
}
