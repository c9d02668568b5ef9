/**
 * The committee report (*tjänsteskrivelse*, DOMAIN.md *The committee report*): its words and
 * figures, from the register summary of a period. Page 1 the memo — heading, *Förslag till beslut*
 * and *Bakgrund* from an editable template, the findings to look at, a chart; then the appendix
 * *Bilaga: Sammanställning*, the register's seven columns plus the number. The layout (Word) is
 * done elsewhere (src/documents/); what it says is decided here.
 * @remarks The figures are the register report's (`buildRegisterReport`, the same JSON as
 * `report --format json`); only the count of late notices, which that JSON does not carry, is
 * counted here from the same incidents. Titles and descriptions are masked for identity numbers
 * and e-mail addresses: the memo goes to a committee and becomes a public record.
 */
import { CAUSES, type CauseId } from './causes';
import { isLate } from './deadline';
import { issue, ValidationError } from './errors';
import { findEmailAddresses, findIdentityNumbers, maskPersonalData, maskPersonalDataOneLine } from './identity-number';
import { formatNumber, type Locale } from './i18n';
import { unlikelyRisk, type Incident } from './incident';
import type { Organisation } from './organisation';
import { REGISTER_CHECKS, registerFindings, type RegisterCheckId } from './register-checks';
import type { RegisterReport } from './register-report';
import { REGISTER_COLUMNS } from './register-row';
import { formatStockholm, stockholmDate } from './stockholm-time';
import { forbiddenCharacter } from './text-characters';

/** What the report reads of an incident. */
export type CommitteeIncident = Pick<
  Incident,
  | 'number'
  | 'title'
  | 'description'
  | 'discoveredAt'
  | 'occurredAt'
  | 'awareAt'
  | 'assessment'
  | 'imyNotice'
  | 'reportedToAuthority'
  | 'cause'
>;

/** The longest ärendebeteckning accepted (`SN 2022/0071.01.05` is 18). */
export const CASE_NUMBER_MAX = 60;

/**
 * Checks the ärendebeteckning typed in when the report is generated: optional (absent or blank:
 * none), one line, at most {@link CASE_NUMBER_MAX} characters, and never an identity number or an
 * e-mail address (it is printed on a public memo and travels in the URL). Returns it trimmed.
 * @throws ValidationError (field `caseNumber`).
 */
export function validateCaseNumber(text: string | undefined): string | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  const fail = (code: string, sv: string, en: string): never => {
    throw new ValidationError([issue('caseNumber', code, sv, en)]);
  };
  if ([...value].length > CASE_NUMBER_MAX)
    fail(
      'case_number_too_long',
      `Ärendebeteckningen får vara högst ${CASE_NUMBER_MAX} tecken, till exempel SN 2026/0071.`,
      `The case number may be at most ${CASE_NUMBER_MAX} characters, e.g. SN 2026/0071.`,
    );
  if (/[\r\n]/.test(value) || forbiddenCharacter(value, { singleLine: true }))
    fail(
      'case_number_invalid',
      'Ärendebeteckningen ska vara en rad text utan styrtecken, till exempel SN 2026/0071.',
      'The case number must be one line of text without control characters, e.g. SN 2026/0071.',
    );
  if (findIdentityNumbers(value).length > 0 || findEmailAddresses(value).length > 0)
    fail(
      'case_number_personal_data',
      'Ärendebeteckningen ser ut att innehålla ett personnummer eller en e-postadress. Ange bara diarienumret, till exempel SN 2026/0071.',
      'The case number seems to hold an identity number or an e-mail address. Give only the case reference, e.g. SN 2026/0071.',
    );
  return value;
}

// ---------------------------------------------------------------------------------------------
// The figures

/** The figures the memo's text and chart use; all but `noticesLate` are the register report's. */
export interface CommitteeFigures {
  total: number;
  reportedToAuthority: number;
  assessedUnlikelyRisk: number;
  unassessed: number;
  /** IMY notified later than 72 hours after the organisation became aware. */
  noticesLate: number;
  byCause: { id: CauseId | 'unspecified'; label: string; count: number }[];
}

