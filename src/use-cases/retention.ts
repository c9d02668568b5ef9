/**
 * Retention (*gallring*) by the records plan: what is due (the dry run), and the run that culls it
 * after the DPO confirms — first exported (the register rows as XLSX, the audit trail as JSON), then
 * culled from the store, leaving what src/domain/retention-cull.ts keeps.
 *
 * @remarks The run lives in app state under {@link RETENTION_RUN_KEY}: which incidents, which phase
 * (`prepared`: listed, exports may be taken; `culling`: the DPO confirmed, the culled records are
 * kept in app state, one item each, until their incident is culled) and a lease under the item's
 * etag, so two runs never cull at once. A run that stopped midway (a crash, the store gone) is
 * finished by the next run before anything new is listed; every step is idempotent, and an
 * incident missing midway is written again from its kept record, so nothing is half-deleted. The
 * finished run is recorded (who, when, which numbers, the decision; never content) under
 * {@link RETENTION_LOG_PREFIX}.
 */
import {
  accessRecord,
  Conflict,
  dueForCulling,
  Forbidden,
  isDpo,
  leaseHeldByOther,
  NotFound,
  retentionDecision,
  type AuditEvent,
  type Caller,
  type DueForCulling,
  type Incident,
  type Lease,
  type Person,
  type RetentionPolicy,
  type RetentionScope,
  type StateEntry,
} from '../domain';
import { incidentToRegisterRow, type RegisterRow } from '../domain/register-row';
import type { UseCaseDeps } from './deps';
import { allIncidents } from './export-register';

export const RETENTION_RUN_KEY = 'retention-run';
/** `retention-record/<run id>/<incident id>`: the culled record, kept while its incident is culled. */
export const RETENTION_RECORD_PREFIX = 'retention-record/';
/** `retention-log/<run id>`: the finished run, as the audit of it. */
export const RETENTION_LOG_PREFIX = 'retention-log/';
/** How long a run holds the lease; renewed as it goes. */
export const RETENTION_LEASE_MS = 120_000;

/** The two exports the DPO takes before culling. */
export const RETENTION_EXPORTS = ['xlsx', 'audit'] as const;
export type RetentionExportKind = (typeof RETENTION_EXPORTS)[number];

/** One incident of a run. */
export interface RetentionRunItem extends DueForCulling {
  id: string;
}

/** A retention run, as app state keeps it. */
export interface RetentionRun {
  id: string;
  phase: 'prepared' | 'culling';
  scope: RetentionScope;
  decision: string;
  /** The day the run counts to (ISO 8601). */
  asOf: string;
  preparedAt: string;
  by: Person;
  items: RetentionRunItem[];
  /** The exports taken; the cull waits for both. */
  exported: RetentionExportKind[];
}

/** The run's app state: the run, and who holds it now. */
export interface RetentionRunState {
  run?: RetentionRun;
  lease?: Lease;
}

/** A finished run, as {@link RETENTION_LOG_PREFIX} keeps it: no content. */
export interface RetentionLogEntry {
  runId: string;
  finishedAt: string;
  by: Person;
  scope: RetentionScope;
  decision: string;
  asOf: string;
  culled: string[];
  /** Listed, but not culled: put under a legal hold (or reopened) before the cull. */
  skipped: string[];
}

/** What a cull did. */
export interface RetentionCullResult {
  runId: string;
  culled: string[];
  skipped: string[];
}

/** The audit trail of a run's incidents, as exported before culling (the JSON download). */
export interface RetentionAuditExport {
  runId: string;
  exportedAt: string;
  decision: string;
  incidents: { number: string; id: string; events: AuditEvent[] }[];
}

/** Another run holds the lease: nothing was done. */
export class RetentionRunBusy extends Conflict {
  constructor(until: string) {
    super(
      `En annan gallring pågår (till senast ${until.slice(0, 16).replace('T', ' ')} UTC). Vänta tills den är klar och försök igen; inget har ändrats.`,
      `Another retention run is in progress (until ${until.slice(0, 16).replace('T', ' ')} UTC at the latest). Wait for it to finish and try again; nothing was changed.`,
    );
  }
}

export type RetentionDeps = Pick<UseCaseDeps, 'store' | 'appState' | 'clock' | 'newId'> &
  Partial<Pick<UseCaseDeps, 'accessLog' | 'access' | 'logger'>>;

export function requireDpo(caller: Caller): void {
  if (!isDpo(caller))
    throw new Forbidden(
      'Bara dataskyddsombudet kan gallra registret.',
      'Only the data protection officer can cull the register.',
    );
}

/** The incidents due for culling at `asOf` under `policy`, earliest due first (DPO only). */
export async function listDueForCulling(
  deps: Pick<UseCaseDeps, 'store'>,
  caller: Caller,
  policy: RetentionPolicy,
  asOf: Date,
): Promise<DueForCulling[]> {
  requireDpo(caller);
  return (await dueIncidents(deps, policy, asOf)).map(({ id: _id, ...due }) => due);
}

async function dueIncidents(
  deps: Pick<UseCaseDeps, 'store'>,
  policy: RetentionPolicy,
  asOf: Date,
): Promise<RetentionRunItem[]> {
  if (policy.kind === 'keep') return [];
  const incidents: Incident[] = [];
  for await (const incident of allIncidents(deps.store)) incidents.push(incident);
  const ids = new Map(incidents.map((i) => [i.number, i.id]));
  return dueForCulling(incidents, policy, asOf).map((due) => ({ ...due, id: ids.get(due.number)! }));
}

