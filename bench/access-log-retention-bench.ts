/**
 * What the access log's own retention costs: on SQLite, 100,000 records of which 50,000 are culled;
 * on SharePoint (the Graph double with 100 ms on every round trip), 1,000 records culled, with
 * round trips and resource units per record.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { accessRecord, type AccessLog, type AccessRecord, type Caller } from '../src/domain';
import { SqliteStores } from '../src/store/sqlite/sqlite-stores';
import { withBenchSite } from './support/sharepoint-site';

const dpo: Caller = { id: 'bench-dpo', name: 'Bänk Dataskydd', roles: ['dpo'] };
const T0 = Date.parse('2025-01-01T08:00:00.000Z');
/** `n` reads a minute apart, over 50 incidents; the cutoff halves them. */
function reads(n: number): { records: AccessRecord[]; cutoff: string } {
  const records = Array.from({ length: n }, (_, i) =>
    accessRecord(`bench-${i}`, new Date(T0 + i * 60_000), dpo, 'incident-details', `inc-${i % 50}`),
  );
  return { records, cutoff: new Date(T0 + (n / 2) * 60_000).toISOString() };
}

async function timed(log: AccessLog, cutoff: string): Promise<{ culled: number; ms: number }> {
  const t0 = performance.now();
  const culled = await log.cullBefore(cutoff);
  return { culled, ms: performance.now() - t0 };
}

async function benchSqlite(print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pui-bench-access-'));
  const stores = SqliteStores.open(path.join(dir, 'pui.db'));
  try {
    const { records, cutoff } = reads(100_000);
    for (let i = 0; i < records.length; i += 5000) await stores.accessLog.append(records.slice(i, i + 5000));
    const r = await timed(stores.accessLog, cutoff);
    print(`SQLite, ${r.culled} of ${records.length} access records culled: ${r.ms.toFixed(0)} ms`);
  } finally {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchSharePoint(print: (line: string) => void): Promise<void> {
  await withBenchSite(
    { sitePath: '/sites/pui-access', organisation: 'Bänk', latencyMs: 100 },
    async ({ double, open }) => {
      const stores = await open();
      try {
        const { records, cutoff } = reads(2000);
        await stores.accessLog.append(records);
        double.resetStats();
        const r = await timed(stores.accessLog, cutoff);
        const stats = double.stats();
        print(
          `SharePoint (100 ms a round trip), ${r.culled} of ${records.length} access records culled: ${(r.ms / 1000).toFixed(1)} s; ${stats.requests} round trips, ${stats.resourceUnits} resource units (${(stats.resourceUnits / r.culled).toFixed(1)} per record; about ${Math.floor((1250 / (stats.resourceUnits / r.culled)) * 1)} records a minute within 1,250 RU/min)`,
        );
      } finally {
        await stores.close();
      }
    },
  );
}

/** Prints the access log's retention figures. */
export async function benchAccessLogRetention(
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<void> {
  await benchSqlite(print);
  await benchSharePoint(print);
}
