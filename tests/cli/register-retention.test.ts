import { runRegisterCli } from '../../src/cli/register';
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

  it('refuses --confirm, which is not built yet, and a bad date, changing nothing', async () => {
    const store = await aRegister(['2015-03-01T10:00:00.000Z']);
    const confirm = await run(['retention', '--confirm'], store, retentionPolicy({ RETENTION_YEARS: '5' }));
    expect(confirm.code).toBe(2);
    expect(confirm.err).toContain('--confirm finns inte än');
    const badDate = await run(['retention', '--as-of', '1 juni'], store, retentionPolicy({ RETENTION_YEARS: '5' }));
    expect([badDate.code, badDate.err]).toEqual([2, '--as-of ska vara ett datum som ÅÅÅÅ-MM-DD (inte "1 juni").\n']);
    expect((await store.listAll({ limit: 500 })).items.filter((i) => i.status === 'closed')).toHaveLength(1);
  });
});
