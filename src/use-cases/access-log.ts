/** Who read what: the DPO reads an incident's access log. */
import { Forbidden, isDpo, type AccessRecord, type Caller, type ListOptions, type Page } from '../domain';
import type { UseCaseDeps } from './deps';
import { findVisibleIncident } from './get-incident';

/**
 * An incident's access log, newest first (DPO only: a reporter is refused, even for their own
 * report). Records still queued in this process are appended first, so the page includes them.
 */
export async function listAccessLog(
  deps: UseCaseDeps,
  caller: Caller,
  idOrNumber: string,
  options: ListOptions = {},
): Promise<Page<AccessRecord>> {
  if (!isDpo(caller))
    throw new Forbidden(
      'Bara dataskyddsombudet kan se vem som läst en incident.',
      'Only the data protection officer can see who read an incident.',
    );
  const incident = await findVisibleIncident(deps, caller, idOrNumber);
  if (!deps.accessLog) return { items: [] };
  await deps.access?.flush();
  return deps.accessLog.listForIncident(incident.id, options);
}
