import { describe, expect, it } from 'vitest';
import { actionMatches, CLUSTER_WRITE_ACTION, isActionAllowed, permissionListSchema } from './permissions';

const OWNER = { actions: ['*'], notActions: [] };
const CONTRIBUTOR = {
  actions: ['*'],
  notActions: [
    'Microsoft.Authorization/*/Delete',
    'Microsoft.Authorization/*/Write',
    'Microsoft.Authorization/elevateAccess/Action',
    'Microsoft.Blueprint/blueprintAssignments/write',
  ],
};
const READER = { actions: ['*/read'], notActions: [] };

describe('actionMatches', () => {
  it('matches wildcards anywhere, across slashes, case-insensitively', () => {
    expect(actionMatches('*', CLUSTER_WRITE_ACTION)).toBe(true);
    expect(actionMatches('Microsoft.ContainerService/*', CLUSTER_WRITE_ACTION)).toBe(true);
    expect(actionMatches('microsoft.containerservice/managedclusters/WRITE', CLUSTER_WRITE_ACTION)).toBe(true);
    expect(actionMatches('Microsoft.ContainerService/*/write', CLUSTER_WRITE_ACTION)).toBe(true);
    expect(actionMatches('*/read', CLUSTER_WRITE_ACTION)).toBe(false);
    expect(actionMatches('*/read', 'Microsoft.ContainerService/managedClusters/read')).toBe(true);
    expect(actionMatches('Microsoft.Authorization/*/Write', 'Microsoft.Authorization/roleAssignments/write')).toBe(
      true,
    );
  });

  it('takes every other character literally (a dot is not "any character")', () => {
    expect(
      actionMatches(
        'Microsoft.ContainerService/managedClusters/write',
        'MicrosoftXContainerService/managedClusters/write',
      ),
    ).toBe(false);
    expect(actionMatches('Microsoft.ContainerService/managedClusters/write', `${CLUSTER_WRITE_ACTION}/extra`)).toBe(
      false,
    );
    expect(actionMatches('(a|b)', 'a')).toBe(false);
  });
});

describe('isActionAllowed', () => {
  it('Owner and Contributor may write the cluster; Reader may not; nobody with no entry', () => {
    expect(isActionAllowed([OWNER], CLUSTER_WRITE_ACTION)).toBe(true);
    expect(isActionAllowed([CONTRIBUTOR], CLUSTER_WRITE_ACTION)).toBe(true);
    expect(isActionAllowed([READER], CLUSTER_WRITE_ACTION)).toBe(false);
    expect(isActionAllowed([], CLUSTER_WRITE_ACTION)).toBe(false);
  });

  it("an entry's notActions only take away from that entry: another role may still grant the action", () => {
    const noClusterWrite = {
      actions: ['Microsoft.ContainerService/*'],
      notActions: ['Microsoft.ContainerService/managedClusters/*'],
    };
    expect(isActionAllowed([noClusterWrite], CLUSTER_WRITE_ACTION)).toBe(false);
    expect(isActionAllowed([noClusterWrite], 'Microsoft.ContainerService/snapshots/write')).toBe(true);
    expect(isActionAllowed([noClusterWrite, READER], CLUSTER_WRITE_ACTION)).toBe(false);
    expect(
      isActionAllowed(
        [noClusterWrite, { actions: ['microsoft.containerservice/managedclusters/write'], notActions: [] }],
        CLUSTER_WRITE_ACTION,
      ),
    ).toBe(true);
  });

  it('Contributor may not write role assignments (notActions with a wildcard in the middle)', () => {
    expect(isActionAllowed([CONTRIBUTOR], 'Microsoft.Authorization/roleAssignments/write')).toBe(false);
    expect(isActionAllowed([CONTRIBUTOR, OWNER], 'Microsoft.Authorization/roleAssignments/write')).toBe(true);
  });
});

describe('permissionListSchema', () => {
  it('reads ARM’s body, with missing lists as empty and data actions ignored', () => {
    const parsed = permissionListSchema.parse({
      value: [
        { actions: ['*/read'], dataActions: [], notDataActions: [] },
        { actions: ['*'], notActions: ['Microsoft.Authorization/*/Write'] },
      ],
    });
    expect(parsed.value).toEqual([
      { actions: ['*/read'], notActions: [] },
      { actions: ['*'], notActions: ['Microsoft.Authorization/*/Write'] },
    ]);
    expect(permissionListSchema.safeParse({ value: [{ actions: 'all' }] }).success).toBe(false);
  });
});