function causeName(id: CauseId | 'unspecified', lang: Locale): string {
  if (id === 'unspecified') return lang === 'en' ? 'No cause given' : 'Ingen orsak angiven';
  const cause = CAUSES.find((c) => c.id === id)!;
  return lang === 'en' ? cause.labelEn : cause.label;
}

/** The memo's figures: the report's counts, plus the late notices among the same incidents. */
export function committeeFigures(
  report: RegisterReport,
  incidents: readonly CommitteeIncident[],
  lang: Locale = 'sv',
): CommitteeFigures {
  const ids: (CauseId | 'unspecified')[] = [...CAUSES.map((c) => c.id), 'unspecified'];
  return {
    total: report.total,
    reportedToAuthority: report.reportedToAuthority,
    assessedUnlikelyRisk: report.assessedUnlikelyRisk,
    unassessed: report.unassessed,
    noticesLate: incidents.filter((i) => i.imyNotice?.notifiedAt && isLate(i.awareAt, i.imyNotice.notifiedAt)).length,
    byCause: ids.map((id) => ({ id, label: causeName(id, lang), count: report.byCause[id] })),
  };
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Incidents discovered per month (`YYYY-MM`, Stockholm): every month of the period, or without
 * bounds from the first incident's month to the last's.
 */
export function incidentsPerMonth(
  incidents: readonly Pick<Incident, 'discoveredAt'>[],
  period: RegisterReport['period'],
): { month: string; count: number }[] {
  const months = incidents.map((i) => stockholmDate(i.discoveredAt).slice(0, 7)).sort();
  const first = period.from?.slice(0, 7) ?? months[0];
  const last = period.to?.slice(0, 7) ?? months[months.length - 1];
  const counts = new Map<string, number>();
  for (let month = first; month && last && month <= last; month = nextMonth(month)) counts.set(month, 0);
  for (const month of months) if (counts.has(month)) counts.set(month, counts.get(month)! + 1);
  return [...counts].map(([month, count]) => ({ month, count }));
}

// ---------------------------------------------------------------------------------------------
// The editable template of *Förslag till beslut* and *Bakgrund*

/** The memo's two texts; each paragraph may hold placeholders such as `{{total}}`. */
export interface CommitteeTemplate {
  proposal: string[];
  background: string[];
}

/** The placeholders a template may use, with what each is filled with. */
export const COMMITTEE_PLACEHOLDERS = {
  organisation: 'ORGANISATION_NAME',
  committee: 'COMMITTEE_NAME',
  period: 'the period (2026-01-01 – 2026-06-30)',
  periodEnd: 'the period’s last day, or the report’s date',
  total: 'incidents discovered in the period',
  reported: 'reported to a supervisory authority (IMY)',
  unlikely: 'assessed as unlikely risk',
  unassessed: 'risk not assessed',
  late: 'notices to IMY later than 72 hours',
  byCause: 'the count per cause, in words',
} as const;
export type CommitteePlaceholder = keyof typeof COMMITTEE_PLACEHOLDERS;

/** The template the app ships, in Swedish and English. */
export const DEFAULT_COMMITTEE_TEMPLATE: Record<Locale, CommitteeTemplate> = {
  sv: {
    proposal: [
      '{{committee}} godkänner redovisningen av personuppgiftsincidenter som upptäckts under perioden {{period}}.',
    ],
    background: [
      'Enligt dataskyddsförordningen (GDPR) artikel 33 ska en personuppgiftsincident anmälas till tillsynsmyndigheten, Integritetsskyddsmyndigheten (IMY), inom 72 timmar efter att den personuppgiftsansvarige fått vetskap om den, om det inte är osannolikt att incidenten medför en risk för de registrerades fri- och rättigheter. Alla incidenter ska dokumenteras, även de som inte anmäls (artikel 33.5). Därför redovisas registret för {{committee}}.',
      'Under perioden {{period}} upptäcktes {{total}} personuppgiftsincidenter. {{reported}} anmäldes till IMY. {{unlikely}} bedömdes som osannolik risk för de registrerades fri- och rättigheter, och för {{unassessed}} är risken inte bedömd. {{late}} anmälningar till IMY gjordes senare än 72 timmar efter att {{organisation}} fick kännedom om incidenten.',
      'Incidenterna fördelade på orsak: {{byCause}}.',
      'Registret för perioden finns i bilagan Sammanställning.',
    ],
  },
  en: {
    proposal: ['{{committee}} approves the account of the personal data breaches discovered in the period {{period}}.'],
    background: [
      'Under the General Data Protection Regulation (GDPR), article 33, a personal data breach is notified to the supervisory authority, the Swedish Authority for Privacy Protection (IMY), within 72 hours of the controller becoming aware of it, unless it is unlikely to result in a risk to the rights and freedoms of the data subjects. Every breach is documented, notified or not (article 33(5)). The register is therefore reported to {{committee}}.',
      'In the period {{period}}, {{total}} personal data breaches were discovered. {{reported}} were notified to IMY. {{unlikely}} were assessed as unlikely to result in a risk to the rights and freedoms of the data subjects, and for {{unassessed}} the risk has not been assessed. {{late}} notices to IMY were given later than 72 hours after {{organisation}} became aware of the breach.',
      'The breaches by cause: {{byCause}}.',
      'The register for the period is in the appendix Summary.',
    ],
  },
};

const SECTION_NAMES: Record<keyof CommitteeTemplate, string[]> = {
  proposal: ['Förslag till beslut', 'Proposed decision'],
  background: ['Bakgrund', 'Background'],
};

/** A template text that cannot be used; the message names the line or the placeholder. */
export class CommitteeTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommitteeTemplateError';
  }
}

