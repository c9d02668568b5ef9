import { Conflict, StoreUnavailable, ValidationError } from '../../src/domain/errors';
import type { Incident } from '../../src/domain/incident';
import { assessRisk, takeOwnership } from '../../src/domain/incident-changes';
import { formatIncidentNumber } from '../../src/domain/incident-number';
import { incidentFields, StateValueTooLarge } from '../../src/store/sharepoint/incident-fields';
import { columnDefinition, LIST_SPECS, NOTE_MAX } from '../../src/store/sharepoint/list-schema';
import { PUI_DESK_VERSION } from '../../src/store/sharepoint/sharepoint-config';
import type { AppStateStore, IncidentStore, Stores } from '../../src/domain/ports';
import {
  openSharePointStores,
  SharePointAccessDenied,
  SharePointNotProvisioned,
} from '../../src/store/sharepoint/sharepoint-stores';
import { Outbox, type AnnouncementNews, type OutboxEntry } from '../../src/use-cases';
import { describeAccessLogContract } from '../contract/access-log-contract';
import { describeAppStateStoreContract } from '../contract/app-state-store-contract';
import { describeIncidentStoreContract } from '../contract/incident-store-contract';
import { GraphDouble } from '../support/graph-double';
import { aDpo, aNewIncident, anEvent, aReporter } from '../support/incident-mother';
import {
  doubleConfig,
  doubleHttp,
  fakeCredential,
  fastRetry,
  openOnNewSite,
  openOnSite,
} from './support/sharepoint-fixture';

const LATER = new Date('2026-12-01T09:00:00.000Z');

let double: GraphDouble;

beforeAll(async () => {
  double = await GraphDouble.start();
});

afterAll(async () => {
  await double.close();
});

describeIncidentStoreContract('sharepoint (Graph double)', async () => ({
  stores: (await openOnNewSite(double)).stores,
}));
describeAppStateStoreContract('sharepoint (Graph double)', async () => ({
  stores: (await openOnNewSite(double)).stores,
}));
describeAccessLogContract('sharepoint (Graph double)', async () => ({ stores: (await openOnNewSite(double)).stores }));

