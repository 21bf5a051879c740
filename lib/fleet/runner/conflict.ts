/**
 * What deps.apply throws when the cluster's bundle is not the plan's `before` (the fresh read right before the PUT):
 * nothing was written. It carries what the cluster holds, so the runner can tell "already applied elsewhere" (it
 * holds `after`) from a real conflict. Pure.
 */
export const FLEET_CONFLICT_CODE = 'FleetConflict';

export class FleetConflict extends Error {
  readonly code = FLEET_CONFLICT_CODE;
  constructor(
    message: string,
    /** sha256 of the cluster's caBundle as the fresh read found it, in ARM's order. */
    readonly current: string[],
    /** The cluster's provisioningState at that read. */
    readonly provisioningState: string,
  ) {
    super(message);
    this.name = 'FleetConflict';
  }
}

export function isFleetConflict(error: unknown): error is FleetConflict {
  return error instanceof FleetConflict;
}
