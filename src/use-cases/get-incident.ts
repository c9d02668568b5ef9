/** One incident with its audit trail, the duties its assessment brings and the register findings. */
import {
  accessRecord,
  dutiesFor,
  isDpo,
  NotFound,
  parseIncidentNumber,
  registerFindings,
  retentionOutlook,
  supplementDueAt,
  type RetentionOutlook,
  type AuditEvent,
  type Caller,
  type Duties,
  type Incident,
  type RegisterCheckId,
} from '../domain';
import type { UseCaseDeps } from './deps';

export interface IncidentDetails {
  incident: Incident;
  events: AuditEvent[];
  duties: Duties | null;
  findings: RegisterCheckId[];
  /** A phased notice to IMY whose supplement is still owed: by when (notice + four weeks); else null. */
  supplementDueAt: string | null;
  /** The reports linked to this incident as their main, earliest discovery first (DPO only; a reporter gets none). */
  linkedReports?: Pick<Incident, 'id' | 'number' | 'title' | 'status'>[];
  /** What the records plan (deps.retention; none: keep) will do with it: culled, open, held, kept, or due on a date. */
  retention?: RetentionOutlook;
}

/** Linked reports shown at most on one incident's page. */
const MAX_LINKED_SHOWN = 200;

/** Finds an incident by id or by number (`PUI-2026-0042`) that the caller may see, or throws NotFound. */
export async function findVisibleIncident(deps: UseCaseDeps, caller: Caller, idOrNumber: string): Promise<Incident> {
  const incident = parseIncidentNumber(idOrNumber)
    ? await deps.store.getByNumber(idOrNumber.trim().toUpperCase())
    : await deps.store.get(idOrNumber);
  // A reporter sees only their own: someone else's incident is "not found", not "forbidden".
  if (!incident || (!isDpo(caller) && incident.reporter.id !== caller.id)) throw new NotFound();
  return incident;
}

export async function getIncident(deps: UseCaseDeps, caller: Caller, idOrNumber: string): Promise<IncidentDetails> {
  const incident = await findVisibleIncident(deps, caller, idOrNumber);
  // Who opened it (a reporter their own report too): queued, never in the way of the read.
  deps.access?.record(accessRecord(deps.newId(), deps.clock.now(), caller, 'incident-details', incident.id));
  return {
    incident,
    events: await deps.store.events(incident.id),
    duties: incident.assessment ? dutiesFor(incident.assessment.risk) : null,
    findings: registerFindings(incident),
    supplementDueAt: supplementDueAt(incident),
    linkedReports: isDpo(caller) ? await linkedReports(deps, incident.id) : [],
    retention: retentionOutlook(incident, deps.retention ?? { kind: 'keep' }),
  };
}

async function linkedReports(deps: UseCaseDeps, mainId: string): Promise<IncidentDetails['linkedReports']> {
  const page = await deps.store.listLinkedTo(mainId, { limit: MAX_LINKED_SHOWN });
  return page.items.map(({ id, number, title, status }) => ({ id, number, title, status }));
}
