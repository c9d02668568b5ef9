import type { IncidentStore } from '../../src/domain';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import { changeIncident } from '../../src/use-cases';
import { cardProblems } from '../bot/support/card-schema';
import { cardText, VirtualClock } from '../bot/support/bot-harness';
import {
  dpo,
  DPO_MENTIONS,
  mentionedIds,
  runUntil,
  setTestDpoChannel,
  startInstance,
  TeamsDouble,
  type ReminderInstance,
} from './support/reminder-instance';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const STEP = 10 * 60_000;

/** Offsets from the deadline (hours) at which the card is updated, and those that also get a reply. */
const CARD_THRESHOLDS = [-48, -24, -12, -4, -1, 0, 24, 48];
const REPLY_THRESHOLDS = [-24, -4, 0, 24, 48];

/** Each event happened within one tick step (plus pacing) after its threshold. */
function expectAt(ats: number[], deadline: string, hours: number[]): void {
  expect(ats).toHaveLength(hours.length);
  ats.forEach((at, i) => {
    const threshold = Date.parse(deadline) + hours[i] * HOUR;
    expect(at).toBeGreaterThanOrEqual(threshold);
    expect(at).toBeLessThan(threshold + STEP + 5_000);
  });
}

describe('the reminder scheduler (one instance, virtual time)', () => {
  let stores: SqliteStores;
  let store: IncidentStore;
  let clock: VirtualClock;
  let teams: TeamsDouble;
  let server: ReminderInstance;

  async function start(at: string): Promise<void> {
    stores = SqliteStores.open(':memory:');
    store = stores.incidents;
    clock = new VirtualClock(at);
    teams = new TeamsDouble(clock);
    await setTestDpoChannel(stores.appState, clock);
    server = startInstance({ stores, clock, teams });
  }

  afterEach(async () => {
    await server?.close();
    await stores?.close();
  });

  it('updates the card at 48, 24, 12, 4 and 1 h left, at the deadline and daily after, and chases the DPOs at 24 h, 4 h and overdue', async () => {
    await start('2026-11-18T08:31:07.000Z'); // ticks fall a little after each threshold, as jittered ones do
    const incident = await server.report('2026-11-18T08:00:00.000Z');
    await runUntil([server], clock, '2026-11-23T09:00:00.000Z', STEP);

    const history = teams.history(incident.number);
    expectAt(
      history.filter((h) => h.kind === 'update').map((h) => h.at),
      incident.deadline,
      CARD_THRESHOLDS,
    );
    const replies = history.filter((h) => h.kind === 'reply');
    expectAt(
      replies.map((h) => h.at),
      incident.deadline,
      REPLY_THRESHOLDS,
    );
    // Nobody owns it: the configured DPOs are chased.
    for (const reply of replies) {
      expect(mentionedIds(reply.content)).toEqual(DPO_MENTIONS.map((d) => d.id));
      expect(reply.text).toContain('<at>Dana Dataskydd</at>, <at>Dora Dataskydd</at>: ingen har tagit ärendet ännu.');
      expect(cardProblems(reply.content)).toEqual([]);
    }
    // The card counts down by itself, and says when the deadline passed.
    const updates = history.filter((h) => h.kind === 'update');
    expect(updates[0].text).toContain('1 d 23 h kvar');
    expect(updates[1].text).toContain('23 h 58 min kvar');
    expect(updates[5].text).toContain('försenad 1 min');
    expect(replies[0].text).toContain(
      `23 h 58 min kvar till tidsfristen för att anmäla ${incident.number} till IMY (2026-11-21 09:00)`,
    );
    expect(replies[2].text).toContain('Tidsfristen för att anmäla');
    expect(replies[2].text).toContain('ange skälen till förseningen');
    // Each one recorded in the audit trail, and nothing describes the incident beyond its number.
    const events = await store.events(incident.id);
    expect(events.filter((e) => e.type === 'reminder-sent')).toHaveLength(CARD_THRESHOLDS.length);
    for (const reply of replies) expect(JSON.stringify(reply.content)).not.toContain('Beslut skickat till fel adress');
  });

  it('chases the owner, by Entra object id, once someone has taken the incident', async () => {
    await start('2026-11-18T08:30:00.000Z');
    const incident = await server.report('2026-11-18T08:00:00.000Z');
    await changeIncident(server.deps, dpo, 'take', incident.id, {});
    await runUntil([server], clock, '2026-11-20T08:30:00.000Z', STEP);
    const [reply] = teams.history(incident.number).filter((h) => h.kind === 'reply');
    expect(mentionedIds(reply.content)).toEqual([dpo.id]);
    expect(reply.text).toContain('<at>Erik Ägare</at>, du är ansvarig för ärendet.');
  });

  it.each([
    [
      'IMY is notified',
      'imy-notice' as const,
      { notifiedAt: '2026-11-19T10:00:00.000Z' },
      'Klockan stoppad: anmäld till IMY 2026-11-19 11:00',
    ],
    [
      'the DPO records that notice is not required',
      'assess' as const,
      { risk: 'unlikely', rationale: 'Mottagaren är en kollega med tystnadsplikt.' },
      'Klockan stoppad: anmälan krävs inte',
    ],
  ])('stops when %s: the card says so and no more reminders go out', async (_what, kind, body, says) => {
    await start('2026-11-18T08:30:00.000Z');
    const incident = await server.report('2026-11-18T08:00:00.000Z');
    await runUntil([server], clock, '2026-11-19T10:30:00.000Z', STEP); // past 48 h left
    const before = teams.history(incident.number).length;
    await changeIncident(server.deps, dpo, kind, incident.id, body);
    await runUntil([server], clock, '2026-11-24T09:00:00.000Z', STEP);
    const after = teams.history(incident.number).slice(before);
    expect(after).toHaveLength(1); // the change itself, announced
    expect(after[0]).toMatchObject({ kind: 'update' });
    expect(after[0].text).toContain(says);
    expect((await store.get(incident.id))!.nextReminderAt).toBeNull();
  });

  it('after hours of downtime sends one catch-up per incident with the current state, not every missed threshold', async () => {
    await start('2026-11-18T08:30:00.000Z');
    const first = await server.report('2026-11-18T08:00:00.000Z', 'Första');
    const second = await server.report('2026-11-18T08:20:00.000Z', 'Andra');
    await server.close();
    // Down from before the first threshold until 3 h before the first deadline; a new process then.
    clock.advance(Date.parse('2026-11-21T05:00:00.000Z') - clock.ms());
    server = startInstance({ stores, clock, teams });
    await server.tick();
    for (const incident of [first, second]) {
      const history = teams.history(incident.number);
      expect(history.map((h) => h.kind)).toEqual(['update', 'reply']);
      expect(history[1].text).toContain('PUI Desk kunde inte påminna i tid');
    }
    expect(teams.history(first.number)[1].text).toContain('3 h kvar till tidsfristen');
    // Back on schedule: the next threshold (1 h left) is one plain update.
    await runUntil([server], clock, '2026-11-21T07:05:00.000Z', STEP);
    expect(teams.history(first.number).map((h) => h.kind)).toEqual(['update', 'reply', 'update']);
  });

  it("shows a phased notice's supplement on the card, reminds before the four weeks end, and stops once it is recorded", async () => {
    await start('2026-11-18T08:30:00.000Z');
    const incident = await server.report('2026-11-18T08:00:00.000Z');
    await changeIncident(server.deps, dpo, 'imy-notice', incident.id, {
      notifiedAt: '2026-11-18T08:30:00.000Z',
      phased: true,
    });
    await server.delivery.drain();
    const [notified] = teams.history(incident.number);
    expect(notified.text).toContain('Komplettering till IMY');
    expect(notified.text).toContain('Återstår: senast 2026-12-16 09:30');
    await runUntil([server], clock, '2026-12-09T09:00:00.000Z', HOUR);
    const sevenDays = teams.history(incident.number).slice(1);
    expect(sevenDays.map((h) => h.kind)).toEqual(['update', 'reply']);
    expect(sevenDays[1].text).toContain('Kompletteringen ska vara hos IMY senast 2026-12-16 09:30 (7 d kvar)');
    await changeIncident(server.deps, dpo, 'imy-supplement', incident.id, { sentAt: '2026-12-09T08:00:00.000Z' });
    await runUntil([server], clock, '2026-12-20T09:00:00.000Z', HOUR);
    const rest = teams.history(incident.number).slice(3);
    expect(rest).toHaveLength(1);
    expect(rest[0].text).toContain('Skickad 2026-12-09 09:00');
  });
});

