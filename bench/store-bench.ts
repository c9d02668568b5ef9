/**
 * Benchmark of the embedded store: the DPO board's query (open incidents, earliest deadline
 * first) in a register of 100,000 incidents, for its first page and for paging through every
 * open incident.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { NewAuditEvent, NewIncident } from '../src/domain/incident';
import { newIncident } from '../src/domain/incident-changes';
import type { Person } from '../src/domain/person';
import type { ReportInput } from '../src/domain/report-input';
import type { NewIncidentWithEvent, SqliteIncidentStore } from '../src/store/sqlite/sqlite-incident-store';
import { SqliteStores } from '../src/store/sqlite/sqlite-stores';

const INCIDENTS = 100_000;
/** About one in twelve is still open, as in a register that has run for some years. */
const OPEN_EVERY = 12;
const REPORTERS = 500;
const PAGE = 50;
const REPEATS = 500;
/** Page sizes for walking every open incident: the board's page and the store's largest. */
const WALK_PAGES = [PAGE, 500] as const;
const WALK_REPEATS = 20;
const DPO: Person = { id: 'bench-dpo', name: 'Dataskyddsombud' };

/** Incidents discovered one every 15 minutes, spread over the reporters; most closed. */
function syntheticIncidents(): NewIncidentWithEvent[] {
  const start = Date.UTC(2023, 0, 1);
  return Array.from({ length: INCIDENTS }, (_, i) => {
    const discoveredAt = new Date(start + i * 15 * 60_000);
    const reportedAt = new Date(discoveredAt.getTime() + 3600_000);
    const input: ReportInput = {
      title: `Felskickat brev ${i}`,
      description: 'Ett beslut skickades till en gammal adress.',
      discoveredAt: discoveredAt.toISOString(),
      breachTypes: ['confidentiality'],
      dataCategories: ['social-services'],
      affectedCount: 1,
      cause: 'human-error',
    };
    const reporter: Person = { id: `bench-reporter-${i % REPORTERS}`, name: `Handläggare ${i % REPORTERS}` };
    const draft = newIncident(input, reporter, 'tab', `bench-report-${i}`, reportedAt);
    const incident: NewIncident =
      i % OPEN_EVERY === 0
        ? draft
        : {
            ...draft,
            status: 'closed',
            closedAt: reportedAt.toISOString(),
            closedBy: DPO,
            reportedToAuthority: false,
            nextReminderAt: null,
          };
    const event: NewAuditEvent = {
      at: reportedAt.toISOString(),
      actor: reporter,
      type: 'reported',
      data: { source: 'tab' },
    };
    return { incident, event };
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (value: number) => `${value.toFixed(3)} ms`;

/**
 * Follows `listOpenByDeadline` from the first page until there is no cursor; checks that every
 * open incident came once, earliest deadline first.
 * @remarks `elapsedMs` sums the store calls alone, not the checks between them.
 */
async function walkOpen(
  store: SqliteIncidentStore,
  limit: number,
  expected: number,
): Promise<{ pages: number; items: number; elapsedMs: number }> {
  const seen = new Set<string>();
  let pages = 0;
  let elapsedMs = 0;
  let lastDeadline = -Infinity;
  let cursor: string | undefined;
  do {
    const start = performance.now();
    const page = await store.listOpenByDeadline({ limit, cursor });
    elapsedMs += performance.now() - start;
    pages += 1;
    for (const incident of page.items) {
      const deadline = Date.parse(incident.deadline);
      if (deadline < lastDeadline) throw new Error(`open incidents out of deadline order on page ${pages}`);
      lastDeadline = deadline;
      if (seen.has(incident.id)) throw new Error(`open incident listed twice, again on page ${pages}`);
      seen.add(incident.id);
    }
    cursor = page.next;
  } while (cursor !== undefined);
  if (seen.size !== expected) throw new Error(`expected ${expected} open incidents, paged through ${seen.size}`);
  return { pages, items: seen.size, elapsedMs };
}

/** Prints how long the open-by-deadline list takes with 100,000 incidents stored: its first page, and every page. */
export async function benchStore(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pui-store-bench-'));
  const stores = SqliteStores.open(path.join(dir, 'incidents.db'));
  const store = stores.incidents;
  try {
    const items = syntheticIncidents();
    const loadStart = performance.now();
    await store.createMany(items);
    const loadMs = performance.now() - loadStart;
    const open = Math.ceil(INCIDENTS / OPEN_EVERY);
    console.log(
      `store (sqlite): loading ${INCIDENTS.toLocaleString('en')} incidents (${open.toLocaleString('en')} open) with createMany, one transaction: ${ms(loadMs)} in all`,
    );

    const firstStart = performance.now();
    const first = await store.listOpenByDeadline({ limit: PAGE });
    const firstMs = performance.now() - firstStart;
    if (first.items.length !== PAGE) throw new Error(`expected a full first page, got ${first.items.length} incidents`);

    const times: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const start = performance.now();
      await store.listOpenByDeadline({ limit: PAGE });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(
      `store (sqlite): open incidents by deadline (listOpenByDeadline), first page of ${PAGE} (the DPO board's first screen): ` +
        `first call, with the statement not yet prepared, ${ms(firstMs)}; then per call p50 ${ms(percentile(times, 50))}, ` +
        `p95 ${ms(percentile(times, 95))} over ${REPEATS} calls`,
    );

    for (const limit of WALK_PAGES) {
      const walks: number[] = [];
      let walked = { pages: 0, items: 0, elapsedMs: 0 };
      for (let i = 0; i < WALK_REPEATS; i++) {
        walked = await walkOpen(store, limit, open);
        walks.push(walked.elapsedMs);
      }
      walks.sort((a, b) => a - b);
      const p50 = percentile(walks, 50);
      console.log(
        `store (sqlite): every open incident by deadline (listOpenByDeadline, ${walked.items.toLocaleString('en')} incidents, ` +
          `pages of ${limit} followed by cursor: ${walked.pages} pages): whole walk p50 ${ms(p50)}, p95 ${ms(percentile(walks, 95))} ` +
          `over ${WALK_REPEATS} walks; ${ms(p50 / walked.pages)} per page (the p50 walk divided by its pages)`,
      );
    }
  } finally {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
