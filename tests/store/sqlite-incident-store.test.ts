import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { buildSync } from 'esbuild';
import { StoreUnavailable, ValidationError } from '../../src/domain/errors';
import { formatIncidentNumber } from '../../src/domain/incident-number';
import { LIST_NAMES, listStatement, type ListName } from '../../src/store/sqlite/list-queries';
import { migrate, SCHEMA_VERSION } from '../../src/store/sqlite/migrations';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import { describeAccessLogContract } from '../contract/access-log-contract';
import { describeAppStateStoreContract } from '../contract/app-state-store-contract';
import { describeIncidentStoreContract, type OpenedStores } from '../contract/incident-store-contract';
import { aNewIncident, anEvent, aReporter } from '../support/incident-mother';
import type { CreateJob, CreateOutcome } from './support/create-worker';

const ROOT = path.resolve(__dirname, '..', '..');

function aTempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'pui-sqlite-'));
}

async function onTemporaryFile(): Promise<OpenedStores> {
  const dir = aTempDir();
  return {
    stores: SqliteStores.open(path.join(dir, 'incidents.db')),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

describeIncidentStoreContract('sqlite (temporary file)', onTemporaryFile);
describeAppStateStoreContract('sqlite (temporary file)', onTemporaryFile);
describeAccessLogContract('sqlite (temporary file)', onTemporaryFile);

describe('SqliteIncidentStore', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = aTempDir();
    file = path.join(dir, '.data', 'incidents.db');
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** A second, raw connection to the store's file, as an operator with sqlite3 would have. */
  function rawConnection(): Database.Database {
    return new Database(file);
  }

  describe('open', () => {
    it('creates the folder of the file and a WAL-mode database at the current schema version', async () => {
      await SqliteStores.open(file).close();

      expect(existsSync(path.join(dir, '.data'))).toBe(true);
      const db = rawConnection();
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      db.close();
    });

    it('keeps the data and continues the numbering when opened again', async () => {
      const firstStores = SqliteStores.open(file);
      const first = firstStores.incidents;
      const { incident } = await first.create(aNewIncident(), anEvent());
      await firstStores.close();

      const againStores = SqliteStores.open(file);
      const again = againStores.incidents;
      expect(await again.get(incident.id)).toEqual(incident);
      expect((await again.create(aNewIncident(), anEvent())).incident.number).toBe('PUI-2026-0002');
      await againStores.close();
    });

    it('applies no migration twice', async () => {
      await SqliteStores.open(file).close();
      const db = rawConnection();
      const tables = () =>
        db
          .prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'index', 'trigger') ORDER BY name")
          .pluck()
          .all();
      const before = tables();

      expect(migrate(db)).toBe(SCHEMA_VERSION);
      expect(tables()).toEqual(before);
      db.close();
    });

    it('refuses a database written by newer code', async () => {
      await SqliteStores.open(file).close();
      const db = rawConnection();
      db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      db.close();

      expect(() => SqliteStores.open(file)).toThrow(
        `The database schema is version ${SCHEMA_VERSION + 1}, newer than this code knows (${SCHEMA_VERSION}). Upgrade PUI Desk.`,
      );
    });

    it('opens a private store in memory', async () => {
      const stores = SqliteStores.open(':memory:');
      const store = stores.incidents;
      expect((await store.create(aNewIncident(), anEvent())).incident.number).toBe('PUI-2026-0001');
      await stores.close();
    });
  });

  describe('audit trail', () => {
    it('refuses to change or delete an event, even through SQL', async () => {
      const stores = SqliteStores.open(file);
      const store = stores.incidents;
      const { incident } = await store.create(aNewIncident(), anEvent());
      const db = rawConnection();

      expect(() => db.prepare("UPDATE incident_events SET type = 'closed'").run()).toThrow(
        'incident_events is append-only',
      );
      expect(() => db.prepare('DELETE FROM incident_events').run()).toThrow('incident_events is append-only');

      db.close();
      expect((await store.events(incident.id)).map((e) => e.type)).toEqual(['reported']);
      await stores.close();
    });
  });

  describe('another process holding the write lock', () => {
    it('answers a write that cannot get the lock in time with StoreUnavailable, writing nothing, and writes once the lock is free', async () => {
      const stores = SqliteStores.open(file, { busyTimeoutMs: 50 });
      const other = rawConnection();
      other.exec('BEGIN IMMEDIATE');

      const create = await stores.incidents.create(aNewIncident(), anEvent()).catch((e: unknown) => e);
      const write = await stores.appState
        .writeStates([{ kind: 'put', key: 'outbox:a', value: { v: 1 }, expectedEtag: undefined, dueAt: null }])
        .catch((e: unknown) => e);

      for (const error of [create, write]) {
        expect(error).toBeInstanceOf(StoreUnavailable);
        expect(error).toMatchObject({
          code: 'store_unavailable',
          retryAfterSeconds: 5,
          detail: { code: 'SQLITE_BUSY' },
        });
      }
      other.exec('ROLLBACK');
      other.close();
      expect((await stores.incidents.listAll()).items).toEqual([]);
      expect((await stores.incidents.create(aNewIncident(), anEvent())).incident.number).toBe('PUI-2026-0001');
      expect((await stores.appState.putState('outbox:a', { v: 1 }, undefined)).value).toEqual({ v: 1 });
      await stores.close();
    });
  });

  describe('lists', () => {
    let stores: SqliteStores;
    let store: SqliteStores['incidents'];

    beforeEach(() => {
      stores = SqliteStores.open(':memory:');
      store = stores.incidents;
    });

    afterEach(async () => {
      await stores.close();
    });

    it('pages 50 by default and at most 500', async () => {
      const items = Array.from({ length: 501 }, (_, i) => ({
        incident: aNewIncident({ discoveredAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() }),
        event: anEvent(),
      }));
      await store.createMany(items);

      const byDefault = await store.listAll();
      const capped = await store.listAll({ limit: 10_000 });
      const rest = await store.listAll({ limit: 10_000, cursor: capped.next });

      expect(byDefault.items).toHaveLength(50);
      expect(byDefault.next).toEqual(expect.any(String));
      expect(capped.items).toHaveLength(500);
      expect(rest.items).toHaveLength(1);
      expect(rest.next).toBeUndefined();
    });

    it('numbers a batch like single creates and skips report ids it has seen', async () => {
      const repeated = aNewIncident();
      const results = await store.createMany([
        { incident: repeated, event: anEvent() },
        { incident: aNewIncident(), event: anEvent() },
        { incident: repeated, event: anEvent() },
      ]);

      expect(results.map((r) => [r.incident.number, r.created])).toEqual([
        ['PUI-2026-0001', true],
        ['PUI-2026-0002', true],
        ['PUI-2026-0001', false],
      ]);
    });

    it.each([
      ['not base64 JSON', '!!!'],
      ['of another list', Buffer.from(JSON.stringify(['open', 0, 'x'])).toString('base64url')],
      ['without an id', Buffer.from(JSON.stringify(['all', 0])).toString('base64url')],
    ])('rejects a cursor %s with ValidationError', async (_what, cursor) => {
      await expect(store.listAll({ cursor })).rejects.toThrow(ValidationError);
      await expect(store.listAll({ cursor })).rejects.toThrow('Sidmarkören är ogiltig. Börja om från första sidan.');
    });

    it('rejects a due-reminder time that is not a time with ValidationError', async () => {
      await expect(store.listDueReminders('soon')).rejects.toThrow(ValidationError);
    });
  });

  describe('query plans', () => {
    const filters: Record<ListName, unknown[]> = {
      reporter: [aReporter.id],
      open: [],
      all: [],
      due: [Date.UTC(2026, 10, 20)],
      linked: ['some-main-id'],
    };

    it.each(
      LIST_NAMES.flatMap(
        (name) =>
          [
            [name, 'first page'],
            [name, 'after a cursor'],
          ] as const,
      ),
    )('walks an index for %s (%s) with no sort step', async (name, page) => {
      await SqliteStores.open(file).close();
      const db = rawConnection();
      const after = page === 'after a cursor' ? { key: Date.UTC(2026, 10, 18), id: 'some-id' } : undefined;
      const { sql, params } = listStatement(name, filters[name], after, 51);

      const plan = db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => (row as { detail: string }).detail);
      db.close();

      expect(plan).toEqual([expect.stringMatching(/^(SCAN|SEARCH) incidents USING INDEX incidents_/)]);
      expect(plan.join('\n')).not.toContain('TEMP B-TREE');
    });
  });

  describe('concurrent creates from several processes', () => {
    let workerScript: string;
    let buildDir: string;

    beforeAll(() => {
      buildDir = aTempDir();
      workerScript = path.join(buildDir, 'create-worker.js');
      buildSync({
        entryPoints: [path.join(__dirname, 'support', 'create-worker.ts')],
        outfile: workerScript,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['better-sqlite3'],
        logLevel: 'error',
      });
    });

    afterAll(() => {
      rmSync(buildDir, { recursive: true, force: true });
    });

    /** Forks one process per job, lets them all open the file, then starts them together. */
    async function runWorkers(jobs: CreateJob[]): Promise<CreateOutcome[]> {
      const workers = jobs.map((job) => {
        // The bundle lives outside the repository; it finds better-sqlite3 through NODE_PATH.
        const child = fork(workerScript, [], {
          env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        const messages: unknown[] = [];
        const waiters: ((message: unknown) => void)[] = [];
        child.on('message', (message) => (waiters.length > 0 ? waiters.shift()!(message) : messages.push(message)));
        const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
        const next = () =>
          new Promise<unknown>((resolve, reject) => {
            if (messages.length > 0) return resolve(messages.shift());
            waiters.push(resolve);
            void exited.then((code) => reject(new Error(`create worker exited with code ${code}`)));
          });
        child.send(job);
        return { child, next, exited };
      });
      expect(await Promise.all(workers.map((w) => w.next()))).toEqual(jobs.map(() => 'ready'));
      for (const w of workers) w.child.send('go');
      const outcomes = (await Promise.all(workers.map((w) => w.next()))) as CreateOutcome[];
      expect(await Promise.all(workers.map((w) => w.exited))).toEqual(jobs.map(() => 0));
      return outcomes;
    }

    function sequenceOf(year: number, count: number): string[] {
      return Array.from({ length: count }, (_, i) => formatIncidentNumber(year, i + 1));
    }

    it('hands out distinct, consecutive numbers per year to four processes creating at once', async () => {
      await SqliteStores.open(file).close();
      const jobs = Array.from({ length: 4 }, (_, w): CreateJob => ({
        file,
        items: Array.from({ length: 50 }, (_, i) => ({
          reportId: `report-worker${w}-${String(i).padStart(3, '0')}`,
          discoveredAt: i % 2 === 0 ? '2025-06-01T08:00:00.000Z' : '2026-06-01T08:00:00.000Z',
        })),
      }));

      const outcomes = await runWorkers(jobs);

      const numbers = outcomes.flatMap((o) => o.results.map((r) => r.number));
      expect(outcomes.flatMap((o) => o.created).every(Boolean)).toBe(true);
      expect(numbers.filter((n) => n.startsWith('PUI-2025-')).sort()).toEqual(sequenceOf(2025, 100));
      expect(numbers.filter((n) => n.startsWith('PUI-2026-')).sort()).toEqual(sequenceOf(2026, 100));
      const stores = SqliteStores.open(file);
      const store = stores.incidents;
      const all = await store.listAll({ limit: 500 });
      expect(all.items).toHaveLength(200);
      await stores.close();
    });

    it('stores each report once when four processes send the same reports at once', async () => {
      await SqliteStores.open(file).close();
      const items = Array.from({ length: 50 }, (_, i) => ({
        reportId: `report-shared-${String(i).padStart(3, '0')}`,
        discoveredAt: '2026-06-01T08:00:00.000Z',
      }));

      const outcomes = await runWorkers(Array.from({ length: 4 }, () => ({ file, items })));

      expect(outcomes.flatMap((o) => o.created).filter(Boolean)).toHaveLength(50);
      for (let i = 0; i < items.length; i++) {
        const seen = outcomes.map((o) => o.results[i]);
        expect(new Set(seen.map((r) => r.id)).size).toBe(1);
        expect(new Set(seen.map((r) => r.number)).size).toBe(1);
      }
      expect(outcomes[0].results.map((r) => r.number).sort()).toEqual(sequenceOf(2026, 50));
    });
  });
});