describe('the reminders across daylight saving', () => {
  let stores: SqliteStores;
  let server: ReminderInstance;
  afterEach(async () => {
    await server?.close();
    await stores?.close();
  });

  it.each([
    ['March (clocks go forward)', '2026-03-27T09:00:00.000Z', '2026-03-30 11:00'],
    ['October (clocks go back)', '2026-10-23T08:00:00.000Z', '2026-10-26 09:00'],
  ])(
    'in %s every threshold falls its elapsed hours before the deadline, each once',
    async (_when, discoveredAt, deadlineShown) => {
      stores = SqliteStores.open(':memory:');
      const clock = new VirtualClock(new Date(Date.parse(discoveredAt) + 5 * 60_000).toISOString());
      const teams = new TeamsDouble(clock);
      await setTestDpoChannel(stores.appState, clock);
      server = startInstance({ stores, clock, teams });
      const incident = await server.report(discoveredAt);
      await runUntil([server], clock, new Date(Date.parse(incident.deadline) + 2 * DAY + HOUR).toISOString(), STEP);
      const history = teams.history(incident.number);
      expectAt(
        history.filter((h) => h.kind === 'update').map((h) => h.at),
        incident.deadline,
        CARD_THRESHOLDS,
      );
      expectAt(
        history.filter((h) => h.kind === 'reply').map((h) => h.at),
        incident.deadline,
        REPLY_THRESHOLDS,
      );
      expect(cardText(teams.cardOf(incident.number).content)).toContain(deadlineShown);
    },
  );
});
