import type { ReactNode } from 'react';
import { FleetRoot } from '@/components/fleet/FleetRoot';

/** The fleet views share one load of the fleet: moving between them does not read ARM again. */
export default function FleetLayout({ children }: { children: ReactNode }) {
  return <FleetRoot>{children}</FleetRoot>;
}