/**
 * Reads a template file: a line `## Förslag till beslut` (or `## Proposed decision`), its text,
 * a line `## Bakgrund` (`## Background`), its text; paragraphs are separated by a blank line.
 * Placeholders in double braces, e.g. `{{total}}` (see {@link COMMITTEE_PLACEHOLDERS}).
 * @throws CommitteeTemplateError when a part is missing or empty, or a placeholder is unknown.
 */
export function parseCommitteeTemplate(text: string): CommitteeTemplate {
  const template: Record<keyof CommitteeTemplate, string[]> = { proposal: [], background: [] };
  let part: keyof CommitteeTemplate | undefined;
  let lines: string[] = [];
  const flush = () => {
    const paragraph = lines.join(' ').replace(/\s+/g, ' ').trim();
    if (part && paragraph) template[part].push(paragraph);
    lines = [];
  };
  text.split(/\r?\n/).forEach((line, index) => {
    const heading = /^#{1,2}\s*(.+?)\s*$/.exec(line);
    if (heading) {
      flush();
      const name = heading[1].toLocaleLowerCase('sv-SE');
      part = (Object.keys(SECTION_NAMES) as (keyof CommitteeTemplate)[]).find((k) =>
        SECTION_NAMES[k].some((n) => n.toLocaleLowerCase('sv-SE') === name),
      );
      if (!part)
        throw new CommitteeTemplateError(
          `line ${index + 1}: unknown heading "${heading[1]}"; use "## Förslag till beslut" and "## Bakgrund"`,
        );
    } else if (line.trim() === '') flush();
    else if (!part)
      throw new CommitteeTemplateError(`line ${index + 1}: text before "## Förslag till beslut" or "## Bakgrund"`);
    else lines.push(line);
  });
  flush();
  for (const key of ['proposal', 'background'] as const) {
    if (template[key].length === 0)
      throw new CommitteeTemplateError(`the part "## ${SECTION_NAMES[key][0]}" is missing or empty`);
  }
  for (const placeholder of [...template.proposal, ...template.background].flatMap(
    (p) => p.match(/\{\{[^}]*\}\}/g) ?? [],
  )) {
    if (!(placeholder.slice(2, -2) in COMMITTEE_PLACEHOLDERS))
      throw new CommitteeTemplateError(
        `unknown placeholder ${placeholder}; known: ${Object.keys(COMMITTEE_PLACEHOLDERS)
          .map((k) => `{{${k}}}`)
          .join(', ')}`,
      );
  }
  return template;
}

