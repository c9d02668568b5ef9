/**
 * Runs the benchmarks and prints their figures. Not part of the tests' pass/fail.
 * `npm run bench` runs all; `npm run bench -- store api` runs the named ones.
 */
import { benchAccessLogRetention } from './access-log-retention-bench';
import { benchApi } from './api-bench';
import { benchBot, benchMassIncident } from './bot-bench';
import { benchInstances } from './instances-bench';
import { benchOutlook } from './outlook-bench';
import { benchRetention } from './retention-bench';
import { benchScheduler } from './scheduler-bench';
import { benchSendCheck } from './send-check-bench';
import { benchSharePoint } from './sharepoint-bench';
import { benchStore } from './store-bench';
import { benchTab } from './tab-bench';

const BENCHES: Record<string, () => Promise<void>> = {
  store: () => benchStore(),
  api: () => benchApi(),
  bot: async () => {
    await benchBot();
    await benchMassIncident();
  },
  outlook: () => benchOutlook(),
  sharepoint: () => benchSharePoint(),
  scheduler: () => benchScheduler(),
  tab: () => benchTab(),
  instances: () => benchInstances(),
  retention: () => benchRetention(),
  'access-log-retention': () => benchAccessLogRetention(),
  'send-check': () => benchSendCheck(),
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !BENCHES[name]);
  if (unknown.length > 0) {
    console.error(`Unknown benchmark: ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  for (const name of wanted.length ? wanted : Object.keys(BENCHES)) {
    console.log(`\n## ${name}`);
    await BENCHES[name]();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
