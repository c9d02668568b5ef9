/** The register page's words. */
import type { Localized } from '../i18n';
import type { HalfYear } from './half-year';

const sv = {
  title: 'Registret',
  intro:
    'Alla incidenter dokumenteras, anmälda eller inte (artikel 33.5). Här ser du vad som behöver granskas, sammanställningen till nämnden och exporten av registret.',
  todo: (n: number) => (n === 0 ? 'Att granska' : `Att granska (${n})`),
  todoIntro:
    'Registerkontrollerna flaggar det som ser fel ut. Inget rättas automatiskt – öppna incidenten och åtgärda.',
  todoNone: 'Inget att granska just nu.',
  report: 'Halvårsrapport till nämnden',
  period: 'Period',
  half: (h: HalfYear) => `${h.year} ${h.half === 1 ? 'januari–juni' : 'juli–december'}`,
  total: 'Incidenter',
  reported: 'Anmälda till tillsynsmyndighet',
  unlikely: 'Bedömda som osannolik risk',
  unassessed: 'Risken inte bedömd',
  anomalies: 'Att granska i perioden',
  byCause: 'Incidenter per orsak',
  byMonth: 'Incidenter per månad (upptäckt)',
  cause: 'Orsak',
  month: 'Månad',
  count: 'Antal',
  unspecified: 'Ingen orsak angiven',
  documentForm: 'Redovisning till nämnden som Word-dokument',
  caseNumber: 'Ärendebeteckning (valfri)',
  caseNumberHint: 'Till exempel SN 2026/0071. Står i dokumentets huvud; inga personnummer.',
  downloadReport: 'Ladda ner redovisning (Word)',
  export: 'Exportera registret',
  exportIntro:
    'Hela registret med kolumnerna som kommunens register har. Filen innehåller personuppgifter: spara den bara där registret får finnas.',
  csv: 'Ladda ner som CSV',
  xlsx: 'Ladda ner som Excel (XLSX)',
  downloading: 'Hämtar filen…',
  months: [
    'januari',
    'februari',
    'mars',
    'april',
    'maj',
    'juni',
    'juli',
    'augusti',
    'september',
    'oktober',
    'november',
    'december',
  ],
};
const en: typeof sv = {
  title: 'Register',
  intro:
    'Every incident is documented, notified or not (article 33(5)). Here is what needs review, the summary for the committee and the export of the register.',
  todo: (n: number) => (n === 0 ? 'To review' : `To review (${n})`),
  todoIntro: 'The register checks flag what looks wrong. Nothing is fixed automatically – open the incident and act.',
  todoNone: 'Nothing to review right now.',
  report: 'Half-year report to the committee',
  period: 'Period',
  half: (h: HalfYear) => `${h.year} ${h.half === 1 ? 'January–June' : 'July–December'}`,
  total: 'Incidents',
  reported: 'Reported to a supervisory authority',
  unlikely: 'Assessed as unlikely risk',
  unassessed: 'Risk not assessed',
  anomalies: 'To review in the period',
  byCause: 'Incidents by cause',
  byMonth: 'Incidents by month (discovered)',
  cause: 'Cause',
  month: 'Month',
  count: 'Number',
  unspecified: 'No cause given',
  documentForm: 'Report to the committee as a Word document',
  caseNumber: 'Case number (optional)',
  caseNumberHint: 'For example SN 2026/0071. Printed in the document’s heading; no identity numbers.',
  downloadReport: 'Download report (Word)',
  export: 'Export the register',
  exportIntro:
    'The whole register with the columns of the municipal register. The file holds personal data: keep it only where the register may be kept.',
  csv: 'Download as CSV',
  xlsx: 'Download as Excel (XLSX)',
  downloading: 'Fetching the file…',
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};
export const registerStrings: Localized<typeof sv> = { sv, en };

/** A month `YYYY-MM` as the register page names it: the month's name (from `months`) and the year. */
export function monthLabel(months: readonly string[], month: string): string {
  return `${months[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
