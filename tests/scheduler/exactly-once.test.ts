import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConnectorError } from '../../bot/conversation-gateway';
import type { Incident, Stores } from '../../src/domain';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import { outboxFor, sendDueReminders } from '../../src/use-cases';
import { createLogger } from '../../src/server/logger';
import { VirtualClock } from '../bot/support/bot-harness';
import { GraphDouble } from '../support/graph-double';
import { openOnNewSite, openOnSite } from '../store/support/sharepoint-fixture';
import {
  runUntil,
  setTestDpoChannel,
  startInstance,
  TeamsDouble,
  type ReminderInstance,
} from './support/reminder-instance';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const CARD_THRESHOLDS = [-48, -24, -12, -4, -1, 0, 24];
const REPLY_THRESHOLDS = [-24, -4, 0, 24];

/** Every threshold of every incident seen exactly once, each within `slack` after it. */
function expectEachOnce(teams: TeamsDouble, incidents: readonly Incident[], slackMs: number): void {
  for (const incident of incidents) {
    const history = teams.history(incident.number);
    const check = (kind: 'update' | 'reply', hours: number[]) => {
      const ats = history.filter((h) => h.kind === kind).map((h) => h.at);
      expect({ number: incident.number, kind, count: ats.length }).toEqual({
        number: incident.number,
        kind,
        count: hours.length,
      });
      ats.forEach((at, i) => {
        const threshold = Date.parse(incident.deadline) + hours[i] * HOUR;
        expect(at).toBeGreaterThanOrEqual(threshold);
        expect(at).toBeLessThan(threshold + slackMs);
      });
    };
    check('update', CARD_THRESHOLDS);
    check('reply', REPLY_THRESHOLDS);
  }
}

/**
 * Steps both instances through every threshold of the incidents: just before each (nothing is
 * due), then just after (both tick at the same moment, then both deliver at the same moment).
 */
async function throughEveryThreshold(
  instances: ReminderInstance[],
  clock: VirtualClock,
  incidents: readonly Incident[],
): Promise<void> {
  const instants = [
    ...new Set(incidents.flatMap((i) => CARD_THRESHOLDS.map((h) => Date.parse(i.deadline) + h * HOUR))),
  ].sort((a, b) => a - b);
  for (const t of instants) {
    if (clock.ms() < t - 60_000) clock.advance(t - 60_000 - clock.ms());
    await Promise.all(instances.map((i) => i.scheduler.runNow()));
    clock.advance(t + 30_000 - clock.ms());
    await Promise.all(instances.map((i) => i.scheduler.runNow()));
    await Promise.all(instances.map((i) => i.delivery.drain()));
  }
}

