import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppStateStore, Caller } from '../../src/domain';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import { countSendCheckEvent, readSendCheckCounts } from '../../src/use-cases';
import { GraphDouble } from '../support/graph-double';
import { openOnNewSite, openOnSite } from '../store/support/sharepoint-fixture';

const DPO: Caller = { id: 'dpo-1', name: 'Dataskyddsombud', roles: ['dpo'] };
const REPORTER: Caller = { id: 'r-1', name: 'Handläggare', roles: ['reporter'] };
const clock = { now: () => new Date('2026-12-03T09:00:00Z') };

/** `n` increments of `kind` in parallel, spread round-robin over the stores (several server instances). */
function parallel(stores: AppStateStore[], n: number, kind: 'fired' | 'changed' | 'sent-anyway', month = '2026-12') {
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      countSendCheckEvent({ appState: stores[i % stores.length], clock }, { month, kind }),
    ),
  );
}

async function december(appState: AppStateStore) {
  const months = await readSendCheckCounts({ appState, clock }, DPO, { from: '2026-11', to: '2026-12' });
  return months;
}

describe('the send check counters on SQLite', () => {
  let dir: string;
  let a: SqliteStores;
  let b: SqliteStores;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pui-sendcheck-'));
    // Two connections to one file: two server instances on one database.
    a = SqliteStores.open(path.join(dir, 'pui.db'));
    b = SqliteStores.open(path.join(dir, 'pui.db'));
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts 20 parallel increments from two instances exactly, per kind and month', async () => {
    // The increments race (each reads before the others write): the conflicts are retried, not lost.
    let conflicts = 0;
    for (const store of [a.appState, b.appState]) {
      const put = store.putState.bind(store);
      store.putState = (async (...args: Parameters<typeof put>) =>
        put(...args).catch((error: unknown) => {
          conflicts++;
          throw error;
        })) as typeof store.putState;
    }
    await Promise.all([
      parallel([a.appState, b.appState], 20, 'fired'),
      parallel([b.appState, a.appState], 7, 'changed'),
      parallel([a.appState, b.appState], 3, 'sent-anyway'),
    ]);
    expect(conflicts).toBeGreaterThan(0);
    await countSendCheckEvent({ appState: a.appState, clock }, { month: '2026-11', kind: 'fired' });
    expect(await december(b.appState)).toEqual([
      { month: '2026-11', fired: 1, changed: 0, sentAnyway: 0, sentAnywayAtMost: 1 },
      { month: '2026-12', fired: 20, changed: 7, sentAnyway: 3, sentAnywayAtMost: 13 },
    ]);
  });

  it('refuses bad input with a code and counts nothing', async () => {
    const bad: [unknown, string][] = [
      [{ month: '2026-12', kind: 'fired', subject: 'Beslut' }, 'unknown_field'],
      [{ month: '2026-12', kind: 'sent' }, 'invalid_kind'],
      [{ month: '2026-13', kind: 'fired' }, 'invalid_month'],
      [{ month: '2027-02', kind: 'fired' }, 'month_out_of_range'],
      [{ month: '2025-11', kind: 'fired' }, 'month_out_of_range'],
      [['2026-12', 'fired'], 'not_an_object'],
    ];
    for (const [body, code] of bad) {
      await expect(countSendCheckEvent({ appState: a.appState, clock }, body)).rejects.toMatchObject({
        issues: [expect.objectContaining({ code })],
      });
    }
    expect(await a.appState.getState('send-check-count:2026-12')).toBeUndefined();
    expect((await december(a.appState)).map((m) => m.fired + m.changed)).toEqual([0, 0]);
  });

  it('lets only the DPO read the counts', async () => {
    await expect(readSendCheckCounts({ appState: a.appState, clock }, REPORTER, {})).rejects.toMatchObject({
      code: 'forbidden',
    });
    const twelve = await readSendCheckCounts({ appState: a.appState, clock }, DPO, {});
    expect(twelve.map((m) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
  });
});

describe('the send check counters on SharePoint (Graph double)', () => {
  let double: GraphDouble;
  beforeAll(async () => {
    double = await GraphDouble.start();
  });
  afterAll(async () => {
    await double.close();
  });

  it('counts 20 parallel increments from two instances exactly through If-Match conflicts', async () => {
    const first = await openOnNewSite(double);
    const second = await openOnSite(double, first.siteId);
    try {
      await parallel([first.appState, second.appState], 20, 'fired');
      await parallel([second.appState, first.appState], 5, 'changed');
      expect((await december(first.appState))[1]).toEqual({
        month: '2026-12',
        fired: 20,
        changed: 5,
        sentAnyway: 0,
        sentAnywayAtMost: 15,
      });
    } finally {
      await first.stores.close();
      await second.stores.close();
    }
  });
});