/** A template paragraph with its placeholders filled (unknown ones are left as written). */
export function fillTemplate(paragraph: string, values: Record<CommitteePlaceholder, string>): string {
  return paragraph.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in values ? values[name as CommitteePlaceholder] : whole,
  );
}

// ---------------------------------------------------------------------------------------------
// The memo's content

const WORDS = {
  sv: {
    title: (period: string) => `Redovisning av personuppgiftsincidenter ${period}`,
    documentKind: 'Tjänsteskrivelse',
    organisation: 'Organisation',
    committee: 'Nämnd',
    date: 'Datum',
    caseNumber: 'Ärendebeteckning',
    caseNumberMissing: '(fylls i)',
    officer: 'Handläggare',
    signatureOfficer: 'Handläggare',
    signatureHead: 'Förvaltningschef',
    proposal: 'Förslag till beslut',
    background: 'Bakgrund',
    findings: 'Att granska i registret',
    findingsIntro: 'Registerkontrollerna flaggar svar som inte går ihop. Rätta registret innan redovisningen lämnas.',
    findingsNone: 'Registerkontrollerna flaggar inget för perioden.',
    findingsColumns: ['Iakttagelse', 'Antal', 'Incidenter'],
    figures: 'Perioden i siffror',
    figuresColumns: ['', 'Antal'],
    figureRows: [
      'Incidenter',
      'Anmälda till IMY',
      'Bedömda som osannolik risk',
      'Risken inte bedömd',
      'Anmälda senare än 72 timmar',
    ],
    chartTitle: 'Incidenter per månad och per orsak',
    byMonth: 'Incidenter per månad (upptäckt)',
    byCause: 'Incidenter per orsak',
    chartAlt: (months: string, causes: string) => `Stapeldiagram. Per månad: ${months}. Per orsak: ${causes}.`,
    appendix: 'Bilaga: Sammanställning',
    appendixIntro: (n: number) =>
      n === 1 ? 'En incident upptäcktes under perioden.' : `${n} incidenter upptäcktes under perioden.`,
    appendixNone: 'Inga incidenter upptäcktes under perioden.',
    number: 'Nummer',
    note: 'Tider i svensk tid (Europe/Stockholm). Personnummer och e-postadresser i rubriker och beskrivningar är maskerade.',
    yes: 'Ja',
    no: 'Nej',
    whole: 'hela registret',
    from: (d: string) => `från och med ${d}`,
    to: (d: string) => `till och med ${d}`,
    months: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
    and: 'och',
  },
  en: {
    title: (period: string) => `Report on personal data breaches ${period}`,
    documentKind: 'Memorandum',
    organisation: 'Organisation',
    committee: 'Committee',
    date: 'Date',
    caseNumber: 'Case number',
    caseNumberMissing: '(to be filled in)',
    officer: 'Officer',
    signatureOfficer: 'Officer',
    signatureHead: 'Head of the administration',
    proposal: 'Proposed decision',
    background: 'Background',
    findings: 'To review in the register',
    findingsIntro:
      'The register checks flag answers that do not add up. Correct the register before the report goes out.',
    findingsNone: 'The register checks flag nothing for the period.',
    findingsColumns: ['Finding', 'Number', 'Breaches'],
    figures: 'The period in figures',
    figuresColumns: ['', 'Number'],
    figureRows: [
      'Breaches',
      'Notified to IMY',
      'Assessed as unlikely risk',
      'Risk not assessed',
      'Notified later than 72 hours',
    ],
    chartTitle: 'Breaches per month and per cause',
    byMonth: 'Breaches per month (discovered)',
    byCause: 'Breaches per cause',
    chartAlt: (months: string, causes: string) => `Bar chart. Per month: ${months}. Per cause: ${causes}.`,
    appendix: 'Appendix: Summary',
    appendixIntro: (n: number) =>
      n === 1 ? 'One breach was discovered in the period.' : `${n} breaches were discovered in the period.`,
    appendixNone: 'No breaches were discovered in the period.',
    number: 'Number',
    note: 'Times in Swedish time (Europe/Stockholm). Identity numbers and e-mail addresses in titles and descriptions are masked.',
    yes: 'Yes',
    no: 'No',
    whole: 'the whole register',
    from: (d: string) => `from ${d}`,
    to: (d: string) => `up to ${d}`,
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    and: 'and',
  },
};

