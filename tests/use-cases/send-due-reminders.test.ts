import { randomUUID } from 'node:crypto';
import type { Caller, DueReminder, Incident, IncidentStore, Notifier } from '../../src/domain';
import { createLogger } from '../../src/server/logger';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import { announcePending, changeIncident, outboxFor, sendDueReminders, type UseCaseDeps } from '../../src/use-cases';
import { aNewIncident } from '../support/incident-mother';

const HOUR = 3600_000;
const dpo: Caller = { id: 'aad-dana', name: 'Dana', roles: ['reporter', 'dpo'] };

function steppingClock(start: string) {
  let t = Date.parse(start);
  return { now: () => new Date(t), set: (iso: string) => { t = Date.parse(iso); }, advance: (ms: number) => { t += ms; } };
}

/** The delivering channel: records each reminder it is handed; can be told to fail for an incident. */
class RecordingChannel implements Notifier {
  readonly reminders: { number: string; stage: string; mention: boolean; catchUp: boolean }[] = [];
  readonly failures = new Map<string, unknown[]>();
  /** Runs inside the next delivery (a person acting while the reminder is being sent). */
  during?: () => Promise<void>;
  async incidentReported(): Promise<void> {}
  async incidentChanged(): Promise<void> {}
  async reminderDue(incident: Incident, reminder: DueReminder): Promise<void> {
    const failure = this.failures.get(incident.id)?.shift();
    if (failure) throw failure;
    const during = this.during;
    this.during = undefined;
    await during?.();
    this.reminders.push({ number: incident.number, stage: reminder.stage, mention: reminder.mention, catchUp: reminder.catchUp });
  }
}

/** The bot's side of deps.notifier: only told that reminders are queued. */
class WakingNotifier implements Notifier {
  woken = 0;
  async incidentReported(): Promise<void> {}
  async incidentChanged(): Promise<void> {}
  async reminderDue(): Promise<void> {
    this.woken += 1;
  }
}

/** Counts which methods of the two stores a tick calls, in one list. */
function counting(deps: UseCaseDeps): { deps: UseCaseDeps; calls: string[] } {
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
  return { deps: { ...deps, store: spy(deps.store), appState: spy(deps.appState) }, calls };
}

