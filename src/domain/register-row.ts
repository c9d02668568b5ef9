/**
 * The register as municipalities keep it: its columns, reading a row into a new incident,
 * and writing an incident back as a row (with the columns the app adds).
 * @remarks Untidy answers (occurred after discovery, reported although "unlikely") are imported
 * as they are and flagged by the register checks; only what cannot be read is refused, row by row.
 */
import { CONSEQUENCES, SUBJECT_CATEGORIES } from './notice-details';
import { CAUSES, causeFromLabel, causeLabel, type CauseId } from './causes';
import { noticeDeadline } from './deadline';
import { DomainError } from './errors';
import { unlikelyRisk, type Assessment, type Incident, type NewAuditEvent, type NewIncident } from './incident';
import { parseIncidentNumber } from './incident-number';
import type { Person } from './person';
import { REGISTER_CHECKS, registerFindings } from './register-checks';
import { LIMITS } from './report-input';
import { formatStockholm, parseIsoInstant, parseStockholmLocal } from './stockholm-time';
import { withoutForbiddenCharacters } from './text-characters';
import { BREACH_TYPES, DATA_CATEGORIES, labelOf, RISK_LEVELS, STATUSES, type Source } from './vocabulary';

/** The register's own seven columns, with their exact Swedish headers, in the register's order. */
export const REGISTER_COLUMNS = [
  { key: 'title', header: 'Rubrik' },
  { key: 'discoveredAt', header: 'När upptäckte ni incidenten?' },
  { key: 'description', header: 'Beskrivning av incidenten' },
  {
    key: 'unlikelyRisk',
    header: 'Är det osannolikt att incidenten medfört en risk för de registrerades fri- och rättigheter?',
  },
  { key: 'reportedToAuthority', header: 'Har incidenten anmälts till en tillsynsmyndighet?' },
  { key: 'occurredAt', header: 'När inträffade incidenten?' },
  { key: 'cause', header: 'Varför inträffade incidenten enligt er uppfattning?' },
] as const;

/** The columns the app adds on export, after the register's own. */
export const APP_COLUMNS = [
  { key: 'number', header: 'Nummer' },
  { key: 'status', header: 'Status' },
  { key: 'source', header: 'Källa' },
  { key: 'unit', header: 'Enhet' },
  { key: 'owner', header: 'Ansvarig' },
  { key: 'risk', header: 'Riskbedömning' },
  { key: 'imyReference', header: 'IMY-diarienummer' },
  { key: 'imyNotifiedAt', header: 'Anmäld till IMY (tid)' },
  { key: 'deadline', header: 'Frist' },
  { key: 'breachTypes', header: 'Typ av incident' },
  { key: 'dataCategories', header: 'Typ av uppgifter' },
  { key: 'affectedCount', header: 'Antal berörda' },
  { key: 'measures', header: 'Vidtagna åtgärder' },
  { key: 'subjectCategories', header: 'Kategorier av registrerade' },
  { key: 'recordCount', header: 'Antal personuppgiftsposter' },
  { key: 'consequences', header: 'Troliga konsekvenser' },
  { key: 'plannedMeasures', header: 'Planerade åtgärder' },
  { key: 'crossBorder', header: 'Gränsöverskridande' },
  { key: 'findings', header: 'Att granska' },
] as const;

/** A key of one of the register's own columns. */
export type RegisterColumnKey = (typeof REGISTER_COLUMNS)[number]['key'];
/** A key of one of the columns the app adds. */
export type AppColumnKey = (typeof APP_COLUMNS)[number]['key'];
/** A key of any exported column. */
export type ExportColumnKey = RegisterColumnKey | AppColumnKey;

/** Every exported column in order: the register's seven, then the app's. */
export const EXPORT_COLUMNS: readonly { key: ExportColumnKey; header: string }[] = [
  ...REGISTER_COLUMNS,
  ...APP_COLUMNS,
];

/** The exported headers, in order. */
export const EXPORT_HEADERS: readonly string[] = EXPORT_COLUMNS.map((c) => c.header);

/** The header of a column. */
export function registerHeader(key: ExportColumnKey): string {
  return EXPORT_COLUMNS.find((c) => c.key === key)!.header;
}

/** An incident as one exported register row: text by column. */
export type RegisterRow = Record<ExportColumnKey, string>;

/** The rationale recorded on an assessment that came from the register's "unlikely risk" answer. */
export const IMPORTED_RATIONALE = 'Bedömning importerad från registret';

const SOURCE_LABELS: Record<Source, string> = {
  bot: 'Teams-chatt',
  message: 'Teams-meddelande',
  tab: 'Teams-flik',
  outlook: 'Outlook',
  import: 'Importerad från registret',
  api: 'API',
};

