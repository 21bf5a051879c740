/**
 * The built-in role definitions the emulator's personas hold, as "Permissions – List For Resource" reports them
 * (azure-facts §13). Contributor's notActions as Azure's built-in definition lists them.
 */
import type { RoleName } from '../../directory';

export interface Permission {
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
}

const CONTRIBUTOR_NOT_ACTIONS = [
  'Microsoft.Authorization/*/Delete',
  'Microsoft.Authorization/*/Write',
  'Microsoft.Authorization/elevateAccess/Action',
  'Microsoft.Blueprint/blueprintAssignments/write',
  'Microsoft.Blueprint/blueprintAssignments/delete',
  'Microsoft.Compute/galleries/share/action',
  'Microsoft.Purview/consents/write',
  'Microsoft.Purview/consents/delete',
  'Microsoft.Resources/deploymentStacks/manageDenySetting/action',
  'Microsoft.Subscription/cancel/action',
  'Microsoft.Subscription/enable/action',
];

export const ROLE_PERMISSIONS: Record<RoleName, Permission> = {
  Owner: { actions: ['*'], notActions: [], dataActions: [], notDataActions: [] },
  Contributor: { actions: ['*'], notActions: CONTRIBUTOR_NOT_ACTIONS, dataActions: [], notDataActions: [] },
  Reader: { actions: ['*/read'], notActions: [], dataActions: [], notDataActions: [] },
};
