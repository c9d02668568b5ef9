import { randomUUID } from 'node:crypto';
import {
  DIGEST_MAX_BYTES,
  DIGEST_THRESHOLD,
  digestBytes,
  possiblySameInDigest,
  type AppStateStore,
  type Caller,
  type IncidentStore,
} from '../../src/domain';
import { createLogger } from '../../src/server/logger';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import {
  deliverAnnouncements,
  getDigestState,
  Outbox,
  outboxFor,
  reportIncident,
  setDpoChannel,
  type DeliveryDeps,
} from '../../src/use-cases';
import { RecordingPoster, TEST_CHANNEL } from '../support/recording-poster';

const dpo: Caller = { id: 'aad-dana', name: 'Dana', roles: ['reporter', 'dpo'] };
const reporter = (i: number): Caller => ({ id: `aad-r${i}`, name: `R ${i}`, roles: ['reporter'] });

function steppingClock(start = Date.parse('2026-11-20T09:00:00.000Z')) {
  let t = start;
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

const form = (title: string) => ({
  title,
  description: 'Ett beslut skickades till en gammal adress.',
  discoveredAt: '2026-11-20T08:00:00.000Z',
});

describe('the digest in the DPO channel', () => {
  let stores: SqliteStores;
  let store: IncidentStore;
  let appState: AppStateStore;
  let clock: ReturnType<typeof steppingClock>;
  let deps: DeliveryDeps;
  beforeEach(async () => {
    stores = SqliteStores.open(':memory:');
    ({ incidents: store, appState } = stores);
    clock = steppingClock();
    deps = {
      store,
      appState,
      clock,
      logger: createLogger('silent'),
      newId: randomUUID,
      outbox: outboxFor(appState, clock),
    };
    await setDpoChannel(deps, dpo, { address: TEST_CHANNEL });
  });
  afterEach(async () => {
    await stores.close();
  });

  const report = async (count: number, from = 0, title = (i: number) => `Intrång, system ${i}`) => {
    const numbers: string[] = [];
    for (let i = from; i < from + count; i++) {
      numbers.push((await reportIncident(deps, reporter(i), form(title(i)), 'api')).incident.number);
      clock.advance(10); // reports in a known order
    }
    return numbers;
  };
  /** Passes until nothing is pending, a second of (virtual) time apart. */
  const drain = async (poster: RecordingPoster, d: DeliveryDeps = deps) => {
    for (let i = 0; i < 200 && (await d.outbox.pending()).length > 0; i++) {
      await deliverAnnouncements(d, poster, { owner: 'a', limit: 5 });
      clock.advance(1_000);
    }
    expect(await d.outbox.pending()).toEqual([]);
  };
  const numbersOf = (poster: RecordingPoster) => poster.digests.flatMap((d) => d.digest.lines.map((l) => l.number));

  it('lists a pile-up in one digest at once, gives each incident its own card after, and goes back to single cards', async () => {
    const numbers = await report(20);
    const poster = new RecordingPoster();
    await deliverAnnouncements(deps, poster, { owner: 'a', limit: 5 });
    // One message shows all 20 before most of their own cards could go out.
    expect(poster.digests.map((d) => d.kind)).toEqual(['post']);
    expect(poster.digests[0].digest.lines.map((l) => l.number).sort()).toEqual([...numbers].sort());
    expect(poster.calls.filter((c) => c.kind === 'post')).toHaveLength(5);
    await drain(poster);
    expect(
      poster.calls
        .filter((c) => c.kind === 'post')
        .map((c) => c.incident.number)
        .sort(),
    ).toEqual([...numbers].sort());
    // Nothing waits any more: the digest is closed, and a few new reports get their own cards only.
    await deliverAnnouncements(deps, poster, { owner: 'a' });
    expect((await getDigestState(deps))?.open).toBeUndefined();
    const later = await report(DIGEST_THRESHOLD, 100);
    await drain(poster);
    expect(poster.digests).toHaveLength(1);
    expect(
      poster.calls
        .filter((c) => c.kind === 'post')
        .slice(-DIGEST_THRESHOLD)
        .map((c) => c.incident.number),
    ).toEqual(later);
  });

  it('sorts a digest by deadline and masks and collapses the titles', async () => {
    await report(DIGEST_THRESHOLD + 1, 0, (i) => (i === 3 ? 'Lista med\n19121212-1212 på\nfel plats' : `Intrång ${i}`));
    const poster = new RecordingPoster();
    await deliverAnnouncements(deps, poster, { owner: 'a', limit: 1 });
    const lines = poster.digests[0].digest.lines;
    expect(lines.map((l) => l.deadline)).toEqual([...lines.map((l) => l.deadline)].sort());
    const title = lines.find((l) => l.title.startsWith('Lista'))!.title;
    expect(title).not.toMatch(/1212|\n/);
    expect(title).toMatch(/^Lista med .+ på fel plats$/);
  });

  it('groups reports of one mail and of one Teams message in the digest, keeping fingerprints, never the ids, in its state', async () => {
    const mail = '<AM0PR01MB1.eurprd01@kommun.example.se>';
    const message = '19:group@thread.v2/1700000000456';
    for (let i = 0; i < DIGEST_THRESHOLD + 2; i++) {
      const ids = i < 2 ? { internetMessageId: mail } : i < 4 ? { sourceMessageId: message } : {};
      await reportIncident(deps, reporter(i), { ...form(`Helt egen rubrik ${'abcdefghijkl'[i]}`), ...ids }, 'api');
      clock.advance(10);
    }
    const poster = new RecordingPoster();
    await deliverAnnouncements(deps, poster, { owner: 'a', limit: 1 });
    const marks = possiblySameInDigest(poster.digests[0].digest.lines);
    expect(marks).toEqual(
      new Map([
        ['PUI-2026-0002', { first: 'PUI-2026-0001', reason: 'mail' }],
        ['PUI-2026-0004', { first: 'PUI-2026-0003', reason: 'source-message' }],
      ]),
    );
    const state = JSON.stringify(await getDigestState(deps));
    expect(state).toContain('mailKey');
    expect(state).not.toContain('kommun.example.se');
    expect(state).not.toContain('thread.v2');
  });

  it('updates the digest in place as more arrive, at most once per 3 s', async () => {
    await report(10);
    const poster = new RecordingPoster();
    await deliverAnnouncements(deps, poster, { owner: 'a', limit: 1 });
    await report(3, 10);
    await deliverAnnouncements(deps, poster, { owner: 'a', limit: 1 });
    // Too soon after the post: the newcomers wait for the next update.
    expect(poster.digests.map((d) => d.kind)).toEqual(['post']);
    clock.advance(3_000);
    await deliverAnnouncements(deps, poster, { owner: 'a', limit: 1 });
    expect(poster.digests.map((d) => [d.kind, d.messageId, d.digest.lines.length])).toEqual([
      ['post', poster.digests[0].messageId, 10],
      ['update', poster.digests[0].messageId, 13],
    ]);
  });

  it('starts a new digest when the card would pass 28 KB, every incident listed exactly once', async () => {
    const numbers = await report(150, 0, (i) => `${i} ${'Å'.repeat(180)}`);
    const poster = new RecordingPoster();
    await deliverAnnouncements(deps, poster, { owner: 'a', limit: 1 });
    const posted = poster.digests.filter((d) => d.kind === 'post');
    expect(posted.length).toBeGreaterThan(1);
    for (const d of posted) expect(digestBytes(d.digest.lines)).toBeLessThanOrEqual(DIGEST_MAX_BYTES);
    expect(numbersOf(poster).sort()).toEqual([...numbers].sort());
    // The last one stays open for more.
    expect((await getDigestState(deps))?.open?.messageId).toBe(posted[posted.length - 1].messageId);
  });

  it('updates the same digest after a restart: its message id is stored', async () => {
    await report(12);
    const before = new RecordingPoster();
    await deliverAnnouncements(deps, before, { owner: 'instance-1', limit: 1 });
    const messageId = before.digests[0].messageId;
    // A new process: its own outbox and poster over the same store.
    const restarted: DeliveryDeps = { ...deps, outbox: new Outbox(appState, clock) };
    clock.advance(5_000);
    await report(4, 12);
    const after = new RecordingPoster();
    await deliverAnnouncements(restarted, after, { owner: 'instance-2', limit: 1 });
    expect(after.digests.map((d) => [d.kind, d.messageId, d.digest.lines.length])).toEqual([['update', messageId, 16]]);
  });

  it('lets a second instance post no second digest while the first holds it', async () => {
    await report(12);
    const state = await appState.getState<Record<string, unknown>>('dpo-digest');
    expect(state).toBeUndefined();
    await appState.putState(
      'dpo-digest',
      { shown: [], lock: { owner: 'other', until: new Date(clock.now().getTime() + 30_000).toISOString() } },
      undefined,
    );
    const poster = new RecordingPoster();
    await deliverAnnouncements(deps, poster, { owner: 'a', limit: 1 });
    expect(poster.digests).toEqual([]);
    // Its own cards go on meanwhile.
    expect(poster.calls.filter((c) => c.kind === 'post')).toHaveLength(1);
  });
});