/** `Ja`, `Nej` or empty for a yes/no/unanswered register question. */
export function formatYesNo(value: boolean | null | undefined): string {
  return value === true ? 'Ja' : value === false ? 'Nej' : '';
}

/**
 * Reads a register yes/no answer: `Ja`/`Nej` in any case (also `yes`/`no`, `j`/`n`, `true`/`false`);
 * empty is "not answered" (null). Anything else is undefined: unreadable.
 */
export function parseYesNo(text: string): boolean | null | undefined {
  const t = text.trim().toLocaleLowerCase('sv-SE');
  if (t === '') return null;
  if (['ja', 'j', 'yes', 'y', 'true'].includes(t)) return true;
  if (['nej', 'n', 'no', 'false'].includes(t)) return false;
  return undefined;
}

/** The register row for an incident: the seven register columns as the import reads them, then the app's. */
export function incidentToRegisterRow(incident: Incident): RegisterRow {
  return {
    title: incident.title,
    discoveredAt: formatStockholm(incident.discoveredAt),
    description: incident.description,
    unlikelyRisk: formatYesNo(unlikelyRisk(incident)),
    reportedToAuthority: formatYesNo(incident.reportedToAuthority),
    occurredAt: incident.occurredAt ? formatStockholm(incident.occurredAt) : '',
    cause: incident.cause ? causeLabel(incident.cause) : '',
    number: incident.number,
    status: labelOf(STATUSES, incident.status),
    source: SOURCE_LABELS[incident.source] ?? incident.source,
    unit: incident.unit ?? '',
    owner: incident.owner?.name ?? '',
    risk: incident.assessment ? labelOf(RISK_LEVELS, incident.assessment.risk) : '',
    imyReference: incident.imyNotice?.reference ?? '',
    imyNotifiedAt: incident.imyNotice?.notifiedAt ? formatStockholm(incident.imyNotice.notifiedAt) : '',
    deadline: formatStockholm(incident.deadline),
    breachTypes: incident.breachTypes.map((t) => labelOf(BREACH_TYPES, t)).join('; '),
    dataCategories: incident.dataCategories.map((c) => labelOf(DATA_CATEGORIES, c)).join('; '),
    affectedCount: incident.affectedCount === undefined ? '' : String(incident.affectedCount),
    measures: incident.measures ?? '',
    subjectCategories: (incident.noticeDetails?.subjectCategories ?? [])
      .map((c) => labelOf(SUBJECT_CATEGORIES, c))
      .join('; '),
    recordCount: incident.noticeDetails?.recordCount === undefined ? '' : String(incident.noticeDetails.recordCount),
    consequences: [
      ...(incident.noticeDetails?.consequences ?? []).map((c) => labelOf(CONSEQUENCES, c)),
      ...(incident.noticeDetails?.consequencesText ? [incident.noticeDetails.consequencesText] : []),
    ].join('; '),
    plannedMeasures: incident.noticeDetails?.plannedMeasures ?? '',
    crossBorder: formatYesNo(incident.noticeDetails?.crossBorder ?? null),
    findings: registerFindings(incident)
      .map((id) => labelOf(REGISTER_CHECKS, id))
      .join('; '),
  };
}

