/** Role-based access from directory.ts role assignments (plus generated ones for fleets), by object id. */
import { findPersonaByObjectId, type RoleAssignment, type RoleName } from '../../directory';
import type { ExtraRoleAssignment } from '../state/types';

const RANK: Record<RoleName, number> = { Reader: 1, Contributor: 2, Owner: 3 };

export function assignmentsFor(objectId: string, extra: readonly ExtraRoleAssignment[]): RoleAssignment[] {
  const persona = findPersonaByObjectId(objectId);
  const wanted = objectId.toLowerCase();
  return [
    ...(persona?.roleAssignments ?? []),
    ...extra.filter((a) => a.objectId.toLowerCase() === wanted).map(({ scope, role }) => ({ scope, role })),
  ];
}

/** True when `scope` is `parent` or lies below it (segment boundary, case-insensitive). */
export function isWithin(scope: string, parent: string): boolean {
  const s = scope.toLowerCase().replace(/\/+$/, '');
  const p = parent.toLowerCase().replace(/\/+$/, '');
  return s === p || s.startsWith(`${p}/`);
}

/** The strongest role that applies at `scope` (an assignment at or above it), if any. */
export function roleAt(assignments: RoleAssignment[], scope: string): RoleName | undefined {
  let best: RoleName | undefined;
  for (const a of assignments) {
    if (isWithin(scope, a.scope) && (!best || RANK[a.role] > RANK[best])) best = a.role;
  }
  return best;
}

export function canWrite(role: RoleName | undefined): boolean {
  return role === 'Owner' || role === 'Contributor';
}

/** Subscriptions in which the caller holds any role (at the subscription or any narrower scope). */
export function hasAnyRoleIn(assignments: RoleAssignment[], subscriptionId: string): boolean {
  return assignments.some((a) => isWithin(a.scope, `/subscriptions/${subscriptionId}`));
}
