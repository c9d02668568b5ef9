import { randomUUID } from 'node:crypto';
import { accessRecord, type AccessRecord, type Caller } from '../../src/domain';
import { accessLogRetentionScheduler } from '../../src/scheduler';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import {
  ACCESS_LOG_CULL_CHUNK,
  ACCESS_LOG_CULL_EVERY_MS,
  ACCESS_LOG_LEASE_MS,
  ACCESS_LOG_RETENTION_KEY,
  cullAccessLog,
  type UseCaseDeps,
} from '../../src/use-cases';
import { aDpo } from '../support/incident-mother';

const dpo: Caller = { ...aDpo, roles: ['dpo'] };
const DAY = 86_400_000;

let stores: SqliteStores;
let now: Date;
let deps: UseCaseDeps;
let logged: string[];

function aRead(id: string, daysAgo: number): AccessRecord {
  return accessRecord(id, new Date(now.getTime() - daysAgo * DAY), dpo, 'incident-details', 'inc-1');
}

async function kept(): Promise<string[]> {
  return (await stores.accessLog.listForIncident('inc-1')).items.map((r) => r.id);
}

beforeEach(async () => {
  stores = SqliteStores.open(':memory:');
  now = new Date('2027-03-01T08:00:00.000Z');
  logged = [];
  const log = (message: string, fields?: Record<string, unknown>) => logged.push(JSON.stringify({ message, fields }));
  deps = {
    store: stores.incidents,
    appState: stores.appState,
    accessLog: stores.accessLog,
    clock: { now: () => now },
    logger: { info: log, warn: log, error: log },
    newId: randomUUID,
  };
  await stores.accessLog.append([aRead('old', 400), aRead('edge', 365.5), aRead('recent', 10)]);
});

afterEach(async () => {
  await stores.close();
});

