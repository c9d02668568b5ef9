import { isDpo, rolesOf, type RolePolicy } from '../../src/domain';

const policy: RolePolicy = { dpoUserIds: ['oid-dag'], dpoGroupIds: ['group-dpo'], adminUserIds: ['oid-ada'] };
const nobody = { groupIds: [] as string[], appRoles: [] as string[] };

describe('rolesOf', () => {
  it('makes everyone a reporter and nothing more by default', () => {
    expect(rolesOf({ userId: 'oid-anna', ...nobody }, policy)).toEqual(['reporter']);
  });

  it.each([
    ['a configured user id', { userId: 'oid-dag', ...nobody }],
    ['a configured group', { userId: 'oid-gun', groupIds: ['group-other', 'group-dpo'], appRoles: [] }],
    ['the DPO app role', { userId: 'oid-dora', groupIds: [], appRoles: ['DPO'] }],
    ['the PUI.DPO app role, in any case', { userId: 'oid-dora', groupIds: [], appRoles: ['pui.dpo'] }],
  ])('makes a DPO by %s', (_way, facts) => {
    expect(rolesOf(facts, policy)).toEqual(['reporter', 'dpo']);
  });

  it('makes an admin by user id or the Admin app role, and lets admins act as DPO', () => {
    const byId = rolesOf({ userId: 'oid-ada', ...nobody }, policy);
    const byRole = rolesOf({ userId: 'oid-alf', groupIds: [], appRoles: ['Admin'] }, policy);
    expect([byId, byRole]).toEqual([
      ['reporter', 'admin'],
      ['reporter', 'admin'],
    ]);
    expect(isDpo({ id: 'oid-ada', name: 'Ada', roles: byId })).toBe(true);
  });

  it('does not count other groups, other app roles or look-alikes', () => {
    expect(
      rolesOf({ userId: 'oid-erik', groupIds: ['group-other'], appRoles: ['Reader', 'DPOs', 'XDPO'] }, policy),
    ).toEqual(['reporter']);
  });
});
