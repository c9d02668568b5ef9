/**
 * The contract every `AppStateStore` adapter passes: etag-checked values, batched writes each on
 * its own, and scheduled items listed by due time (the announcement outbox). An adapter's test file
 * calls {@link describeAppStateStoreContract} with a function that opens fresh, empty stores.
 */
import { Conflict } from '../../src/domain/errors';
import type { AppStateStore, Stores } from '../../src/domain/ports';
import { rejectionOf, type OpenedStores } from './incident-store-contract';

const HOUR = 3600_000;

/** Registers the app-state contract suite for one adapter. */
export function describeAppStateStoreContract(name: string, open: () => Promise<OpenedStores>): void {
  describe(`AppStateStore contract: ${name}`, () => {
    let stores: Stores;
    let store: AppStateStore;
    let cleanup: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      ({ stores, cleanup } = await open());
      store = stores.appState;
    });

    afterEach(async () => {
      await stores.close();
      await cleanup?.();
    });

    const key = 'dpo-channel';
    const channel = {
      teamId: '19:team',
      channelId: '19:channel@thread.tacv2',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
    };

    it('has nothing under a key never written', async () => {
      expect(await store.getState(key)).toBeUndefined();
    });

    it('creates a value, with an etag, only when the key is new', async () => {
      const written = await store.putState(key, channel, undefined);
      expect(written).toEqual({ value: channel, etag: expect.any(String) });
      expect(await store.getState(key)).toEqual(written);

      const error = await rejectionOf(store.putState(key, { ...channel, channelId: 'other' }, undefined));

      expect(error).toBeInstanceOf(Conflict);
      expect(await store.getState(key)).toEqual(written);
    });

    it('replaces a value when the etag matches, with a new etag', async () => {
      const first = await store.putState(key, channel, undefined);
      const second = await store.putState(key, { ...channel, channelId: 'moved' }, first.etag);
      expect(second.etag).not.toBe(first.etag);
      expect(await store.getState(key)).toEqual({ value: { ...channel, channelId: 'moved' }, etag: second.etag });
    });

    it('rejects a stale etag with Conflict and keeps the value', async () => {
      const first = await store.putState(key, channel, undefined);
      const second = await store.putState(key, { ...channel, channelId: 'moved' }, first.etag);

      const error = await rejectionOf(store.putState(key, { ...channel, channelId: 'lost' }, first.etag));

      expect(error).toBeInstanceOf(Conflict);
      expect(await store.getState(key)).toEqual(second);
    });

    it('rejects replacing a key that was never written with Conflict', async () => {
      const error = await rejectionOf(store.putState(key, channel, 'some-etag'));
      expect(error).toBeInstanceOf(Conflict);
      expect(await store.getState(key)).toBeUndefined();
    });

    it('writes unconditionally with a null etag, new key or not', async () => {
      const created = await store.putState(key, channel, null);
      const replaced = await store.putState(key, { ...channel, channelId: 'forced' }, null);
      expect(replaced.etag).not.toBe(created.etag);
      expect(await store.getState(key)).toEqual(replaced);
    });

    it('keeps structured values as written, each key on its own', async () => {
      const claim = {
        reminder: '2026-11-20T12:00:00.000Z',
        by: 'server-a',
        attempts: 2,
        done: false,
        note: null,
        tags: ['24h', 'owner'],
      };
      await store.putState('claim:PUI-2026-0001', claim, undefined);
      await store.putState(key, channel, undefined);
      expect((await store.getState('claim:PUI-2026-0001'))?.value).toEqual(claim);
      expect((await store.getState(key))?.value).toEqual(channel);
    });

    describe('scheduled items (the outbox: one item per entry)', () => {
      /** A whole second, so that SharePoint's second-precision dates order these as exactly as SQLite does. */
      const T = '2026-11-20T12:00:00.000Z';
      const at = (ms: number) => new Date(Date.parse(T) + ms).toISOString();
      const put = (
        k: string,
        value: unknown,
        dueAt: string | null,
        expectedEtag: string | null | undefined = undefined,
      ) => ({ kind: 'put', key: k, value, expectedEtag, dueAt }) as const;
      const keys = (page: { items: { key: string }[] }) => page.items.map((i) => i.key);

      it('lists the items under a key prefix due by a time, earliest first, with value, etag and due time', async () => {
        const outcomes = await store.writeStates([
          put('outbox:later', { n: 1 }, at(HOUR)),
          put('outbox:earliest', { n: 2 }, at(-2 * HOUR)),
          put('outbox:now', { n: 3 }, T),
          put('elsewhere:due', { n: 4 }, at(-3 * HOUR)),
          // Due 400 ms after T: within T's second, where SharePoint's dates stop.
          put('outbox:just-after', { n: 5 }, at(400)),
        ]);
        expect(outcomes.every((o) => o.ok)).toBe(true);
        await store.putState('outbox:unscheduled', { n: 6 }, undefined);

        const due = await store.listScheduledState<{ n: number }>('outbox:', { dueBy: T });

        expect(keys(due)).toEqual(['outbox:earliest', 'outbox:now']);
        expect(due.next).toBeUndefined();
        expect(due.items[0]).toEqual({
          key: 'outbox:earliest',
          value: { n: 2 },
          etag: expect.any(String),
          dueAt: expect.any(String),
        });
        expect(Date.parse(due.items[0].dueAt)).toBe(Date.parse(at(-2 * HOUR)));
        expect(due.items[0].etag).toBe((await store.getState('outbox:earliest'))!.etag);
        expect(keys(await store.listScheduledState('outbox:'))).toEqual([
          'outbox:earliest',
          'outbox:now',
          'outbox:just-after',
          'outbox:later',
        ]);
        expect(keys(await store.listScheduledState('outbox:n'))).toEqual(['outbox:now']);
        expect(keys(await store.listScheduledState('nothing:'))).toEqual([]);
      });

      it('pages through the scheduled items, each exactly once, in the unpaged order', async () => {
        await store.writeStates(Array.from({ length: 7 }, (_, i) => put(`outbox:${i}`, { i }, at((7 - i) * 60_000))));

        const whole = await store.listScheduledState('outbox:', { limit: 50 });
        const pages: string[][] = [];
        let cursor: string | undefined;
        do {
          const page = await store.listScheduledState('outbox:', { limit: 3, cursor });
          pages.push(keys(page));
          cursor = page.next;
        } while (cursor !== undefined && pages.length <= 10);

        expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
        expect(pages.flat()).toEqual(keys(whole));
        expect(keys(whole)).toEqual([
          'outbox:6',
          'outbox:5',
          'outbox:4',
          'outbox:3',
          'outbox:2',
          'outbox:1',
          'outbox:0',
        ]);
      });

      it('applies each write on its own: a stale etag or a taken key is refused, the others land', async () => {
        const [a, b] = await store.writeStates([put('outbox:a', { v: 1 }, T), put('outbox:b', { v: 1 }, T)]);
        if (!a.ok || !b.ok) throw new Error('setup failed');
        await store.writeStates([put('outbox:a', { v: 2 }, T, a.etag)]);

        const outcomes = await store.writeStates([
          put('outbox:a', { v: 'stale' }, T, a.etag),
          put('outbox:b', { v: 2 }, at(HOUR), b.etag),
          put('outbox:c', { v: 1 }, T),
          put('outbox:b', { v: 'taken' }, T),
          put('outbox:never-written', { v: 1 }, T, 'some-etag'),
        ]);

        expect(outcomes).toEqual([
          { ok: false, reason: 'conflict' },
          { ok: true, etag: expect.any(String) },
          { ok: true, etag: expect.any(String) },
          { ok: false, reason: 'conflict' },
          { ok: false, reason: 'conflict' },
        ]);
        expect((await store.getState('outbox:a'))?.value).toEqual({ v: 2 });
        expect(await store.getState('outbox:b')).toEqual({
          value: { v: 2 },
          etag: (outcomes[1] as { etag: string }).etag,
        });
        expect(await store.getState('outbox:never-written')).toBeUndefined();
        expect(keys(await store.listScheduledState('outbox:', { dueBy: T }))).toEqual(['outbox:a', 'outbox:c']);
      });

      it('moves an item in the schedule when it is written again, and takes it out when written unscheduled', async () => {
        const [first] = await store.writeStates([put('outbox:x', { v: 1 }, T)]);
        const [moved] = await store.writeStates([put('outbox:x', { v: 2 }, at(HOUR), first.ok ? first.etag : null)]);
        expect(moved.ok).toBe(true);
        expect(keys(await store.listScheduledState('outbox:', { dueBy: T }))).toEqual([]);
        expect(keys(await store.listScheduledState('outbox:', { dueBy: at(HOUR) }))).toEqual(['outbox:x']);

        await store.writeStates([put('outbox:x', { v: 3 }, null, null)]);
        expect(keys(await store.listScheduledState('outbox:'))).toEqual([]);
        await store.writeStates([put('outbox:x', { v: 4 }, T, null)]);
        await store.putState('outbox:x', { v: 5 }, null);
        expect(keys(await store.listScheduledState('outbox:'))).toEqual([]);
        expect((await store.getState('outbox:x'))?.value).toEqual({ v: 5 });
      });

      it('deletes under an etag, refuses a stale one, and deletes what is not there without complaint', async () => {
        const [a] = await store.writeStates([put('outbox:a', { v: 1 }, T)]);
        const [b] = await store.writeStates([put('outbox:b', { v: 1 }, T)]);
        if (!a.ok || !b.ok) throw new Error('setup failed');
        await store.writeStates([put('outbox:b', { v: 2 }, T, b.etag)]);

        const outcomes = await store.writeStates([
          { kind: 'delete', key: 'outbox:a', expectedEtag: a.etag },
          { kind: 'delete', key: 'outbox:b', expectedEtag: b.etag },
          { kind: 'delete', key: 'outbox:never-written', expectedEtag: null },
        ]);

        expect(outcomes).toEqual([
          { ok: true, etag: null },
          { ok: false, reason: 'conflict' },
          { ok: true, etag: null },
        ]);
        expect(await store.getState('outbox:a')).toBeUndefined();
        expect((await store.getState('outbox:b'))?.value).toEqual({ v: 2 });
        expect(keys(await store.listScheduledState('outbox:'))).toEqual(['outbox:b']);
        expect(await store.writeStates([{ kind: 'delete', key: 'outbox:b', expectedEtag: null }])).toEqual([
          { ok: true, etag: null },
        ]);
        expect(await store.getState('outbox:b')).toBeUndefined();
        // Written again after the delete: a new item, scheduled like any other.
        expect((await store.writeStates([put('outbox:a', { v: 9 }, T)]))[0].ok).toBe(true);
        expect(keys(await store.listScheduledState('outbox:'))).toEqual(['outbox:a']);
      });

      it('lets only one of two writers holding the same etag win', async () => {
        const [created] = await store.writeStates([put('outbox:race', { v: 0 }, T)]);
        if (!created.ok) throw new Error('setup failed');

        const results = await Promise.all([
          store.writeStates([put('outbox:race', { by: 'a' }, at(60_000), created.etag)]),
          store.writeStates([put('outbox:race', { by: 'b' }, at(60_000), created.etag)]),
        ]);

        expect(results.map(([r]) => r.ok).sort()).toEqual([false, true]);
        const winner = results.find(([r]) => r.ok)![0] as { etag: string };
        expect((await store.getState('outbox:race'))?.etag).toBe(winner.etag);
      });
    });
  });
}