describe('sendDueReminders and their delivery', () => {
  const discoveredAt = '2026-11-18T08:00:00.000Z'; // deadline 2026-11-21T08:00Z
  const at48 = '2026-11-19T08:00:00.000Z';
  let stores: SqliteStores;
  let store: SqliteStores['incidents'];
  let clock: ReturnType<typeof steppingClock>;
  let waking: WakingNotifier;
  let channel: RecordingChannel;
  let deps: UseCaseDeps;

  beforeEach(() => {
    stores = SqliteStores.open(':memory:');
    store = stores.incidents;
    clock = steppingClock('2026-11-18T09:00:00.000Z');
    waking = new WakingNotifier();
    channel = new RecordingChannel();
    deps = { store, appState: stores.appState, clock, logger: createLogger('silent'), newId: randomUUID, notifier: waking };
  });
  afterEach(async () => {
    await stores.close();
  });

  async function stored(overrides: Parameters<typeof aNewIncident>[0] = {}): Promise<Incident> {
    const { incident } = await store.create(aNewIncident({ discoveredAt, ...overrides }), { at: discoveredAt, actor: { id: 'a', name: 'A' }, type: 'reported', data: {} });
    return incident;
  }

  const deliver = (owner = 'instance-a') => announcePending(deps, channel, { owner });

  it('queues a reminder for each incident whose reminder fell due, asking the store only for those', async () => {
    const due = await stored();
    await stored({ discoveredAt: '2026-11-19T08:00:00.000Z' }); // its first reminder is a day later
    clock.set(at48);
    const spy = counting(deps);
    expect(await sendDueReminders(spy.deps)).toEqual({ due: 1 });
    // The due incidents, then the reminders already pending in the outbox: two indexed queries.
    expect(spy.calls.filter((c) => c.startsWith('list'))).toEqual(['listDueReminders', 'listScheduledState']);
    expect(await outboxFor(deps.appState, clock).pending()).toEqual([expect.objectContaining({ key: `reminder:${due.id}`, kind: 'reminder', slot: at48 })]);
    expect(waking.woken).toBe(1);
  });

  it('queues a whole tick in one write of the outbox, one item per reminder', async () => {
    for (let i = 0; i < 5; i++) await stored();
    clock.set(at48);
    const spy = counting(deps);
    expect(await sendDueReminders(spy.deps)).toEqual({ due: 5 });
    expect(spy.calls.filter((c) => c === 'writeStates' || c === 'putState')).toEqual(['writeStates']);
    expect(await outboxFor(deps.appState, clock).pending()).toHaveLength(5);
  });

  it('writes nothing when a tick finds only reminders that are pending already', async () => {
    for (let i = 0; i < 5; i++) await stored();
    clock.set(at48);
    await sendDueReminders(deps);
    clock.advance(60_000);
    const spy = counting(deps);
    expect(await sendDueReminders(spy.deps)).toEqual({ due: 5 });
    expect(spy.calls.filter((c) => c === 'writeStates' || c === 'putState')).toEqual([]);
  });

  it('costs one query and no write when nothing is due', async () => {
    await stored();
    const spy = counting(deps);
    expect(await sendDueReminders(spy.deps)).toEqual({ due: 0 });
    expect(spy.calls).toEqual(['listDueReminders']);
  });

  it('does nothing when nobody listens (no notifier)', async () => {
    await stored();
    clock.set(at48);
    expect(await sendDueReminders({ ...deps, notifier: undefined })).toEqual({ due: 0 });
    expect(await outboxFor(deps.appState, clock).pending()).toEqual([]);
  });

  it('sends a queued reminder once, moves the next one on and records it in the audit trail', async () => {
    const incident = await stored();
    clock.set(at48);
    await sendDueReminders(deps);
    await sendDueReminders(deps); // a second tick before delivery: still one entry
    expect(await deliver()).toMatchObject({ delivered: 1, failed: 0 });
    expect(channel.reminders).toEqual([{ number: incident.number, stage: '48h', mention: false, catchUp: false }]);
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
    await outboxFor(deps.appState, clock).enqueue({ kind: 'reminder', incidentId: incident.id, reportId: incident.reportId, slot: at48 });
    expect(await deliver('instance-b')).toMatchObject({ delivered: 0, dropped: 1 });
    expect(channel.reminders).toHaveLength(1);
    expect(await outboxFor(deps.appState, clock).pending()).toEqual([]);
  });

  it('sends nothing when the clock stopped between queueing and delivery', async () => {
    const incident = await stored();
    clock.set(at48);
    await sendDueReminders(deps);
    await changeIncident(deps, dpo, 'assess', incident.id, { risk: 'unlikely', rationale: 'Mottagaren är en kollega med tystnadsplikt.' });
    // The change is announced (the card says the clock stopped); the reminder is dropped.
    expect(await deliver()).toMatchObject({ delivered: 1, dropped: 1 });
    expect(channel.reminders).toEqual([]);
    expect((await store.get(incident.id))!.nextReminderAt).toBeNull();
  });

  it('records the reminder on top of a change a person made while it was being sent', async () => {
    const incident = await stored();
    clock.set('2026-11-20T08:00:30.000Z'); // 24 h left, and the first reminder was missed: one catch-up
    await sendDueReminders(deps);
    channel.during = async () => {
      await changeIncident(deps, dpo, 'take', incident.id, {});
    };
    await deliver();
    expect(channel.reminders).toEqual([{ number: incident.number, stage: '24h', mention: true, catchUp: true }]);
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
    expect(await announcePending(flakyDeps, channel, { owner: 'instance-a' })).toMatchObject({ delivered: 0, failed: 1 });
    const [entry] = await outboxFor(deps.appState, clock).pending();
    expect(entry).toMatchObject({ sentSlot: at48, attempts: 1, lastError: 'SQLITE_IOERR' });
    clock.advance(5_000);
    expect(await announcePending(flakyDeps, channel, { owner: 'instance-a' })).toMatchObject({ delivered: 1 });
    expect(channel.reminders).toHaveLength(1);
    expect((await store.get(incident.id))!.nextReminderAt).toBe('2026-11-20T08:00:00.000Z');
  });

  it('retries a reminder Teams failed with a 5xx after a backoff, without holding back the others', async () => {
    const failing = await stored();
    const others = [await stored(), await stored()];
    clock.set(at48);
    channel.failures.set(failing.id, [Object.assign(new Error('Bad Gateway'), { statusCode: 502 })]);
    await sendDueReminders(deps);
    expect(await deliver()).toMatchObject({ delivered: 2, failed: 1 });
    expect(channel.reminders.map((r) => r.number).sort()).toEqual(others.map((o) => o.number).sort());
    expect(await outboxFor(deps.appState, clock).pending()).toEqual([expect.objectContaining({ key: `reminder:${failing.id}`, attempts: 1, lastError: 'http_502' })]);
    // Not before its backoff, then once.
    expect(await deliver()).toMatchObject({ delivered: 0 });
    clock.advance(5_000);
    await sendDueReminders(deps); // ticks meanwhile change nothing
    expect(await deliver()).toMatchObject({ delivered: 1 });
    expect(channel.reminders.filter((r) => r.number === failing.number)).toHaveLength(1);
  });
});