/** The English headers of the register's seven columns (the Swedish ones are the register's own). */
const REGISTER_HEADERS_EN = [
  'Title',
  'When did you discover the breach?',
  'Description of the breach',
  'Is it unlikely that the breach resulted in a risk to the rights and freedoms of the data subjects?',
  'Has the breach been notified to a supervisory authority?',
  'When did the breach occur?',
  'Why did the breach occur, in your view?',
];

/** Who asks for the memo and what they typed. */
export interface CommitteeReportRequest {
  lang: Locale;
  /** When the memo is dated. */
  date: Date;
  /** The ärendebeteckning, already checked by {@link validateCaseNumber}. */
  caseNumber?: string;
  /** The handläggare: the signed-in DPO's name. */
  officer: string;
}

/** One bar of the chart. */
export interface ChartBar {
  label: string;
  count: number;
}

/** Everything the memo says, in order; the document builder only lays it out. */
export interface CommitteeReportContent {
  lang: Locale;
  title: string;
  documentKind: string;
  facts: { label: string; value: string }[];
  proposal: { heading: string; paragraphs: string[] };
  background: { heading: string; paragraphs: string[] };
  figures: { heading: string; columns: string[]; rows: string[][] };
  findings: { heading: string; intro: string; columns: string[]; rows: string[][] };
  /** Who signs: the officer (named) and the head of the administration (signs by hand). */
  signatures: { name: string; role: string }[];
  chart: {
    title: string;
    alt: string;
    byMonthCaption: string;
    byMonth: ChartBar[];
    byCauseCaption: string;
    byCause: ChartBar[];
  };
  appendix: { heading: string; intro: string; columns: string[]; rows: string[][]; note: string };
}

/** The period as the memo writes it. */
export function periodWords(period: RegisterReport['period'], lang: Locale): string {
  const w = WORDS[lang];
  if (period.from && period.to) return `${period.from} – ${period.to}`;
  if (period.from) return w.from(period.from);
  if (period.to) return w.to(period.to);
  return w.whole;
}

