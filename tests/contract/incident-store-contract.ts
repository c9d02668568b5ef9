/**
 * The contract every `IncidentStore` adapter passes. An adapter's test file calls
 * {@link describeIncidentStoreContract} with a function that opens fresh, empty stores; the
 * app state has its own contract (app-state-store-contract.ts).
 */
import { Conflict, NotFound } from '../../src/domain/errors';
import type { Incident, NewIncident } from '../../src/domain/incident';
import {
  assessRisk,
  closeIncident,
  recordAwareness,
  recordEnded,
  recordPoliceReport,
  takeOwnership,
} from '../../src/domain/incident-changes';
import { linkToMain, unlinkFromMain } from '../../src/domain/incident-links';
import type { IncidentStore, ListOptions, Page, Stores } from '../../src/domain/ports';
import { aDpo, aNewIncident, anEvent, aReporter } from '../support/incident-mother';

/** Freshly opened, empty stores and how to dispose of what they left behind. */
export interface OpenedStores {
  stores: Stores;
  cleanup?: () => Promise<void>;
}

const HOUR = 3600_000;
/** When the DPO acts in these tests: after every default discovery time. */
const LATER = new Date('2026-12-01T09:00:00.000Z');

function hoursAfter(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * HOUR).toISOString();
}

export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/** Registers the store contract suite for one adapter. */
export function describeIncidentStoreContract(name: string, open: () => Promise<OpenedStores>): void {
  describe(`IncidentStore contract: ${name}`, () => {
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

    async function create(overrides: Partial<NewIncident> = {}): Promise<Incident> {
      return (await store.create(aNewIncident(overrides), anEvent())).incident;
    }

    async function take(incident: Incident): Promise<Incident> {
      const { next, event } = takeOwnership(incident, aDpo, LATER);
      return store.update(next, incident.etag, event);
    }

    async function closeAsUnlikely(incident: Incident): Promise<Incident> {
      const assessed = assessRisk(
        incident,
        { risk: 'unlikely', rationale: 'Mottagaren har tystnadsplikt och har raderat mejlet.' },
        aDpo,
        LATER,
      );
      const stored = await store.update(assessed.next, incident.etag, assessed.event);
      const closed = closeIncident(stored, {}, aDpo, LATER);
      return store.update(closed.next, stored.etag, closed.event);
    }

    /** Every item of a list, page by page. */
    async function pagesOf(
      list: (options: ListOptions) => Promise<Page<Incident>>,
      limit: number,
    ): Promise<Incident[][]> {
      const pages: Incident[][] = [];
      let cursor: string | undefined;
      do {
        const page = await list({ limit, cursor });
        pages.push(page.items);
        cursor = page.next;
      } while (cursor !== undefined && pages.length <= 100);
      return pages;
    }

    const ids = (items: readonly Incident[]) => items.map((i) => i.id);

    describe('create', () => {
      it('assigns an id, the first number of the year and an etag, and keeps the rest as given', async () => {
        const input = aNewIncident({ discoveredAt: '2026-03-02T10:00:00.000Z' });
        const { incident, created } = await store.create(input, anEvent());
        expect(created).toBe(true);
        expect(incident).toEqual({
          ...input,
          id: expect.any(String),
          number: 'PUI-2026-0001',
          etag: expect.any(String),
        });
        expect(incident.id).not.toBe('');
        expect(incident.etag).not.toBe('');
      });

      it('numbers the incidents of a year consecutively', async () => {
        const numbers = [];
        for (let i = 0; i < 3; i++) numbers.push((await create()).number);
        expect(numbers).toEqual(['PUI-2026-0001', 'PUI-2026-0002', 'PUI-2026-0003']);
      });

      it('keeps a sequence per year of discovery', async () => {
        const numbers = [];
        for (const discoveredAt of [
          '2025-06-01T08:00:00.000Z',
          '2026-02-01T08:00:00.000Z',
          '2025-09-01T08:00:00.000Z',
          '2026-03-01T08:00:00.000Z',
        ]) {
          numbers.push((await create({ discoveredAt })).number);
        }
        expect(numbers).toEqual(['PUI-2025-0001', 'PUI-2026-0001', 'PUI-2025-0002', 'PUI-2026-0002']);
      });

      it('takes the year of discovery in Stockholm time', async () => {
        // 23:30 UTC on New Year's Eve is 00:30 on New Year's Day in Stockholm.
        expect((await create({ discoveredAt: '2025-12-31T23:30:00.000Z' })).number).toBe('PUI-2026-0001');
        expect((await create({ discoveredAt: '2025-12-31T22:30:00.000Z' })).number).toBe('PUI-2025-0001');
      });

      it('gives every incident its own id and etag', async () => {
        const [a, b] = [await create(), await create()];
        expect(a.id).not.toBe(b.id);
        expect(a.etag).not.toBe(b.etag);
      });

      it('returns the existing incident with created false when the report id was seen before', async () => {
        const first = await store.create(aNewIncident({ reportId: 'report-retry-0001' }), anEvent());
        const again = await store.create(
          aNewIncident({ reportId: 'report-retry-0001', title: 'Ett annat försök' }),
          anEvent(),
        );
        expect(again.created).toBe(false);
        expect(again.incident).toEqual(first.incident);
        expect((await store.listAll()).items).toHaveLength(1);
        expect(await store.events(first.incident.id)).toHaveLength(1);
      });

      it('stores one incident when the same report arrives twice at once', async () => {
        const input = aNewIncident({ reportId: 'report-double-click' });
        const results = await Promise.all([store.create(input, anEvent()), store.create(input, anEvent())]);
        expect(results.map((r) => r.created).sort()).toEqual([false, true]);
        expect(results[0].incident.id).toBe(results[1].incident.id);
        expect((await store.listAll()).items).toHaveLength(1);
      });
    });

    describe('reads', () => {
      it('finds an incident by id, by number and by report id', async () => {
        const incident = await create();
        expect(await store.get(incident.id)).toEqual(incident);
        expect(await store.getByNumber(incident.number)).toEqual(incident);
        expect(await store.getByReportId(incident.reportId)).toEqual(incident);
      });

      it('answers undefined for what does not exist', async () => {
        await create();
        expect(await store.get('no-such-id')).toBeUndefined();
        expect(await store.getByNumber('PUI-2026-9999')).toBeUndefined();
        expect(await store.getByReportId('report-never-sent')).toBeUndefined();
      });
    });

    describe('update', () => {
      it('replaces the incident and gives it a new etag when the etag matches', async () => {
        const incident = await create();
        const updated = await take(incident);
        expect(updated.etag).not.toBe(incident.etag);
        expect(updated).toMatchObject({ id: incident.id, number: incident.number, status: 'triage', owner: aDpo });
        expect(await store.get(incident.id)).toEqual(updated);
      });

      it('never hands out the same etag twice', async () => {
        const incident = await create();
        const taken = await take(incident);
        const closed = await closeAsUnlikely(taken);
        expect(new Set([incident.etag, taken.etag, closed.etag]).size).toBe(3);
      });

      it('rejects a stale etag with Conflict and leaves the stored incident and its events unchanged', async () => {
        const incident = await create();
        const current = await take(incident);
        const { next, event } = assessRisk(incident, { risk: 'high', rationale: 'Uppgifter om barn.' }, aDpo, LATER);

        const error = await rejectionOf(store.update(next, incident.etag, event));

        expect(error).toBeInstanceOf(Conflict);
        expect(error).toMatchObject({ code: 'conflict' });
        expect(await store.get(incident.id)).toEqual(current);
        expect((await store.events(incident.id)).map((e) => e.type)).toEqual(['reported', 'owner-taken']);
      });

      it('lets only one of two writers holding the same etag win', async () => {
        const incident = await create();
        const a = takeOwnership(incident, aDpo, LATER);
        const b = assessRisk(incident, { risk: 'risk', rationale: 'Uppgifter om ekonomi.' }, aDpo, LATER);

        const results = await Promise.allSettled([
          store.update(a.next, incident.etag, a.event),
          store.update(b.next, incident.etag, b.event),
        ]);

        const fulfilled = results.filter((r) => r.status === 'fulfilled');
        const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(fulfilled).toHaveLength(1);
        expect(rejected).toHaveLength(1);
        expect(rejected[0].reason).toBeInstanceOf(Conflict);
        expect(await store.events(incident.id)).toHaveLength(2);
      });

      it('rejects an unknown id with NotFound and records nothing', async () => {
        const incident = await create();
        const { next, event } = takeOwnership({ ...incident, id: 'no-such-id' }, aDpo, LATER);

        const error = await rejectionOf(store.update(next, incident.etag, event));

        expect(error).toBeInstanceOf(NotFound);
        expect(error).toMatchObject({ code: 'not_found' });
        expect(await store.events('no-such-id')).toEqual([]);
        expect(await store.get(incident.id)).toEqual(incident);
      });
    });

    describe('events', () => {
      it('keeps the audit trail in the order it was written, with actor, type, time and data', async () => {
        const reported = anEvent({ at: '2026-11-18T09:00:00.000Z', data: { source: 'tab' } });
        const { incident } = await store.create(aNewIncident(), reported);
        const taken = await take(incident);
        const assessed = assessRisk(taken, { risk: 'high', rationale: 'Skyddad identitet röjd.' }, aDpo, LATER);
        await store.update(assessed.next, taken.etag, assessed.event);

        const events = await store.events(incident.id);

        expect(events).toEqual([
          { id: expect.any(String), incidentId: incident.id, ...reported },
          {
            id: expect.any(String),
            incidentId: incident.id,
            at: LATER.toISOString(),
            actor: aDpo,
            type: 'owner-taken',
            data: { owner: aDpo.name },
          },
          {
            id: expect.any(String),
            incidentId: incident.id,
            at: LATER.toISOString(),
            actor: aDpo,
            type: 'assessed',
            data: { risk: 'high' },
          },
        ]);
        expect(new Set(events.map((e) => e.id)).size).toBe(3);
      });

      it('keeps each incident to its own trail', async () => {
        const [a, b] = [await create(), await create()];
        await take(a);
        expect((await store.events(a.id)).map((e) => e.type)).toEqual(['reported', 'owner-taken']);
        expect((await store.events(b.id)).map((e) => e.type)).toEqual(['reported']);
        expect(await store.events('no-such-id')).toEqual([]);
      });
    });

    describe('lists', () => {
      const colleague = { id: 'reporter-bo', name: 'Bo Biståndshandläggare' };

      it('lists only the reporter’s own incidents, newest discovery first', async () => {
        const older = await create({ discoveredAt: '2026-10-01T08:00:00.000Z' });
        await create({ discoveredAt: '2026-11-01T08:00:00.000Z', reporter: colleague });
        const newest = await create({ discoveredAt: '2026-11-10T08:00:00.000Z' });
        const middle = await create({ discoveredAt: '2026-10-15T08:00:00.000Z' });

        const page = await store.listByReporter(aReporter.id);

        expect(ids(page.items)).toEqual(ids([newest, middle, older]));
        expect(page.next).toBeUndefined();
        expect((await store.listByReporter('nobody')).items).toEqual([]);
      });

      it('lists open incidents, earliest deadline first, leaving closed ones out', async () => {
        const late = await create({ discoveredAt: '2026-11-12T08:00:00.000Z' });
        const early = await create({ discoveredAt: '2026-11-10T08:00:00.000Z' });
        const closed = await closeAsUnlikely(await create({ discoveredAt: '2026-11-09T08:00:00.000Z' }));
        const middle = await create({ discoveredAt: '2026-11-11T08:00:00.000Z' });

        const page = await store.listOpenByDeadline();

        expect(ids(page.items)).toEqual(ids([early, middle, late]));
        expect(ids(page.items)).not.toContain(closed.id);
        expect(page.items[0]).toEqual(early);
      });

      it('keeps the awareness, the end and the police report, and files the incident under its new deadline', async () => {
        // Discovered 08:00 and 10:00 on 18 November: the first one is due first, until its awareness moves.
        const first = await create({ discoveredAt: '2026-11-18T08:00:00.000Z' });
        const second = await create({ discoveredAt: '2026-11-18T10:00:00.000Z' });
        expect(ids((await store.listOpenByDeadline()).items)).toEqual(ids([first, second]));
        const at = new Date('2026-11-19T12:00:00.000Z');

        const aware = recordAwareness(
          first,
          { awareAt: '2026-11-19T08:00:00.000Z', reason: 'Bilagans innehåll blev känt först vid samtalet.' },
          aDpo,
          at,
        );
        const stored = await store.update(aware.next, first.etag, aware.event);
        const ended = recordEnded(stored, { endedAt: '2026-11-18T07:30:00.000Z' }, aDpo, at);
        const storedEnded = await store.update(ended.next, stored.etag, ended.event);
        const police = recordPoliceReport(
          storedEnded,
          { reportedAt: '2026-11-19T11:00:00.000Z', reference: 'K123456-26' },
          aDpo,
          at,
        );
        const final = await store.update(police.next, storedEnded.etag, police.event);

        expect(final).toMatchObject({
          awareAt: '2026-11-19T08:00:00.000Z',
          awareReason: 'Bilagans innehåll blev känt först vid samtalet.',
          deadline: '2026-11-22T08:00:00.000Z',
          nextReminderAt: '2026-11-20T08:00:00.000Z',
          endedAt: '2026-11-18T07:30:00.000Z',
          policeReport: {
            reportedAt: '2026-11-19T11:00:00.000Z',
            reference: 'K123456-26',
            recordedAt: at.toISOString(),
            recordedBy: aDpo,
          },
        });
        expect(await store.get(first.id)).toEqual(final);
        expect(ids((await store.listOpenByDeadline()).items)).toEqual(ids([second, first]));
        // The second one's 48-hour reminder (10:00) is due at noon; the first one's moved to the next day.
        expect(ids((await store.listDueReminders(at.toISOString())).items)).toEqual([second.id]);
        const events = await store.events(first.id);
        expect(events.map((e) => e.type)).toEqual([
          'reported',
          'awareness-recorded',
          'ended-recorded',
          'police-report-recorded',
        ]);
        expect(events[1].data).toEqual({
          previousAwareAt: '2026-11-18T08:00:00.000Z',
          awareAt: '2026-11-19T08:00:00.000Z',
          deadline: '2026-11-22T08:00:00.000Z',
        });
      });

      it('lists every incident, closed ones included, newest discovery first', async () => {
        const a = await create({ discoveredAt: '2026-11-09T08:00:00.000Z' });
        const b = await closeAsUnlikely(await create({ discoveredAt: '2026-11-11T08:00:00.000Z' }));
        const c = await create({ discoveredAt: '2026-11-10T08:00:00.000Z', reporter: colleague });

        const page = await store.listAll();

        expect(ids(page.items)).toEqual(ids([b, c, a]));
        expect(page.items[0]).toEqual(b);
      });

      it('lists the reminders due at or before a time, earliest first, leaving out stopped clocks', async () => {
        const at = '2026-11-20T12:00:00.000Z';
        const dueAt = await create({ nextReminderAt: at });
        const later = await create({ nextReminderAt: hoursAfter(at, 1) });
        const earliest = await create({ nextReminderAt: hoursAfter(at, -2) });
        const stopped = await create({ nextReminderAt: null });
        const earlier = await create({ nextReminderAt: hoursAfter(at, -1) });

        const page = await store.listDueReminders(at);

        expect(ids(page.items)).toEqual(ids([earliest, earlier, dueAt]));
        expect(ids(page.items)).not.toContain(later.id);
        expect(ids(page.items)).not.toContain(stopped.id);
      });

      it('drops an incident from the due reminders once its clock stops', async () => {
        const incident = await create();
        const at = hoursAfter(incident.nextReminderAt!, 1);
        expect(ids((await store.listDueReminders(at)).items)).toEqual([incident.id]);

        await closeAsUnlikely(incident);

        expect((await store.listDueReminders(at)).items).toEqual([]);
      });

      it('keeps the source message and mail ids a report was made from', async () => {
        const sourceMessageId = '19:abc123@thread.tacv2/1700000000000';
        const internetMessageId = '<AM0PR01MB1234.eurprd01.prod.exchangelabs.com@kommun.example.se>';
        const made = await create({ sourceMessageId, internetMessageId });

        expect(await store.get(made.id)).toMatchObject({ sourceMessageId, internetMessageId });
        expect((await store.getByNumber(made.number))?.internetMessageId).toBe(internetMessageId);
      });

      it('lists the reports linked to a main, earliest discovery first, and forgets a link undone', async () => {
        const main = await create({ discoveredAt: '2026-11-20T08:00:00.000Z' });
        const second = await create({ discoveredAt: '2026-11-20T10:00:00.000Z' });
        const first = await create({ discoveredAt: '2026-11-20T09:00:00.000Z' });
        const other = await create({ discoveredAt: '2026-11-20T11:00:00.000Z' });
        const link = async (report: Incident) => {
          const { next, event } = linkToMain(
            report,
            { mainNumber: main.number },
            { main, reportHasLinkedReports: false },
            aDpo,
            LATER,
          );
          return store.update(next, report.etag, event);
        };
        const linkedSecond = await link(second);
        await link(first);

        expect(ids((await store.listLinkedTo(main.id)).items)).toEqual([first.id, second.id]);
        expect((await store.listLinkedTo(other.id)).items).toEqual([]);
        expect((await store.get(second.id))?.linkedTo).toEqual({
          id: main.id,
          number: main.number,
          linkedAt: LATER.toISOString(),
          linkedBy: aDpo,
        });

        const { next, event } = unlinkFromMain(linkedSecond, {}, aDpo, LATER);
        await store.update(next, linkedSecond.etag, event);

        expect(ids((await store.listLinkedTo(main.id)).items)).toEqual([first.id]);
        expect((await store.get(second.id))?.linkedTo).toBeUndefined();
        expect((await store.events(second.id)).map((e) => e.type)).toEqual(['reported', 'linked', 'unlinked']);
      });

      describe.each([
        ['listByReporter', (s: IncidentStore, o: ListOptions) => s.listByReporter(aReporter.id, o)],
        ['listOpenByDeadline', (s: IncidentStore, o: ListOptions) => s.listOpenByDeadline(o)],
        ['listAll', (s: IncidentStore, o: ListOptions) => s.listAll(o)],
        ['listDueReminders', (s: IncidentStore, o: ListOptions) => s.listDueReminders('2030-01-01T00:00:00.000Z', o)],
      ] as const)('%s paging', (_name, list) => {
        it('visits every item exactly once, in the unpaged order, when sort keys tie', async () => {
          // Seven incidents on four discovery times: ties in every sort key.
          const times = [
            '2026-11-01',
            '2026-11-01',
            '2026-11-02',
            '2026-11-03',
            '2026-11-03',
            '2026-11-03',
            '2026-11-04',
          ];
          const created = [];
          for (const day of times) created.push(await create({ discoveredAt: `${day}T08:00:00.000Z` }));

          const whole = await list(store, { limit: 50 });
          const pages = await pagesOf((o) => list(store, o), 3);

          expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
          expect(ids(pages.flat())).toEqual(ids(whole.items));
          expect(ids(pages.flat()).sort()).toEqual(ids(created).sort());
          expect(whole.next).toBeUndefined();
        });

        it('gives no cursor when the last page is exactly full', async () => {
          for (let i = 0; i < 4; i++) await create({ discoveredAt: `2026-11-0${i + 1}T08:00:00.000Z` });

          const pages = await pagesOf((o) => list(store, o), 2);

          expect(pages.map((p) => p.length)).toEqual([2, 2]);
        });
      });
    });
  });
}
