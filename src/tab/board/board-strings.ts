/** The board's words. */
import type { Localized } from '../i18n';

const sv = {
  title: 'Tavlan',
  intro: 'Alla öppna incidenter, den med kortast tid kvar till IMY-fristen först. Klockan räknar ner live; försenade visas i rött.',
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
  shown: (shown: number, total: number) => (shown === total ? `${total} incidenter visas.` : `${shown} av ${total} incidenter visas.`),
  overdueCount: (n: number) => (n === 0 ? '' : n === 1 ? '1 är försenad.' : `${n} är försenade.`),
  none: 'Inga incidenter matchar filtren.',
  empty: 'Det finns inga öppna incidenter.',
  truncated: 'Fler incidenter finns än vad som visas. Använd filtren eller registret.',
  caption: 'Incidenter',
  columns: { number: 'Nummer', title: 'Rubrik', timeLeft: 'Tid kvar', deadline: 'Frist', status: 'Status', owner: 'Ägare', source: 'Källa', unit: 'Enhet' },
};

const en: typeof sv = {
  title: 'Board',
  intro: 'Every open incident, the one with the least time left to the IMY deadline first. The clock counts down live; overdue ones are shown in red.',
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
  shown: (shown: number, total: number) => (shown === total ? `${total} incidents shown.` : `${shown} of ${total} incidents shown.`),
  overdueCount: (n: number) => (n === 0 ? '' : n === 1 ? '1 is overdue.' : `${n} are overdue.`),
  none: 'No incident matches the filters.',
  empty: 'There are no open incidents.',
  truncated: 'There are more incidents than shown. Use the filters or the register.',
  caption: 'Incidents',
  columns: { number: 'Number', title: 'Title', timeLeft: 'Time left', deadline: 'Deadline', status: 'Status', owner: 'Owner', source: 'Source', unit: 'Unit' },
};

export const boardStrings: Localized<typeof sv> = { sv, en };