describe('the access log’s own retention', () => {
  it('keeps everything while ACCESS_LOG_RETENTION_DAYS is unset', async () => {
    expect(await cullAccessLog(deps, { days: undefined, owner: 'a' })).toEqual({ outcome: 'kept' });
    expect(await kept()).toEqual(['recent', 'edge', 'old']);
  });

  it('culls what was read more than the days ago, records when, and logs only counts and the cutoff', async () => {
    const result = await cullAccessLog(deps, { days: 365, owner: 'a' });

    expect(result).toEqual({ outcome: 'culled', cutoff: '2026-03-01T08:00:00.000Z', culled: 2, more: false });
    expect(await kept()).toEqual(['recent']);
    const state = await stores.appState.getState<{ lastCulledAt: string; lease?: unknown }>(ACCESS_LOG_RETENTION_KEY);
    expect(state?.value).toEqual({ lastCulledAt: now.toISOString(), lastCulled: 2 });
    expect(logged.join('\n')).not.toMatch(/Dana|dpo-dana|inc-1/);
  });

  it('counts on a dry run and deletes nothing', async () => {
    expect(await cullAccessLog(deps, { days: 365, owner: 'a', dryRun: true })).toEqual({
      outcome: 'dry-run',
      cutoff: '2026-03-01T08:00:00.000Z',
      due: 2,
    });
    expect(await kept()).toHaveLength(3);
    expect(await stores.appState.getState(ACCESS_LOG_RETENTION_KEY)).toBeUndefined();
  });

  it('culls at most once a day across instances unless forced', async () => {
    await cullAccessLog(deps, { days: 365, owner: 'a' });
    await stores.accessLog.append([aRead('older', 500)]);

    expect(await cullAccessLog(deps, { days: 365, owner: 'b' })).toEqual({
      outcome: 'not-due',
      lastCulledAt: now.toISOString(),
    });
    expect(await kept()).toContain('older');
    expect(await cullAccessLog(deps, { days: 365, owner: 'cli', force: true })).toMatchObject({ culled: 1 });

    await stores.accessLog.append([aRead('oldest', 600)]);
    now = new Date(now.getTime() + ACCESS_LOG_CULL_EVERY_MS);
    expect(await cullAccessLog(deps, { days: 365, owner: 'b' })).toMatchObject({ outcome: 'culled', culled: 1 });
  });

  it('culls in chunks, leaves what a run’s chunks do not reach to the next run, and renews the lease', async () => {
    const many = Array.from({ length: 2 * ACCESS_LOG_CULL_CHUNK + 500 }, (_, n) => aRead(`m${n}`, 800 + n / 1000));
    for (let i = 0; i < many.length; i += 1000) await stores.accessLog.append(many.slice(i, i + 1000));
    const writes: string[] = [];
    const watched: UseCaseDeps = {
      ...deps,
      appState: {
        getState: (key) => stores.appState.getState(key),
        putState: (key, value, etag) => {
          writes.push(JSON.stringify(value));
          return stores.appState.putState(key, value, etag);
        },
        writeStates: (w) => stores.appState.writeStates(w),
        listScheduledState: (p, o) => stores.appState.listScheduledState(p, o),
      },
    };

    const first = await cullAccessLog(watched, { days: 365, owner: 'a', maxChunks: 2 });
    expect(first).toMatchObject({ outcome: 'culled', culled: 2 * ACCESS_LOG_CULL_CHUNK, more: true });
    // Taken, renewed after the first chunk, renewed after the second, released without a finished time.
    expect(writes.map((w) => Object.keys(JSON.parse(w)).sort().join(','))).toEqual([
      'lease',
      'lease',
      'lease',
      'lastCulled',
    ]);

    const second = await cullAccessLog(deps, { days: 365, owner: 'b' });
    expect(second).toMatchObject({ outcome: 'culled', culled: 502, more: false });
    expect(await kept()).toEqual(['recent']);
    expect(await cullAccessLog(deps, { days: 365, owner: 'c' })).toMatchObject({ outcome: 'not-due' });
  });

  it('lets one of two instances cull at once; the other is told it is busy and deletes nothing', async () => {
    const outcomes = await Promise.all([
      cullAccessLog(deps, { days: 365, owner: 'a' }),
      cullAccessLog(deps, { days: 365, owner: 'b' }),
    ]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['busy', 'culled']);
    expect(outcomes.find((o) => o.outcome === 'culled')).toMatchObject({ culled: 2 });
  });

  it('waits for another instance’s lease until it lapses', async () => {
    const until = new Date(now.getTime() + ACCESS_LOG_LEASE_MS).toISOString();
    await stores.appState.putState(ACCESS_LOG_RETENTION_KEY, { lease: { owner: 'other', until } }, undefined);

    expect(await cullAccessLog(deps, { days: 365, owner: 'a', force: true })).toEqual({ outcome: 'busy', until });
    expect(await kept()).toHaveLength(3);

    now = new Date(Date.parse(until) + 1);
    expect(await cullAccessLog(deps, { days: 365, owner: 'a' })).toMatchObject({ outcome: 'culled', culled: 2 });
  });

  it('releases the lease when the store fails, so the next tick tries again', async () => {
    const failing: UseCaseDeps = {
      ...deps,
      accessLog: { ...stores.accessLog, cullBefore: () => Promise.reject(new Error('store down')) } as never,
    };
    await expect(cullAccessLog(failing, { days: 365, owner: 'a' })).rejects.toThrow('store down');

    expect(await cullAccessLog(deps, { days: 365, owner: 'b' })).toMatchObject({ outcome: 'culled', culled: 2 });
  });

  it('runs from the scheduler’s tick, and a failing tick is logged by name only', async () => {
    const timer = accessLogRetentionScheduler(deps, { days: 365, owner: 'a' });
    await timer.runNow();
    expect(await kept()).toEqual(['recent']);

    const broken = accessLogRetentionScheduler(
      { ...deps, appState: { ...stores.appState, getState: () => Promise.reject(new TypeError('x 1212')) } as never },
      { days: 1, owner: 'a' },
    );
    await broken.runNow();
    expect(logged.at(-1)).toBe(
      JSON.stringify({ message: 'access-log retention failed', fields: { error: 'TypeError' } }),
    );
  });
});
