/** Lists: a reporter's own reports, and (for the DPO) all or all open by deadline. */
import { Forbidden, isDpo, type Caller, type Incident, type ListOptions, type Page } from '../domain';
import type { UseCaseDeps } from './deps';

/** The caller's own reports, newest first. */
export function listMyIncidents(deps: UseCaseDeps, caller: Caller, options?: ListOptions): Promise<Page<Incident>> {
  return deps.store.listByReporter(caller.id, options);
}

/** Every incident (DPO only): open ones by deadline when `openOnly`, else newest first. */
export function listAllIncidents(
  deps: UseCaseDeps,
  caller: Caller,
  options: ListOptions & { openOnly?: boolean } = {},
): Promise<Page<Incident>> {
  if (!isDpo(caller)) throw new Forbidden();
  return options.openOnly ? deps.store.listOpenByDeadline(options) : deps.store.listAll(options);
}
