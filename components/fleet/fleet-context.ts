'use client';
import { createContext, useContext } from 'react';
import type { FleetCa, FleetCluster } from '@/lib/fleet';
import type { FleetLoadState } from './use-fleet-load';

export interface FleetApi {
  load: FleetLoadState;
  clusters: FleetCluster[];
  index: FleetCa[];
  /** True until every tenant answered and every cluster's CAs are decoded. */
  loading: boolean;
  now: Date;
  refresh(): void;
}

export const FleetContext = createContext<FleetApi | null>(null);

export function useFleet(): FleetApi {
  const fleet = useContext(FleetContext);
  if (!fleet) throw new Error('useFleet must be used inside <FleetRoot>');
  return fleet;
}