/** The row's cells in {@link EXPORT_COLUMNS} order. */
export function registerRowCells(row: RegisterRow): string[] {
  return EXPORT_COLUMNS.map((c) => row[c.key]);
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A record read from a register file: its cells, and the line of the file it starts on (1-based). */
export interface RegisterRecord {
  line: number;
  cells: string[];
}

/** Why one line of an imported register could not be read. Never quotes a description. */
export interface RegisterRowProblem {
  line: number;
  code: string;
  /** The header of the column at fault, when one is. */
  column?: string;
  /** Swedish, for the DPO. */
  message: string;
  messageEn: string;
}

/** A readable register row, ready to become an incident. Times are ISO 8601 UTC. */
export interface RegisterEntry {
  line: number;
  title: string;
  description: string;
  discoveredAt: string;
  occurredAt?: string;
  /** "Is it unlikely that it caused a risk": yes, no, not answered. */
  unlikelyRisk: boolean | null;
  /** "Reported to a supervisory authority": yes, no, not answered. */
  reportedToAuthority: boolean | null;
  cause?: CauseId;
  unit?: string;
  /** The app's number, when the file is an export of the app (`Nummer`). */
  number?: string;
  /** The normalised content of the seven register columns: equal rows, equal keys. */
  contentKey: string;
  /** How many rows with the same content key came before this one in the file (0 for the first). */
  ordinal: number;
}

/** Which column of the file holds which register column. */
export type RegisterColumnIndex = Partial<Record<ExportColumnKey, number>>;

/** The outcome of reading a register's header row. */
export interface RegisterHeaderMapping {
  columns: RegisterColumnIndex;
  /** Register columns the import cannot do without (Rubrik, När upptäckte…) that are missing. */
  missingRequired: string[];
  /** Other register columns that are missing: their answers are read as blank. */
  missingOptional: string[];
}

/** The outcome of reading a register: readable rows, and a problem for every line that was not. */
export interface RegisterReadResult {
  entries: RegisterEntry[];
  problems: RegisterRowProblem[];
  /** Optional register columns the file lacks (answers read as blank). */
  missingColumns: string[];
}

/** The register's headers cannot be found: nothing can be read from the file. */
export class RegisterHeaderError extends DomainError {
  readonly code = 'register_headers_missing';
  constructor(readonly missing: string[]) {
    const names = missing.map((h) => `"${h}"`).join(' och ');
    super(
      `Första raden saknar registrets kolumn ${names}. Första raden ska innehålla registrets rubriker (Rubrik, När upptäckte ni incidenten?, …) åtskilda med tabb, semikolon eller komma. Kontrollera att det är rätt fil.`,
      `The first row does not have the register's column ${missing.map((h) => `"${h}"`).join(' and ')}. The first row must hold the register's headers (Rubrik, När upptäckte ni incidenten?, …), separated by tabs, semicolons or commas.`,
    );
  }
}

const REQUIRED: readonly RegisterColumnKey[] = ['title', 'discoveredAt'];

function normaliseHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[?:]$/, '')
    .trim()
    .toLocaleLowerCase('sv-SE');
}

/** Finds the register's columns in a header row, ignoring case, spacing and a trailing `?`. */
export function mapRegisterHeaders(headers: readonly string[]): RegisterHeaderMapping {
  const normalised = headers.map(normaliseHeader);
  const columns: RegisterColumnIndex = {};
  for (const c of EXPORT_COLUMNS) {
    const at = normalised.indexOf(normaliseHeader(c.header));
    if (at >= 0) columns[c.key] = at;
  }
  const missing = REGISTER_COLUMNS.filter((c) => columns[c.key] === undefined);
  return {
    columns,
    missingRequired: missing.filter((c) => REQUIRED.includes(c.key)).map((c) => c.header),
    missingOptional: missing.filter((c) => !REQUIRED.includes(c.key)).map((c) => c.header),
  };
}

/** CSV injection guard on export (`'=…`) is undone on import. */
function cellText(cells: readonly string[], at: number | undefined): string {
  if (at === undefined) return '';
  const raw = cells[at] ?? '';
  return /^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw;
}

/**
 * A cell's text as the register keeps it. Invisible controls, direction controls (in single-line
 * columns) and broken characters are dropped, not refused as a new report refuses them: a
 * historical register is taken as it is (see text-characters.ts).
 */
function normaliseText(text: string, options: { singleLine: boolean } = { singleLine: false }): string {
  return withoutForbiddenCharacters(text.replace(/\r\n?/g, '\n'), options).normalize('NFC').trim();
}

function readTime(text: string): string | undefined {
  return parseStockholmLocal(text) ?? parseIsoInstant(text);
}

const TIME_EXAMPLE = 'Skriv tiden som 2024-02-05 10:30 (svensk tid) eller bara datumet, 2024-02-05.';
const TIME_EXAMPLE_EN = 'Write it as 2024-02-05 10:30 (Swedish time) or just the date, 2024-02-05.';

/** The normalised content of the seven register columns, minute precision: the import's identity of a row. */
export function registerContentKey(
  v: Pick<
    RegisterEntry,
    'title' | 'description' | 'discoveredAt' | 'occurredAt' | 'unlikelyRisk' | 'reportedToAuthority' | 'cause'
  >,
): string {
  const words = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  // Whole-hour offsets: truncating the UTC instant to the minute truncates the Stockholm time too.
  const minute = (iso: string | undefined) => (iso ? new Date(iso).toISOString().slice(0, 16) : '');
  return JSON.stringify([
    words(v.title),
    minute(v.discoveredAt),
    words(v.description),
    v.unlikelyRisk,
    v.reportedToAuthority,
    minute(v.occurredAt),
    v.cause ?? '',
  ]);
}

