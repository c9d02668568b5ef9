/**
 * The cull of a retention run (src/use-cases/retention.ts), once the DPO has taken both exports and
 * confirmed the count: each incident's culled record is kept in app state, then each incident is
 * culled in the store, then the run is logged and cleared.
 */
import {
  culledAsFar,
  culledIncident,
  InvalidState,
  issue,
  leaseFor,
  leaseHeldByOther,
  ValidationError,
  type Caller,
  type Incident,
  type Lease,
  type RetentionMark,
  type StateEntry,
} from '../domain';
import {
  currentRun,
  requireDpo,
  RETENTION_EXPORTS,
  RETENTION_LEASE_MS,
  RETENTION_LOG_PREFIX,
  recordKey,
  RetentionRunBusy,
  saveState,
  type RetentionCullResult,
  type RetentionDeps,
  type RetentionLogEntry,
  type RetentionRun,
  type RetentionRunItem,
  type RetentionRunState,
} from './retention';

type Held = StateEntry<RetentionRunState>;

function lease(owner: string, now: Date): Lease {
  return leaseFor(owner, now, RETENTION_LEASE_MS);
}

/** True when the run may cull the incident: closed, not held, not culled this far already. */
function stillDue(incident: Incident, run: RetentionRun): boolean {
  return incident.status === 'closed' && !incident.legalHold && !culledAsFar(incident, run.scope);
}

function checkConfirmed(run: RetentionRun, confirmed: number): void {
  if (confirmed !== run.items.length)
    throw new ValidationError([
      issue(
        'confirm',
        'count_mismatch',
        `Bekräfta genom att ange antalet incidenter som gallras (${run.items.length}), inte ${confirmed}. Inget har tagits bort.`,
        `Confirm by giving the number of incidents to be culled (${run.items.length}), not ${confirmed}. Nothing was removed.`,
      ),
    ]);
  const missing = RETENTION_EXPORTS.filter((kind) => !run.exported.includes(kind));
  if (run.phase === 'prepared' && missing.length > 0)
    throw new InvalidState(
      `Ta ut exporten först (${missing.map((k) => (k === 'xlsx' ? 'registret som XLSX' : 'händelseloggen som JSON')).join(' och ')}); gallringen tar bort det som exporten sparar. Inget har tagits bort.`,
      `Take the export first (${missing.map((k) => (k === 'xlsx' ? 'the register as XLSX' : 'the audit trail as JSON')).join(' and ')}); the cull removes what the export keeps. Nothing was removed.`,
    );
}

/** Keeps each due incident's culled record in app state, then moves the run to `culling`. */
async function keepRecords(
  deps: RetentionDeps,
  held: Held,
  run: RetentionRun,
  caller: Caller,
  owner: string,
): Promise<Held> {
  const mark: RetentionMark = {
    culledAt: deps.clock.now().toISOString(),
    scope: run.scope,
    decision: run.decision,
    runId: run.id,
    by: { id: caller.id, name: caller.name },
  };
  const writes = [];
  for (const item of run.items) {
    held = await renew(deps, held, owner); // reading many incidents on SharePoint takes a while
    const incident = await deps.store.get(item.id);
    if (incident && stillDue(incident, run))
      writes.push({
        kind: 'put' as const,
        key: recordKey(run, item),
        value: culledIncident(incident, mark),
        expectedEtag: null,
        dueAt: null,
      });
  }
  const outcomes = await deps.appState.writeStates(writes);
  if (outcomes.some((o) => !o.ok)) throw new RetentionRunBusy(held.value.lease!.until);
  return saveState(deps, held, { ...held.value, run: { ...run, phase: 'culling' } });
}