describe('the SharePoint stores against a failing Graph', () => {
  let stores: Stores;
  let store: IncidentStore;
  let appState: AppStateStore;
  let siteId: string;
  let waits: number[];

  beforeEach(async () => {
    waits = [];
    ({ stores, store, appState, siteId } = await openOnNewSite(double, fastRetry(waits)));
    double.resetStats();
  });

  afterEach(async () => {
    double.clearFailures();
    await stores.close();
  });

  const incidents = () => double.items(siteId, 'PuiIncidents');
  const events = () => double.items(siteId, 'PuiIncidentEvents');

  it('rides out a burst of 429s, honouring Retry-After, without duplicates or loss', async () => {
    double.inject({ match: { path: /^\/\$batch$/ }, status: 429, retryAfter: 2, times: 3 });
    double.inject({ match: { inBatch: true, method: 'POST', path: /\/items$/ }, status: 429, retryAfter: 3, times: 4 });
    double.inject({ match: { inBatch: true, method: 'PATCH' }, status: 429, retryAfter: 1, times: 2 });
    double.inject({ match: { inBatch: false, method: 'GET', path: /\/items$/ }, status: 503, retryAfter: 1, times: 2 });

    const results = await Promise.all(Array.from({ length: 8 }, () => store.create(aNewIncident(), anEvent())));
    const taken = await Promise.all(
      results.map(({ incident }) =>
        store.update(
          takeOwnership(incident, aDpo, LATER).next,
          incident.etag,
          takeOwnership(incident, aDpo, LATER).event,
        ),
      ),
    );

    expect(results.every((r) => r.created)).toBe(true);
    expect(results.map((r) => r.incident.number).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => formatIncidentNumber(2026, i + 1)),
    );
    expect(incidents()).toHaveLength(8);
    expect(events()).toHaveLength(16);
    expect(taken.every((t) => t.status === 'triage')).toBe(true);
    for (const { incident } of results) {
      expect((await store.events(incident.id)).map((e) => e.type)).toEqual(['reported', 'owner-taken']);
    }
    // Each of the eleven refusals was waited out for the Retry-After it gave, no shorter.
    expect(waits).toHaveLength(11);
    expect(waits.filter((w) => w === 2000)).toHaveLength(3);
    expect(waits.filter((w) => w === 3000)).toHaveLength(4);
    expect(waits.filter((w) => w === 1000)).toHaveLength(4);
  });

  it('settles an answer lost after the write landed, without a second incident or event', async () => {
    double.inject({ match: { path: /^\/\$batch$/ }, status: 504, afterExecute: true, times: 1 });

    const { incident, created } = await store.create(aNewIncident(), anEvent());

    expect(created).toBe(true);
    expect(incident.number).toBe('PUI-2026-0001');
    expect(incidents()).toHaveLength(1);
    expect(events()).toHaveLength(1);

    double.inject({ match: { path: /^\/\$batch$/ }, status: 503, afterExecute: true, times: 1 });
    const { next, event } = takeOwnership(incident, aDpo, LATER);
    const taken = await store.update(next, incident.etag, event);

    expect(taken.owner).toEqual(aDpo);
    expect(await store.get(incident.id)).toEqual(taken);
    expect((await store.events(incident.id)).map((e) => e.type)).toEqual(['reported', 'owner-taken']);

    double.inject({ match: { method: 'POST', path: /\/items$/ }, status: 503, afterExecute: true, times: 1 });
    const claim = await appState.putState('claim:reminder-1', { by: 'server-a' }, undefined);
    expect(await appState.getState('claim:reminder-1')).toEqual(claim);
  });

  it('settles app-state writes whose answers were lost or throttled, without a duplicate or a false conflict', async () => {
    const state = () => double.items(siteId, 'PuiAppState').filter((i) => String(i.StateKey).startsWith('outbox:'));
    const put = (key: string, value: unknown, expectedEtag: string | null | undefined) =>
      ({ kind: 'put', key, value, expectedEtag, dueAt: '2026-11-20T12:00:00.000Z' }) as const;

    double.inject({ match: { path: /^\/\$batch$/ }, status: 504, afterExecute: true, times: 1 });
    const created = await appState.writeStates([
      put('outbox:a', { v: 1 }, undefined),
      put('outbox:b', { v: 1 }, undefined),
    ]);
    expect(created.map((o) => o.ok)).toEqual([true, true]);
    expect(state()).toHaveLength(2);

    double.inject({ match: { path: /^\/\$batch$/ }, status: 504, afterExecute: true, times: 1 });
    const changed = await appState.writeStates([
      put('outbox:a', { v: 2 }, (created[0] as { etag: string }).etag),
      { kind: 'delete', key: 'outbox:b', expectedEtag: null },
    ]);
    expect(changed).toEqual([
      { ok: true, etag: (await appState.getState('outbox:a'))!.etag },
      { ok: true, etag: null },
    ]);
    expect(state().map((i) => [i.StateKey, i.Value])).toEqual([['outbox:a', '{"v":2}']]);

    double.inject({ match: { inBatch: true, method: 'POST', path: /\/items$/ }, status: 429, retryAfter: 1, times: 2 });
    const throttled = await appState.writeStates([
      put('outbox:c', { v: 1 }, undefined),
      put('outbox:d', { v: 1 }, undefined),
    ]);
    expect(throttled.map((o) => o.ok)).toEqual([true, true]);
    expect(state()).toHaveLength(3);
    expect(waits.filter((w) => w === 1000)).toHaveLength(1);
  });

  it('turns a 412 from SharePoint into Conflict', async () => {
    const { incident } = await store.create(aNewIncident(), anEvent());
    double.inject({ match: { inBatch: true, method: 'PATCH', path: /\/fields$/ }, status: 412, times: 1 });
    const { next, event } = takeOwnership(incident, aDpo, LATER);

    const error = await store.update(next, incident.etag, event).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Conflict);
    expect(await store.get(incident.id)).toEqual(incident);
    expect(events()).toHaveLength(1);
  });

  it('gives a stale etag from another server Conflict', async () => {
    const { store: other } = await openOnSite(double, siteId);
    const { incident } = await store.create(aNewIncident(), anEvent());
    const seenByOther = (await other.get(incident.id))!;
    await store.update(
      takeOwnership(incident, aDpo, LATER).next,
      incident.etag,
      takeOwnership(incident, aDpo, LATER).event,
    );

    const { next, event } = assessRisk(seenByOther, { risk: 'high', rationale: 'Skyddad identitet.' }, aDpo, LATER);
    const error = await other.update(next, seenByOther.etag, event).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Conflict);
  });

  it('numbers reports from two servers at once without a gap or a duplicate', async () => {
    const { store: other } = await openOnSite(double, siteId);

    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? other : store).create(aNewIncident(), anEvent())),
    );

    expect(results.map((r) => r.incident.number).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => formatIncidentNumber(2026, i + 1)),
    );
    expect(new Set(incidents().map((i) => i.IncidentNumber)).size).toBe(12);
  });

  it('gives up once throttling outlasts its bound, with StoreUnavailable whose detail has status and request id but no body', async () => {
    double.inject({ match: { path: /^\/\$batch$/ }, status: 429, retryAfter: 90, times: 1 });
    const input = aNewIncident({ title: 'Beslut skickat till gammal adress' });

    const error = await store.create(input, anEvent()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StoreUnavailable);
    expect(error).toMatchObject({
      code: 'store_unavailable',
      retryAfterSeconds: 30,
      detail: { status: 429, code: 'TooManyRequests', requestId: expect.any(String), operation: 'incidents.create' },
    });
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain('gammal adress');
    expect(incidents()).toHaveLength(0);
  });

  it('retries an answer that does not come in time', async () => {
    const { incidents: slow } = await openSharePointStores(
      { ...doubleConfig(double, siteId), requestTimeoutMs: 200 },
      { credential: fakeCredential, retry: fastRetry(waits) },
    );
    const { incident } = await store.create(aNewIncident(), anEvent());
    double.inject({ match: { method: 'GET' }, delayMs: 1000, times: 1 });

    expect(await slow.get(incident.id)).toEqual(incident);
    expect(waits).toHaveLength(1);
  });

  it('identifies itself with the User-Agent Microsoft asks for', async () => {
    await appState.getState('dpo-channel');
    expect(double.lastUserAgent).toBe(`NONISV|Testkommun|PUIDesk/${PUI_DESK_VERSION}`);
  });

  it('spends two round trips and eight resource units on a report, one unit on a known read and one round trip on an update', async () => {
    await store.create(aNewIncident(), anEvent()); // the year's first report also reads the counter
    double.resetStats();

    const { incident } = await store.create(aNewIncident(), anEvent());
    // Duplicate check (query), then one $batch: counter bump, incident, event.
    expect(double.stats()).toMatchObject({ requests: 2, batchedRequests: 3, resourceUnits: 2 + 2 + 2 + 2 });

    double.resetStats();
    await store.get(incident.id);
    expect(double.stats()).toMatchObject({ requests: 1, resourceUnits: 1 });

    double.resetStats();
    await store.update(
      takeOwnership(incident, aDpo, LATER).next,
      incident.etag,
      takeOwnership(incident, aDpo, LATER).event,
    );
    expect(double.stats()).toMatchObject({ requests: 1, batchedRequests: 2, resourceUnits: 4 });
  });
});