function listWords(items: string[], lang: Locale): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${WORDS[lang].and} ${items[items.length - 1]}`;
}

function placeholderValues(
  figures: CommitteeFigures,
  report: RegisterReport,
  organisation: Organisation,
  request: CommitteeReportRequest,
): Record<CommitteePlaceholder, string> {
  const n = (value: number) => formatNumber(value, request.lang);
  const causes = figures.byCause
    .filter((c) => c.count > 0)
    .map((c) => `${c.label.toLocaleLowerCase(request.lang === 'en' ? 'en-GB' : 'sv-SE')} ${n(c.count)}`);
  return {
    organisation: organisation.name,
    committee: organisation.committee ?? (request.lang === 'en' ? 'the committee' : 'nämnden'),
    period: periodWords(report.period, request.lang),
    periodEnd: report.period.to ?? stockholmDate(request.date),
    total: n(figures.total),
    reported: n(figures.reportedToAuthority),
    unlikely: n(figures.assessedUnlikelyRisk),
    unassessed: n(figures.unassessed),
    late: n(figures.noticesLate),
    byCause: causes.length ? listWords(causes, request.lang) : '–',
  };
}

function findingRows(incidents: readonly CommitteeIncident[], lang: Locale): string[][] {
  const flagged = new Map<RegisterCheckId, string[]>();
  for (const i of incidents)
    for (const id of registerFindings(i)) flagged.set(id, [...(flagged.get(id) ?? []), i.number]);
  return REGISTER_CHECKS.filter((c) => flagged.has(c.id)).map((c) => [
    lang === 'en' ? c.labelEn : c.label,
    formatNumber(flagged.get(c.id)!.length, lang),
    flagged.get(c.id)!.join(', '),
  ]);
}

function yesNo(value: boolean | null | undefined, lang: Locale): string {
  return value === true ? WORDS[lang].yes : value === false ? WORDS[lang].no : '';
}

/** The appendix row of an incident: the number, then the register's seven columns, texts masked. */
export function appendixRow(i: CommitteeIncident, lang: Locale): string[] {
  return [
    i.number,
    maskPersonalDataOneLine(i.title),
    formatStockholm(i.discoveredAt),
    maskPersonalData(i.description).trim(),
    yesNo(unlikelyRisk(i), lang),
    yesNo(i.reportedToAuthority, lang),
    i.occurredAt ? formatStockholm(i.occurredAt) : '',
    i.cause ? causeName(i.cause, lang) : '',
  ];
}

function chartOf(
  figures: CommitteeFigures,
  report: RegisterReport,
  incidents: readonly CommitteeIncident[],
  lang: Locale,
) {
  const w = WORDS[lang];
  const byMonth = incidentsPerMonth(incidents, report.period).map((m) => ({
    label: `${w.months[Number(m.month.slice(5, 7)) - 1]} ${m.month.slice(0, 4)}`,
    count: m.count,
  }));
  const byCause = figures.byCause.map((c) => ({ label: c.label, count: c.count }));
  const words = (bars: ChartBar[]) => bars.map((b) => `${b.label} ${b.count}`).join(', ') || '–';
  return {
    title: w.chartTitle,
    alt: w.chartAlt(words(byMonth), words(byCause)),
    byMonthCaption: w.byMonth,
    byMonth,
    byCauseCaption: w.byCause,
    byCause,
  };
}

/**
 * The memo for a period: `report` and `incidents` are the register summary (`summariseRegister`),
 * `template` the organisation's texts (default: the app's).
 */
export function committeeReportContent(
  summary: { report: RegisterReport; incidents: readonly CommitteeIncident[] },
  organisation: Organisation,
  request: CommitteeReportRequest,
  template: CommitteeTemplate = DEFAULT_COMMITTEE_TEMPLATE[request.lang],
): CommitteeReportContent {
  const { report, incidents } = summary;
  const { lang } = request;
  const w = WORDS[lang];
  const figures = committeeFigures(report, incidents, lang);
  const values = placeholderValues(figures, report, organisation, request);
  const n = (value: number) => formatNumber(value, lang);
  const findings = findingRows(incidents, lang);
  return {
    lang,
    title: w.title(values.period),
    documentKind: w.documentKind,
    facts: [
      { label: w.organisation, value: organisation.name },
      { label: w.committee, value: values.committee },
      { label: w.date, value: stockholmDate(request.date) },
      { label: w.caseNumber, value: request.caseNumber ?? w.caseNumberMissing },
      { label: w.officer, value: request.officer },
    ],
    proposal: { heading: w.proposal, paragraphs: template.proposal.map((p) => fillTemplate(p, values)) },
    background: { heading: w.background, paragraphs: template.background.map((p) => fillTemplate(p, values)) },
    figures: {
      heading: w.figures,
      columns: w.figuresColumns,
      rows: [
        figures.total,
        figures.reportedToAuthority,
        figures.assessedUnlikelyRisk,
        figures.unassessed,
        figures.noticesLate,
      ].map((value, index) => [w.figureRows[index], n(value)]),
    },
    findings: {
      heading: w.findings,
      intro: findings.length ? w.findingsIntro : w.findingsNone,
      columns: w.findingsColumns,
      rows: findings,
    },
    chart: chartOf(figures, report, incidents, lang),
    signatures: [
      { name: request.officer, role: w.signatureOfficer },
      { name: '', role: w.signatureHead },
    ],
    appendix: {
      heading: w.appendix,
      intro: incidents.length ? w.appendixIntro(incidents.length) : w.appendixNone,
      columns: [w.number, ...(lang === 'en' ? REGISTER_HEADERS_EN : REGISTER_COLUMNS.map((c) => c.header))],
      rows: incidents.map((i) => appendixRow(i, lang)),
      note: w.note,
    },
  };
}
