/** An incident's status for people, and what happens next (for the reporter). */
import type { Incident } from '../../domain/incident';
import { labelOf, STATUSES, type Status } from '../../domain/vocabulary';
import type { Locale } from '../i18n';

export function statusLabel(status: Status, locale: Locale): string {
  return labelOf(STATUSES, status, locale);
}

const NEXT: Record<Locale, Record<Status, string>> = {
  sv: {
    new: 'Dataskyddsombudet har fått rapporten och tittar på den inom kort.',
    triage: 'Dataskyddsombudet utreder incidenten och bedömer risken.',
    assessed: 'Risken är bedömd. Dataskyddsombudet anmäler incidenten till IMY när det behövs.',
    notified: 'Incidenten är anmäld till IMY. Dataskyddsombudet följer upp och avslutar ärendet.',
    'not-required':
      'Risken bedöms som osannolik, så ingen anmälan till IMY behövs. Incidenten dokumenteras i registret.',
    closed: 'Ärendet är avslutat och dokumenterat i registret. Inget mer behöver göras av dig.',
  },
  en: {
    new: 'The data protection officer has the report and will look at it shortly.',
    triage: 'The data protection officer is looking into the incident and assessing the risk.',
    assessed: 'The risk is assessed. The data protection officer notifies IMY where needed.',
    notified: 'The incident is notified to IMY. The data protection officer follows it up and closes it.',
    'not-required':
      'The risk is assessed as unlikely, so IMY need not be notified. The incident is documented in the register.',
    closed: 'The case is closed and documented in the register. Nothing more is needed from you.',
  },
};

/** What happens next with a report, in the reporter's words. */
export function nextStep(incident: Pick<Incident, 'status'>, locale: Locale): string {
  return NEXT[locale][incident.status];
}
