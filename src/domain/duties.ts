/**
 * What the law asks of the controller once the risk is assessed, and what the DPO must do next
 * with an incident.
 */
import { isOverdue, timeLeftMs } from './deadline';
import { clockRunning, type Incident } from './incident';
import { supplementDueAt } from './reminders';
import type { RiskLevel } from './vocabulary';

export interface Duties {
  /** Art. 33: notify IMY within 72 h. */
  notifyAuthority: boolean;
  /** Art. 34: inform the data subjects without undue delay. */
  informDataSubjects: boolean;
}

/** Duties that follow from a risk level: IMY for risk or high, the data subjects for high. */
export function dutiesFor(risk: RiskLevel): Duties {
  return { notifyAuthority: risk !== 'unlikely', informDataSubjects: risk === 'high' };
}

/** The steps of an incident's handling, in the order the DPO meets them. */
export const DUTY_IDS = ['take', 'assess', 'notify-imy', 'inform-subjects', 'supplement-imy', 'close', 'none'] as const;
export type DutyId = (typeof DUTY_IDS)[number];

/** How pressing a duty is: past its time, due within a day, later, or with no time of its own. */
export type DutyUrgency = 'overdue' | 'today' | 'later' | 'none';

/** What the DPO must do next with an incident, and by when. */
export interface NextDuty {
  id: DutyId;
  /** When it must be done (ISO 8601 UTC); null when the law sets no time (art. 34: "without undue delay"). */
  dueAt: string | null;
  urgency: DutyUrgency;
}

/** A duty that falls due within this long is "today". */
export const DUE_TODAY_MS = 24 * 60 * 60 * 1000;

/** The urgency of something due at `dueAt`, seen at `now`. */
export function urgencyOf(dueAt: string | null, now: Date): DutyUrgency {
  if (dueAt === null) return 'none';
  const ms = timeLeftMs(dueAt, now);
  if (isOverdue(ms)) return 'overdue';
  return ms < DUE_TODAY_MS ? 'today' : 'later';
}

type DutyFields = Pick<Incident, 'status' | 'owner' | 'assessment' | 'imyNotice' | 'subjectNotice' | 'deadline'> &
  Partial<Pick<Incident, 'linkedTo'>>;

/** The duty and its time, before urgency. */
function pending(incident: DutyFields): { id: DutyId; dueAt: string | null } {
  if (incident.status === 'closed') return { id: 'none', dueAt: null };
  // A linked report is handled through its main: closing it is all that is left, with no time of its own.
  if (incident.linkedTo) return { id: 'close', dueAt: null };
  // While the 72-hour clock runs, its deadline is the time for taking and assessing too.
  const clock = clockRunning(incident) ? incident.deadline : null;
  const a = incident.assessment;
  if (!incident.owner && !a) return { id: 'take', dueAt: clock };
  if (!a) return { id: 'assess', dueAt: clock };
  const duties = dutiesFor(a.risk);
  if (duties.notifyAuthority && !incident.imyNotice) return { id: 'notify-imy', dueAt: clock };
  if (duties.informDataSubjects && !incident.subjectNotice) return { id: 'inform-subjects', dueAt: null };
  const supplement = supplementDueAt(incident);
  if (supplement) return { id: 'supplement-imy', dueAt: supplement };
  return { id: 'close', dueAt: null };
}

/**
 * The one thing the DPO must do next: take the incident, assess the risk, notify IMY (risk or
 * high), inform the data subjects (high), send the supplement a phased notice owes, or close it.
 * @remarks The same order as the law's: a notice to IMY cannot wait for the data subjects, and an
 * incident is closed only when nothing else is owed (as {@link closeIncident} demands). Taking it
 * comes first only while nobody has done anything with it: an incident assessed without an
 * owner is not sent back a step.
 */
export function nextDuty(incident: DutyFields, now: Date): NextDuty {
  const { id, dueAt } = pending(incident);
  return { id, dueAt, urgency: urgencyOf(dueAt, now) };
}

/** The optional and conditional tracks of an incident beside the risk assessment. */
export const TRACK_IDS = ['imy', 'subjects', 'lex-sarah', 'police', 'ended', 'awareness'] as const;
export type TrackId = (typeof TRACK_IDS)[number];

/**
 * Where a track stands: `due` (the law asks for it now), `done` (recorded), `waiting` (it may be
 * asked later: not yet assessed), `not-required` (the assessment says it is not owed), or `open`
 * (may be recorded whenever it applies).
 */
export type TrackState = 'due' | 'done' | 'waiting' | 'not-required' | 'open';

type TrackFields = DutyFields & Pick<Incident, 'lexSarah' | 'policeReport' | 'endedAt' | 'awareReason'>;

/** The state of each track of an incident. */
export function trackStates(incident: TrackFields): Record<TrackId, TrackState> {
  const a = incident.assessment;
  const duties = a ? dutiesFor(a.risk) : null;
  const supplementOwed = supplementDueAt(incident) !== null;
  const closed = incident.status === 'closed';
  const owed = (done: boolean, required: boolean | undefined): TrackState =>
    done ? 'done' : closed ? 'not-required' : required === undefined ? 'waiting' : required ? 'due' : 'not-required';
  return {
    imy: supplementOwed ? 'due' : owed(Boolean(incident.imyNotice), duties?.notifyAuthority),
    subjects: owed(Boolean(incident.subjectNotice), duties?.informDataSubjects),
    'lex-sarah': incident.lexSarah ? 'done' : 'open',
    police: incident.policeReport ? 'done' : 'open',
    ended: incident.endedAt ? 'done' : 'open',
    awareness: incident.awareReason ? 'done' : 'open',
  };
}
