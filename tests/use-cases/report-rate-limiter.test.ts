import { randomUUID } from 'node:crypto';
import { RateLimited, type Caller, type IncidentStore } from '../../src/domain';
import { createLogger } from '../../src/server/logger';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import { reportIncident, ReportRateLimiter, type UseCaseDeps } from '../../src/use-cases';

const anna: Caller = { id: 'aad-anna', name: 'Anna', roles: ['reporter'] };
const form = (reportId: string) => ({
  reportId,
  title: 'Brev till fel adress',
  description: 'Ett beslut skickades till en gammal adress.',
  discoveredAt: '2026-11-20T08:00:00.000Z',
});

describe('reportIncident under the report rate', () => {
  let stores: SqliteStores;
  let store: IncidentStore;
  let deps: UseCaseDeps;
  let limiter: ReportRateLimiter;
  beforeEach(() => {
    stores = SqliteStores.open(':memory:');
    store = stores.incidents;
    limiter = new ReportRateLimiter({ burst: 2, refillMs: 10_000 });
    deps = {
      store,
      appState: stores.appState,
      clock: { now: () => new Date('2026-11-20T09:00:00.000Z') },
      logger: createLogger('silent'),
      newId: randomUUID,
      reportRate: limiter,
    };
  });
  afterEach(async () => {
    await stores.close();
  });

  it('refuses the report after the bucket is empty with RateLimited, storing nothing', async () => {
    await reportIncident(deps, anna, form('report-rate-0001'), 'api');
    await reportIncident(deps, anna, form('report-rate-0002'), 'api');
    await expect(reportIncident(deps, anna, form('report-rate-0003'), 'api')).rejects.toBeInstanceOf(RateLimited);
    expect((await store.listAll()).items).toHaveLength(2);
  });

  it('gives the token back when a concurrent submit of the same report id was stored first', async () => {
    await reportIncident(deps, anna, form('report-rate-0001'), 'api');
    // The race: the id was not there when looked up, and the create finds it stored.
    const racing: IncidentStore = Object.assign(Object.create(store) as IncidentStore, {
      getByReportId: async () => undefined,
    });
    for (let i = 0; i < 5; i++)
      expect((await reportIncident({ ...deps, store: racing }, anna, form('report-rate-0001'), 'api')).created).toBe(
        false,
      );
    // Only the first report was counted: one more goes through.
    expect((await reportIncident(deps, anna, form('report-rate-0002'), 'api')).created).toBe(true);
  });

  it('gives the token back when the store fails, so a person retrying after an outage is not refused', async () => {
    const failing: IncidentStore = Object.assign(Object.create(store) as IncidentStore, {
      create: async () => {
        throw new Error('disk full');
      },
    });
    for (let i = 0; i < 5; i++)
      await expect(
        reportIncident({ ...deps, store: failing }, anna, form(`report-fail-000${i}`), 'api'),
      ).rejects.toThrow('disk full');
    await reportIncident(deps, anna, form('report-rate-0001'), 'api');
    await reportIncident(deps, anna, form('report-rate-0002'), 'api');
    expect((await store.listAll()).items).toHaveLength(2);
  });

  it('forgets full buckets once it remembers many people, and keeps the ones still in use', () => {
    const t0 = Date.parse('2026-11-20T09:00:00.000Z');
    const small = new ReportRateLimiter({ burst: 1, refillMs: 10_000 });
    for (let i = 0; i < 10_000; i++) small.take(`person-${i}`, new Date(t0));
    expect(small.size).toBe(10_000);
    // The 10,001st person makes it prune: everyone else's bucket has refilled by now, the flooder's has not.
    small.take('flooder', new Date(t0 + 15_000));
    expect(small.size).toBe(1);
    expect(() => small.take('flooder', new Date(t0 + 15_000))).toThrow(RateLimited);
  });
});
