import { randomUUID } from 'node:crypto';
import {
  accessRecord,
  CULLED_TEXT,
  Forbidden,
  InvalidState,
  retentionPolicy,
  ValidationError,
  type Caller,
  type Incident,
  type IncidentStore,
  type NewIncident,
  type RetentionPolicy,
} from '../../src/domain';
import { SqliteStores } from '../../src/store/sqlite/sqlite-stores';
import {
  cullRetentionRun,
  getRetentionRun,
  listDueForCulling,
  prepareRetentionRun,
  RETENTION_LEASE_MS,
  RETENTION_RUN_KEY,
  retentionAuditExport,
  retentionLogEntry,
  retentionRegisterExport,
  RetentionRunBusy,
  summariseRegister,
  type RetentionDeps,
  type RetentionRunState,
} from '../../src/use-cases';
import { aDpo, aNewIncident, anEvent } from '../support/incident-mother';

const dpo: Caller = { ...aDpo, roles: ['dpo'] };
const reporter: Caller = { id: 'r', name: 'Rut', roles: ['reporter'] };
const AS_OF = new Date('2032-06-01T00:00:00.000Z');
const FIVE_YEARS: RetentionPolicy = retentionPolicy({ RETENTION_YEARS: '5' });

let stores: SqliteStores;
let now: Date;
let deps: RetentionDeps;

beforeEach(() => {
  stores = SqliteStores.open(':memory:');
  now = new Date('2032-06-01T08:00:00.000Z');
  deps = {
    store: stores.incidents,
    appState: stores.appState,
    accessLog: stores.accessLog,
    clock: { now: () => now },
    newId: randomUUID,
  };
});

afterEach(async () => {
  await stores.close();
});

/** A closed incident as a register import would give it (any shape of answers), closed at `closedAt`. */
async function aClosed(closedAt: string, overrides: Partial<NewIncident> = {}): Promise<Incident> {
  const discoveredAt = overrides.discoveredAt ?? new Date(Date.parse(closedAt) - 20 * 86_400_000).toISOString();
  const { incident } = await stores.incidents.create(
    aNewIncident({ discoveredAt, status: 'closed', closedAt, closedBy: aDpo, nextReminderAt: null, ...overrides }),
    anEvent({ type: 'imported', data: {} }),
  );
  return incident;
}

/** A register of varied answers: notified with risk, unlikely, blank, occurred after discovery; one open, one recent. */
async function aRegister(): Promise<Incident[]> {
  const assessedAt = '2026-01-05T10:00:00.000Z';
  return [
    await aClosed('2026-01-10T10:00:00.000Z', {
      assessment: { risk: 'risk', rationale: 'Barnutredning till fel mottagare.', assessedAt, assessedBy: aDpo },
      imyNotice: {
        notifiedAt: '2026-01-06T10:00:00.000Z',
        reference: 'IMY-2026-1',
        phased: false,
        delayReason: 'Helgen.',
        recordedAt: assessedAt,
        recordedBy: aDpo,
      },
      reportedToAuthority: true,
      cause: 'human-error',
    }),
    await aClosed('2025-03-01T10:00:00.000Z', {
      assessment: { risk: 'unlikely', rationale: 'Kollega med tystnadsplikt.', assessedAt, assessedBy: aDpo },
      reportedToAuthority: true,
      cause: 'technical',
    }),
    await aClosed('2024-11-01T10:00:00.000Z', {
      reportedToAuthority: false,
      cause: undefined,
      discoveredAt: '2024-10-01T10:00:00.000Z',
      occurredAt: '2024-10-03T10:00:00.000Z',
    }),
    await aClosed('2031-01-01T10:00:00.000Z'),
    (await stores.incidents.create(aNewIncident({ discoveredAt: '2026-02-01T10:00:00.000Z' }), anEvent())).incident,
  ];
}

/** Prepare, take both exports, confirm: what the CLI and the tab do. */
async function runAll(policy = FIVE_YEARS) {
  const run = (await prepareRetentionRun(deps, dpo, policy, AS_OF))!;
  await retentionRegisterExport(deps, dpo, run.id);
  await retentionAuditExport(deps, dpo, run.id);
  return cullRetentionRun(deps, dpo, run.id, run.items.length);
}

