import { randomUUID } from 'node:crypto';
import { ValidationError, type Caller, type IncidentStore } from '../../src/domain';
import { createLogger } from '../../src/server/logger';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import { reportIncident, type UseCaseDeps } from '../../src/use-cases';

const anna: Caller = { id: 'aad-anna', name: 'Anna', roles: ['reporter'] };
const bertil: Caller = { id: 'aad-bertil', name: 'Bertil', roles: ['reporter'] };
const form = {
  reportId: 'report-shared-0001',
  title: 'Brev till fel adress',
  description: 'Ett beslut skickades till en gammal adress.',
  discoveredAt: '2026-11-20T08:00:00.000Z',
};

describe('reportIncident', () => {
  let stores: SqliteStores;
  let store: IncidentStore;
  let deps: UseCaseDeps;
  beforeEach(() => {
    stores = SqliteStores.open(':memory:');
    store = stores.incidents;
    deps = {
      store,
      appState: stores.appState,
      clock: { now: () => new Date('2026-11-20T09:00:00.000Z') },
      logger: createLogger('silent'),
      newId: randomUUID,
    };
  });
  afterEach(async () => {
    await stores.close();
  });

  it('answers a retry of the same report with the stored incident', async () => {
    const first = await reportIncident(deps, anna, form, 'tab');
    const again = await reportIncident(deps, anna, form, 'tab');
    expect([again.created, again.incident.id]).toEqual([false, first.incident.id]);
  });

  it("refuses another reporter's report id with a field error, not their report", async () => {
    await reportIncident(deps, anna, form, 'tab');
    await expect(reportIncident(deps, bertil, { ...form, title: 'Annat' }, 'tab')).rejects.toThrow(ValidationError);
    await expect(reportIncident(deps, bertil, form, 'tab')).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: 'reportId', code: 'report_id_in_use' })],
    });
    expect((await store.listAll()).items).toHaveLength(1);
  });

  it('refuses it also when a concurrent submit of that id was stored first', async () => {
    await reportIncident(deps, anna, form, 'tab');
    // The race: the id was not there when looked up, and the create finds it stored.
    const racing: IncidentStore = Object.assign(Object.create(store) as IncidentStore, {
      getByReportId: async () => undefined,
    });
    await expect(reportIncident({ ...deps, store: racing }, bertil, form, 'tab')).rejects.toThrow(ValidationError);
  });
});
