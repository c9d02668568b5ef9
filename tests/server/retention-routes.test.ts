import ExcelJS from 'exceljs';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import { aDpo, aNewIncident, anEvent } from '../support/incident-mother';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let stores: SqliteStores;

async function aClosed(closedAt: string, title: string) {
  const { incident } = await stores.incidents.create(
    aNewIncident({ title, status: 'closed', closedAt, closedBy: aDpo, nextReminderAt: null }),
    anEvent(),
  );
  return incident;
}

beforeEach(async () => {
  stores = SqliteStores.open(':memory:');
  server = await startTestServer({
    stores,
    env: { NODE_ENV: 'test', RETENTION_YEARS: '3' },
    clock: { now: () => new Date('2026-12-02T09:00:00.000Z') },
  });
});

afterEach(async () => {
  await server.close();
  await stores.close();
});

describe('the retention routes', () => {
  it('list what is due, prepare a run, give both exports, and cull after the confirmed count', async () => {
    const old = await aClosed('2020-03-01T10:00:00.000Z', 'Gammal incident');
    const recent = await aClosed('2025-03-01T10:00:00.000Z', 'Ny incident');

    const overview = await server.call('GET', '/api/retention');
    expect(overview.status).toBe(200);
    expect(overview.body).toMatchObject({
      policy: { kind: 'cull', decision: 'RETENTION_YEARS=3, RETENTION_FROM=closure, RETENTION_SCOPE=whole' },
      due: [{ number: old.number, closedAt: '2020-03-01T10:00:00.000Z', dueAt: '2023-03-01T10:00:00.000Z' }],
      run: null,
    });

    const prepared = await server.call('POST', '/api/retention/runs', {});
    expect(prepared.status).toBe(201);
    const run = prepared.body.run;
    expect(run.items.map((i: { number: string }) => i.number)).toEqual([old.number]);

    const early = await server.call('POST', `/api/retention/runs/${run.id}/cull`, { confirm: 1 });
    expect([early.status, early.body.error.code]).toEqual([409, 'invalid_state']);

    const xlsx = await fetch(`${server.url}/api/retention/runs/${run.id}/export?kind=xlsx`);
    expect(xlsx.headers.get('content-disposition')).toMatch(/attachment; filename="pui-gallring-2026-12-02-.+\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].getRow(2).getCell(1).value).toBe('Gammal incident');
    expect(workbook.worksheets[0].rowCount).toBe(2);
    const audit = await server.call('GET', `/api/retention/runs/${run.id}/export?kind=audit`);
    expect(audit.headers.get('content-disposition')).toContain('-handelser.json');
    expect(audit.body.incidents).toMatchObject([{ number: old.number, events: [{ type: 'reported' }] }]);

    const wrong = await server.call('POST', `/api/retention/runs/${run.id}/cull`, { confirm: 2 });
    expect([wrong.status, wrong.body.error.issues[0].code]).toEqual([400, 'count_mismatch']);
    const english = await server.call('POST', `/api/retention/runs/${run.id}/cull`, {}, { 'accept-language': 'en' });
    expect(english.body.error.issues[0].message).toBe(
      'Confirm the cull by giving the number of incidents to be culled.',
    );

    const culled = await server.call('POST', `/api/retention/runs/${run.id}/cull`, { confirm: 1 });
    expect([culled.status, culled.body]).toEqual([200, { runId: run.id, culled: [old.number], skipped: [] }]);
    expect((await stores.incidents.get(old.id))?.retention?.scope).toBe('whole');
    expect((await stores.incidents.get(recent.id))?.retention).toBeUndefined();
    expect((await server.call('GET', '/api/retention')).body).toMatchObject({ due: [], run: null });
    // The export was recorded in the access log (no content).
    await server.access.flush();
    const exports = await stores.accessLog.listExports();
    expect(exports.items.map((r) => r.view)).toEqual(['retention-export', 'retention-export']);
    expect(server.logLines.join('\n')).not.toContain('Gammal incident');
  });

  it('refuses a reporter and a bad date, and answers no run when nothing is due', async () => {
    const reporter = { 'x-dev-role': 'reporter' };
    expect((await server.call('GET', '/api/retention', undefined, reporter)).status).toBe(403);
    expect((await server.call('POST', '/api/retention/runs', {}, reporter)).status).toBe(403);
    const bad = await server.call('GET', '/api/retention?asOf=1%20juni');
    expect([bad.status, bad.body.error.issues[0].field]).toEqual([400, 'asOf']);
    const none = await server.call('POST', '/api/retention/runs', {});
    expect([none.status, none.body]).toEqual([200, { run: null }]);
    const unknown = await server.call('POST', '/api/retention/runs/nope/cull', { confirm: 1 });
    expect(unknown.status).toBe(404);
  });
});