/** The content key of a stored incident's register columns, as an export of it would read back. */
export function incidentContentKey(incident: Incident): string {
  return registerContentKey({
    title: incident.title,
    description: incident.description,
    discoveredAt: incident.discoveredAt,
    occurredAt: incident.occurredAt,
    unlikelyRisk: unlikelyRisk(incident),
    reportedToAuthority: incident.reportedToAuthority,
    cause: incident.cause,
  });
}

/**
 * Reads one record. Returns the entry (without its ordinal) or the problems that keep it out.
 * @remarks Problem messages name the column and the expected form; they never quote the cells
 * (a shifted column can put description text where a date should be).
 */
export function readRegisterRecord(
  record: RegisterRecord,
  headerCount: number,
  columns: RegisterColumnIndex,
  now: Date,
): { entry: Omit<RegisterEntry, 'ordinal'> } | { problems: RegisterRowProblem[] } {
  const { line, cells } = record;
  const problems: RegisterRowProblem[] = [];
  const fail = (code: string, column: string | undefined, message: string, messageEn: string): undefined => {
    problems.push({ line, code, column, message, messageEn });
    return undefined;
  };

  const extraFilled = cells.slice(headerCount).some((c) => c.trim() !== '');
  if (cells.length < headerCount || extraFilled) {
    const count = cells.length;
    fail(
      'column_count',
      undefined,
      `Raden har ${count} fält men rubrikraden har ${headerCount}. Troligen saknas ett fält, eller så innehåller en cell avgränsaren (tabb, semikolon eller komma) utan citattecken runt cellen.`,
      `The row has ${count} fields but the header row has ${headerCount}. A field is probably missing, or a cell contains the separator (tab, semicolon or comma) without quotes around it.`,
    );
    return { problems };
  }
  const get = (key: ExportColumnKey) => cellText(cells, columns[key]);

  const title = normaliseText(get('title'), { singleLine: true });
  if (title === '') {
    fail(
      'title_missing',
      registerHeader('title'),
      'Rubriken saknas. Fyll i kolumnen "Rubrik".',
      'The title is missing. Fill in the column "Rubrik".',
    );
  } else if (title.length > LIMITS.title) {
    fail(
      'title_too_long',
      registerHeader('title'),
      `Rubriken har ${title.length} tecken; högst ${LIMITS.title} får plats. Korta rubriken och lägg resten i beskrivningen.`,
      `The title has ${title.length} characters; at most ${LIMITS.title} fit. Shorten it and move the rest to the description.`,
    );
  }

  const description = normaliseText(get('description'));
  if (description.length > LIMITS.description) {
    fail(
      'description_too_long',
      registerHeader('description'),
      `Beskrivningen har ${description.length} tecken; högst ${LIMITS.description} får plats.`,
      `The description has ${description.length} characters; at most ${LIMITS.description} fit.`,
    );
  }

  const time = (key: 'discoveredAt' | 'occurredAt', required: boolean): string | undefined => {
    const header = registerHeader(key);
    const text = get(key).trim();
    if (text === '') {
      return required
        ? fail(
            'date_missing',
            header,
            `Kolumnen "${header}" är tom. Ange när incidenten upptäcktes. ${TIME_EXAMPLE}`,
            `The column "${header}" is empty. Give when the incident was discovered. ${TIME_EXAMPLE_EN}`,
          )
        : undefined;
    }
    const iso = readTime(text);
    if (!iso) {
      return fail(
        'invalid_date',
        header,
        `Kolumnen "${header}" har ingen tidpunkt som går att läsa. ${TIME_EXAMPLE}`,
        `The column "${header}" holds no readable date and time. ${TIME_EXAMPLE_EN}`,
      );
    }
    if (Date.parse(iso) > now.getTime() + LIMITS.futureSkewMs) {
      return fail(
        'date_in_future',
        header,
        `Tidpunkten i kolumnen "${header}" ligger i framtiden. Kontrollera årtalet.`,
        `The time in the column "${header}" is in the future. Check the year.`,
      );
    }
    // A historical register may go back before the GDPR (registers kept under PUL), but not before 1970.
    if (Date.parse(iso) < Date.parse(LIMITS.earliestInstant)) {
      return fail(
        'date_too_early',
        header,
        `Tidpunkten i kolumnen "${header}" ligger före år 1970. Kontrollera årtalet.`,
        `The time in the column "${header}" is before the year 1970. Check the year.`,
      );
    }
    return iso;
  };
  const discoveredAt = time('discoveredAt', true);
  const occurredAt = time('occurredAt', false);

  const answer = (key: 'unlikelyRisk' | 'reportedToAuthority'): boolean | null => {
    const header = registerHeader(key);
    const value = parseYesNo(get(key));
    if (value === undefined) {
      fail(
        'invalid_answer',
        header,
        `Kolumnen "${header}" ska vara Ja, Nej eller tom.`,
        `The column "${header}" must be Ja (yes), Nej (no) or empty.`,
      );
      return null;
    }
    return value;
  };
  const unlikely = answer('unlikelyRisk');
  const reported = answer('reportedToAuthority');

  let cause: CauseId | undefined;
  const causeText = get('cause').trim();
  if (causeText !== '') {
    cause = causeFromLabel(causeText);
    if (!cause) {
      const header = registerHeader('cause');
      fail(
        'unknown_cause',
        header,
        `Orsaken i kolumnen "${header}" är inte någon av registrets sju orsaker. Skriv en av dem ordagrant eller lämna cellen tom: ${CAUSES.map((c) => c.label).join(' | ')}.`,
        `The cause in the column "${header}" is not one of the register's seven causes. Write one of them exactly, or leave the cell empty: ${CAUSES.map((c) => c.label).join(' | ')}.`,
      );
    }
  }

  if (problems.length > 0) return { problems };

  const unit = normaliseText(get('unit'), { singleLine: true }).slice(0, LIMITS.unit) || undefined;
  const parsedNumber = parseIncidentNumber(get('number'));
  const entry = {
    line,
    title,
    description,
    discoveredAt: discoveredAt!,
    occurredAt,
    unlikelyRisk: unlikely,
    reportedToAuthority: reported,
    cause,
    unit,
    number: parsedNumber ? get('number').trim().toUpperCase() : undefined,
  };
  return { entry: { ...entry, contentKey: registerContentKey(entry) } };
}

