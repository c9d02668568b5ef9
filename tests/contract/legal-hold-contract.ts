/**
 * A legal hold through a store: set on a closed incident, it is stored and read back whole, its
 * events are in the trail, and the retention rule never lists the held incident as due; lifted,
 * the incident falls due again.
 */
import { dueForCulling, liftLegalHold, retentionPolicy, setLegalHold } from '../../src/domain';
import type { Incident } from '../../src/domain/incident';
import type { IncidentStore, Stores } from '../../src/domain/ports';
import { aDpo } from '../support/incident-mother';
import { aClosedIncident } from './incident-culling-contract';
import type { OpenedStores } from './incident-store-contract';

const HELD_AT = new Date('2026-12-02T09:00:00.000Z');
/** Long after the closure (2026-12-01): due under a plan of one year. */
const AS_OF = new Date('2030-01-01T00:00:00.000Z');
const ONE_YEAR = retentionPolicy({ RETENTION_YEARS: '1' });

async function allIncidents(store: IncidentStore): Promise<Incident[]> {
  const all: Incident[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listAll({ limit: 100, cursor });
    all.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return all;
}

/** Registers the legal-hold round trip for one adapter. */
export function describeLegalHoldContract(name: string, open: () => Promise<OpenedStores>): void {
  describe(`legal hold through the store: ${name}`, () => {
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

    it('keeps a held closed incident out of what is due, and lets it fall due once the hold is lifted', async () => {
      const held = await aClosedIncident(store);
      const other = await aClosedIncident(store);
      expect(
        dueForCulling(await allIncidents(store), ONE_YEAR, AS_OF)
          .map((d) => d.number)
          .sort(),
      ).toEqual([held.number, other.number].sort());

      const set = setLegalHold(held, { reason: 'ivo', reference: '8.5-12345/2026' }, aDpo, HELD_AT);
      const stored = await store.update(set.next, held.etag, set.event);

      const read = await store.get(held.id);
      expect(read?.legalHold).toEqual({
        since: HELD_AT.toISOString(),
        by: aDpo,
        reason: 'ivo',
        reference: '8.5-12345/2026',
      });
      expect(read).toEqual(stored);
      expect(dueForCulling(await allIncidents(store), ONE_YEAR, AS_OF).map((d) => d.number)).toEqual([other.number]);

      const lift = liftLegalHold(stored, {}, aDpo, new Date(HELD_AT.getTime() + 60_000));
      await store.update(lift.next, stored.etag, lift.event);

      const lifted = await store.getByNumber(held.number);
      expect(lifted?.legalHold).toBeUndefined();
      expect(
        dueForCulling(await allIncidents(store), ONE_YEAR, AS_OF)
          .map((d) => d.number)
          .sort(),
      ).toEqual([held.number, other.number].sort());
      const trail = await store.events(held.id);
      expect(trail.slice(-2).map((e) => [e.type, e.data])).toEqual([
        ['legal-hold-set', { reason: 'ivo', withReference: true, previousReason: null }],
        ['legal-hold-lifted', { reason: 'ivo', since: HELD_AT.toISOString() }],
      ]);
      expect(JSON.stringify(trail)).not.toContain('12345/2026');
    });
  });
}
