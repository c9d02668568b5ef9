/**
 * The bot decides who is a DPO by the same rule as the API (src/domain/roles.ts): by user id, by
 * a DPO group, or by the DPO app role; the groups and app roles come from a Graph double through
 * the real Graph lookup.
 */
import { graphDirectory } from '../../bot/graph-directory';
import type { Incident } from '../../src/domain';
import { startDirectoryDouble, type DirectoryDouble } from '../support/directory-double';
import {
  anna,
  dana,
  erik,
  findExecute,
  responseCard,
  startHarness,
  validForm,
  type Harness,
  type TestUser,
} from './support/bot-harness';

const API_APP_ID = '99999999-8888-7777-6666-555555555555';
const DPO_ROLE = 'f83d002e-9b6f-4c0a-9703-06fb20e85bcc';
const gun: TestUser = { id: '29:gun', aadObjectId: 'aad-gun', name: 'Gun Gruppmedlem' };
const dora: TestUser = { id: '29:dora', aadObjectId: 'aad-dora', name: 'Dora Approll' };
const token = { getToken: async () => ({ token: 'app-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };

describe('who may act on the DPO card', () => {
  let graph: DirectoryDouble;
  let h: Harness;

  beforeEach(async () => {
    graph = await startDirectoryDouble({
      app: { appId: API_APP_ID, servicePrincipalId: 'sp-pui', appRoles: [{ id: DPO_ROLE, value: 'DPO' }] },
    });
    graph.addMember('group-dpo', gun.aadObjectId);
    graph.assignAppRole(dora.aadObjectId, DPO_ROLE);
    h = await startHarness({
      config: {
        profile: 'entra',
        botAppId: '00000000-0000-0000-0000-0000000000b0',
        botPassword: 'not-a-real-secret',
        dpoUserIds: [dana.aadObjectId],
        dpoGroupIds: ['group-dpo'],
        appRolesAppId: API_APP_ID,
      },
      directoryLookup: graphDirectory(
        { tenantId: 't', clientId: 'c', clientSecret: 's', graphBaseUrl: graph.url, appRolesAppId: API_APP_ID },
        fetch,
        token,
      ),
    });
    await h.say('<at>PUI Desk</at> ställ in dpo-kanal', dana, 'dpo-channel');
  });
  afterEach(async () => {
    await h.close();
    await graph.close();
  });

  async function reported(): Promise<Incident> {
    const reportId = `report-${Math.random().toString(36).slice(2, 12)}`;
    await h.execute({ verb: 'report.submit', reportId }, validForm(), anna, 'personal');
    await h.drain();
    return (await h.store.getByReportId(reportId))!;
  }

  async function take(user: TestUser, incident: Incident) {
    const post = h.gateway.posts.find((p) => JSON.stringify(p.content).includes(incident.id))!;
    return h.execute(findExecute(post.content, 'incident.take')!.data, {}, user, 'dpo-channel');
  }

  it.each([
    ['a configured user id (DPO_USER_IDS)', dana],
    ['a DPO group (DPO_GROUP_IDS, checkMemberGroups)', gun],
    ['the DPO app role (appRoleAssignments)', dora],
  ])('lets a DPO by %s take the incident', async (_way, user) => {
    const incident = await reported();
    const response = responseCard(await take(user, incident));
    expect(JSON.stringify(response)).toContain('Du är nu ansvarig för incidenten.');
    expect((await h.store.get(incident.id))?.owner).toEqual({ id: user.aadObjectId, name: user.name });
  });

  it('refuses someone who is none of these, and changes nothing', async () => {
    const incident = await reported();
    expect(await take(erik, incident)).toMatchObject({ value: 'Bara dataskyddsombudet kan ändra en incident.' });
    expect((await h.store.get(incident.id))?.owner).toBeUndefined();
  });

  it('refuses a DPO by app role while Graph cannot answer (fails closed), and lets them once it can', async () => {
    const incident = await reported();
    graph.failNext(/appRoleAssignments/, 503);
    expect(await take(dora, incident)).toMatchObject({ value: 'Bara dataskyddsombudet kan ändra en incident.' });
    expect((await h.store.get(incident.id))?.owner).toBeUndefined();
    expect(JSON.stringify(responseCard(await take(dora, incident)))).toContain('Du är nu ansvarig för incidenten.');
  });
});
