/**
 * What a retention run costs: on SQLite, 1,000 closed incidents culled whole (prepare, both
 * exports, cull); on SharePoint (the Graph double with 100 ms on every round trip), 20 incidents,
 * with Graph round trips and resource units per culled incident.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { retentionPolicy, type Caller, type Stores } from '../src/domain';
import { newIncident } from '../src/domain/incident-changes';
import { parseReportInput } from '../src/domain/report-input';
import { registerXlsx } from '../src/register-files';
import { SqliteStores } from '../src/store/sqlite/sqlite-stores';
import { withBenchSite } from './support/sharepoint-site';
import { cullRetentionRun, prepareRetentionRun, retentionAuditExport, retentionRegisterExport } from '../src/use-cases';

const dpo: Caller = { id: 'bench-dpo', name: 'Bänk Dataskydd', roles: ['dpo'] };
const AS_OF = new Date('2031-01-01T00:00:00.000Z');

function aClosedReport(i: number) {
  const discoveredAt = new Date(Date.parse('2020-01-01T08:00:00.000Z') + i * 3600_000);
  const input = parseReportInput(
    {
      title: 'Beslut skickat till fel adress',
      description: 'Ett beslut skickades till en tidigare adress. '.repeat(10),
      discoveredAt: discoveredAt.toISOString(),
      breachTypes: ['confidentiality'],
      dataCategories: ['social-services'],
      cause: 'human-error',
    },
    new Date(discoveredAt.getTime() + 3600_000),
  );
  const incident = newIncident(input, dpo, 'tab', `bench-${i}`, new Date(discoveredAt.getTime() + 3600_000));
  return {
    ...incident,
    status: 'closed' as const,
    closedAt: new Date(discoveredAt.getTime() + 86_400_000).toISOString(),
    closedBy: dpo,
    nextReminderAt: null,
  };
}

/** Prepare, export both, cull: answers the milliseconds of each step. */
async function runOnce(stores: Stores) {
  const deps = {
    store: stores.incidents,
    appState: stores.appState,
    accessLog: stores.accessLog,
    clock: { now: () => new Date() },
    newId: randomUUID,
  };
  const t0 = performance.now();
  const run = (await prepareRetentionRun(deps, dpo, retentionPolicy({ RETENTION_YEARS: '5' }), AS_OF))!;
  const t1 = performance.now();
  await registerXlsx(await retentionRegisterExport(deps, dpo, run.id));
  await retentionAuditExport(deps, dpo, run.id);
  const t2 = performance.now();
  const result = await cullRetentionRun(deps, dpo, run.id, run.items.length);
  const t3 = performance.now();
  return { culled: result.culled.length, prepare: t1 - t0, exports: t2 - t1, cull: t3 - t2 };
}

async function benchSqlite(print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pui-bench-retention-'));
  const stores = SqliteStores.open(path.join(dir, 'pui.db'));
  try {
    const at = '2020-01-01T09:00:00.000Z';
    await stores.incidents.createMany(
      Array.from({ length: 1000 }, (_, i) => ({
        incident: aClosedReport(i),
        event: { at, actor: dpo, type: 'imported' as const, data: {} },
      })),
    );
    const r = await runOnce(stores);
    print(
      `SQLite, ${r.culled} incidents culled whole: prepare ${r.prepare.toFixed(0)} ms, both exports ${r.exports.toFixed(0)} ms, cull ${r.cull.toFixed(0)} ms (${(r.cull / r.culled).toFixed(2)} ms per incident)`,
    );
  } finally {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchSharePointRun(print: (line: string) => void): Promise<void> {
  await withBenchSite(
    { sitePath: '/sites/pui-retention', organisation: 'Bänk', latencyMs: 100 },
    async ({ double, open }) => {
      const stores = await open();
      try {
        for (let i = 0; i < 20; i++)
          await stores.incidents.create(aClosedReport(i), {
            at: '2020-01-01T09:00:00.000Z',
            actor: dpo,
            type: 'imported',
            data: {},
          });
        double.resetStats();
        const r = await runOnce(stores);
        const stats = double.stats();
        print(
          `SharePoint (100 ms a round trip), ${r.culled} incidents culled whole: prepare ${(r.prepare / 1000).toFixed(1)} s, both exports ${(r.exports / 1000).toFixed(1)} s, cull ${(r.cull / 1000).toFixed(1)} s; ${stats.requests} round trips, ${stats.resourceUnits} resource units (${(stats.resourceUnits / r.culled).toFixed(1)} per incident)`,
        );
      } finally {
        await stores.close();
      }
    },
  );
}

/** Prints the retention run's figures. */
export async function benchRetention(
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<void> {
  await benchSqlite(print);
  await benchSharePointRun(print);
}