describe('the announcement outbox on SharePoint (one item per entry)', () => {
  const NOW = new Date('2026-11-20T09:00:00.000Z');
  const clock = { now: () => NOW };
  let stores: Stores;
  let appState: AppStateStore;
  let siteId: string;

  beforeEach(async () => {
    ({ stores, appState, siteId } = await openOnNewSite(double));
  });

  afterEach(async () => {
    await stores.close();
  });

  const reminders = (count: number): AnnouncementNews[] =>
    Array.from({ length: count }, (_, i) => ({
      kind: 'reminder',
      incidentId: `incident-${i}`,
      reportId: `report-${i}`,
      slot: '2026-11-20T08:00:00.000Z',
    }));
  const stateItems = () => double.items(siteId, 'PuiAppState');

  it('holds 1,000 pending entries, each a small item of its own, and claims and completes them from two servers', async () => {
    const outbox = new Outbox(appState, clock);
    await outbox.enqueueMany(reminders(1_000));

    const items = stateItems().filter((i) => String(i.StateKey).startsWith('outbox:'));
    expect(items).toHaveLength(1_000);
    // ~400 characters each, however long the backlog: far from the 63,999 a multi-line column holds.
    expect(Math.max(...items.map((i) => String(i.Value).length))).toBeLessThan(1_000);
    expect(await outbox.pending()).toHaveLength(1_000);

    const other = await openOnSite(double, siteId);
    const otherOutbox = new Outbox(other.appState, clock);
    const [a, b] = await Promise.all([
      outbox.claimDue('a', 200, 5 * 60_000),
      otherOutbox.claimDue('b', 200, 5 * 60_000),
    ]);

    expect(a).toHaveLength(200);
    expect(b).toHaveLength(200);
    expect(new Set([...a, ...b].map((e) => e.key)).size).toBe(400);
    const done = await Promise.all([
      ...a.map((e) => outbox.complete(e, 'a')),
      ...b.map((e) => otherOutbox.complete(e, 'b')),
    ]);
    expect(done.every(Boolean)).toBe(true);
    expect(await outbox.pending()).toHaveLength(600);
    expect(stateItems().filter((i) => String(i.StateKey).startsWith('outbox:'))).toHaveLength(600);
    await other.stores.close();
  });

  it('claims 200 of a 1,000-entry backlog in one listing, one look at the pending reports and ten $batch round trips', async () => {
    const outbox = new Outbox(appState, clock);
    await outbox.enqueueMany(reminders(1_000));
    double.resetStats();

    const claimed = await outbox.claimDue('a', 200, 5 * 60_000);

    expect(claimed).toHaveLength(200);
    expect(double.stats()).toMatchObject({ requests: 12, batchedRequests: 200, resourceUnits: 2 + 2 + 200 * 2 });
    double.resetStats();
    await outbox.complete(claimed[0], 'a');
    // Completing a claimed entry is one delete under the etag the claim left.
    expect(double.stats()).toMatchObject({ requests: 1, resourceUnits: 2 });
  });

  it('refuses, before sending it, an app-state value longer than SharePoint holds, as one document holding a whole backlog would grow', async () => {
    const entries: OutboxEntry[] = Array.from({ length: 1_000 }, (_, i) => ({
      kind: 'reminder',
      incidentId: `incident-${i}`,
      reportId: `report-${i}`,
      slot: '2026-11-20T08:00:00.000Z',
      key: `reminder:incident-${i}`,
      enqueuedAt: NOW.toISOString(),
      version: 1,
      attempts: 0,
      notBefore: NOW.toISOString(),
    }));
    double.resetStats();

    const error = await appState.putState('outbox:everything', { entries }, null).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StateValueTooLarge);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^The app-state value under outbox:everything is \\d+ characters; a SharePoint multi-line text column holds at most ${NOTE_MAX}\\.$`,
      ),
    );
    expect(double.stats().requests).toBe(0);
  });
});

describe('the SharePoint stores on a list past the list view threshold', () => {
  const threshold = 30;
  let stores: Stores;
  let store: IncidentStore;
  let appState: AppStateStore;
  let siteId: string;

  beforeEach(async () => {
    ({ stores, store, appState, siteId } = await openOnNewSite(double));
    // Forty closed incidents from earlier years: more than SharePoint will scan unindexed.
    const closed = Array.from({ length: 40 }, (_, i): Incident => ({
      ...aNewIncident({
        discoveredAt: '2024-03-01T08:00:00.000Z',
        reporter: { id: 'reporter-former', name: 'Före Detta' },
      }),
      id: `closed-${i}`,
      number: formatIncidentNumber(2024, i + 1),
      etag: '',
      status: 'closed',
      nextReminderAt: null,
    }));
    double.seed(
      siteId,
      'PuiIncidents',
      closed.map((incident) => incidentFields(incident, 'seed')),
    );
    double.listViewThreshold = threshold;
  });

  afterEach(async () => {
    double.listViewThreshold = 5000;
    await stores.close();
  });

  it('still answers the open incidents and the due reminders through indexed columns', async () => {
    const a = (await store.create(aNewIncident({ discoveredAt: '2026-11-10T08:00:00.000Z' }), anEvent())).incident;
    const b = (await store.create(aNewIncident({ discoveredAt: '2026-11-09T08:00:00.000Z' }), anEvent())).incident;

    expect((await store.listOpenByDeadline()).items.map((i) => i.id)).toEqual([b.id, a.id]);
    expect((await store.listDueReminders('2026-11-30T00:00:00.000Z')).items.map((i) => i.id)).toEqual([b.id, a.id]);
    expect((await store.listByReporter(aReporter.id)).items.map((i) => i.id)).toEqual([a.id, b.id]);
    expect((await store.listAll({ limit: 5 })).items.map((i) => i.id)).toEqual([
      a.id,
      b.id,
      'closed-0',
      'closed-1',
      'closed-2',
    ]);
    expect(await store.getByNumber('PUI-2024-0007')).toMatchObject({ id: 'closed-6', status: 'closed' });
  });

  it('still lists the due outbox entries when the app-state list holds more items than the threshold', async () => {
    // One card reference per incident lives in the app state too: they are never scheduled.
    double.seed(
      siteId,
      'PuiAppState',
      Array.from({ length: 40 }, (_, i) => ({ Title: `card:${i}`, StateKey: `card:closed-${i}`, Value: '{}' })),
    );
    const clock = { now: () => new Date('2026-11-20T09:00:00.000Z') };
    const outbox = new Outbox(appState, clock);
    await outbox.enqueue({ kind: 'changed', incidentId: 'closed-1', reportId: 'report-1' });

    expect((await outbox.claimDue('a', 10, 60_000)).map((e) => e.key)).toEqual(['changed:closed-1']);
    expect(await outbox.nextDueAt()).toEqual(new Date('2026-11-20T09:01:00.000Z'));
  });

  it('is refused, as SharePoint refuses, when a query filters on an unindexed column', async () => {
    const http = doubleHttp(double);
    const lists = await http.send<{ value: { id: string; displayName: string }[] }>(
      'test',
      'GET',
      `/sites/${siteId}/lists`,
    );
    const listId = lists.body.value.find((l) => l.displayName === 'PuiIncidents')!.id;
    const path = `/sites/${siteId}/lists/${listId}/items?$filter=${encodeURIComponent("fields/IncidentTitle eq 'x'")}`;

    await expect(http.send('test', 'GET', path)).rejects.toMatchObject({ status: 400, code: 'invalidRequest' });
    await expect(
      http.send('test', 'GET', path, { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } }),
    ).rejects.toMatchObject({ status: 500 });
  });
});

describe('openSharePointStores', () => {
  afterEach(() => {
    double.role = 'fullcontrol';
  });

  it('says to run provisioning when the lists are missing', async () => {
    const siteId = double.addSite('contoso.sharepoint.com', '/sites/empty');

    const error = await openSharePointStores(doubleConfig(double, siteId), {
      credential: fakeCredential,
      retry: fastRetry(),
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SharePointNotProvisioned);
    expect((error as Error).message).toBe(
      `The SharePoint site has no list PuiIncidents, PuiIncidentEvents, PuiAppState, PuiAccessLog. Run \`npm run provision -- --site ${siteId}\` first.`,
    );
  });

  it('says to run provisioning again when the lists lack a column this version needs', async () => {
    const siteId = double.addSite('contoso.sharepoint.com', `/sites/before-${Math.random().toString(36).slice(2, 8)}`);
    const http = doubleHttp(double);
    // The lists as an earlier version provisioned them: app state without the outbox's due time.
    for (const spec of LIST_SPECS) {
      const columns = spec.columns.filter((c) => !['DueAt', 'DueAtExact'].includes(c.name)).map(columnDefinition);
      await http.send('test', 'POST', `/sites/${siteId}/lists`, {
        body: { displayName: `Pui${spec.suffix}`, columns, list: { template: 'genericList' } },
      });
    }

    const error = await openSharePointStores(doubleConfig(double, siteId), {
      credential: fakeCredential,
      retry: fastRetry(),
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SharePointNotProvisioned);
    expect((error as Error).message).toBe(
      `The SharePoint lists lack the columns PuiAppState.DueAt, PuiAppState.DueAtExact that this version of PUI Desk needs. Run \`npm run provision -- --site ${siteId}\` again: it adds them and changes nothing else.`,
    );
  });

  it('names the missing Sites.Selected grant when Graph refuses the site', async () => {
    const { siteId } = await openOnNewSite(double);
    double.role = 'none';

    const error = await openSharePointStores(doubleConfig(double, siteId), {
      credential: fakeCredential,
      retry: fastRetry(),
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SharePointAccessDenied);
    expect((error as Error).message).toMatch(/no Sites\.Selected grant with the role "write" on that site/);
  });

  it('answers a cursor SharePoint does not take with a ValidationError', async () => {
    const { store } = await openOnNewSite(double);

    const error = await store.listAll({ cursor: 'not-a-skiptoken' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ issues: [{ field: 'cursor', code: 'invalid_cursor' }] });
  });
});
