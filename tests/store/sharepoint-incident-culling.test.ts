import { randomUUID } from 'node:crypto';
import { culledIncident, retentionPolicy, type Caller } from '../../src/domain';
import {
  cullRetentionRun,
  prepareRetentionRun,
  retentionAuditExport,
  retentionRegisterExport,
  summariseRegister,
} from '../../src/use-cases';
import type { Stores } from '../../src/domain/ports';
import { aClosedIncident, aMark, describeIncidentCullingContract } from '../contract/incident-culling-contract';
import { GraphDouble } from '../support/graph-double';
import { aDpo, aNewIncident, anEvent } from '../support/incident-mother';
import { doubleHttp, fastRetry, openOnNewSite, openOnSite } from './support/sharepoint-fixture';

let double: GraphDouble;

beforeAll(async () => {
  // Pages of three items at most, whatever $top asks: every listing here pages past one page.
  double = await GraphDouble.start({ maxPageSize: 3 });
});

afterAll(async () => {
  await double.close();
});

describeIncidentCullingContract('sharepoint (Graph double)', async () => ({
  stores: (await openOnNewSite(double)).stores,
}));

const culledEvent = { at: '2032-01-02T08:00:00.000Z', actor: aDpo, type: 'culled' as const, data: { runId: 'run-1' } };

describe('SharePoint culling', () => {
  let stores: Stores;
  let siteId: string;

  beforeEach(async () => {
    ({ stores, siteId } = await openOnNewSite(double, fastRetry()));
  });

  afterEach(async () => {
    double.clearFailures();
    await stores.close();
  });

  it('leaves no version of the incident item holding its old text (the item is replaced)', async () => {
    const marker = 'Beskrivning som ska gallras 19c2';
    const incident = await aClosedIncident(stores.incidents, { description: marker });
    const before = double.itemVersions(siteId, 'PuiIncidents');
    expect(before.length).toBeGreaterThan(1);
    expect(JSON.stringify(before)).toContain(marker);

    await stores.incidents.cull(culledIncident(incident, aMark('whole')), culledEvent);

    expect(JSON.stringify(double.itemVersions(siteId, 'PuiIncidents'))).not.toContain(marker);
    expect(JSON.stringify(double.itemVersions(siteId, 'PuiIncidentEvents'))).not.toContain('owner-taken');
    expect(double.items(siteId, 'PuiIncidents')).toHaveLength(1);
  });

  it('deletes a trail longer than a page of events', async () => {
    const incident = await aClosedIncident(stores.incidents);
    for (let i = 0; i < 5; i++)
      await stores.incidents.update(
        { ...(await stores.incidents.get(incident.id))! },
        (await stores.incidents.get(incident.id))!.etag,
        { at: '2026-12-01T10:00:00.000Z', actor: aDpo, type: 'reminder-sent', data: {} },
      );
    expect(await stores.incidents.events(incident.id)).toHaveLength(9);

    await stores.incidents.cull(culledIncident(incident, aMark('audit')), culledEvent);

    expect((await stores.incidents.events(incident.id)).map((e) => e.type)).toEqual(['culled']);
  });

  it('finishes a cull that stopped after the old item was deleted: the record is created again', async () => {
    const incident = await aClosedIncident(stores.incidents);
    const kept = culledIncident(incident, aMark('whole'));
    const { body } = await doubleHttp(double).send<{ value: { id: string; displayName: string }[] }>(
      'lists',
      'GET',
      `/sites/${siteId}/lists`,
    );
    const incidentsList = body.value.find((l) => l.displayName === 'PuiIncidents')!.id;
    const creates = new RegExp(`/lists/${incidentsList}/items$`);
    double.inject({ match: { inBatch: true, method: 'POST', path: creates }, status: 500, times: 50 });
    await expect(stores.incidents.cull(kept, culledEvent)).rejects.toThrow();
    double.clearFailures();
    expect(double.items(siteId, 'PuiIncidents')).toEqual([]); // stopped between the delete and the create

    // Another process (a re-run) finishes it.
    const again = await openOnSite(double, siteId);
    try {
      await again.store.cull(kept, culledEvent);
      expect((await again.store.getByNumber(incident.number))?.retention?.runId).toBe('run-1');
      expect((await again.store.events(incident.id)).map((e) => e.type)).toEqual(['culled']);
    } finally {
      await again.stores.close();
    }
  });
});

describe('a retention run on SharePoint', () => {
  it('culls more incidents than a page holds, and the register report stays the same', async () => {
    const { stores, siteId } = await openOnNewSite(double, fastRetry());
    try {
      const dpo: Caller = { ...aDpo, roles: ['dpo'] };
      const created = [];
      for (let i = 0; i < 7; i++) {
        const closedAt = `2019-0${i + 2}-20T10:00:00.000Z`;
        const { incident } = await stores.incidents.create(
          aNewIncident({
            discoveredAt: `2019-0${i + 1}-10T10:00:00.000Z`,
            status: 'closed',
            closedAt,
            closedBy: aDpo,
            nextReminderAt: null,
            cause: i % 2 ? 'technical' : 'human-error',
            reportedToAuthority: i % 3 === 0,
          }),
          anEvent(),
        );
        created.push(incident);
      }
      const deps = {
        store: stores.incidents,
        appState: stores.appState,
        accessLog: stores.accessLog,
        clock: { now: () => new Date('2026-12-02T09:00:00.000Z') },
        newId: randomUUID,
      };
      const before = (await summariseRegister(deps, dpo)).report;
      const policy = retentionPolicy({ RETENTION_YEARS: '5' });

      const run = (await prepareRetentionRun(deps, dpo, policy, new Date('2026-12-02T09:00:00.000Z')))!;
      expect(run.items).toHaveLength(7);
      expect(await retentionRegisterExport(deps, dpo, run.id)).toHaveLength(7);
      await retentionAuditExport(deps, dpo, run.id);
      const result = await cullRetentionRun(deps, dpo, run.id, 7);

      expect(result.culled.sort()).toEqual(created.map((i) => i.number).sort());
      expect((await summariseRegister(deps, dpo)).report).toEqual(before);
      expect(JSON.stringify(double.itemVersions(siteId, 'PuiIncidents'))).not.toContain(created[0].description);
      expect(double.items(siteId, 'PuiIncidentEvents').map((e) => e.EventType)).toEqual(Array(7).fill('culled'));
      expect(await prepareRetentionRun(deps, dpo, policy, new Date('2026-12-02T09:00:00.000Z'))).toBeUndefined();
    } finally {
      await stores.close();
    }
  });
});
