/**
 * The check on Send's counters under contention: 20 increments of one month at once from two
 * server instances, on SQLite (two connections to one file) and on SharePoint (the real adapter
 * against the Graph double on 127.0.0.1, 100 ms on every round trip). Prints the time, the etag
 * conflicts retried and the final count, which must equal the increments.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AccessToken, TokenCredential } from '@azure/identity';
import type { AppStateStore } from '../src/domain/ports';
import { sendCheckCounterKey, tallyOf } from '../src/domain/send-check-counts';
import { GraphHttp } from '../src/store/sharepoint/graph-http';
import { provision } from '../src/store/sharepoint/provisioning';
import { openSharePointStores } from '../src/store/sharepoint/sharepoint-stores';
import { SqliteStores } from '../src/store/sqlite/sqlite-stores';
import { incrementSendCheckCounter } from '../src/use-cases/send-check-counts';
import { GraphDouble } from '../tests/support/graph-double';

const PARALLEL = 20;
const MONTH = '2026-12';

const credential: TokenCredential = {
  async getToken(): Promise<AccessToken> {
    return { token: 'bench', expiresOnTimestamp: Date.now() + 3600_000 };
  },
};

/** Counts the conflicts a store refuses (each is one retry of an increment). */
function countingConflicts(store: AppStateStore, counter: { conflicts: number }): AppStateStore {
  const put = store.putState.bind(store);
  store.putState = (async (...args: Parameters<typeof put>) =>
    put(...args).catch((error: unknown) => {
      counter.conflicts++;
      throw error;
    })) as typeof store.putState;
  return store;
}

async function race(label: string, stores: AppStateStore[], print: (line: string) => void): Promise<void> {
  const counter = { conflicts: 0 };
  const counted = stores.map((s) => countingConflicts(s, counter));
  const started = performance.now();
  await Promise.all(
    Array.from({ length: PARALLEL }, (_, i) =>
      incrementSendCheckCounter(counted[i % counted.length], { month: MONTH, kind: 'fired' }),
    ),
  );
  const ms = performance.now() - started;
  const fired = tallyOf((await stores[0].getState(sendCheckCounterKey(MONTH)))?.value).fired;
  print(
    `send-check: ${PARALLEL} parallel increments from 2 instances on ${label}: ${ms.toFixed(0)} ms, ${counter.conflicts} etag conflicts retried, count ${fired} (${fired === PARALLEL ? 'exact' : 'WRONG'})`,
  );
}

export async function benchSendCheck(
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pui-bench-sendcheck-'));
  const a = SqliteStores.open(path.join(dir, 'pui.db'));
  const b = SqliteStores.open(path.join(dir, 'pui.db'));
  try {
    await race('SQLite', [a.appState, b.appState], print);
  } finally {
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const double = await GraphDouble.start();
  try {
    const siteId = double.addSite('bench.sharepoint.com', '/sites/pui');
    await provision(
      new GraphHttp({ baseUrl: double.url, credential, userAgent: 'NONISV|Bench|PUIDesk/bench' }),
      siteId,
      'Pui',
    );
    const config = {
      siteId,
      credential: { kind: 'managed-identity' as const },
      organisation: 'Bench',
      graphBaseUrl: double.url,
      listPrefix: 'Pui',
      maxRetryWaitMs: 60_000,
      requestTimeoutMs: 30_000,
    };
    const first = await openSharePointStores(config, { credential });
    const second = await openSharePointStores(config, { credential });
    double.latencyMs = 100;
    double.resetStats();
    try {
      await race('SharePoint (Graph double, 100 ms a round trip)', [first.appState, second.appState], print);
      const stats = double.stats();
      print(`send-check: SharePoint: ${stats.requests} round trips, ${stats.resourceUnits} resource units`);
    } finally {
      await first.close();
      await second.close();
    }
  } finally {
    await double.close();
  }
}
