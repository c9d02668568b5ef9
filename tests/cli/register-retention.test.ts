import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runRegisterCli } from '../../src/cli/register';
import { readRegisterFile } from '../../src/register-files';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import { summariseRegister } from '../../src/use-cases/summarise-register';
import { retentionPolicy, type RetentionPolicy } from '../../src/domain/retention';
import { aDpo, aNewIncident, anEvent } from '../support/incident-mother';
import { RegisterFakeStore } from '../support/register-fake-store';

/** A register with incidents closed at the given instants (and one still open). */
async function aRegister(closedAts: string[]): Promise<RegisterFakeStore> {
  const store = new RegisterFakeStore();
  for (const closedAt of closedAts) {
    const { incident } = await store.create(aNewIncident(), anEvent());
    await store.update(
      { ...incident, status: 'closed', closedAt, closedBy: aDpo },
      incident.etag,
      anEvent({ type: 'closed', actor: aDpo, at: closedAt, data: {} }),
    );
  }
  await store.create(aNewIncident(), anEvent());
  return store;
}

async function run(
  argv: string[],
  store: RegisterFakeStore,
  retention?: RetentionPolicy,
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runRegisterCli(argv, {
    openStore: async () => ({ incidents: store, close: async () => undefined }),
    stdout: { write: (c) => (out += String(c)) },
    stderr: { write: (c) => (err += String(c)) },
    now: () => new Date('2026-12-02T09:00:00.000Z'),
    retention,
  });
  return { code, out, err };
}

describe('npm run register -- retention', () => {
  it('lists nothing when the records plan keeps everything (no RETENTION_YEARS)', async () => {
    const store = await aRegister(['2015-03-01T10:00:00.000Z']);
    const { code, out } = await run(['retention', '--dry-run', '--format', 'json'], store);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ due: [], culled: 0 });
  });

  it('lists the closed incidents due as of a date, earliest first, and culls nothing', async () => {
    const store = await aRegister(['2021-06-01T10:00:00.000Z', '2020-03-01T10:00:00.000Z', '2024-01-10T10:00:00.000Z']);
    const before = (await store.listAll({ limit: 500 })).items.length;

    const { code, out } = await run(
      ['retention', '--dry-run', '--as-of', '2026-06-01', '--format', 'json'],
      store,
      retentionPolicy({ RETENTION_YEARS: '5' }),
    );

    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      due: [
        { number: 'PUI-2026-0002', closedAt: '2020-03-01T10:00:00.000Z', dueAt: '2025-03-01T10:00:00.000Z' },
        { number: 'PUI-2026-0001', closedAt: '2021-06-01T10:00:00.000Z', dueAt: '2026-06-01T10:00:00.000Z' },
      ],
      culled: 0,
    });
    expect((await store.listAll({ limit: 500 })).items.length).toBe(before);
  });

  it('says in words when nothing is due', async () => {
    const store = await aRegister(['2026-01-10T10:00:00.000Z']);
    const { code, out } = await run(['retention', '--dry-run'], store, retentionPolicy({ RETENTION_YEARS: '5' }));
    expect([code, out]).toEqual([0, 'Inget att gallra.\n']);
  });

  it('refuses a bad date, both --dry-run and --confirm, and --out without --confirm, changing nothing', async () => {
    const store = await aRegister(['2015-03-01T10:00:00.000Z']);
    const policy = retentionPolicy({ RETENTION_YEARS: '5' });
    const both = await run(['retention', '--dry-run', '--confirm'], store, policy);
    expect([both.code, both.err]).toEqual([
      2,
      'Välj --dry-run (visa) eller --confirm (gallra), inte båda. Inget har tagits bort.\n',
    ]);
    const out = await run(['retention', '--out', 'x'], store, policy);
    expect(out.code).toBe(2);
    const badDate = await run(['retention', '--as-of', '1 juni'], store, policy);
    expect([badDate.code, badDate.err]).toEqual([2, '--as-of ska vara ett datum som ÅÅÅÅ-MM-DD (inte "1 juni").\n']);
    expect(store.incidents.filter((i) => i.retention)).toEqual([]);
  });

  it('says how to cull when run without --dry-run or --confirm', async () => {
    const store = await aRegister(['2015-03-01T10:00:00.000Z']);
    const { code, out } = await run(['retention'], store, retentionPolicy({ RETENTION_YEARS: '5' }));
    expect(code).toBe(0);
    expect(out).toContain('1 att gallra (provkörning: inget togs bort). Kör med --confirm för att gallra.');
  });
});

describe('npm run register -- retention --confirm', () => {
  let dir: string;
  let stores: SqliteStores;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pui-retention-'));
    stores = SqliteStores.open(path.join(dir, 'pui.db'));
  });

  afterEach(async () => {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function closedAt(at: string) {
    const { incident } = await stores.incidents.create(
      aNewIncident({ status: 'closed', closedAt: at, closedBy: aDpo, nextReminderAt: null }),
      anEvent(),
    );
    return incident;
  }

  async function confirm(argv: string[]) {
    let out = '';
    let err = '';
    const code = await runRegisterCli(['retention', '--confirm', ...argv], {
      openStore: async () => ({ ...stores, close: async () => undefined }),
      stdout: { write: (c) => (out += String(c)) },
      stderr: { write: (c) => (err += String(c)) },
      now: () => new Date('2026-12-02T09:00:00.000Z'),
      user: 'dana',
      retention: retentionPolicy({ RETENTION_YEARS: '5' }),
    });
    return { code, out, err };
  }

  it('exports what is due to the folder (XLSX and the audit trail as JSON), then culls it', async () => {
    const old = await closedAt('2020-03-01T10:00:00.000Z');
    const recent = await closedAt('2025-03-01T10:00:00.000Z');
    const before = await summariseRegister({ store: stores.incidents }, { ...aDpo, roles: ['dpo'] }, {});

    const { code, out, err } = await confirm(['--out', dir, '--format', 'json']);

    expect([code, err]).toEqual([0, '']);
    const result = JSON.parse(out);
    expect(result).toMatchObject({ due: [{ number: old.number }], culled: 1, skipped: [] });
    const rows = await readRegisterFile(result.files.xlsx);
    expect(rows.records).toHaveLength(1);
    expect(rows.records[0].cells).toContain(old.title);
    const audit = JSON.parse(readFileSync(result.files.audit, 'utf8'));
    expect(audit.incidents[0]).toMatchObject({ number: old.number, events: [{ type: 'reported' }] });
    expect((await stores.incidents.get(old.id))?.retention?.by.name).toBe('dana');
    expect((await stores.incidents.get(recent.id))?.retention).toBeUndefined();
    expect((await summariseRegister({ store: stores.incidents }, { ...aDpo, roles: ['dpo'] }, {})).report).toEqual(
      before.report,
    );
    // Run again: nothing is due.
    expect(JSON.parse((await confirm(['--out', dir, '--format', 'json'])).out)).toEqual({ due: [], culled: 0 });
  });

  it('culls nothing when the export cannot be written', async () => {
    const old = await closedAt('2020-03-01T10:00:00.000Z');
    const { code, err } = await confirm(['--out', path.join(dir, 'saknas')]);
    expect(code).toBe(1);
    expect(err).toContain('finns inte');
    expect((await stores.incidents.get(old.id))?.retention).toBeUndefined();
    expect(readdirSync(dir).filter((f) => f.startsWith('gallring-'))).toEqual([]);
  });
});
