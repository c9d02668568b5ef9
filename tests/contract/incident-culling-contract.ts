/**
 * The contract of `IncidentStore.cull` (retention culling), run against every adapter: what stays
 * of an incident in each scope, its trail, and that a second cull with the same record changes nothing.
 */
import { culledIncident, CULLED_PERSON, CULLED_TEXT, type RetentionScope } from '../../src/domain';
import type { Incident } from '../../src/domain/incident';
import { assessRisk, closeIncident, takeOwnership } from '../../src/domain/incident-changes';
import type { IncidentStore, Stores } from '../../src/domain/ports';
import { aDpo, aNewIncident, anEvent, aReporter } from '../support/incident-mother';
import type { OpenedStores } from './incident-store-contract';

const LATER = new Date('2026-12-01T09:00:00.000Z');

/** A closed incident with a trail of four events (reported, taken, assessed, closed). */
export async function aClosedIncident(store: IncidentStore, overrides = {}): Promise<Incident> {
  const { incident } = await store.create(aNewIncident(overrides), anEvent());
  const taken = takeOwnership(incident, aDpo, LATER);
  const owned = await store.update(taken.next, incident.etag, taken.event);
  const assessed = assessRisk(
    owned,
    { risk: 'unlikely', rationale: 'Mottagaren är en kollega med tystnadsplikt.' },
    aDpo,
    LATER,
  );
  const stored = await store.update(assessed.next, owned.etag, assessed.event);
  const closed = closeIncident(stored, {}, aDpo, LATER);
  return store.update(closed.next, stored.etag, closed.event);
}

export function aMark(scope: RetentionScope, runId = 'run-1') {
  return {
    culledAt: '2032-01-02T08:00:00.000Z',
    scope,
    decision: `RETENTION_YEARS=5, RETENTION_FROM=closure, RETENTION_SCOPE=${scope}`,
    runId,
    by: aDpo,
  };
}

const culledEvent = (runId = 'run-1') => ({
  at: '2032-01-02T08:00:00.000Z',
  actor: aDpo,
  type: 'culled' as const,
  data: { scope: 'whole', runId },
});

/** Registers the cull contract for one adapter. */
export function describeIncidentCullingContract(name: string, open: () => Promise<OpenedStores>): void {
  describe(`IncidentStore.cull contract: ${name}`, () => {
    let stores: Stores;
    let store: IncidentStore;
    let cleanup: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      ({ stores, cleanup } = await open());
      store = stores.incidents;
    });

    afterEach(async () => {
      await stores.close();
      await cleanup?.();
    });

    const withoutEtag = ({ etag: _etag, ...rest }: Incident) => rest;

    it('whole: leaves the minimal record under the same number and report id, and one culled event', async () => {
      const incident = await aClosedIncident(store);
      const kept = culledIncident(incident, aMark('whole'));

      const stored = await store.cull(kept, culledEvent());

      const read = (await store.getByNumber(incident.number))!;
      expect(withoutEtag(read)).toEqual(withoutEtag(kept));
      expect(read.etag).toBe(stored.etag);
      expect((await store.getByReportId(incident.reportId))?.id).toBe(incident.id);
      expect(read.reporter).toEqual(CULLED_PERSON);
      expect(read.description).toBe(CULLED_TEXT);
      expect(JSON.stringify(read)).not.toContain(aReporter.name);
      expect((await store.events(incident.id)).map((e) => e.type)).toEqual(['culled']);
      expect((await store.listByReporter(aReporter.id)).items).toEqual([]);
    });

    it('free-text: culls the texts and keeps the trail, with the culled event at its end', async () => {
      const incident = await aClosedIncident(store);
      await store.cull(culledIncident(incident, aMark('free-text')), culledEvent());

      const read = (await store.get(incident.id))!;
      expect([read.title, read.description, read.assessment?.rationale]).toEqual([
        CULLED_TEXT,
        CULLED_TEXT,
        CULLED_TEXT,
      ]);
      expect(read.reporter).toEqual(aReporter);
      expect((await store.events(incident.id)).map((e) => e.type)).toEqual([
        'reported',
        'owner-taken',
        'assessed',
        'closed',
        'culled',
      ]);
    });

    it('audit: keeps the incident as it was and culls its trail but for the culled event', async () => {
      const incident = await aClosedIncident(store);
      const other = await aClosedIncident(store);
      await store.cull(culledIncident(incident, aMark('audit')), culledEvent());

      const read = (await store.get(incident.id))!;
      expect(read.description).toBe(incident.description);
      expect(read.retention?.scope).toBe('audit');
      expect((await store.events(incident.id)).map((e) => e.type)).toEqual(['culled']);
      expect(await store.events(other.id)).toHaveLength(4);
    });

    it('is idempotent: the same cull again keeps one culled event and the same record', async () => {
      const incident = await aClosedIncident(store);
      const kept = culledIncident(incident, aMark('whole'));
      await store.cull(kept, culledEvent());
      await store.cull(kept, culledEvent());

      expect(withoutEtag((await store.get(incident.id))!)).toEqual(withoutEtag(kept));
      expect(await store.events(incident.id)).toHaveLength(1);
      expect((await store.listAll()).items).toHaveLength(1);
    });
  });
}
