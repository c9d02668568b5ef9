import { runRegisterCli } from '../../src/cli/register';
import { accessRecord } from '../../src/domain/access-log';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import { ACCESS_LOG_RETENTION_KEY } from '../../src/use-cases';
import { aDpo } from '../support/incident-mother';

const NOW = new Date('2026-12-02T09:00:00.000Z');
const DAY = 86_400_000;
let stores: SqliteStores;

beforeEach(async () => {
  stores = SqliteStores.open(':memory:');
  const reads = [400, 200, 5].map((days, n) =>
    accessRecord(
      `r${n}`,
      new Date(NOW.getTime() - days * DAY),
      { ...aDpo, roles: ['dpo'] },
      'incident-details',
      'inc-1',
    ),
  );
  await stores.accessLog.append(reads);
});

afterEach(async () => {
  await stores.close();
});

async function run(argv: string[], accessLogDays?: number): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runRegisterCli(argv, {
    // The CLI closes what it opened; this test's stores stay open for the checks after it.
    openStore: async () => ({ ...stores, incidents: stores.incidents, close: async () => undefined }),
    stdout: { write: (c) => (out += String(c)) },
    stderr: { write: (c) => (err += String(c)) },
    now: () => NOW,
    accessLogDays,
  });
  return { code, out, err };
}

async function left(): Promise<string[]> {
  return (await stores.accessLog.listForIncident('inc-1')).items.map((r) => r.id);
}

describe('npm run register -- access-log-retention', () => {
  it('says the log is kept and removes nothing without ACCESS_LOG_RETENTION_DAYS', async () => {
    const { code, out } = await run(['access-log-retention']);
    expect(code).toBe(0);
    expect(out).toMatch(/ACCESS_LOG_RETENTION_DAYS är inte satt/);
    expect(await left()).toEqual(['r2', 'r1', 'r0']);
  });

  it('counts on --dry-run and removes nothing', async () => {
    const { code, out } = await run(['access-log-retention', '--dry-run', '--format', 'json'], 180);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ days: 180, outcome: 'dry-run', cutoff: '2026-06-05T09:00:00.000Z', due: 2 });
    expect(await left()).toHaveLength(3);
  });

  it('culls at once, even when the scheduler culled less than a day ago', async () => {
    await stores.appState.putState(ACCESS_LOG_RETENTION_KEY, { lastCulledAt: NOW.toISOString() }, undefined);
    const { code, out } = await run(['access-log-retention'], 180);
    expect(code).toBe(0);
    expect(out).toBe('Tog bort 2 poster i åtkomstloggen lästa före 2026-06-05 (ACCESS_LOG_RETENTION_DAYS=180).\n');
    expect(await left()).toEqual(['r2']);
  });

  it('refuses options of other commands and a wrong format with exit 2, removing nothing', async () => {
    expect((await run(['access-log-retention', '--confirm'], 180)).code).toBe(2);
    const bad = await run(['access-log-retention', '--format', 'csv'], 180);
    expect([bad.code, bad.err]).toEqual([2, expect.stringMatching(/--format ska vara text eller json/)]);
    expect(await left()).toHaveLength(3);
  });
});
