/**
 * The DPO's changes to an incident: take ownership, record awareness and the end, assess, record
 * notices and reports, close; set and lift a legal hold; link a report to a main incident and undo it.
 * Each reads the incident, applies a pure domain change and stores it under the etag it read.
 */
import {
  assessRisk,
  closeIncident,
  Conflict,
  Forbidden,
  isDpo,
  liftLegalHold,
  linkToMain,
  parseLinkInput,
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
  unlinkFromMain,
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
  unlink: unlinkFromMain,
} satisfies Record<string, DomainChange>;

/**
 * Changes that read other incidents first: what they found is bound into the domain change.
 * @remarks The link's checks (main exists and is not linked; the report has none linked to it)
 * read at the time of the change; two DPOs linking A to B and B to C at the same moment could
 * still make a chain, which the board shows and either link undoes.
 */
const LOADED_CHANGES = {
  link: async (deps: UseCaseDeps, report: Incident, raw: unknown): Promise<DomainChange> => {
    const { mainNumber } = parseLinkInput(raw);
    const main = mainNumber === report.number ? report : await deps.store.getByNumber(mainNumber);
    const linked = await deps.store.listLinkedTo(report.id, { limit: 1 });
    const context = { main, reportHasLinkedReports: linked.items.length > 0 };
    return (incident, body, by, now) => linkToMain(incident, body, context, by, now);
  },
} satisfies Record<string, (deps: UseCaseDeps, report: Incident, raw: unknown) => Promise<DomainChange>>;

export type ChangeKind = keyof typeof CHANGES | keyof typeof LOADED_CHANGES;

function isLoaded(kind: ChangeKind): kind is keyof typeof LOADED_CHANGES {
  return Object.prototype.hasOwnProperty.call(LOADED_CHANGES, kind);
}

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
  const change = isLoaded(kind) ? await LOADED_CHANGES[kind](deps, current, raw) : CHANGES[kind];
  const { next, event } = change(current, raw, by, deps.clock.now());
  const stored = await deps.store.update(next, current.etag, event);
  deps.logger.info('incident changed', { incidentId: stored.id, number: stored.number, change: kind });
  await announce(deps, 'changed', stored);
  return stored;
}
