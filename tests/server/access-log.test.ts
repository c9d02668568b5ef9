import { startTestServer, type TestServer } from '../support/test-server';

const report = {
  title: 'Utredning skickad till fel mottagare 19121212-1212',
  description: 'En utredning om ett barn skickades till en extern mottagare med liknande namn.',
  discoveredAt: new Date().toISOString(),
};
const anna = { 'x-dev-role': 'reporter', 'x-dev-user': 'anna' };
// The local profile's DPO is always the dev identity.
const dpo = { 'x-dev-role': 'dpo' };

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

describe('who read what', () => {
  it('records each opening of an incident, the reporter’s own too, and shows them to the DPO newest first', async () => {
    const created = await server.call('POST', '/api/incidents', report, anna);
    const id = created.body.id as string;
    expect((await server.call('GET', `/api/incidents/${id}`, undefined, anna)).status).toBe(200);
    expect((await server.call('GET', `/api/incidents/${created.body.number}`, undefined, dpo)).status).toBe(200);

    const log = await server.call('GET', `/api/incidents/${id}/access-log`, undefined, dpo);

    expect(log.status).toBe(200);
    expect(
      log.body.items.map((r: { actorId: string; actorRole: string; view: string; incidentId: string }) => [
        r.actorId,
        r.actorRole,
        r.view,
        r.incidentId,
      ]),
    ).toEqual([
      ['dev-user', 'dpo', 'incident-details', id],
      ['anna', 'reporter', 'incident-details', id],
    ]);
    expect(log.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses the access log to a reporter, even of their own report', async () => {
    const created = await server.call('POST', '/api/incidents', report, anna);

    const res = await server.call('GET', `/api/incidents/${created.body.id}/access-log`, undefined, anna);

    expect([res.status, res.body.error.code]).toEqual([403, 'forbidden']);
  });

  it('answers 404 for the access log of an incident that does not exist', async () => {
    const res = await server.call(
      'GET',
      '/api/incidents/3f1c2d9a-1111-2222-3333-444455556666/access-log',
      undefined,
      dpo,
    );
    expect(res.status).toBe(404);
  });

  it('records a register export by its name, and no content of any incident reaches the log', async () => {
    const created = await server.call('POST', '/api/incidents', report, anna);
    await server.call('GET', `/api/incidents/${created.body.id}`, undefined, dpo);
    expect((await server.call('GET', '/api/register/export?format=csv', undefined, dpo)).status).toBe(200);
    await server.access.flush();

    const exports = await server.accessLog.listExports();
    expect(exports.items.map((r) => [r.actorId, r.view, r.target, r.incidentId])).toEqual([
      ['dev-user', 'register-export', 'register.csv', null],
    ]);
    const everything = JSON.stringify([exports.items, (await server.accessLog.listForIncident(created.body.id)).items]);
    expect(everything).not.toMatch(/Utredning|1212|barn|mottagare/);
  });

  it('records a download of the IMY notice text as a document read, by its name', async () => {
    const created = await server.call('POST', '/api/incidents', report, anna);
    expect((await server.call('GET', `/api/incidents/${created.body.id}/notice?kind=imy`, undefined, dpo)).status).toBe(
      200,
    );

    const log = await server.call('GET', `/api/incidents/${created.body.id}/access-log`, undefined, dpo);

    expect(log.body.items.map((r: { view: string; target: string }) => [r.view, r.target])).toEqual([
      ['document', 'imy-notice'],
    ]);
  });
});
