/** The DPO exports the register: every incident as a register row, oldest discovery first. */
import { accessRecord, Forbidden, isDpo, type Caller, type Incident, type IncidentStore } from '../domain';
import { incidentToRegisterRow, type RegisterRow } from '../domain/register-row';
import type { UseCaseDeps } from './deps';

const PAGE = 500;

/** Every stored incident, page by page through `listAll` (newest discovery first). */
export async function* allIncidents(store: IncidentStore): AsyncGenerator<Incident> {
  let cursor: string | undefined;
  do {
    const page = await store.listAll({ limit: PAGE, cursor });
    yield* page.items;
    cursor = page.next;
  } while (cursor);
}

/** Every stored incident in register order: discovery time, then number. */
export async function loadRegister(store: IncidentStore): Promise<Incident[]> {
  const incidents: Incident[] = [];
  for await (const incident of allIncidents(store)) incidents.push(incident);
  return incidents.sort(
    (a, b) => Date.parse(a.discoveredAt) - Date.parse(b.discoveredAt) || a.number.localeCompare(b.number),
  );
}

/**
 * The register rows of every incident (DPO only), in register order. `target` names the export
 * in the access log (`register.xlsx`); the export is recorded there when the deps record reads.
 */
export async function exportRegister(
  deps: Pick<UseCaseDeps, 'store'> & Partial<Pick<UseCaseDeps, 'access' | 'clock' | 'newId'>>,
  caller: Caller,
  target = 'register',
): Promise<RegisterRow[]> {
  if (!isDpo(caller))
    throw new Forbidden(
      'Bara dataskyddsombudet kan exportera registret.',
      'Only the data protection officer can export the register.',
    );
  if (deps.access && deps.clock && deps.newId)
    deps.access.record(accessRecord(deps.newId(), deps.clock.now(), caller, 'register-export', null, target));
  return (await loadRegister(deps.store)).map(incidentToRegisterRow);
}