describe('two scheduler instances over one SQLite file', () => {
  let dir: string;
  let stores: SqliteStores[];
  let instances: ReminderInstance[];
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pui-reminders-'));
  });
  afterEach(async () => {
    for (const i of instances ?? []) await i.close();
    for (const s of stores ?? []) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('send each reminder exactly once when they tick at the same moment, every 10 minutes, through all thresholds', async () => {
    const file = path.join(dir, 'pui.db');
    stores = [SqliteStores.open(file), SqliteStores.open(file)];
    const clock = new VirtualClock('2026-11-18T10:01:07.000Z');
    const teams = new TeamsDouble(clock);
    await setTestDpoChannel(stores[0].appState, clock);
    instances = stores.map((s, n) => startInstance({ stores: s, clock, teams, id: `instance-${n}` }));
    // Six incidents, reported through either instance, with deadlines 40 minutes apart.
    const incidents: Incident[] = [];
    for (let n = 0; n < 6; n++) {
      incidents.push(
        await instances[n % 2].report(
          new Date(Date.parse('2026-11-18T06:00:00.000Z') + n * 40 * 60_000).toISOString(),
          `Incident ${n}`,
        ),
      );
    }
    await runUntil(
      instances,
      clock,
      new Date(Date.parse(incidents[5].deadline) + DAY + HOUR).toISOString(),
      10 * 60_000,
    );
    expect(teams.posts.filter((p) => !p.conversationId.includes(';messageid='))).toHaveLength(6);
    expectEachOnce(teams, incidents, 10 * 60_000 + 10_000);
    for (const incident of incidents) {
      const sent = (await stores[1].incidents.events(incident.id)).filter((e) => e.type === 'reminder-sent');
      expect(sent).toHaveLength(CARD_THRESHOLDS.length);
    }
  });

  it("send a reminder claimed by an instance that died before sending once, after the claim's lease runs out", async () => {
    const file = path.join(dir, 'pui.db');
    stores = [SqliteStores.open(file), SqliteStores.open(file)];
    const clock = new VirtualClock('2026-11-18T08:30:00.000Z');
    const teams = new TeamsDouble(clock);
    await setTestDpoChannel(stores[0].appState, clock);
    const survivor = startInstance({ stores: stores[1], clock, teams, id: 'survivor' });
    instances = [survivor];
    const incident = await survivor.report('2026-11-18T08:00:00.000Z');
    clock.advance(Date.parse('2026-11-19T08:00:30.000Z') - clock.ms()); // 48 h left

    // The instance that dies: it ticks, claims the reminder, and is gone before sending it.
    const doomed = {
      store: stores[0].incidents,
      appState: stores[0].appState,
      clock,
      logger: createLogger('silent'),
      newId: () => 'x',
      outbox: outboxFor(stores[0].appState, clock),
    };
    await sendDueReminders(doomed);
    const [claimed] = await outboxFor(stores[0].appState, clock).claimDue('doomed', 50, 5 * 60_000);
    expect(claimed).toMatchObject({ kind: 'reminder', incidentId: incident.id });

    // The survivor ticks meanwhile: the reminder is claimed, so it waits.
    await survivor.tick();
    clock.advance(4 * 60_000);
    await survivor.tick();
    expect(teams.history(incident.number)).toEqual([]);
    // The lease runs out: the survivor sends it, once.
    clock.advance(2 * 60_000);
    await survivor.tick();
    await runUntil([survivor], clock, '2026-11-19T12:00:00.000Z', 10 * 60_000);
    expect(teams.history(incident.number).map((h) => h.kind)).toEqual(['update']);
    expect((await stores[1].incidents.get(incident.id))!.nextReminderAt).toBe('2026-11-20T08:00:00.000Z');
  });

  it('retry a reminder Teams failed with 503 after a backoff without holding back the others, and wait out a 429', async () => {
    stores = [SqliteStores.open(path.join(dir, 'pui.db'))];
    const clock = new VirtualClock('2026-11-18T08:30:00.000Z');
    const teams = new TeamsDouble(clock);
    await setTestDpoChannel(stores[0].appState, clock);
    const server = startInstance({ stores: stores[0], clock, teams });
    instances = [server];
    const incidents = [
      await server.report('2026-11-18T08:00:00.000Z', 'A'),
      await server.report('2026-11-18T08:00:00.000Z', 'B'),
      await server.report('2026-11-18T08:00:00.000Z', 'C'),
    ];
    clock.advance(Date.parse('2026-11-19T08:00:30.000Z') - clock.ms());

    // 503 on A's card: A waits its backoff, B and C go out in the same pass.
    teams.failFor(teams.cardOf(incidents[0].number).activityId, new ConnectorError(503, undefined));
    await server.tick();
    expect(incidents.map((i) => teams.history(i.number).length)).toEqual([0, 1, 1]);
    clock.advance(5_000);
    await server.tick();
    expect(incidents.map((i) => teams.history(i.number).length)).toEqual([1, 1, 1]);

    // 429 with Retry-After on the 24 h reminder: everything waits it out, then each goes out once.
    clock.advance(Date.parse('2026-11-20T08:00:30.000Z') - clock.ms());
    teams.failFor(teams.cardOf(incidents[1].number).activityId, new ConnectorError(429, 3_000));
    await server.tick();
    const deferredAt = clock.ms();
    clock.advance(3_000);
    await server.tick();
    for (const incident of incidents) {
      const history = teams.history(incident.number).slice(1);
      expect(history.map((h) => h.kind)).toEqual(['update', 'reply']);
    }
    expect(teams.history(incidents[1].number)[1].at).toBeGreaterThanOrEqual(deferredAt + 3_000);
  });
});

describe('two scheduler instances over one SharePoint site (Graph double)', () => {
  let double: GraphDouble;
  let stores: Stores[] = [];
  let instances: ReminderInstance[] = [];
  beforeAll(async () => {
    double = await GraphDouble.start();
  });
  afterAll(async () => {
    await double.close();
  });
  afterEach(async () => {
    for (const i of instances) await i.close();
    for (const s of stores) await s.close();
    instances = [];
    stores = [];
  });

  it('send each reminder exactly once when both tick at the same moment at every threshold', async () => {
    const { stores: first, siteId } = await openOnNewSite(double);
    const { stores: second } = await openOnSite(double, siteId);
    stores = [first, second];
    const clock = new VirtualClock('2026-11-18T08:30:00.000Z');
    const teams = new TeamsDouble(clock);
    await setTestDpoChannel(first.appState, clock);
    instances = stores.map((s, n) => startInstance({ stores: s, clock, teams, id: `sp-instance-${n}` }));
    const incidents: Incident[] = [];
    for (let n = 0; n < 3; n++) {
      incidents.push(
        await instances[n % 2].report(
          new Date(Date.parse('2026-11-18T07:00:00.000Z') + n * 20 * 60_000).toISOString(),
          `Incident ${n}`,
        ),
      );
    }
    await throughEveryThreshold(instances, clock, incidents);
    expectEachOnce(teams, incidents, 60_000);
  });
});