/** The run's state as stored (or empty). */
export async function getRetentionRun(
  deps: Pick<UseCaseDeps, 'appState'>,
  caller: Caller,
): Promise<RetentionRun | undefined> {
  requireDpo(caller);
  return (await deps.appState.getState<RetentionRunState>(RETENTION_RUN_KEY))?.value.run;
}

/** Writes the run's state under the etag read; a lost race is the other run's. */
export async function saveState(
  deps: RetentionDeps,
  entry: StateEntry<RetentionRunState> | undefined,
  next: RetentionRunState,
): Promise<StateEntry<RetentionRunState>> {
  try {
    return await deps.appState.putState(RETENTION_RUN_KEY, next, entry?.etag);
  } catch (error) {
    if (error instanceof Conflict) {
      const now = await deps.appState.getState<RetentionRunState>(RETENTION_RUN_KEY);
      throw new RetentionRunBusy(now?.value.lease?.until ?? new Date(deps.clock.now().getTime()).toISOString());
    }
    throw error;
  }
}

/**
 * Lists what is due into a new run (phase `prepared`), replacing a prepared run nobody culled. A
 * run that stopped while culling is answered instead: it is finished first. Answers undefined when
 * nothing is due (and no run is unfinished).
 * @throws RetentionRunBusy while another run holds the lease.
 */
export async function prepareRetentionRun(
  deps: RetentionDeps,
  caller: Caller,
  policy: RetentionPolicy,
  asOf: Date,
): Promise<RetentionRun | undefined> {
  requireDpo(caller);
  const now = deps.clock.now();
  const entry = await deps.appState.getState<RetentionRunState>(RETENTION_RUN_KEY);
  const state = entry?.value ?? {};
  if (leaseHeldByOther(state.lease, undefined, now)) throw new RetentionRunBusy(state.lease!.until);
  if (state.run?.phase === 'culling') return state.run;
  // A prepared run nobody culled goes, with any record it kept before it stopped short of `culling`.
  if (state.run) await dropKeptRecords(deps, state.run);
  const items = await dueIncidents(deps, policy, asOf);
  if (items.length === 0 || policy.kind === 'keep') {
    if (state.run) await saveState(deps, entry, {});
    return undefined;
  }
  const run: RetentionRun = {
    id: deps.newId(),
    phase: 'prepared',
    scope: policy.scope,
    decision: retentionDecision(policy),
    asOf: asOf.toISOString(),
    preparedAt: now.toISOString(),
    by: { id: caller.id, name: caller.name },
    items,
    exported: [],
  };
  await saveState(deps, entry, { run });
  return run;
}

/** Where the culled record of one incident of a run is kept while it is culled. */
export function recordKey(run: Pick<RetentionRun, 'id'>, item: Pick<RetentionRunItem, 'id'>): string {
  return `${RETENTION_RECORD_PREFIX}${run.id}/${item.id}`;
}

/** Deletes every record the run may have kept (deleting what is not there succeeds). */
async function dropKeptRecords(deps: RetentionDeps, run: RetentionRun): Promise<void> {
  await deps.appState.writeStates(
    run.items.map((item) => ({ kind: 'delete', key: recordKey(run, item), expectedEtag: null })),
  );
}

export async function currentRun(deps: RetentionDeps, runId: string) {
  const entry = await deps.appState.getState<RetentionRunState>(RETENTION_RUN_KEY);
  const run = entry?.value.run;
  if (!run || run.id !== runId) throw new NotFound('Gallringen', 'The retention run');
  return { entry: entry!, run };
}

/** The run's incidents not yet culled by it (all of them before the cull). */
async function stillToCull(deps: RetentionDeps, run: RetentionRun): Promise<Incident[]> {
  const found: Incident[] = [];
  for (const item of run.items) {
    const incident = await deps.store.get(item.id);
    if (incident && incident.retention?.runId !== run.id) found.push(incident);
  }
  return found;
}

/** Notes that an export was taken (retried on a lost race with another export of the same run). */
async function markExported(deps: RetentionDeps, runId: string, kind: RetentionExportKind): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const { entry, run } = await currentRun(deps, runId);
    if (run.exported.includes(kind)) return;
    try {
      await deps.appState.putState(
        RETENTION_RUN_KEY,
        { ...entry.value, run: { ...run, exported: [...run.exported, kind] } },
        entry.etag,
      );
      return;
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
    }
  }
  throw new RetentionRunBusy(deps.clock.now().toISOString());
}

/** The register rows of what the run will cull (the XLSX download), recorded as a retention export. */
export async function retentionRegisterExport(
  deps: RetentionDeps,
  caller: Caller,
  runId: string,
): Promise<RegisterRow[]> {
  requireDpo(caller);
  const { run } = await currentRun(deps, runId);
  const rows = (await stillToCull(deps, run)).map(incidentToRegisterRow);
  deps.access?.record(
    accessRecord(deps.newId(), deps.clock.now(), caller, 'retention-export', null, `gallring-${run.id}.xlsx`),
  );
  await markExported(deps, runId, 'xlsx');
  return rows;
}

/** The audit trail of what the run will cull (the JSON download), recorded as a retention export. */
export async function retentionAuditExport(
  deps: RetentionDeps,
  caller: Caller,
  runId: string,
): Promise<RetentionAuditExport> {
  requireDpo(caller);
  const { run } = await currentRun(deps, runId);
  const incidents = [];
  for (const incident of await stillToCull(deps, run))
    incidents.push({ number: incident.number, id: incident.id, events: await deps.store.events(incident.id) });
  deps.access?.record(
    accessRecord(deps.newId(), deps.clock.now(), caller, 'retention-export', null, `gallring-${run.id}-handelser.json`),
  );
  await markExported(deps, runId, 'audit');
  return { runId: run.id, exportedAt: deps.clock.now().toISOString(), decision: run.decision, incidents };
}
