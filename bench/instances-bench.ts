/**
 * Three server processes in production mode on one SharePoint store (Graph double with 10 %
 * 429/503 and 50–150 ms latency, managed identity, Entra JWKS and a Bot Connector double that
 * enforces Teams' limits): 300 reports over the API, one instance killed with SIGKILL halfway and
 * restarted. Prints one line, as issue 14 names it, then the details. Loopback only, bounded.
 */
import path from 'node:path';
import { runCluster } from '../tests/support/cluster/cluster';

export async function benchInstances(): Promise<void> {
  // This file runs compiled, from dist/bench/: the server it starts is dist/src/main.js of the same build.
  const mainJs = path.join(__dirname, '..', 'src', 'main.js');
  const r = await runCluster({ mainJs, instances: 3, reports: 300, reminders: 50, killAt: 0.5 });
  console.log(
    `instances ${r.instances}, reports ${r.reports}, stored ${r.stored}, announced ${r.announced}, doubled ${r.doubled + r.doubledInCrashWindow}, lost ${r.lost}, reminders ${r.remindersOnce}/${r.remindersExpected}, p95 report ms ${Math.round(r.p95ReportMs)}`,
  );
  console.log(
    `  details: stored twice ${r.storedTwice}; doubled in the crash window ${r.doubledInCrashWindow} (the killed instance held ${r.claimsOfKilled} claims); ` +
      `reminders doubled ${r.remindersDoubled + r.remindersDoubledInCrashWindow}; 503 store_unavailable retried ${r.storeUnavailable}; other non-2xx ${r.unexpected.length}; ` +
      `Graph failures injected ${r.graphFailures}; Teams 429s ${r.connectorThrottled}; last card ${r.lastCardSeconds.toFixed(0)} s after the first report; all numbers visible (digest or own card) after ${r.allVisibleSeconds.toFixed(1)} s; digests ${r.digestMessages} posted, ${r.digestUpdates} updated; exit codes ${r.exitCodes.join(' ')}`,
  );
}
