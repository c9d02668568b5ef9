/**
 * A child process for the concurrency tests: opens the store file, says "ready", waits for
 * "go", creates one incident per report id and answers with the results.
 * @remarks The test bundles this file with esbuild and forks it with plain `node`, so each
 * worker is a separate process with its own SQLite connection, as two servers would be.
 */
import type { CreateResult } from '../../../src/store/sqlite/sqlite-incident-store';
import { SqliteStores } from '../../../src/store/sqlite/sqlite-stores';
import { aNewIncident, anEvent } from '../../support/incident-mother';

/** What the parent sends first. */
export interface CreateJob {
  file: string;
  items: { reportId: string; discoveredAt: string }[];
}

/** What the worker answers last. */
export interface CreateOutcome {
  results: Pick<CreateResult['incident'], 'id' | 'number' | 'reportId'>[];
  created: boolean[];
}

function send(message: unknown): Promise<void> {
  return new Promise((resolve, reject) =>
    process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())),
  );
}

function nextMessage(): Promise<unknown> {
  return new Promise((resolve) => process.once('message', resolve));
}

async function main(): Promise<void> {
  const job = (await nextMessage()) as CreateJob;
  const stores = SqliteStores.open(job.file);
  const store = stores.incidents;
  const go = nextMessage();
  await send('ready');
  await go;
  const outcome: CreateOutcome = { results: [], created: [] };
  for (const { reportId, discoveredAt } of job.items) {
    const { incident, created } = await store.create(
      aNewIncident({ reportId, discoveredAt }),
      anEvent({ at: discoveredAt }),
    );
    outcome.results.push({ id: incident.id, number: incident.number, reportId: incident.reportId });
    outcome.created.push(created);
  }
  await stores.close();
  await send(outcome);
  process.disconnect();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
