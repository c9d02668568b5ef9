/**
 * What one scheduler tick costs with 100,000 incidents stored, 1,000 of them open: on the
 * embedded store, the time and the rows read (and the query plans that keep the tick and the
 * outbox index ranges); on SharePoint (the Graph double), the Graph requests and resource units
 * per tick, and per delivered reminder, for a pass of 10 and a pass of 200 out of a backlog of
 * about 1,000 (the outbox keeps one item per entry, so a pass costs the same per reminder whatever
 * the backlog).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AccessToken, TokenCredential } from '@azure/identity';
import Database from 'better-sqlite3';
import { addressOf, type StoredReference } from '../bot/channel-address';
import { ConversationPacer } from '../bot/pacer';
import { TeamsCardPoster } from '../bot/teams-card-poster';
import type { AppStateStore, Caller, Incident, NewAuditEvent, NewIncident } from '../src/domain';
import { newIncident } from '../src/domain/incident-changes';
import { parseReportInput } from '../src/domain/report-input';
import { createLogger } from '../src/server/logger';
import { GraphHttp } from '../src/store/sharepoint/graph-http';
import { incidentFields } from '../src/store/sharepoint/incident-fields';
import { provision } from '../src/store/sharepoint/provisioning';
import { openSharePointStores } from '../src/store/sharepoint/sharepoint-stores';
import { listStatement } from '../src/store/sqlite/list-queries';
import type { NewIncidentWithEvent, SqliteIncidentStore } from '../src/store/sqlite/sqlite-incident-store';
import { SqliteStores } from '../src/store/sqlite/sqlite-stores';
import {
  deliverAnnouncements,
  Outbox,
  OUTBOX_PREFIX,
  outboxFor,
  recordPostedCard,
  sendDueReminders,
  setDpoChannel,
  TICK_LIMIT,
  type DeliveryDeps,
} from '../src/use-cases';
import { GraphDouble } from '../tests/support/graph-double';

const INCIDENTS = 100_000;
const OPEN = 1_000;
const REPEATS = 200;
/** "Now" for the bench: the open incidents' first reminders fall one a minute from here on. */
const NOW = Date.parse('2026-11-18T12:00:00.000Z');
const HOUR = 3600_000;
const reporter = { id: 'bench-reporter', name: 'Bänk Rapportör' };

/**
 * 100,000 incidents, one in a hundred open. Open incident k was discovered so that its first
 * reminder (48 h before its deadline) falls k minutes after NOW: a tick at NOW + m finds m due.
 */
