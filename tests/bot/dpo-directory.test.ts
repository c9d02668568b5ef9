import { dpoDirectory } from '../../bot/dpo-directory';
import { graphDirectory, GraphLookupError } from '../../bot/graph-directory';
import { createLogger } from '../../src/server/logger';
import { startDirectoryDouble, type DirectoryDouble } from '../support/directory-double';

const logger = createLogger('silent');
const API_APP_ID = '99999999-8888-7777-6666-555555555555';
const SP_ID = 'sp-pui-desk';
const DPO_ROLE = 'f83d002e-9b6f-4c0a-9703-06fb20e85bcc';
const ADMIN_ROLE = '463898af-44f3-49b8-b5fe-1992b15e36a4';
const token = { getToken: async () => ({ token: 'app-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };

describe('dpoDirectory', () => {
  it('makes everyone a DPO in the local profile', async () => {
    const directory = dpoDirectory({ profile: 'local', dpoUserIds: [], dpoGroupIds: [] }, logger);
    expect(await directory.rolesOf('anyone')).toEqual(['reporter', 'dpo']);
  });

  it('knows DPOs and admins by Entra object id without asking anyone', async () => {
    const directory = dpoDirectory(
      { profile: 'entra', dpoUserIds: ['aad-dana'], dpoGroupIds: [], adminUserIds: ['aad-admin'] },
      logger,
      {
        appRoles: async () => {
          throw new Error('not asked for a DPO by id');
        },
      },
    );
    expect(await directory.rolesOf('aad-dana')).toEqual(['reporter', 'dpo']);
    expect(await directory.rolesOf(undefined)).toEqual(['reporter']);
  });

  it('knows DPOs by group and by app role, asking once per five minutes per person', async () => {
    const asked: string[] = [];
    let now = 0;
    const directory = dpoDirectory(
      { profile: 'entra', dpoUserIds: [], dpoGroupIds: ['group-dpo'] },
      logger,
      {
        memberGroups: async (user, groups) => {
          asked.push(`groups:${user}`);
          return user === 'aad-dana' ? [...groups] : [];
        },
        appRoles: async (user) => {
          asked.push(`roles:${user}`);
          return user === 'aad-dora' ? ['DPO'] : [];
        },
      },
      () => now,
    );
    expect(await directory.rolesOf('aad-dana')).toEqual(['reporter', 'dpo']);
    expect(await directory.rolesOf('aad-dana')).toEqual(['reporter', 'dpo']);
    expect(await directory.rolesOf('aad-dora')).toEqual(['reporter', 'dpo']);
    expect(await directory.rolesOf('aad-erik')).toEqual(['reporter']);
    expect(asked).toEqual([
      'groups:aad-dana',
      'roles:aad-dana',
      'groups:aad-dora',
      'roles:aad-dora',
      'groups:aad-erik',
      'roles:aad-erik',
    ]);
    now += 5 * 60_000 + 1;
    await directory.rolesOf('aad-dana');
    expect(asked.slice(6)).toEqual(['groups:aad-dana', 'roles:aad-dana']);
  });

  it('grants nothing from a lookup that fails, and asks again next time', async () => {
    let fail = true;
    const directory = dpoDirectory({ profile: 'entra', dpoUserIds: [], dpoGroupIds: ['group-dpo'] }, logger, {
      memberGroups: async (_user, groups) => {
        if (fail) throw new Error('Graph is down');
        return [...groups];
      },
    });
    expect(await directory.rolesOf('aad-dana')).toEqual(['reporter']);
    fail = false;
    expect(await directory.rolesOf('aad-dana')).toEqual(['reporter', 'dpo']);
  });
});

describe('graphDirectory against a Graph double', () => {
  let graph: DirectoryDouble;
  beforeEach(async () => {
    graph = await startDirectoryDouble({
      app: {
        appId: API_APP_ID,
        servicePrincipalId: SP_ID,
        appRoles: [
          { id: DPO_ROLE, value: 'DPO' },
          { id: ADMIN_ROLE, value: 'Admin' },
        ],
      },
      pageSize: 2,
    });
  });
  afterEach(async () => {
    await graph.close();
  });
  const lookup = () =>
    graphDirectory(
      { tenantId: 't', clientId: 'c', clientSecret: 's', graphBaseUrl: graph.url, appRolesAppId: API_APP_ID },
      fetch,
      token,
    );

  it('asks checkMemberGroups which of the DPO groups the user is in', async () => {
    graph.addMember('group-dpo', 'aad-gun');
    expect(await lookup().memberGroups!('aad-gun', ['group-dpo', 'group-other'])).toEqual(['group-dpo']);
    expect(await lookup().memberGroups!('aad-erik', ['group-dpo'])).toEqual([]);
    expect(graph.requests).toContain('POST /v1.0/users/aad-gun/checkMemberGroups');
  });

  it("reads the user's app roles of our service principal only, through every page", async () => {
    graph.assignAppRole('aad-dora', 'some-other-role', 'sp-another-app');
    graph.assignAppRole('aad-dora', DPO_ROLE, 'sp-another-app');
    graph.assignAppRole('aad-dora', ADMIN_ROLE);
    graph.assignAppRole('aad-dora', DPO_ROLE);
    const directory = lookup();
    expect((await directory.appRoles!('aad-dora')).sort()).toEqual(['Admin', 'DPO']);
    expect(await directory.appRoles!('aad-erik')).toEqual([]);
    // The service principal is read once per process.
    expect(graph.requests.filter((r) => r.startsWith('GET /v1.0/servicePrincipals'))).toHaveLength(1);
  });

  it('fails with the status of a Graph error rather than guessing', async () => {
    graph.failNext(/appRoleAssignments/, 403);
    await expect(lookup().appRoles!('aad-dora')).rejects.toThrow(GraphLookupError);
    graph.failNext(/checkMemberGroups/, 403);
    await expect(lookup().memberGroups!('aad-dora', ['g'])).rejects.toThrow('HTTP 403');
  });

  it('offers no app-role lookup without the app registration to read them from', () => {
    expect(
      graphDirectory({ tenantId: 't', clientId: 'c', clientSecret: 's', graphBaseUrl: graph.url }, fetch, token)
        .appRoles,
    ).toBeUndefined();
  });
});
