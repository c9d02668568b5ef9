/** The one line each track of the incident page shows about where it stands, open or closed. */
import { trackStates, type TrackId } from '../../domain/duties';
import { supplementDueAt } from '../../domain/reminders';
import { labelOf, RISK_LEVELS } from '../../domain/vocabulary';
import type { Incident } from '../../web/api-contract';
import { displayTime } from '../components/time-input';
import { formatNumber, type Locale } from '../i18n';
import type { incidentStrings } from './incident-strings';

type Summaries = (typeof incidentStrings)['sv']['summaries'];

/** The assessment's line: the level (and ENISA score) or "not assessed". */
export function assessmentSummary(incident: Incident, s: Summaries, locale: Locale): string {
  const a = incident.assessment;
  if (!a) return incident.status === 'closed' ? s.closed : s.notAssessed;
  return s.assessed(
    `${labelOf(RISK_LEVELS, a.risk, locale)}${a.severity ? ` (SE ${formatNumber(a.severity.score, locale)})` : ''}`,
  );
}

function imySummary(incident: Incident, s: Summaries): string {
  const state = trackStates(incident).imy;
  const supplement = supplementDueAt(incident);
  if (supplement) return s.imySupplement(displayTime(supplement));
  if (incident.imyNotice)
    return s.imyDone(displayTime(incident.imyNotice.notifiedAt), incident.imyNotice.reference ?? '');
  if (state === 'due') return s.imyDue(displayTime(incident.deadline));
  return state === 'waiting' ? s.waiting : s.imyNotRequired;
}

function subjectsSummary(incident: Incident, s: Summaries): string {
  const n = incident.subjectNotice;
  if (n) return n.notifiedAt ? s.subjectsInformed(displayTime(n.notifiedAt)) : s.subjectsNot;
  const state = trackStates(incident).subjects;
  return state === 'due' ? s.subjectsDue : state === 'waiting' ? s.waiting : s.subjectsNotRequired;
}

/** A track's line, from the incident as it stands. */
export function trackSummary(id: TrackId, incident: Incident, s: Summaries): string {
  switch (id) {
    case 'imy':
      return imySummary(incident, s);
    case 'subjects':
      return subjectsSummary(incident, s);
    case 'lex-sarah':
      return incident.lexSarah
        ? s.lexSarahDone(displayTime(incident.lexSarah.reportedAt), incident.lexSarah.reportedToIvo)
        : s.notRecorded;
    case 'police':
      return incident.policeReport ? s.policeDone(displayTime(incident.policeReport.reportedAt)) : s.notRecorded;
    case 'ended':
      return incident.endedAt ? s.endedDone(displayTime(incident.endedAt)) : s.endedOpen;
    case 'awareness':
      return s.awareness(displayTime(incident.awareAt), Boolean(incident.awareReason));
  }
}