/** Culls one incident of the run (or finds it culled, or no longer due); idempotent. */
async function cullOne(deps: RetentionDeps, run: RetentionRun, item: RetentionRunItem): Promise<boolean> {
  const key = recordKey(run, item);
  const current = await deps.store.get(item.id);
  const kept = await deps.appState.getState<Incident>(key);
  const drop = () => deps.appState.writeStates([{ kind: 'delete', key, expectedEtag: null }]);
  if (current?.retention?.runId === run.id) {
    if (kept) await drop();
    return true;
  }
  if (!kept) return false; // never kept: not due when the DPO confirmed
  if (current && !stillDue(current, run)) {
    await drop(); // put under a legal hold (or reopened) since: kept as it is
    return false;
  }
  // The access records first: once the incident carries the mark, this run never comes back to it.
  if (run.scope === 'whole') await deps.accessLog?.deleteForIncident(item.id);
  const mark = kept.value.retention!;
  await deps.store.cull(kept.value, {
    at: mark.culledAt,
    actor: mark.by,
    type: 'culled',
    data: { scope: run.scope, runId: run.id },
  });
  await drop();
  return true;
}

/** Renews the lease once less than half of it is left; a lost race means another run took over. */
async function renew(deps: RetentionDeps, held: Held, owner: string): Promise<Held> {
  const now = deps.clock.now();
  if (Date.parse(held.value.lease!.until) - now.getTime() > RETENTION_LEASE_MS / 2) return held;
  return saveState(deps, held, { ...held.value, lease: lease(owner, now) });
}

/**
 * Culls the run `runId` after the DPO's confirmation (`confirmed`: the number of incidents listed),
 * finishing a run that stopped midway. Every incident put under a legal hold since it was listed is
 * skipped. Answers the numbers culled and skipped.
 * @throws RetentionRunBusy while another run holds the lease; ValidationError for a wrong count;
 * InvalidState while an export has not been taken. Each leaves everything as it was.
 */
export async function cullRetentionRun(
  deps: RetentionDeps,
  caller: Caller,
  runId: string,
  confirmed: number,
): Promise<RetentionCullResult> {
  requireDpo(caller);
  const owner = deps.newId();
  const { entry, run } = await currentRun(deps, runId);
  if (leaseHeldByOther(entry.value.lease, owner, deps.clock.now()))
    throw new RetentionRunBusy(entry.value.lease!.until);
  checkConfirmed(run, confirmed);
  let held = await saveState(deps, entry, { run, lease: lease(owner, deps.clock.now()) });
  try {
    if (run.phase === 'prepared') held = await keepRecords(deps, held, run, caller, owner);
    const result: RetentionCullResult = { runId, culled: [], skipped: [] };
    for (const item of run.items) {
      const list = (await cullOne(deps, run, item)) ? result.culled : result.skipped;
      list.push(item.number);
      held = await renew(deps, held, owner);
    }
    const log: RetentionLogEntry = {
      runId,
      finishedAt: deps.clock.now().toISOString(),
      by: { id: caller.id, name: caller.name },
      scope: run.scope,
      decision: run.decision,
      asOf: run.asOf,
      culled: result.culled,
      skipped: result.skipped,
    };
    await deps.appState.putState(`${RETENTION_LOG_PREFIX}${runId}`, log, null);
    await saveState(deps, held, {});
    deps.logger?.info('retention run finished', {
      runId,
      culled: result.culled.length,
      skipped: result.skipped.length,
    });
    return result;
  } catch (error) {
    // Not a crash: the run stays in its phase for the next attempt, which may start at once.
    await saveState(deps, held, { run: held.value.run }).catch((releaseError: unknown) =>
      deps.logger?.warn('retention lease not released; it lapses', { error: (releaseError as Error).name }),
    );
    throw error;
  }
}

/** The finished runs' log entries are app state; this reads one (for the tests and the tab). */
export async function retentionLogEntry(
  deps: Pick<RetentionDeps, 'appState'>,
  runId: string,
): Promise<RetentionLogEntry | undefined> {
  return (await deps.appState.getState<RetentionLogEntry>(`${RETENTION_LOG_PREFIX}${runId}`))?.value;
}
