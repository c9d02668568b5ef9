import { randomUUID } from 'node:crypto';
import { ChannelBusy, type AppStateStore, type Caller, type IncidentStore } from '../../src/domain';
import { createLogger } from '../../src/server/logger';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import {
  changeIncident,
  deliverAnnouncements,
  Outbox,
  OUTBOX_PREFIX,
  outboxFor,
  outboxItemKey,
  reportIncident,
  setDpoChannel,
  type DeliveryDeps,
} from '../../src/use-cases';
import { RecordingPoster, TEST_CHANNEL } from '../support/recording-poster';

const reporter: Caller = { id: 'aad-anna', name: 'Anna', roles: ['reporter'] };
const dpo: Caller = { id: 'aad-dana', name: 'Dana', roles: ['reporter', 'dpo'] };

function steppingClock(start = Date.parse('2026-11-20T09:00:00.000Z')) {
  let t = start;
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

const form = (title = 'Brev till fel adress') => ({
  title,
  description: 'Ett beslut skickades till en gammal adress.',
  discoveredAt: '2026-11-20T08:00:00.000Z',
});

describe('the announcement outbox', () => {
  let stores: SqliteStores;
  let store: IncidentStore;
  let appState: AppStateStore;
  let clock: ReturnType<typeof steppingClock>;
  let deps: DeliveryDeps;
  let logLines: string[];
  beforeEach(() => {
    stores = SqliteStores.open(':memory:');
    ({ incidents: store, appState } = stores);
    clock = steppingClock();
    logLines = [];
    deps = {
      store,
      appState,
      clock,
      logger: createLogger('info', (l) => logLines.push(l)),
      newId: randomUUID,
      outbox: outboxFor(appState, clock),
    };
  });
  afterEach(async () => {
    await stores.close();
  });

  it('queues a report before storing it, and the same news twice is one entry', async () => {
    await reportIncident(deps, reporter, { ...form(), reportId: 'report-000001' }, 'bot');
    await reportIncident(deps, reporter, { ...form(), reportId: 'report-000001' }, 'bot');
    expect(await outboxFor(appState, clock).pending()).toEqual([
      expect.objectContaining({ key: 'reported:report-000001', kind: 'reported', attempts: 0 }),
    ]);
  });

  it('queues nothing where nothing delivers (no outbox: the CLI, a server without the bot)', async () => {
    await reportIncident({ ...deps, outbox: undefined }, reporter, form(), 'api');
    expect((await appState.listScheduledState(OUTBOX_PREFIX)).items).toEqual([]);
  });

  it('withdraws the queued news when the report cannot be stored', async () => {
    const failing: IncidentStore = Object.assign(Object.create(store) as IncidentStore, {
      create: async () => {
        throw new Error('disk full');
      },
    });
    await expect(
      reportIncident({ ...deps, store: failing }, reporter, { ...form(), reportId: 'report-000002' }, 'bot'),
    ).rejects.toThrow('disk full');
    expect(await outboxFor(appState, clock).pending()).toEqual([]);
  });

  it('writes a burst of 200 concurrent enqueues in a few batched writes, one item per entry', async () => {
    let writes = 0;
    const counting: AppStateStore = Object.assign(Object.create(appState) as AppStateStore, {
      writeStates: (...args: Parameters<AppStateStore['writeStates']>) => {
        writes++;
        return appState.writeStates(...args);
      },
    });
    const outbox = new Outbox(counting, clock);
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        outbox.enqueue({ kind: 'reported', reportId: `report-${String(i).padStart(6, '0')}` }),
      ),
    );
    expect(await outbox.pending()).toHaveLength(200);
    expect(writes).toBeLessThanOrEqual(5);
    expect(await appState.getState(outboxItemKey('reported:report-000199'))).toMatchObject({
      value: { key: 'reported:report-000199', version: 1 },
    });
  });

  it('lets two processes claim concurrently without ever claiming one entry twice', async () => {
    const a = new Outbox(appState, clock);
    const b = new Outbox(appState, clock);
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        a.enqueue({ kind: 'reported', reportId: `report-${String(i).padStart(6, '0')}` }),
      ),
    );
    const claims = await Promise.all([
      a.claimDue('a', 40, 60_000),
      b.claimDue('b', 40, 60_000),
      a.claimDue('a', 40, 60_000),
    ]);
    const keys = claims.flat().map((e) => e.key);
    expect(keys).toHaveLength(60);
    expect(new Set(keys).size).toBe(60);
  });

  it('hands a claim to another process once its lease has run out', async () => {
    const outbox = outboxFor(appState, clock);
    await outbox.enqueue({ kind: 'reported', reportId: 'report-000003' });
    expect(await outbox.claimDue('a', 10, 60_000)).toHaveLength(1);
    expect(await outbox.claimDue('b', 10, 60_000)).toHaveLength(0);
    clock.advance(60_001);
    expect(await outbox.claimDue('b', 10, 60_000)).toHaveLength(1);
  });

  it('delivers again when the same news was queued during its delivery', async () => {
    const outbox = outboxFor(appState, clock);
    const news = { kind: 'changed', incidentId: 'i-1', reportId: 'r-1' } as const;
    await outbox.enqueue(news);
    const [claimed] = await outbox.claimDue('a', 10, 60_000);
    await outbox.enqueue(news);
    expect(await outbox.complete(claimed, 'a')).toBe(true);
    expect(await outbox.pending()).toEqual([expect.objectContaining({ key: 'changed:i-1', version: 2 })]);
    expect((await outbox.pending())[0].claim).toBeUndefined();
  });

  it('keeps each entry in an item of its own, so work on one entry never conflicts with work on another', async () => {
    let conflicts = 0;
    const watching: AppStateStore = Object.assign(Object.create(appState) as AppStateStore, {
      writeStates: async (...args: Parameters<AppStateStore['writeStates']>) => {
        const outcomes = await appState.writeStates(...args);
        conflicts += outcomes.filter((o) => !o.ok).length;
        return outcomes;
      },
    });
    const a = new Outbox(watching, clock);
    const b = new Outbox(watching, clock);
    await a.enqueue({ kind: 'reported', reportId: 'report-000010' });
    await a.enqueue({ kind: 'reported', reportId: 'report-000011' });
    const [first] = await a.claimDue('a', 1, 60_000);
    const [second] = await b.claimDue('b', 1, 60_000);

    await Promise.all([
      a.complete(first, 'a'),
      b.enqueue({ kind: 'reported', reportId: 'report-000012' }),
      b.release(second, 'b', clock.now(), { error: 'http_503' }),
    ]);

    expect(conflicts).toBe(0);
    expect(await appState.getState(outboxItemKey(first.key))).toBeUndefined();
    expect((await a.pending()).map((e) => [e.key, e.attempts])).toEqual([
      [second.key, 1],
      ['reported:report-000012', 0],
    ]);
  });

  describe('deliverAnnouncements', () => {
    const channelSet = () => setDpoChannel(deps, dpo, { address: TEST_CHANNEL });

    it('delivers reports and changes in order, a change only after its report', async () => {
      await channelSet();
      const channel = new RecordingPoster();
      const { incident } = await reportIncident(deps, reporter, form(), 'bot');
      await changeIncident(deps, dpo, 'take', incident.number, {});
      // The change waits for the pass after its report's.
      expect(await deliverAnnouncements(deps, channel, { owner: 'a' })).toMatchObject({ delivered: 1, failed: 0 });
      expect(await deliverAnnouncements(deps, channel, { owner: 'a' })).toMatchObject({ delivered: 1, failed: 0 });
      expect(channel.delivered).toEqual(['post PUI-2026-0001', 'update PUI-2026-0001 triage']);
      expect(await outboxFor(appState, clock).pending()).toEqual([]);
    });

    it('holds a change back while its report is waiting for a retry', async () => {
      await channelSet();
      const channel = new RecordingPoster();
      channel.failWith = [new Error('boom')];
      const { incident } = await reportIncident(deps, reporter, form(), 'bot');
      await changeIncident(deps, dpo, 'take', incident.number, {});
      expect(await deliverAnnouncements(deps, channel, { owner: 'a' })).toMatchObject({ delivered: 0, failed: 1 });
      expect(channel.delivered).toEqual([]);
      clock.advance(5_000);
      expect(await deliverAnnouncements(deps, channel, { owner: 'a' })).toMatchObject({ delivered: 1 });
      expect(await deliverAnnouncements(deps, channel, { owner: 'a' })).toMatchObject({ delivered: 1 });
      expect(channel.delivered).toEqual(['post PUI-2026-0001', 'update PUI-2026-0001 triage']);
    });

    it('backs off 5 s, 10 s, 20 s … after failures and logs ids only', async () => {
      await channelSet();
      const channel = new RecordingPoster();
      channel.failWith = [
        Object.assign(new Error('x'), { statusCode: 500 }),
        Object.assign(new Error('x'), { statusCode: 500 }),
      ];
      await reportIncident(deps, reporter, form('Mejl till anna.svensson@kommun.se'), 'bot');
      await deliverAnnouncements(deps, channel, { owner: 'a' });
      clock.advance(5_000);
      await deliverAnnouncements(deps, channel, { owner: 'a' });
      const [entry] = await outboxFor(appState, clock).pending();
      expect(entry).toMatchObject({ attempts: 2, lastError: 'http_500' });
      expect(Date.parse(entry.notBefore) - clock.now().getTime()).toBe(10_000);
      expect(logLines.join('\n')).not.toContain('kommun.se');
    });

    it('starts no post on a claim with under a third of its lease left: the rest goes back for a new pass', async () => {
      await channelSet();
      for (const title of ['A', 'B', 'C']) await reportIncident(deps, reporter, form(title), 'bot');
      // Each post takes 5 s of a 15 s lease: after the first, 10 s are left; after the second, 5 s (a third).
      const slow = new (class extends RecordingPoster {
        override async postCard(...args: Parameters<RecordingPoster['postCard']>): Promise<string> {
          clock.advance(5_000);
          return super.postCard(...args);
        }
      })();
      const first = await deliverAnnouncements(deps, slow, { owner: 'a', leaseMs: 15_000 });
      expect(first).toMatchObject({ delivered: 2 });
      const [left] = await outboxFor(appState, clock).pending();
      expect(left).toMatchObject({ key: expect.stringContaining('reported:'), attempts: 0 });
      expect(left.claim).toBeUndefined();
      // Another instance takes it at once; the first one did not post it.
      const other = new RecordingPoster();
      expect(await deliverAnnouncements(deps, other, { owner: 'b', leaseMs: 15_000 })).toMatchObject({ delivered: 1 });
      expect([...slow.delivered, ...other.delivered].sort()).toEqual([
        'post PUI-2026-0001',
        'post PUI-2026-0002',
        'post PUI-2026-0003',
      ]);
    });

    it('does not count a busy channel (429) as a failure, and puts the rest of the pass back untouched', async () => {
      await channelSet();
      const channel = new RecordingPoster();
      channel.failWith = [new ChannelBusy(0)];
      await reportIncident(deps, reporter, form('A'), 'bot');
      await reportIncident(deps, reporter, form('B'), 'bot');
      const result = await deliverAnnouncements(deps, channel, { owner: 'a' });
      expect(result.deferred?.reason).toBe('rate-limited');
      expect((await outboxFor(appState, clock).pending()).map((e) => [e.attempts, e.claim])).toEqual([
        [0, undefined],
        [0, undefined],
      ]);
      expect(await deliverAnnouncements(deps, channel, { owner: 'a' })).toMatchObject({ delivered: 2 });
    });

    it('puts a deferred pass back in one write, however many entries it claimed', async () => {
      await channelSet();
      for (const title of ['A', 'B', 'C', 'D', 'E']) await reportIncident(deps, reporter, form(title), 'bot');
      const batches: number[] = [];
      const counting: AppStateStore = Object.assign(Object.create(appState) as AppStateStore, {
        writeStates: (...args: Parameters<AppStateStore['writeStates']>) => {
          batches.push(args[0].length);
          return appState.writeStates(...args);
        },
      });
      const channel = new RecordingPoster();
      channel.failWith = [new ChannelBusy(2_000)];
      const result = await deliverAnnouncements(
        { ...deps, appState: counting, outbox: new Outbox(counting, clock) },
        channel,
        { owner: 'a' },
      );
      expect(result.deferred?.reason).toBe('rate-limited');
      // One claim of all five, one release of all five.
      expect(batches).toEqual([5, 5]);
      const due = new Date(clock.now().getTime() + 2_000).toISOString();
      expect((await outboxFor(appState, clock).pending()).map((e) => [e.attempts, e.claim, e.notBefore])).toEqual(
        Array(5).fill([0, undefined, due]),
      );
    });

    it('claims nothing while the channel cannot deliver at all (no DPO channel set)', async () => {
      for (const title of ['A', 'B']) await reportIncident(deps, reporter, form(title), 'bot');
      let writes = 0;
      const counting: AppStateStore = Object.assign(Object.create(appState) as AppStateStore, {
        writeStates: (...args: Parameters<AppStateStore['writeStates']>) => {
          writes++;
          return appState.writeStates(...args);
        },
      });
      const channel = new RecordingPoster();
      const result = await deliverAnnouncements(
        { ...deps, appState: counting, outbox: new Outbox(counting, clock) },
        channel,
        { owner: 'a' },
      );
      expect(result).toMatchObject({ delivered: 0, deferred: { reason: 'not-configured' } });
      expect(writes).toBe(0);
      await channelSet();
      expect(await deliverAnnouncements(deps, channel, { owner: 'a' })).toMatchObject({ delivered: 2 });
      expect([...channel.delivered].sort()).toEqual(['post PUI-2026-0001', 'post PUI-2026-0002']);
    });

    it('still puts back a deferred entry that another process touched after the claim', async () => {
      await reportIncident(deps, reporter, form('A'), 'bot');
      await reportIncident(deps, reporter, form('B'), 'bot');
      const outbox = new Outbox(appState, clock);
      const claimed = await outbox.claimDue('a', 10, 60_000);
      // The same news queued again meanwhile: the stored entry's etag moves on.
      await new Outbox(appState, clock).enqueue({ kind: 'reported', reportId: claimed[0].reportId });
      await outbox.releaseAll(claimed, 'a', clock.now());
      expect((await outbox.pending()).map((e) => e.claim)).toEqual([undefined, undefined]);
    });

    it('drops a report that was queued but never stored, after waiting for it', async () => {
      await channelSet();
      const channel = new RecordingPoster();
      await outboxFor(appState, clock).enqueue({ kind: 'reported', reportId: 'report-never-stored' });
      expect(await deliverAnnouncements(deps, channel, { owner: 'a' })).toMatchObject({ dropped: 0 });
      clock.advance(11 * 60_000);
      expect(await deliverAnnouncements(deps, channel, { owner: 'a' })).toMatchObject({ dropped: 1 });
      expect(await outboxFor(appState, clock).pending()).toEqual([]);
    });
  });
});
