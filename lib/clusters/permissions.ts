/**
 * Whether the caller's effective permissions on a scope allow an action, evaluated as ARM RBAC does for
 * "Permissions – List For Resource" (azure-facts §13): each entry is one role's `actions` minus its `notActions`,
 * and the caller may do what any entry allows. `*` matches any run of characters (slashes included), and actions
 * compare case-insensitively. Deny assignments are not in that list; ARM still checks them at write time. Pure.
 */
import { z } from 'zod';

/** The cluster write a CA change needs. */
export const CLUSTER_WRITE_ACTION = 'Microsoft.ContainerService/managedClusters/write';

const actionPattern = z.string().min(1).max(512);

/** One entry of `{"value":[…]}` (data actions are not about ARM writes and are ignored). */
export const permissionSchema = z.object({
  actions: z.array(actionPattern).max(10_000).default([]),
  notActions: z.array(actionPattern).max(10_000).default([]),
});
export type Permission = z.output<typeof permissionSchema>;

export const permissionListSchema = z.object({
  value: z.array(permissionSchema).max(10_000),
  nextLink: z.string().nullish(),
});

function patternToRegExp(pattern: string): RegExp {
  const source = pattern
    .trim()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i');
}

export function actionMatches(pattern: string, action: string): boolean {
  return patternToRegExp(pattern).test(action.trim());
}

export function isActionAllowed(permissions: readonly Permission[], action: string): boolean {
  return permissions.some(
    (entry) =>
      entry.actions.some((pattern) => actionMatches(pattern, action)) &&
      !entry.notActions.some((pattern) => actionMatches(pattern, action)),
  );
}
