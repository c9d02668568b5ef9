/**
 * What each store operation costs on SharePoint: Graph round trips, requests inside `$batch`,
 * SharePoint resource units, and the time taken with 100 ms of latency on every round trip.
 * Runs the real adapter against the Graph double on 127.0.0.1.
 */
import type { AccessToken, TokenCredential } from '@azure/identity';
import { takeOwnership, assessRisk, newIncident } from '../src/domain/incident-changes';
import type { Incident } from '../src/domain/incident';
import { formatIncidentNumber } from '../src/domain/incident-number';
import { parseReportInput } from '../src/domain/report-input';
import { GraphHttp } from '../src/store/sharepoint/graph-http';
import { incidentFields } from '../src/store/sharepoint/incident-fields';
import { provision } from '../src/store/sharepoint/provisioning';
import { openSharePointStores } from '../src/store/sharepoint/sharepoint-stores';
import { GraphDouble } from '../tests/support/graph-double';

const LATENCY_MS = 100;
/** SharePoint's per-app budget in a small tenant. */
const UNITS_PER_MINUTE = 1250;

const credential: TokenCredential = {
  async getToken(): Promise<AccessToken> {
    return { token: 'bench', expiresOnTimestamp: Date.now() + 3600_000 };
  },
};

/** One measured operation. */
interface Row {
  operation: string;
  requests: number;
  batched: number;
  units: number;
  ms: number;
}

const reporter = { id: 'bench-reporter', name: 'Bänk Rapportör' };
const dpo = { id: 'bench-dpo', name: 'Bänk Dataskydd' };

function aReport(now: Date, reportId: string) {
  const input = parseReportInput(
    {
      title: 'Beslut skickat till fel adress',
      description: 'Ett beslut skickades till en tidigare adress.',
      discoveredAt: new Date(now.getTime() - 3600_000).toISOString(),
      breachTypes: ['confidentiality'],
      dataCategories: ['social-services'],
      cause: 'human-error',
    },
    now,
  );
  return newIncident(input, reporter, 'tab', reportId, now);
}

/** Prints, per operation, Graph round trips, requests in `$batch`, resource units and milliseconds. */
export async function benchSharePoint(
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<void> {
  const double = await GraphDouble.start();
  try {
    const siteId = double.addSite('bench.sharepoint.com', '/sites/pui');
    await provision(
      new GraphHttp({ baseUrl: double.url, credential, userAgent: 'NONISV|Bench|PUIDesk/bench' }),
      siteId,
      'Pui',
    );
    // A register with history: 400 closed incidents of earlier years, 120 open ones.
    const now = new Date();
    const year = now.getUTCFullYear();
    const history: Incident[] = [];
    for (let i = 0; i < 520; i++) {
      const open = i >= 400;
      const base = aReport(new Date(now.getTime() - (open ? i - 400 : 400 + i) * 3600_000), `bench-seed-${i}`);
      history.push({
        ...base,
        id: `seed-${i}`,
        number: formatIncidentNumber(open ? year - 10 : year - 11, i + 1),
        etag: '',
        status: open ? 'triage' : 'closed',
        nextReminderAt: open ? base.nextReminderAt : null,
      });
    }
    double.seed(
      siteId,
      'PuiIncidents',
      history.map((incident) => incidentFields(incident, 'seed')),
    );

    const stores = await openSharePointStores(
      {
        siteId,
        credential: { kind: 'managed-identity' },
        organisation: 'Bench',
        graphBaseUrl: double.url,
        listPrefix: 'Pui',
        maxRetryWaitMs: 60_000,
        requestTimeoutMs: 30_000,
      },
      { credential },
    );
    const store = stores.incidents;
    double.latencyMs = LATENCY_MS;
    const rows: Row[] = [];
    const measure = async <T>(operation: string, work: () => Promise<T>): Promise<T> => {
      double.resetStats();
      const started = performance.now();
      const result = await work();
      const ms = performance.now() - started;
      const stats = double.stats();
      rows.push({
        operation,
        requests: stats.requests,
        batched: stats.batchedRequests,
        units: stats.resourceUnits,
        ms,
      });
      return result;
    };

    const first = await measure('report (first of the year in this process)', () =>
      store.create(aReport(now, 'bench-1'), {
        at: now.toISOString(),
        actor: reporter,
        type: 'reported',
        data: { source: 'tab' },
      }),
    );
    const { incident } = await measure('report', () =>
      store.create(aReport(now, 'bench-2'), {
        at: now.toISOString(),
        actor: reporter,
        type: 'reported',
        data: { source: 'tab' },
      }),
    );
    await measure('report again (same report id)', () =>
      store.create(aReport(now, 'bench-2'), {
        at: now.toISOString(),
        actor: reporter,
        type: 'reported',
        data: { source: 'tab' },
      }),
    );
    const taken = await measure('take ownership (get + update)', async () => {
      const current = (await store.get(incident.id))!;
      const change = takeOwnership(current, dpo, now);
      return store.update(change.next, current.etag, change.event);
    });
    await measure('assess (get + update)', async () => {
      const current = (await store.get(taken.id))!;
      const change = assessRisk(current, { risk: 'risk', rationale: 'Sekretessbelagda uppgifter.' }, dpo, now);
      return store.update(change.next, current.etag, change.event);
    });
    const { incidents: other } = await openSharePointStores(
      {
        siteId,
        credential: { kind: 'managed-identity' },
        organisation: 'Bench',
        graphBaseUrl: double.url,
        listPrefix: 'Pui',
        maxRetryWaitMs: 60_000,
        requestTimeoutMs: 30_000,
      },
      { credential },
    );
    await measure('assess, incident not yet read by this server', async () => {
      const current = (await other.get(first.incident.id))!;
      const change = assessRisk(current, { risk: 'high', rationale: 'Skyddad identitet.' }, dpo, now);
      return other.update(change.next, current.etag, change.event);
    });
    await measure('list open (first page of 50)', () => store.listOpenByDeadline({ limit: 50 }));
    const dueCount = await measure('due-reminder scan (all pages of 50)', async () => {
      let cursor: string | undefined;
      let due = 0;
      do {
        const page = await store.listDueReminders(new Date(now.getTime() + 200 * 3600_000).toISOString(), {
          limit: 50,
          cursor,
        });
        due += page.items.length;
        cursor = page.next;
      } while (cursor);
      return due;
    });
    await measure('audit trail of one incident', () => store.events(taken.id));

    print(
      `SharePoint store, Graph double with ${LATENCY_MS} ms per round trip (register of ${history.length + 2} incidents)`,
    );
    print('operation                                         round trips  in $batch  resource units      ms');
    for (const r of rows) {
      print(
        `${r.operation.padEnd(50)}${String(r.requests).padStart(11)}${String(r.batched).padStart(11)}${String(r.units).padStart(16)}${r.ms.toFixed(0).padStart(8)}`,
      );
    }
    const report = rows.find((r) => r.operation === 'report')!;
    print(`The due-reminder scan found ${dueCount} due incidents.`);
    print(
      `Budget: ${UNITS_PER_MINUTE} resource units a minute allow about ${Math.floor(UNITS_PER_MINUTE / report.units)} reports a minute.`,
    );
    await stores.close();
  } finally {
    await double.close();
  }
}

if (require.main === module) {
  benchSharePoint().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
