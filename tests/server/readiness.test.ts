/** `/readyz` (the store answers, the instance is not stopping) and draining on close. */
import { randomUUID } from 'node:crypto';
import type { AppStateStore } from '../../src/domain';
import { createLogger } from '../../src/server/logger';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import { readinessCheck } from '../../src/use-cases';
import { startTestServer } from '../support/test-server';

/** SQLite stores with the app state's getState made to fail or to count. */
function probedStore(behaviour: { fail?: boolean } = {}): { store: SqliteStores; reads: () => number } {
  const store = SqliteStores.open(':memory:');
  let reads = 0;
  const original = store.appState.getState.bind(store.appState);
  store.appState.getState = (async (key: string) => {
    reads += 1;
    if (behaviour.fail)
      throw Object.assign(new Error('Microsoft Graph: appState.get failed with HTTP 503.'), {
        name: 'StoreUnavailable',
      });
    return original(key);
  }) as typeof store.appState.getState;
  return { store, reads: () => reads };
}

describe('GET /readyz', () => {
  it('answers 200 ready when the store answers, and carries nothing of any incident', async () => {
    const server = await startTestServer();
    try {
      await server.call('POST', '/api/incidents', {
        title: 'Fel mottagare',
        description: 'Ett brev till fel adress.',
        discoveredAt: new Date().toISOString(),
      });
      const answer = await server.call('GET', '/readyz');
      expect(answer.status).toBe(200);
      expect(Object.keys(answer.body).sort()).toEqual(['checkedAt', 'status']);
      expect(answer.body.status).toBe('ready');
      expect(answer.headers.get('cache-control')).toBe('no-store');
    } finally {
      await server.close();
    }
  });

  it('answers 503 store_unavailable with Retry-After when the store does not answer, while /healthz stays 200', async () => {
    const { store } = probedStore({ fail: true });
    const server = await startTestServer({ stores: store });
    try {
      const ready = await server.call('GET', '/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'unavailable', code: 'store_unavailable' });
      expect(ready.headers.get('retry-after')).toBe('5');
      expect((await server.call('GET', '/healthz')).status).toBe(200);
      expect(server.logLines.join('\n')).not.toContain('503.');
    } finally {
      await server.close();
      await store.close();
    }
  });
});

describe('readinessCheck', () => {
  const deps = (stores: { appState: AppStateStore }, now: { t: number }) => ({
    appState: stores.appState,
    clock: { now: () => new Date(now.t) },
    logger: createLogger('silent'),
  });

  it('asks the store at most once per cache period, however often it is probed', async () => {
    const { store, reads } = probedStore();
    const now = { t: Date.parse('2026-12-02T10:00:00Z') };
    const check = readinessCheck(deps(store, now), 5000);
    await Promise.all([check.check(), check.check(), check.check()]);
    now.t += 4000;
    await check.check();
    expect(reads()).toBe(1);
    now.t += 2000;
    await check.check();
    expect(reads()).toBe(2);
    await store.close();
  });

  it('says stopping once the instance drains, without asking the store', async () => {
    const { store, reads } = probedStore();
    const check = readinessCheck(deps(store, { t: Date.now() }));
    check.markStopping();
    expect(await check.check()).toMatchObject({ ready: false, reason: 'stopping' });
    expect(reads()).toBe(0);
    await store.close();
  });
});

describe('closing the server (SIGTERM)', () => {
  it('finishes a report under way before it stops', async () => {
    const store = SqliteStores.open(':memory:');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const create = store.incidents.create.bind(store.incidents);
    store.incidents.create = (async (...args: Parameters<typeof create>) => {
      await held;
      return create(...args);
    }) as typeof create;
    const server = await startTestServer({ stores: store });
    const reportId = `drain-${randomUUID()}`;
    const report = server.call('POST', '/api/incidents', {
      title: 'Fel mottagare',
      description: 'Ett brev till fel adress.',
      discoveredAt: new Date().toISOString(),
      reportId,
    });
    // The request has reached the store (it waits there) before the close begins.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const closing = server.close();
    let closed = false;
    void closing.then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false);
    release();
    expect((await report).status).toBe(201);
    await closing;
    expect(closed).toBe(true);
    expect((await store.incidents.getByReportId(reportId))?.title).toBe('Fel mottagare');
    await store.close();
  });
});
