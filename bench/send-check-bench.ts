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
import type { AppStateStore } from '../src/domain/ports';
import { sendCheckCounterKey, tallyOf } from '../src/domain/send-check-counts';
import { SqliteStores } from '../src/store/sqlite/sqlite-stores';
import { incrementSendCheckCounter } from '../src/use-cases/send-check-counts';
import { withBenchSite } from './support/sharepoint-site';

const PARALLEL = 20;
const MONTH = '2026-12';

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

  await withBenchSite({ sitePath: '/sites/pui', organisation: 'Bench' }, async ({ double, open }) => {
    const first = await open();
    const second = await open();
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
  });
}
