/**
 * What the access log's own retention costs: on SQLite, 100,000 records of which 50,000 are culled;
 * on SharePoint (the Graph double with 100 ms on every round trip), 1,000 records culled, with
 * round trips and resource units per record.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { accessRecord, type AccessLog, type AccessRecord, type Caller } from '../src/domain';
import { GraphHttp } from '../src/store/sharepoint/graph-http';
import { provision } from '../src/store/sharepoint/provisioning';
import { openSharePointStores } from '../src/store/sharepoint/sharepoint-stores';
import { SqliteStores } from '../src/store/sqlite/sqlite-stores';
import { GraphDouble } from '../tests/support/graph-double';

const dpo: Caller = { id: 'bench-dpo', name: 'Bänk Dataskydd', roles: ['dpo'] };
const T0 = Date.parse('2025-01-01T08:00:00.000Z');
const credential: TokenCredential = {
  async getToken(): Promise<AccessToken> {
    return { token: 'bench', expiresOnTimestamp: Date.now() + 3600_000 };
  },
};

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
  const double = await GraphDouble.start({ latencyMs: 100 });
  try {
    const siteId = double.addSite('bench.sharepoint.com', '/sites/pui-access');
    await provision(
      new GraphHttp({ baseUrl: double.url, credential, userAgent: 'NONISV|Bench|PUIDesk/bench' }),
      siteId,
      'Pui',
    );
    const stores = await openSharePointStores(
      {
        siteId,
        credential: { kind: 'managed-identity' as const },
        organisation: 'Bänk',
        graphBaseUrl: double.url,
        listPrefix: 'Pui',
        maxRetryWaitMs: 60_000,
        requestTimeoutMs: 30_000,
      },
      { credential },
    );
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
  } finally {
    await double.close();
  }
}

/** Prints the access log's retention figures. */
export async function benchAccessLogRetention(
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<void> {
  await benchSqlite(print);
  await benchSharePoint(print);
}
