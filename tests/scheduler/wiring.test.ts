import { ConfigError, loadConfig } from '../../src/config';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import { outboxFor, type OutboxEntry } from '../../src/use-cases';
import { aNewIncident, anEvent } from '../support/incident-mother';
import { startTestServer, type TestServer } from '../support/test-server';

describe('the scheduler settings', () => {
  it('ticks every 60 s by default and chases DPO_USER_IDS when DPO_MENTIONS is not set', () => {
    const config = loadConfig({ DPO_USER_IDS: 'aad-1, aad-2' });
    expect(config.reminders).toEqual({
      intervalSeconds: 60,
      dpoMentions: [
        { id: 'aad-1', name: 'Dataskyddsombud' },
        { id: 'aad-2', name: 'Dataskyddsombud' },
      ],
    });
  });

  it('reads DPO_MENTIONS as objectId=Display Name pairs, the name optional', () => {
    const config = loadConfig({ DPO_MENTIONS: 'aad-1=Dana Dataskydd, aad-2', SCHEDULER_INTERVAL_SECONDS: '30' });
    expect(config.reminders).toEqual({
      intervalSeconds: 30,
      dpoMentions: [
        { id: 'aad-1', name: 'Dana Dataskydd' },
        { id: 'aad-2', name: 'Dataskyddsombud' },
      ],
    });
  });

  it('refuses a negative interval and a mention without an id, naming the variable', () => {
    expect(() => loadConfig({ SCHEDULER_INTERVAL_SECONDS: '-1' })).toThrow(/SCHEDULER_INTERVAL_SECONDS/);
    expect(() => loadConfig({ DPO_MENTIONS: '=Dana' })).toThrow(ConfigError);
    expect(() => loadConfig({ DPO_MENTIONS: '=Dana' })).toThrow(/DPO_MENTIONS/);
  });
});

describe('startServer and the scheduler', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('starts the scheduler with the bot: it ticks at once and queues what is due', async () => {
    const stores = SqliteStores.open(':memory:');
    const store = stores.incidents;
    const { incident } = await store.create(aNewIncident({ discoveredAt: '2026-11-18T08:00:00.000Z' }), anEvent());
    const clock = { now: () => new Date('2026-11-19T08:00:30.000Z') }; // 48 h left
    server = await startTestServer({ stores, clock });
    expect(server.scheduler).toBeDefined();
    // The first tick runs as the server starts; wait for it (bounded).
    let pending: OutboxEntry[] = [];
    for (let i = 0; i < 200 && !pending.some((e) => e.kind === 'reminder'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      pending = await outboxFor(stores.appState, clock).pending();
    }
    expect(pending).toContainEqual(
      expect.objectContaining({ key: `reminder:${incident.id}`, slot: '2026-11-19T08:00:00.000Z' }),
    );
    await server.close();
    server = undefined;
    await stores.close();
  });

  it('runs no scheduler when SCHEDULER_INTERVAL_SECONDS is 0', async () => {
    server = await startTestServer({ env: { NODE_ENV: 'test', SCHEDULER_INTERVAL_SECONDS: '0' } });
    expect(server.scheduler).toBeUndefined();
  });
});

describe('POST /api/incidents/:id/imy-supplement', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('records the supplement of a phased notice once; GET shows what is owed until then', async () => {
    const now = new Date().toISOString();
    const created = (
      await server.call('POST', '/api/incidents', {
        title: 'Brev till fel adress',
        description: 'Ett beslut skickades till en gammal adress.',
        discoveredAt: now,
      })
    ).body;
    await server.call('POST', `/api/incidents/${created.id}/imy-notice`, { notifiedAt: now, phased: true });
    const owed = await server.call('GET', `/api/incidents/${created.number}`);
    expect(owed.body.supplementDueAt).toBe(new Date(Date.parse(now) + 28 * 24 * 3600_000).toISOString());
    expect(owed.body.incident.nextReminderAt).toBe(new Date(Date.parse(now) + 21 * 24 * 3600_000).toISOString());

    const recorded = await server.call(
      'POST',
      `/api/incidents/${created.id}/imy-supplement`,
      { sentAt: new Date().toISOString() },
      { 'if-match': owed.headers.get('etag')! },
    );
    expect(recorded.status).toBe(200);
    expect(recorded.body.imyNotice.supplementedAt).toBeDefined();
    expect(recorded.body.nextReminderAt).toBeNull();
    const details = await server.call('GET', `/api/incidents/${created.id}`);
    expect(details.body.supplementDueAt).toBeNull();
    expect(details.body.events.map((e: { type: string }) => e.type)).toEqual([
      'reported',
      'imy-notified',
      'imy-supplement-recorded',
    ]);

    const again = await server.call('POST', `/api/incidents/${created.id}/imy-supplement`, {
      sentAt: new Date().toISOString(),
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid_state');
  });

  it('refuses an incident without a phased notice (409) and a reporter (403)', async () => {
    const created = (
      await server.call('POST', '/api/incidents', {
        title: 'Brev till fel adress',
        description: 'Ett beslut skickades till en gammal adress.',
        discoveredAt: new Date().toISOString(),
      })
    ).body;
    const unphased = await server.call('POST', `/api/incidents/${created.id}/imy-supplement`, {
      sentAt: new Date().toISOString(),
    });
    expect(unphased.status).toBe(409);
    const reporter = await server.call(
      'POST',
      `/api/incidents/${created.id}/imy-supplement`,
      { sentAt: new Date().toISOString() },
      { 'x-dev-role': 'reporter' },
    );
    expect(reporter.status).toBe(403);
  });
});
