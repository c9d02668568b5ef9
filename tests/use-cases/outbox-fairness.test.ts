import { randomUUID } from 'node:crypto';
import type { Caller, Stores } from '../../src/domain';
import { createLogger } from '../../src/server/logger';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import { deliverAnnouncements, outboxFor, reportIncident, setDpoChannel, type DeliveryDeps } from '../../src/use-cases';
import { RecordingPoster, TEST_CHANNEL } from '../support/recording-poster';
import { GraphDouble } from '../support/graph-double';
import { openOnNewSite } from '../store/support/sharepoint-fixture';

const flooder: Caller = { id: 'aad-flooder', name: 'Flood', roles: ['reporter'] };
const bertil: Caller = { id: 'aad-bertil', name: 'Bertil', roles: ['reporter'] };
const dpo: Caller = { id: 'aad-dana', name: 'Dana', roles: ['reporter', 'dpo'] };
const T0 = Date.parse('2026-11-20T09:00:00.000Z');

/** The titles of the reports whose cards were posted, in order. */
const titles = (poster: RecordingPoster) => poster.calls.map((c) => c.incident.title);
const form = (title: string) => ({
  title,
  description: 'Ett beslut skickades till fel adress.',
  discoveredAt: '2026-11-20T08:00:00.000Z',
});

let double: GraphDouble;
beforeAll(async () => {
  double = await GraphDouble.start();
});
afterAll(async () => {
  await double.close();
});

// 501 reports through the Graph double over loopback: slow on a shared, busy machine, bounded in count.
jest.setTimeout(180_000);

describe.each([
  ['SQLite', async (): Promise<Stores> => SqliteStores.open(':memory:')],
  ['SharePoint (Graph double)', async (): Promise<Stores> => (await openOnNewSite(double)).stores],
])('outbox fairness between reporters on %s', (_name, open) => {
  let stores: Stores;
  let t: number;
  let deps: DeliveryDeps;
  beforeEach(async () => {
    stores = await open();
    t = T0;
    const clock = { now: () => new Date(t) };
    deps = {
      store: stores.incidents,
      appState: stores.appState,
      clock,
      logger: createLogger('error', () => {}),
      newId: randomUUID,
      outbox: outboxFor(stores.appState, clock),
    };
    await setDpoChannel(deps, dpo, { address: TEST_CHANNEL });
  });
  afterEach(async () => {
    await stores.close();
  });

  /** 500 reports from one person, then one from another, all within the same instant. */
  async function floodThenOne(): Promise<void> {
    for (let i = 0; i < 500; i += 25) {
      await Promise.all(
        Array.from({ length: 25 }, (_, j) => reportIncident(deps, flooder, form(`Flod ${i + j + 1}`), 'api')),
      );
    }
    await reportIncident(deps, bertil, form('Bertils anmälan'), 'api');
  }

  it("delivers another reporter's report in the first pass after a flood of 500, and the flood in full after it", async () => {
    await floodThenOne();
    const channel = new RecordingPoster();
    const first = await deliverAnnouncements(deps, channel, { owner: 'a', limit: 50 });
    expect(titles(channel)).toContain('Bertils anmälan');
    expect(first.delivered).toBeLessThanOrEqual(50);
    // The flood is only spread out, never lost: one turn per 500 ms, all of it within 250 s.
    for (let pass = 0; pass < 200 && titles(channel).length < 501; pass++) {
      t += 10_000;
      await deliverAnnouncements(deps, channel, { owner: 'a', limit: 50 });
    }
    expect(titles(channel)).toHaveLength(501);
    expect(new Set(titles(channel)).size).toBe(501);
    expect(await outboxFor(stores.appState, deps.clock).pending()).toEqual([]);
    // 501 deliveries with their card bookkeeping, some 3,000 requests to the Graph double: more
    // than jest's default 30 s on a loaded machine. A time limit, not a figure asserted.
  }, 180_000);

  it("puts another reporter's report among the first 50 even when the whole flood fell due meanwhile (the channel was down)", async () => {
    await floodThenOne();
    t += 2 * 3600_000;
    const channel = new RecordingPoster();
    await deliverAnnouncements(deps, channel, { owner: 'a', limit: 50 });
    expect(titles(channel)).toHaveLength(50);
    expect(titles(channel)).toContain('Bertils anmälan');
  });
});