function register(): { incident: NewIncident; event: NewAuditEvent }[] {
  const out: { incident: NewIncident; event: NewAuditEvent }[] = [];
  const every = INCIDENTS / OPEN;
  for (let i = 0; i < INCIDENTS; i++) {
    const open = i % every === 0;
    const k = i / every;
    const discoveredAt = open
      ? new Date(NOW - 24 * HOUR + (k + 1) * 60_000)
      : new Date(Date.UTC(2020, 0, 1) + i * 15 * 60_000);
    const input = parseReportInput(
      {
        title: `Felskickat brev ${i}`,
        description: 'Ett beslut skickades till en gammal adress.',
        discoveredAt: discoveredAt.toISOString(),
        breachTypes: ['confidentiality'],
        cause: 'human-error',
      },
      discoveredAt,
    );
    const draft = newIncident(input, reporter, 'tab', `bench-report-${i}`, discoveredAt);
    const incident: NewIncident = open
      ? draft
      : {
          ...draft,
          status: 'closed',
          closedAt: discoveredAt.toISOString(),
          reportedToAuthority: false,
          nextReminderAt: null,
        };
    out.push({
      incident,
      event: { at: discoveredAt.toISOString(), actor: reporter, type: 'reported', data: { source: 'tab' } },
    });
  }
  return out;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (value: number) => `${value.toFixed(3)} ms`;

/** Empties the outbox (every entry is an item of its own), so the next tick queues afresh. */
async function clearOutbox(store: AppStateStore): Promise<void> {
  for (;;) {
    const { items } = await store.listScheduledState(OUTBOX_PREFIX, { limit: 500 });
    if (items.length === 0) return;
    await store.writeStates(items.map((item) => ({ kind: 'delete', key: item.key, expectedEtag: null }) as const));
  }
}

async function benchSqlite(print: (line: string) => void, items: NewIncidentWithEvent[]): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pui-scheduler-bench-'));
  const file = path.join(dir, 'pui.db');
  const stores = SqliteStores.open(file);
  const store = stores.incidents;
  try {
    await store.createMany(items);
    print(`scheduler (sqlite): ${INCIDENTS.toLocaleString('en')} incidents stored, ${OPEN.toLocaleString('en')} open`);
    // The tick's query and its plan, read on a second connection to the same file.
    const inspect = new Database(file, { readonly: true });
    const { sql, params } = listStatement('due', [NOW], undefined, 201);
    const plan = (inspect.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
      .map((r) => r.detail)
      .join('; ');
    // The outbox's "what is due" query, as SqliteAppStateStore.listScheduledState runs it.
    const outboxPlan = (
      inspect
        .prepare(
          `EXPLAIN QUERY PLAN SELECT key, value, etag, due_at FROM app_state WHERE due_at IS NOT NULL AND due_at <= ? AND substr(key, 1, length(?)) = ? ORDER BY due_at, key LIMIT ?`,
        )
        .all(NOW, OUTBOX_PREFIX, OUTBOX_PREFIX, 201) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('; ');
    inspect.close();
    print(`scheduler (sqlite): the tick's query plan: ${plan}`);
    print(`scheduler (sqlite): the outbox's due query plan: ${outboxPlan}`);

    for (const due of [0, 10, OPEN]) {
      const at = new Date(NOW + due * 60_000 + 30_000);
      const times: number[] = [];
      let rows = 0;
      const repeats = due === OPEN ? 20 : REPEATS;
      for (let r = 0; r < repeats; r++) {
        await clearOutbox(stores.appState); // each tick queues afresh
        let read = 0;
        const counting = Object.assign(Object.create(store) as SqliteIncidentStore, {
          listDueReminders: async (...args: Parameters<SqliteIncidentStore['listDueReminders']>) => {
            const page = await store.listDueReminders(...args);
            read += page.items.length;
            return page;
          },
        });
        const clock = { now: () => at };
        const deps: DeliveryDeps = {
          store: counting,
          appState: stores.appState,
          clock,
          logger: createLogger('silent'),
          newId: () => 'x',
          outbox: new Outbox(stores.appState, clock),
        };
        const started = performance.now();
        const result = await sendDueReminders(deps);
        times.push(performance.now() - started);
        if (result.due !== Math.min(due, TICK_LIMIT))
          throw new Error(`expected ${Math.min(due, TICK_LIMIT)} queued, got ${result.due}`);
        rows = read;
      }
      times.sort((a, b) => a - b);
      print(
        `scheduler (sqlite): one tick with ${String(due).padStart(4)} reminders due (queues ${String(Math.min(due, TICK_LIMIT)).padStart(3)}): p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))} ` +
          `over ${repeats} ticks; incident rows read ${rows} (an index range over next_reminder_at, never the other ${(INCIDENTS - rows).toLocaleString('en')})`,
      );
    }
  } finally {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const credential: TokenCredential = {
  async getToken(): Promise<AccessToken> {
    return { token: 'bench', expiresOnTimestamp: Date.now() + 3600_000 };
  },
};

const CHANNEL: StoredReference = {
  channelId: 'msteams',
  serviceUrl: 'https://smba.example.test/emea/',
  conversation: { id: '19:dpo@thread.tacv2', conversationType: 'channel' },
  bot: { id: '28:pui-desk', name: 'PUI Desk' },
};

async function benchSharePoint(print: (line: string) => void, items: NewIncidentWithEvent[]): Promise<void> {
  const double = await GraphDouble.start();
  try {
    const siteId = double.addSite('bench.sharepoint.com', '/sites/pui');
    await provision(
      new GraphHttp({ baseUrl: double.url, credential, userAgent: 'NONISV|Bench|PUIDesk/bench' }),
      siteId,
      'Pui',
    );
    const incidents: Incident[] = items.map(({ incident }, i) => ({
      ...incident,
      id: `seed-${i}`,
      number: `PUI-2020-${String(i + 1).padStart(6, '0')}`,
      etag: '',
    }));
    // Ids, numbers and report ids are unique by construction: the double's quadratic unique check is skipped.
    double.seed(
      siteId,
      'PuiIncidents',
      incidents.map((incident) => incidentFields(incident, 'seed')),
      { uniqueChecked: false },
    );
    const stores = await openSharePointStores(
      {
        siteId,
        credential: { kind: 'managed-identity' },
        organisation: 'Bench',
        graphBaseUrl: double.url,
        listPrefix: 'Pui',
        maxRetryWaitMs: 60_000,
        requestTimeoutMs: 60_000,
      },
      { credential },
    );
    const { appState } = stores;
    print(
      `scheduler (sharepoint, Graph double): ${INCIDENTS.toLocaleString('en')} incidents in the list, ${OPEN.toLocaleString('en')} open`,
    );
    // One clock for the whole run, moved by each step: the process's one outbox reads it too.
    let now = NOW;
    const clock = { now: () => new Date(now) };
    const deps: DeliveryDeps = {
      store: stores.incidents,
      appState,
      clock,
      logger: createLogger('silent'),
      newId: () => 'x',
      outbox: outboxFor(appState, clock),
    };
    print('tick                                          round trips  resource units  by request');
    const tick = async (label: string, queued: number) => {
      double.resetStats();
      const result = await sendDueReminders(deps);
      const stats = double.stats();
      if (result.due !== queued) throw new Error(`expected ${queued} queued, got ${result.due}`);
      const by = Object.entries(stats.byOperation)
        .map(([op, s]) => `${s.requests}× ${op}`)
        .join(', ');
      print(
        `${label.padEnd(46)}${String(stats.requests).padStart(11)}${String(stats.resourceUnits).padStart(16)}  ${by}`,
      );
    };
    for (const due of [0, 10, OPEN]) {
      await clearOutbox(appState);
      now = NOW + due * 60_000 + 30_000;
      const queued = Math.min(due, TICK_LIMIT);
      await tick(`one tick, ${due} due${queued < due ? ` (queues the first ${queued})` : ''}`, queued);
    }
    // The next tick, while those wait to be delivered: it finds them pending and writes nothing.
    now += 60_000;
    await tick(`the next tick, the same ${TICK_LIMIT} pending`, TICK_LIMIT);

    // Delivery: card update through a Teams stand-in that answers at once; every open incident has its card.
    const dpo: Caller = { ...reporter, roles: ['reporter', 'dpo'] };
    await setDpoChannel(deps, dpo, { address: addressOf(CHANNEL) });
    for (const incident of incidents.filter((i) => i.status !== 'closed')) {
      await recordPostedCard(deps, incident.id, {
        address: addressOf(CHANNEL),
        messageId: `card-${incident.id}`,
        postedAt: new Date(NOW).toISOString(),
      });
    }
    const channel = new TeamsCardPoster({
      gateway: { send: async () => 'reply', update: async () => {} },
      // No pacing: this counts Graph requests, not Teams' rate limits.
      pacer: new ConversationPacer({ windows: [] }),
      now: () => now,
      tabUrl: () => 'http://127.0.0.1:3978/tab/',
    });
    const deliver = async (due: number, batch: number) => {
      await clearOutbox(appState);
      now = NOW + due * 60_000 + 30_000;
      // A backlog as large as asked (those delivered before are not due again yet).
      const { due: queued } = await sendDueReminders(deps, { limit: due });
      double.resetStats();
      const delivered = await deliverAnnouncements(deps, channel, { owner: 'bench', limit: batch });
      const stats = double.stats();
      const left = (await outboxFor(appState, clock).pending()).length;
      if (delivered.delivered !== Math.min(batch, queued) || left !== queued - delivered.delivered)
        throw new Error(`delivery incomplete: ${delivered.delivered} delivered, ${left} left`);
      print(
        `delivering ${delivered.delivered} reminders of ${queued} queued (claim, card update, next reminder recorded, entry completed): ${stats.requests} round trips, ` +
          `${stats.resourceUnits} resource units: ${(stats.requests / delivered.delivered).toFixed(1)} round trips and ${(stats.resourceUnits / delivered.delivered).toFixed(1)} units per reminder`,
      );
    };
    await deliver(10, 50);
    await deliver(OPEN, 200);
    await stores.close();
  } finally {
    await double.close();
  }
}

/** Prints the cost of one tick on both stores. */
export async function benchScheduler(
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<void> {
  const items = register();
  await benchSqlite(print, items);
  await benchSharePoint(print, items);
}

if (require.main === module) {
  benchScheduler().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
