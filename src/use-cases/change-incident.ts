/**
 * The DPO's changes to an incident: take ownership, record awareness and the end, assess, record
 * notices and reports, close; set and lift a legal hold.
 * Each reads the incident, applies a pure domain change and stores it under the etag it read.
 */
import {
  assessRisk,
  closeIncident,
  Conflict,
  Forbidden,
  isDpo,
  liftLegalHold,
  recordAwareness,
  recordEnded,
  recordImyNotice,
  recordImySupplement,
  recordLexSarah,
  recordNoticeDetails,
  recordPoliceReport,
  recordSubjectNotice,
  setLegalHold,
  takeOwnership,
  type Caller,
  type Change,
  type Incident,
  type Person,
} from '../domain';
import { announce } from './announce';
import type { UseCaseDeps } from './deps';
import { findVisibleIncident } from './get-incident';

type DomainChange = (incident: Incident, raw: unknown, by: Person, now: Date) => Change;

/** The changes a DPO can make, by name. */
export const CHANGES = {
  take: (incident, _raw, by, now) => takeOwnership(incident, by, now),
  awareness: recordAwareness,
  ended: recordEnded,
  assess: assessRisk,
  'imy-notice': recordImyNotice,
  'imy-supplement': recordImySupplement,
  'subject-notice': recordSubjectNotice,
  'lex-sarah': recordLexSarah,
  'police-report': recordPoliceReport,
  'notice-details': recordNoticeDetails,
  close: closeIncident,
  // Open or closed: a hold matters most once the incident is closed and retention counts.
  'legal-hold': setLegalHold,
  'lift-legal-hold': liftLegalHold,
} satisfies Record<string, DomainChange>;

export type ChangeKind = keyof typeof CHANGES;

/**
 * Applies one change as the caller (a DPO). `expectedEtag` is the version the caller saw;
 * when given and stale the change is refused with `Conflict`.
 */
export async function changeIncident(
  deps: UseCaseDeps,
  caller: Caller,
  kind: ChangeKind,
  idOrNumber: string,
  raw: unknown,
  expectedEtag?: string,
): Promise<Incident> {
  if (!isDpo(caller))
    throw new Forbidden(
      'Bara dataskyddsombudet kan ändra en incident.',
      'Only the data protection officer can change an incident.',
    );
  const current = await findVisibleIncident(deps, caller, idOrNumber);
  if (expectedEtag !== undefined && expectedEtag !== current.etag) throw new Conflict();
  const by = { id: caller.id, name: caller.name };
  const { next, event } = CHANGES[kind](current, raw, by, deps.clock.now());
  const stored = await deps.store.update(next, current.etag, event);
  deps.logger.info('incident changed', { incidentId: stored.id, number: stored.number, change: kind });
  await announce(deps, 'changed', stored);
  return stored;
}
