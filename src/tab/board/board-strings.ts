/** The board's words. */
import type { DutyId } from '../../domain/duties';
import type { Localized } from '../i18n';

const sv = {
  title: 'Tavlan',
  intro:
    'Alla öppna incidenter: det som är försenat eller ska göras inom ett dygn först, med nästa steg på varje rad. Klockan räknar ner live; försenade visas i rött. Filtren sparas till nästa gång.',
  glance: 'Just nu',
  glanceOverdue: (n: number) => `${n} försenade`,
  glanceToday: (n: number) => `${n} inom 24 h`,
  duties: {
    take: 'Ta incidenten',
    assess: 'Bedöm risken',
    'notify-imy': 'Anmäl till IMY',
    'inform-subjects': 'Informera de registrerade',
    'supplement-imy': 'Komplettera till IMY',
    close: 'Avsluta',
    none: '–',
  } satisfies Record<DutyId, string>,
  filters: 'Filter',
  search: 'Sök på nummer eller rubrik',
  status: 'Status',
  source: 'Källa',
  unit: 'Enhet',
  owner: 'Ägare',
  all: 'Alla',
  me: 'Jag',
  showClosed: 'Visa även avslutade',
  clearFilters: 'Rensa filtren',
  shown: (shown: number, total: number) =>
    shown === total ? `${total} incidenter visas.` : `${shown} av ${total} incidenter visas.`,
  overdueCount: (n: number) => (n === 0 ? '' : n === 1 ? '1 är försenad.' : `${n} är försenade.`),
  none: 'Inga incidenter matchar filtren.',
  empty: 'Det finns inga öppna incidenter.',
  truncated: 'Fler incidenter finns än vad som visas. Använd filtren eller registret.',
  caption: 'Incidenter',
  onlyNumbers: (n: number) =>
    n === 1
      ? 'Visar 1 incident från sammanfattningen i DPO-kanalen. Filtren gäller inte här.'
      : `Visar ${n} incidenter från sammanfattningen i DPO-kanalen. Filtren gäller inte här.`,
  showAll: 'Visa alla öppna incidenter',
  missingNumbers: (numbers: string) => `Finns inte bland de öppna incidenterna: ${numbers}.`,
  possiblySame: (first: string) => `Möjligen samma händelse som ${first}`,
  sameReasons: { 'source-message': 'samma meddelande i Teams', mail: 'samma mejl', title: 'liknande rubrik' },
  linkTo: (first: string) => `Länka till ${first}`,
  linkToLabel: (number: string, first: string) => `Länka till ${first}: ${number}`,
  linked: (main: string) => `Länkad till ${main}`,
  linkedDone: (number: string, main: string) => `${number} är länkad till ${main}.`,
  columns: {
    number: 'Nummer',
    title: 'Rubrik',
    next: 'Nästa steg',
    timeLeft: 'Tid kvar',
    deadline: 'Frist',
    status: 'Status',
    owner: 'Ägare',
    source: 'Källa',
    unit: 'Enhet',
  },
};

const en: typeof sv = {
  title: 'Board',
  intro:
    'Every open incident: what is overdue or due within a day first, with the next step on each row. The clock counts down live; overdue ones are shown in red. The filters are kept for next time.',
  glance: 'Right now',
  glanceOverdue: (n: number) => `${n} overdue`,
  glanceToday: (n: number) => `${n} within 24 h`,
  duties: {
    take: 'Take the incident',
    assess: 'Assess the risk',
    'notify-imy': 'Notify IMY',
    'inform-subjects': 'Inform the data subjects',
    'supplement-imy': 'Supplement to IMY',
    close: 'Close',
    none: '–',
  },
  filters: 'Filters',
  search: 'Search by number or title',
  status: 'Status',
  source: 'Source',
  unit: 'Unit',
  owner: 'Owner',
  all: 'All',
  me: 'Me',
  showClosed: 'Show closed ones too',
  clearFilters: 'Clear the filters',
  shown: (shown: number, total: number) =>
    shown === total ? `${total} incidents shown.` : `${shown} of ${total} incidents shown.`,
  overdueCount: (n: number) => (n === 0 ? '' : n === 1 ? '1 is overdue.' : `${n} are overdue.`),
  none: 'No incident matches the filters.',
  empty: 'There are no open incidents.',
  truncated: 'There are more incidents than shown. Use the filters or the register.',
  caption: 'Incidents',
  onlyNumbers: (n: number) =>
    n === 1
      ? 'Showing 1 incident from the digest in the DPO channel. The filters do not apply here.'
      : `Showing ${n} incidents from the digest in the DPO channel. The filters do not apply here.`,
  showAll: 'Show every open incident',
  missingNumbers: (numbers: string) => `Not among the open incidents: ${numbers}.`,
  possiblySame: (first: string) => `Possibly the same event as ${first}`,
  sameReasons: { 'source-message': 'same Teams message', mail: 'same mail', title: 'similar title' },
  linkTo: (first: string) => `Link to ${first}`,
  linkToLabel: (number: string, first: string) => `Link to ${first}: ${number}`,
  linked: (main: string) => `Linked to ${main}`,
  linkedDone: (number: string, main: string) => `${number} is linked to ${main}.`,
  columns: {
    number: 'Number',
    title: 'Title',
    next: 'Next step',
    timeLeft: 'Time left',
    deadline: 'Deadline',
    status: 'Status',
    owner: 'Owner',
    source: 'Source',
    unit: 'Unit',
  },
};

export const boardStrings: Localized<typeof sv> = { sv, en };