/**
 * Reads a register: the header row, then every record. Blank records are skipped; every other
 * record becomes an entry or problems with its line number.
 * @throws RegisterHeaderError when the header row lacks Rubrik or När upptäckte ni incidenten?
 */
export function readRegister(
  headers: readonly string[],
  records: readonly RegisterRecord[],
  now: Date,
): RegisterReadResult {
  const mapping = mapRegisterHeaders(headers);
  if (mapping.missingRequired.length > 0) throw new RegisterHeaderError(mapping.missingRequired);
  const entries: RegisterEntry[] = [];
  const problems: RegisterRowProblem[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    if (record.cells.every((c) => c.trim() === '')) continue;
    const result = readRegisterRecord(record, headers.length, mapping.columns, now);
    if ('problems' in result) {
      problems.push(...result.problems);
      continue;
    }
    // Identical rows are kept apart by their ordinal, so genuine duplicates each survive once.
    const ordinal = seen.get(result.entry.contentKey) ?? 0;
    seen.set(result.entry.contentKey, ordinal + 1);
    entries.push({ ...result.entry, ordinal });
  }
  return { entries, problems, missingColumns: mapping.missingOptional };
}

/**
 * The new incident (and its `imported` audit event) for a register row.
 * @remarks Imported rows are historical: status `closed`, no reminders; the clock is computed
 * from discovery as for any incident. "Unlikely risk" Ja/Nej becomes an assessment marked as
 * imported; "reported" Ja becomes an IMY notice without a time (the register does not say when).
 */
export function registerRowToNewIncident(
  entry: RegisterEntry,
  reportId: string,
  importer: Person,
  now: Date,
): { incident: NewIncident; event: NewAuditEvent } {
  const at = now.toISOString();
  const assessment: Assessment | undefined =
    entry.unlikelyRisk === null
      ? undefined
      : {
          risk: entry.unlikelyRisk ? 'unlikely' : 'risk',
          rationale: IMPORTED_RATIONALE,
          assessedAt: at,
          assessedBy: importer,
        };
  const incident: NewIncident = {
    reportId,
    title: entry.title,
    description: entry.description,
    source: 'import',
    reporter: importer,
    unit: entry.unit,
    discoveredAt: entry.discoveredAt,
    occurredAt: entry.occurredAt,
    awareAt: entry.discoveredAt,
    deadline: noticeDeadline(entry.discoveredAt),
    breachTypes: [],
    dataCategories: [],
    cause: entry.cause,
    status: 'closed',
    assessment,
    imyNotice:
      entry.reportedToAuthority === true
        ? { phased: false, notifiedAt: undefined, recordedAt: at, recordedBy: importer }
        : undefined,
    reportedToAuthority: entry.reportedToAuthority,
    closedAt: at,
    closedBy: importer,
    nextReminderAt: null,
    createdAt: at,
    updatedAt: at,
  };
  return { incident, event: { at, actor: importer, type: 'imported', data: { line: entry.line } } };
}
