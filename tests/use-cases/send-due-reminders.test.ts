import { randomUUID } from 'node:crypto';
import type { Caller, Incident, IncidentStore } from '../../src/domain';
import { createLogger } from '../../src/server/logger';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import {
  changeIncident,
  deliverAnnouncements,
  Outbox,
  outboxFor,
  sendDueReminders,
  setDpoChannel,
  type DeliveryDeps,
} from '../../src/use-cases';
import { RecordingPoster, TEST_CHANNEL } from '../support/recording-poster';
import { aNewIncident } from '../support/incident-mother';

const HOUR = 3600_000;
const dpo: Caller = { id: 'aad-dana', name: 'Dana', roles: ['reporter', 'dpo'] };

function steppingClock(start: string) {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    set: (iso: string) => {
      t = Date.parse(iso);
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/** Counts which methods of the two stores a tick calls, in one list; the outbox runs over the spied app state. */
function counting(deps: DeliveryDeps, clock: { now(): Date }): { deps: DeliveryDeps; calls: string[]; outbox: Outbox } {
  const calls: string[] = [];
  const spy = <T extends object>(store: T): T =>
    new Proxy(store, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(String(key));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const appState = spy(deps.appState);
  const outbox = new Outbox(appState, clock);
  return { deps: { ...deps, store: spy(deps.store), appState, outbox }, calls, outbox };
}

describe('sendDueReminders and their delivery', () => {
  const discoveredAt = '2026-11-18T08:00:00.000Z'; // deadline 2026-11-21T08:00Z
  const at48 = '2026-11-19T08:00:00.000Z';
  let stores: SqliteStores;
  let store: SqliteStores['incidents'];
  let clock: ReturnType<typeof steppingClock>;
  let nudged: number;
  let channel: RecordingPoster;
  let deps: DeliveryDeps;

  beforeEach(async () => {
    stores = SqliteStores.open(':memory:');
    store = stores.incidents;
    clock = steppingClock('2026-11-18T09:00:00.000Z');
    channel = new RecordingPoster();
    deps = {
      store,
      appState: stores.appState,
      clock,
      logger: createLogger('silent'),
      newId: randomUUID,
      outbox: outboxFor(stores.appState, clock),
    };
    await setDpoChannel(deps, dpo, { address: TEST_CHANNEL });
    nudged = 0;
    deps.outbox.onNews(() => nudged++);
  });
  afterEach(async () => {
    await stores.close();
  });

  async function stored(overrides: Parameters<typeof aNewIncident>[0] = {}): Promise<Incident> {
    const { incident } = await store.create(aNewIncident({ discoveredAt, ...overrides }), {
      at: discoveredAt,
      actor: { id: 'a', name: 'A' },
      type: 'reported',
      data: {},
    });
    return incident;
  }

  const deliver = (owner = 'instance-a') => deliverAnnouncements(deps, channel, { owner });
  /** The reminders that went out: the card shown (posted or updated) for each, with its stage from the audit trail. */
  const remindersSent = async (incident: Incident) =>
    (await store.events(incident.id)).filter((e) => e.type === 'reminder-sent').map((e) => e.data);

  it('queues a reminder for each incident whose reminder fell due, asking the store only for those', async () => {
    const due = await stored();
    await stored({ discoveredAt: '2026-11-19T08:00:00.000Z' }); // its first reminder is a day later
    clock.set(at48);
    const spy = counting(deps, clock);
    spy.outbox.onNews(() => nudged++);
    expect(await sendDueReminders(spy.deps)).toEqual({ due: 1 });
    // The due incidents, then the reminders already pending in the outbox: two indexed queries.
    expect(spy.calls.filter((c) => c.startsWith('list'))).toEqual(['listDueReminders', 'listScheduledState']);
    expect(await outboxFor(deps.appState, clock).pending()).toEqual([
      expect.objectContaining({ key: `reminder:${due.id}`, kind: 'reminder', slot: at48 }),
    ]);
    // Written first, then the delivery loop is told (through the outbox).
    expect(nudged).toBe(1);
  });

  it('queues a whole tick in one write of the outbox, one item per reminder', async () => {
    for (let i = 0; i < 5; i++) await stored();
    clock.set(at48);
    const spy = counting(deps, clock);
    expect(await sendDueReminders(spy.deps)).toEqual({ due: 5 });
    expect(spy.calls.filter((c) => c === 'writeStates' || c === 'putState')).toEqual(['writeStates']);
    expect(await outboxFor(deps.appState, clock).pending()).toHaveLength(5);
  });

  it('writes nothing when a tick finds only reminders that are pending already', async () => {
    for (let i = 0; i < 5; i++) await stored();
    clock.set(at48);
    await sendDueReminders(deps);
    clock.advance(60_000);
    const spy = counting(deps, clock);
    expect(await sendDueReminders(spy.deps)).toEqual({ due: 5 });
    expect(spy.calls.filter((c) => c === 'writeStates' || c === 'putState')).toEqual([]);
  });

  it('costs one query and no write when nothing is due', async () => {
    await stored();
    const spy = counting(deps, clock);
    expect(await sendDueReminders(spy.deps)).toEqual({ due: 0 });
    expect(spy.calls).toEqual(['listDueReminders']);
  });

  it('does nothing where nothing delivers (no outbox)', async () => {
    await stored();
    clock.set(at48);
    expect(await sendDueReminders({ ...deps, outbox: undefined })).toEqual({ due: 0 });
    expect(await outboxFor(deps.appState, clock).pending()).toEqual([]);
  });

  it('sends a queued reminder once, moves the next one on and records it in the audit trail', async () => {
    const incident = await stored();
    clock.set(at48);
    await sendDueReminders(deps);
    await sendDueReminders(deps); // a second tick before delivery: still one entry
    expect(await deliver()).toMatchObject({ delivered: 1, failed: 0 });
    // The card is shown with the time left; the 48 h reminder chases nobody, so there is no reply.
    expect(channel.delivered).toEqual([`post ${incident.number}`]);
    expect(await remindersSent(incident)).toEqual([
      expect.objectContaining({ stage: '48h', mention: false, catchUp: false }),
    ]);
    const after = (await store.get(incident.id))!;
    expect(after.nextReminderAt).toBe('2026-11-20T08:00:00.000Z');
    expect((await store.events(incident.id)).map((e) => e.type)).toEqual(['reported', 'reminder-sent']);
    expect(await outboxFor(deps.appState, clock).pending()).toEqual([]);
    // Nothing more is due until 24 h left.
    clock.advance(HOUR);
    expect(await sendDueReminders(deps)).toEqual({ due: 0 });
  });

  it('drops unsent a reminder queued again by an instance that read the incident before it moved on', async () => {
    const incident = await stored();
    clock.set(at48);
    await sendDueReminders(deps);
    await deliver();
    await outboxFor(deps.appState, clock).enqueue({
      kind: 'reminder',
      incidentId: incident.id,
      reportId: incident.reportId,
      slot: at48,
    });
    expect(await deliver('instance-b')).toMatchObject({ delivered: 0, dropped: 1 });
    expect(channel.calls).toHaveLength(1);
    expect(await remindersSent(incident)).toHaveLength(1);
    expect(await outboxFor(deps.appState, clock).pending()).toEqual([]);
  });

  it('sends nothing when the clock stopped between queueing and delivery', async () => {
    const incident = await stored();
    clock.set(at48);
    await sendDueReminders(deps);
    await changeIncident(deps, dpo, 'assess', incident.id, {
      risk: 'unlikely',
      rationale: 'Mottagaren är en kollega med tystnadsplikt.',
    });
    // The change is announced (the card says the clock stopped); the reminder is dropped.
    expect(await deliver()).toMatchObject({ delivered: 1, dropped: 1 });
    expect(channel.delivered).toEqual([`post ${incident.number}`]);
    expect(channel.calls[0].incident.assessment?.risk).toBe('unlikely');
    expect(await remindersSent(incident)).toEqual([]);
    expect((await store.get(incident.id))!.nextReminderAt).toBeNull();
  });

  it('sends no reminder for a linked report (its main carries the clock), and its own resume once unlinked', async () => {
    // The main is discovered first: its deadline comes first, so the link is allowed.
    const main = await stored({ discoveredAt: '2026-11-18T07:00:00.000Z' });
    const report = await stored();
    clock.set(at48);
    await sendDueReminders(deps); // both due; then the DPO links the report before delivery
    await changeIncident(deps, dpo, 'link', report.id, { mainNumber: main.number });

    const outcome = await deliver();
    expect(outcome).toMatchObject({ dropped: 1 });
    expect(await remindersSent(report)).toEqual([]);
    expect((await remindersSent(main)).map((r) => r.stage)).toEqual(['48h']);
    expect((await store.get(report.id))!.nextReminderAt).toBeNull();

    // A day on, at 24 h left, only the main is due.
    clock.set('2026-11-20T08:00:00.000Z');
    expect(await sendDueReminders(deps)).toEqual({ due: 1 });
    expect((await outboxFor(deps.appState, clock).pending()).map((e) => e.key)).toEqual([`reminder:${main.id}`]);
    await deliver();

    // Unlinked, the report's own schedule resumes from where it stands: its next threshold, 12 h left.
    clock.set('2026-11-20T10:00:00.000Z');
    const unlinked = await changeIncident(deps, dpo, 'unlink', report.id, {});
    expect(unlinked.nextReminderAt).toBe('2026-11-20T20:00:00.000Z');
    clock.set('2026-11-20T20:00:00.000Z');
    await sendDueReminders(deps);
    await deliver();
    expect((await remindersSent(report)).map((r) => r.stage)).toEqual(['12h']);
  });

  it('records the reminder on top of a change a person made while it was being sent', async () => {
    const incident = await stored();
    clock.set('2026-11-20T08:00:30.000Z'); // 24 h left, and the first reminder was missed: one catch-up
    await sendDueReminders(deps);
    channel.during = async () => {
      await changeIncident(deps, dpo, 'take', incident.id, {});
    };
    await deliver();
    expect(
      channel.calls
        .filter((c) => c.kind === 'reply')
        .map((c) => [c.incident.number, c.reminder?.stage, c.reminder?.mention, c.reminder?.catchUp]),
    ).toEqual([[incident.number, '24h', true, true]]);
    const after = (await store.get(incident.id))!;
    expect(after.owner).toEqual({ id: dpo.id, name: dpo.name });
    expect(after.nextReminderAt).toBe('2026-11-20T20:00:00.000Z');
    expect((await store.events(incident.id)).map((e) => e.type)).toEqual(['reported', 'owner-taken', 'reminder-sent']);
  });

  it('does not send again when only recording failed: the retry records what went out', async () => {
    const incident = await stored();
    clock.set(at48);
    await sendDueReminders(deps);
    let failUpdate = true;
    const flaky: IncidentStore = Object.assign(Object.create(store) as IncidentStore, {
      update: (...args: Parameters<IncidentStore['update']>) => {
        if (failUpdate) {
          failUpdate = false;
          return Promise.reject(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' }));
        }
        return store.update(...args);
      },
    });
    const flakyDeps = { ...deps, store: flaky };
    expect(await deliverAnnouncements(flakyDeps, channel, { owner: 'instance-a' })).toMatchObject({
      delivered: 0,
      failed: 1,
    });
    const [entry] = await outboxFor(deps.appState, clock).pending();
    expect(entry).toMatchObject({ sentSlot: at48, attempts: 1, lastError: 'SQLITE_IOERR' });
    clock.advance(5_000);
    expect(await deliverAnnouncements(flakyDeps, channel, { owner: 'instance-a' })).toMatchObject({ delivered: 1 });
    expect(channel.calls).toHaveLength(1);
    expect((await store.get(incident.id))!.nextReminderAt).toBe('2026-11-20T08:00:00.000Z');
  });

  it('retries a reminder Teams failed with a 5xx after a backoff, without holding back the others', async () => {
    const failing = await stored();
    const others = [await stored(), await stored()];
    clock.set(at48);
    channel.failFor.set(failing.id, [Object.assign(new Error('Bad Gateway'), { statusCode: 502 })]);
    await sendDueReminders(deps);
    expect(await deliver()).toMatchObject({ delivered: 2, failed: 1 });
    expect(channel.calls.map((c) => c.incident.number).sort()).toEqual(others.map((o) => o.number).sort());
    expect(await outboxFor(deps.appState, clock).pending()).toEqual([
      expect.objectContaining({ key: `reminder:${failing.id}`, attempts: 1, lastError: 'http_502' }),
    ]);
    // Not before its backoff, then once.
    expect(await deliver()).toMatchObject({ delivered: 0 });
    clock.advance(5_000);
    await sendDueReminders(deps); // ticks meanwhile change nothing
    expect(await deliver()).toMatchObject({ delivered: 1 });
    expect(channel.calls.filter((c) => c.incident.number === failing.number)).toHaveLength(1);
  });

  it('sends nothing for a slot no schedule explains any longer, and records it as rescheduled, not as sent', async () => {
    const incident = await stored();
    clock.set(at48);
    await sendDueReminders(deps);
    // Edited outside the app: the clock stopped, but the slot stayed.
    const current = (await store.get(incident.id))!;
    await store.update(
      {
        ...current,
        assessment: {
          risk: 'unlikely',
          rationale: 'Ändrad i listan.',
          assessedAt: at48,
          assessedBy: { id: 'x', name: 'X' },
        },
      },
      current.etag,
      { at: at48, actor: { id: 'x', name: 'X' }, type: 'assessed', data: {} },
    );
    expect(await deliver()).toMatchObject({ delivered: 0, dropped: 1 });
    expect(channel.calls).toEqual([]);
    const events = await store.events(incident.id);
    expect(events.map((e) => e.type)).toEqual(['reported', 'assessed', 'reminder-rescheduled']);
    expect(events[2].data).toEqual({ slot: at48, next: null });
    expect((await store.get(incident.id))!.nextReminderAt).toBeNull();
  });
});