describe('the retention run', () => {
  it('lists nothing and prepares no run when the plan keeps everything or nothing is due', async () => {
    await aRegister();
    expect(await listDueForCulling(deps, dpo, { kind: 'keep' }, AS_OF)).toEqual([]);
    expect(await prepareRetentionRun(deps, dpo, { kind: 'keep' }, AS_OF)).toBeUndefined();
    expect(await prepareRetentionRun(deps, dpo, FIVE_YEARS, new Date('2029-01-01T00:00:00.000Z'))).toBeUndefined();
    expect(await stores.appState.getState(RETENTION_RUN_KEY)).toBeUndefined();
  });

  it('exports, then culls the due incidents whole, leaving the register report as it was', async () => {
    const register = await aRegister();
    const before = await summariseRegister(deps, dpo, {});
    const period = await summariseRegister(deps, dpo, { from: '2024-01-01', to: '2026-12-31' });
    const run = (await prepareRetentionRun(deps, dpo, FIVE_YEARS, AS_OF))!;
    expect(run.items.map((i) => i.number)).toEqual([register[2].number, register[1].number, register[0].number]);

    const rows = await retentionRegisterExport(deps, dpo, run.id);
    const audit = await retentionAuditExport(deps, dpo, run.id);
    expect(rows.map((r) => r.title)).toEqual(expect.arrayContaining([register[0].title]));
    expect(rows).toHaveLength(3);
    expect(audit.incidents.map((i) => i.events.map((e) => e.type))).toEqual([['imported'], ['imported'], ['imported']]);

    const result = await cullRetentionRun(deps, dpo, run.id, 3);

    expect(result).toEqual({ runId: run.id, culled: run.items.map((i) => i.number), skipped: [] });
    expect((await summariseRegister(deps, dpo, {})).report).toEqual(before.report);
    expect((await summariseRegister(deps, dpo, { from: '2024-01-01', to: '2026-12-31' })).report).toEqual(
      period.report,
    );
    const culled = (await stores.incidents.get(register[0].id))!;
    expect([culled.description, culled.reporter.name, culled.imyNotice?.delayReason]).toEqual([
      CULLED_TEXT,
      '[gallrad]',
      CULLED_TEXT,
    ]);
    expect(culled.retention).toMatchObject({ scope: 'whole', runId: run.id, by: aDpo });
    expect((await stores.incidents.events(register[0].id)).map((e) => e.type)).toEqual(['culled']);
    expect((await stores.incidents.get(register[3].id))?.retention).toBeUndefined();
    expect(await retentionLogEntry(deps, run.id)).toMatchObject({ by: aDpo, culled: result.culled, scope: 'whole' });
    expect(JSON.stringify(await retentionLogEntry(deps, run.id))).not.toContain(register[0].title);
    expect(await getRetentionRun(deps, dpo)).toBeUndefined();
    // Idempotent: nothing is due any longer.
    expect(await prepareRetentionRun(deps, dpo, FIVE_YEARS, AS_OF)).toBeUndefined();
  });

  it('culls only the free texts, or only the trail, as RETENTION_SCOPE says', async () => {
    const [first] = await aRegister();
    await runAll(retentionPolicy({ RETENTION_YEARS: '5', RETENTION_SCOPE: 'audit' }));
    expect((await stores.incidents.get(first.id))?.description).toBe(first.description);
    expect((await stores.incidents.events(first.id)).map((e) => e.type)).toEqual(['culled']);

    await runAll(retentionPolicy({ RETENTION_YEARS: '5', RETENTION_SCOPE: 'free-text' }));
    const culled = (await stores.incidents.get(first.id))!;
    expect([culled.description, culled.reporter]).toEqual([CULLED_TEXT, first.reporter]);
    expect((await stores.incidents.events(first.id)).map((e) => e.type)).toEqual(['culled', 'culled']);
  });

  it('deletes the access records of an incident culled whole', async () => {
    const [first] = await aRegister();
    await stores.accessLog.append([accessRecord('a1', now, dpo, 'incident-details', first.id)]);
    await runAll();
    expect((await stores.accessLog.listForIncident(first.id)).items).toEqual([]);
  });

  it('refuses to cull before both exports, or with the wrong count, changing nothing', async () => {
    const register = await aRegister();
    const run = (await prepareRetentionRun(deps, dpo, FIVE_YEARS, AS_OF))!;
    await retentionRegisterExport(deps, dpo, run.id);
    await expect(cullRetentionRun(deps, dpo, run.id, 3)).rejects.toThrow(InvalidState);
    await retentionAuditExport(deps, dpo, run.id);
    await expect(cullRetentionRun(deps, dpo, run.id, 2)).rejects.toThrow(ValidationError);
    expect((await stores.incidents.get(register[0].id))?.retention).toBeUndefined();
    await expect(cullRetentionRun(deps, dpo, run.id, 3)).resolves.toMatchObject({ skipped: [] });
  });

  it('survives a failure between the export and the cull: the re-run exports what is left and finishes', async () => {
    const register = await aRegister();
    let culls = 0;
    const failing: IncidentStore = Object.create(stores.incidents, {
      cull: {
        value: async (kept: Incident, event: Parameters<IncidentStore['cull']>[1]) => {
          if (++culls === 2) throw new Error('power cut');
          return stores.incidents.cull(kept, event);
        },
      },
    });
    const run = (await prepareRetentionRun(deps, dpo, FIVE_YEARS, AS_OF))!;
    await retentionRegisterExport(deps, dpo, run.id);
    await retentionAuditExport(deps, dpo, run.id);
    await expect(cullRetentionRun({ ...deps, store: failing }, dpo, run.id, 3)).rejects.toThrow('power cut');

    const stopped = (await getRetentionRun(deps, dpo))!;
    expect([stopped.id, stopped.phase]).toEqual([run.id, 'culling']);
    const again = (await prepareRetentionRun(deps, dpo, FIVE_YEARS, AS_OF))!;
    expect(again.id).toBe(run.id);
    expect(await retentionRegisterExport(deps, dpo, run.id)).toHaveLength(2);
    const result = await cullRetentionRun(deps, dpo, run.id, 3);

    expect(result.culled).toHaveLength(3);
    for (const incident of register.slice(0, 3)) {
      expect((await stores.incidents.get(incident.id))?.retention?.runId).toBe(run.id);
      expect((await stores.incidents.events(incident.id)).map((e) => e.type)).toEqual(['culled']);
    }
    for (const item of run.items)
      expect(await stores.appState.getState(`retention-record/${run.id}/${item.id}`)).toBeUndefined();
  });

  it('drops the kept records of a prepared run that is replaced by a new one', async () => {
    await aRegister();
    const first = (await prepareRetentionRun(deps, dpo, FIVE_YEARS, AS_OF))!;
    // A cull that stopped after keeping its records, before the run moved on to `culling`.
    const key = `retention-record/${first.id}/${first.items[0].id}`;
    await stores.appState.putState(key, await stores.incidents.get(first.items[0].id), undefined);

    const second = (await prepareRetentionRun(deps, dpo, FIVE_YEARS, AS_OF))!;

    expect(second.id).not.toBe(first.id);
    expect(await stores.appState.getState(key)).toBeUndefined();
    await expect(cullRetentionRun(deps, dpo, first.id, 3)).rejects.toThrow('Gallringen finns inte.');
  });

  it('refuses a second run while one holds the lease, and lets it be finished once the lease lapses', async () => {
    await aRegister();
    const run = (await prepareRetentionRun(deps, dpo, FIVE_YEARS, AS_OF))!;
    await retentionRegisterExport(deps, dpo, run.id);
    await retentionAuditExport(deps, dpo, run.id);
    // A run that died holding the lease (a killed process).
    const entry = (await stores.appState.getState<RetentionRunState>(RETENTION_RUN_KEY))!;
    const until = new Date(now.getTime() + RETENTION_LEASE_MS).toISOString();
    await stores.appState.putState(RETENTION_RUN_KEY, { ...entry.value, lease: { owner: 'other', until } }, entry.etag);

    await expect(cullRetentionRun(deps, dpo, run.id, 3)).rejects.toThrow(RetentionRunBusy);
    await expect(prepareRetentionRun(deps, dpo, FIVE_YEARS, AS_OF)).rejects.toThrow(RetentionRunBusy);
    now = new Date(Date.parse(until) + 1);
    await expect(cullRetentionRun(deps, dpo, run.id, 3)).resolves.toMatchObject({ runId: run.id });
  });

  it('lets one of two culls started at once go ahead and refuses the other', async () => {
    await aRegister();
    const run = (await prepareRetentionRun(deps, dpo, FIVE_YEARS, AS_OF))!;
    await retentionRegisterExport(deps, dpo, run.id);
    await retentionAuditExport(deps, dpo, run.id);
    const outcomes = await Promise.allSettled([
      cullRetentionRun(deps, dpo, run.id, 3),
      cullRetentionRun(deps, dpo, run.id, 3),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(
      RetentionRunBusy,
    );
  });

  it('never lists a legally held incident, and skips one held after it was listed', async () => {
    const register = await aRegister();
    const held = await aClosed('2020-01-01T10:00:00.000Z', {
      legalHold: { since: '2024-01-01T00:00:00.000Z', by: aDpo, reason: 'ivo' },
    });
    const run = (await prepareRetentionRun(deps, dpo, FIVE_YEARS, AS_OF))!;
    expect(run.items.map((i) => i.number)).not.toContain(held.number);
    await retentionRegisterExport(deps, dpo, run.id);
    await retentionAuditExport(deps, dpo, run.id);
    const current = (await stores.incidents.get(register[1].id))!;
    await stores.incidents.update(
      { ...current, legalHold: { since: now.toISOString(), by: aDpo, reason: 'ivo' } },
      current.etag,
      anEvent({ type: 'closed', actor: aDpo }),
    );

    const result = await cullRetentionRun(deps, dpo, run.id, 3);

    expect(result.skipped).toEqual([register[1].number]);
    expect((await stores.incidents.get(register[1].id))?.description).toBe(register[1].description);
    expect((await stores.incidents.get(held.id))?.retention).toBeUndefined();
  });

  it('is the DPO’s alone', async () => {
    await aRegister();
    await expect(prepareRetentionRun(deps, reporter, FIVE_YEARS, AS_OF)).rejects.toThrow(Forbidden);
    await expect(listDueForCulling(deps, reporter, FIVE_YEARS, AS_OF)).rejects.toThrow(Forbidden);
  });
});
