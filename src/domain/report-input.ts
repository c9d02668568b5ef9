/**
 * Validation of a new report, wherever it comes from (API, bot card, tab, add-in).
 * Every problem is reported at once, each with a stable code and a Swedish message.
 */
import { isCauseId, type CauseId } from './causes';
import { issue, ValidationError, type FieldIssue } from './errors';
import { formatNumber, type Localized } from './i18n';
import { parseIsoInstant } from './stockholm-time';
import { forbiddenCharacter, forbiddenCharacterMessage } from './text-characters';
import { BREACH_TYPE_IDS, DATA_CATEGORY_IDS, isOneOf, type BreachType, type DataCategory } from './vocabulary';

/** A validated report. Times are ISO 8601 in UTC. */
export interface ReportInput {
  reportId?: string;
  title: string;
  description: string;
  discoveredAt: string;
  occurredAt?: string;
  breachTypes: BreachType[];
  dataCategories: DataCategory[];
  affectedCount?: number;
  cause?: CauseId;
  measures?: string;
  unit?: string;
  /** The Teams message reported from (conversation and message id), for grouping; never logged. */
  sourceMessageId?: string;
  /** The Outlook mail reported from (its Message-ID), for grouping; never logged. */
  internetMessageId?: string;
}

const LIMITS_COUNT = 100_000_000;

/** The report's limits, the same in every entry point (forms show them before anyone types too much). */
export const LIMITS = {
  title: 200,
  description: 10_000,
  measures: 5_000,
  unit: 200,
  rationale: 5_000,
  reference: 100,
  affectedCount: LIMITS_COUNT,
  /** Clocks of callers may run a little fast. */
  futureSkewMs: 5 * 60_000,
  /**
   * A new report is of a breach discovered since the GDPR applies (25 May 2018, Swedish time):
   * earlier ones belong in a register import, which keeps its own bounds.
   */
  earliestDiscoveredAt: '2018-05-24T22:00:00.000Z',
  /** No time the app reads lies before 1970 (a year typed wrong: `0026`, `1026`), so a year always has four digits. */
  earliestInstant: '1970-01-01T00:00:00.000Z',
} as const;

/**
 * What a person reads when a report's field is wrong: what is wrong and how to put it right, the
 * same on the chat card, in the tab and in the Outlook pane (each surface shows these, not its own).
 */
export const REPORT_MESSAGES = {
  titleRequired: { sv: 'Skriv en rubrik: en rad om vad som hänt.', en: 'Write a title: one line about what happened.' },
  descriptionRequired: { sv: 'Beskriv kort vad som hänt.', en: 'Describe briefly what happened.' },
  discoveredAtRequired: {
    sv: 'Ange när incidenten upptäcktes: datum och klockslag i svensk tid, som ÅÅÅÅ-MM-DD TT:MM.',
    en: 'Give when the breach was discovered: date and time in Swedish time, as YYYY-MM-DD HH:MM.',
  },
  discoveredInFuture: {
    sv: 'Upptäcktsdatum kan inte ligga i framtiden. Ange när du upptäckte incidenten: nu eller tidigare, i svensk tid.',
    en: 'The discovery date cannot be in the future. Give when you discovered the breach: now or earlier, in Swedish time.',
  },
  discoveredBeforeGdpr: {
    sv: 'Upptäcktsdatum kan inte ligga före 25 maj 2018, då dataskyddsförordningen började gälla. Kontrollera årtalet. En äldre incident förs in i registret genom import av registret.',
    en: 'The discovery date cannot be before 25 May 2018, when the GDPR began to apply. Check the year. An older incident goes into the register through the register import.',
  },
  occurredInFuture: {
    sv: 'Datum för när incidenten inträffade kan inte ligga i framtiden. Ange när den inträffade, eller lämna fältet tomt om du inte vet.',
    en: 'The date the breach occurred cannot be in the future. Give when it occurred, or leave the field empty if you do not know.',
  },
  timeUnreadable: {
    sv: 'Datum och klockslag kunde inte läsas. Skriv datumet som ÅÅÅÅ-MM-DD och klockslaget som TT:MM (svensk tid), till exempel 2026-11-20 och 14:30.',
    en: 'The date and time could not be read. Write the date as YYYY-MM-DD and the time as HH:MM (Swedish time), for example 2026-11-20 and 14:30.',
  },
  dateForTime: {
    sv: 'Ange datum för klockslaget, eller ta bort klockslaget.',
    en: 'Give the date for the time, or remove the time.',
  },
  countInvalid: {
    sv: `Ange antalet berörda personer som ett heltal från 0 till ${formatNumber(LIMITS_COUNT, 'sv')}, till exempel 12. Lämna fältet tomt om du inte vet.`,
    en: `Give the number of people affected as a whole number from 0 to ${formatNumber(LIMITS_COUNT, 'en')}, for example 12. Leave it empty if you do not know.`,
  },
} satisfies Record<string, Localized<string>>;

/** A text longer than its limit: the limit, the length now and how much to cut, grouped as people read numbers. */
export function tooLongMessage(label: Localized<string>, max: number, length: number): Localized<string> {
  const over = length - max;
  return {
    sv: `${label.sv} får vara högst ${formatNumber(max, 'sv')} tecken men är ${formatNumber(length, 'sv')}. Korta texten med ${formatNumber(over, 'sv')} tecken.`,
    en: `${label.en} may be at most ${formatNumber(max, 'en')} characters but has ${formatNumber(length, 'en')}. Shorten it by ${formatNumber(over, 'en')}.`,
  };
}

/** A report's fields in the order the forms ask them (error summaries follow it); the client's `reportId` besides. */
export const REPORT_FIELD_ORDER = [
  'title',
  'description',
  'discoveredAt',
  'occurredAt',
  'breachTypes',
  'dataCategories',
  'affectedCount',
  'cause',
  'measures',
  'unit',
] as const;

/** The source ids a client may send besides the report's fields (src/domain/similar-reports.ts). */
export const SOURCE_ID_FIELDS = ['sourceMessageId', 'internetMessageId'] as const;

const REPORT_FIELDS = new Set<string>(['reportId', ...REPORT_FIELD_ORDER, ...SOURCE_ID_FIELDS]);

/** A source id: what a single-line SharePoint text column holds (255), printable ASCII without spaces. */
export const SOURCE_ID_MAX = 255;
const SOURCE_ID = /^[\x21-\x7e]+$/;

const SOURCE_ID_LABELS: Record<(typeof SOURCE_ID_FIELDS)[number], [string, string]> = {
  sourceMessageId: ['Teams-meddelandets id (sourceMessageId)', "The Teams message's id (sourceMessageId)"],
  internetMessageId: ['Mejlets id (internetMessageId)', "The mail's id (internetMessageId)"],
};

/** Whether a value passes as a source id of that field ({@link SOURCE_ID_MAX} printable ASCII; a Message-ID in brackets). */
export function isSourceId(field: (typeof SOURCE_ID_FIELDS)[number], value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= SOURCE_ID_MAX &&
    SOURCE_ID.test(value) &&
    (field !== 'internetMessageId' || /^<[^<>]+>$/.test(value))
  );
}

/**
 * The `sourceMessageId` of a Teams message: its conversation and its id (a message id alone is
 * unique only within its conversation), or the id alone when the two do not fit; none when
 * neither is a source id. Never refuses a report: an id that does not fit is left out.
 */
export function teamsSourceMessageId(conversationId: unknown, messageId: unknown): string | undefined {
  if (typeof messageId !== 'string' || messageId === '') return undefined;
  const both = typeof conversationId === 'string' && conversationId !== '' ? `${conversationId}/${messageId}` : '';
  if (isSourceId('sourceMessageId', both)) return both;
  return isSourceId('sourceMessageId', messageId) ? messageId : undefined;
}

/**
 * Reads an optional source id: 1–255 printable ASCII characters, no spaces; an Outlook
 * `internetMessageId` is a Message-ID in angle brackets (`<…@…>`).
 * @remarks The value is never repeated back, in the message or elsewhere.
 */
function sourceId(r: FieldReader, field: (typeof SOURCE_ID_FIELDS)[number]): string | undefined {
  const value = r.raw[field];
  if (value === undefined || value === null || value === '') return undefined;
  const [sv, en] = SOURCE_ID_LABELS[field];
  if (!isSourceId(field, value)) {
    return r.fail(
      field,
      'invalid_source_id',
      field === 'internetMessageId'
        ? `${sv} ska vara ett Message-ID inom vinkelparenteser, som <abc123@exempel.se>: högst ${SOURCE_ID_MAX} tecken, bara ASCII utan mellanslag. Skicka rapporten utan fältet om ni inte har det.`
        : `${sv} ska vara högst ${SOURCE_ID_MAX} tecken, bara ASCII utan mellanslag. Skicka rapporten utan fältet om ni inte har det.`,
      field === 'internetMessageId'
        ? `${en} must be a Message-ID in angle brackets, like <abc123@example.com>: at most ${SOURCE_ID_MAX} characters, ASCII only without spaces. Send the report without the field if you do not have it.`
        : `${en} must be at most ${SOURCE_ID_MAX} characters, ASCII only without spaces. Send the report without the field if you do not have it.`,
    );
  }
  return value;
}

const REPORT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,99}$/;

/** Collects field issues for one input object. */
export class FieldReader {
  readonly issues: FieldIssue[] = [];
  constructor(readonly raw: Record<string, unknown>) {}

  fail(field: string, code: string, sv: string, en: string): undefined {
    this.issues.push(issue(field, code, sv, en));
    return undefined;
  }

  /**
   * A text field; `required` may carry the message that says how to fill it in. `singleLine`
   * (a title, a unit, a reference) also refuses direction controls (see text-characters.ts).
   */
  text(
    field: string,
    label: [string, string],
    max: number,
    required: boolean | Localized<string>,
    options: { singleLine?: boolean } = {},
  ): string | undefined {
    const value = this.raw[field];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (typeof required === 'object') return this.fail(field, 'required', required.sv, required.en);
      return required
        ? this.fail(field, 'required', `${label[0]} måste fyllas i.`, `${label[1]} is required.`)
        : undefined;
    }
    if (typeof value !== 'string')
      return this.fail(field, 'not_text', `${label[0]} ska vara text.`, `${label[1]} must be text.`);
    const trimmed = value.trim();
    if (trimmed.length > max) {
      const message = tooLongMessage({ sv: label[0], en: label[1] }, max, trimmed.length);
      return this.fail(field, 'too_long', message.sv, message.en);
    }
    const forbidden = forbiddenCharacter(trimmed, { singleLine: options.singleLine ?? false });
    if (forbidden) {
      const message = forbiddenCharacterMessage({ sv: label[0], en: label[1] }, forbidden);
      return this.fail(field, 'invalid_characters', message.sv, message.en);
    }
    return trimmed;
  }

  instant(field: string, label: [string, string], required: boolean | Localized<string>): string | undefined {
    const value = this.raw[field];
    if (value === undefined || value === null || value === '') {
      if (typeof required === 'object') return this.fail(field, 'required', required.sv, required.en);
      return required
        ? this.fail(field, 'required', `${label[0]} måste anges.`, `${label[1]} is required.`)
        : undefined;
    }
    const iso = parseIsoInstant(value);
    if (!iso) {
      return this.fail(
        field,
        'invalid_datetime',
        `${label[0]} ska vara en tidpunkt med tidszon, till exempel 2026-11-20T14:30:00+01:00.`,
        `${label[1]} must be a date and time with a time zone, e.g. 2026-11-20T14:30:00+01:00.`,
      );
    }
    if (Date.parse(iso) < Date.parse(LIMITS.earliestInstant)) {
      return this.fail(
        field,
        'too_early',
        `${label[0]} kan inte ligga före år 1970. Kontrollera årtalet.`,
        `${label[1]} cannot be before the year 1970. Check the year.`,
      );
    }
    return iso;
  }

  /** A time not after now (with a little skew); `message` says how to fix it when the plain "cannot be in the future" is not enough. */
  notInFuture(
    field: string,
    iso: string | undefined,
    label: [string, string],
    now: Date,
    message?: Localized<string>,
  ): string | undefined {
    if (iso && Date.parse(iso) > now.getTime() + LIMITS.futureSkewMs) {
      if (message) return this.fail(field, 'in_future', message.sv, message.en);
      return this.fail(
        field,
        'in_future',
        `${label[0]} kan inte ligga i framtiden.`,
        `${label[1]} cannot be in the future.`,
      );
    }
    return iso;
  }

  boolean(field: string, label: [string, string], required: boolean): boolean | undefined {
    const value = this.raw[field];
    if (value === undefined || value === null) {
      return required
        ? this.fail(field, 'required', `${label[0]} måste anges.`, `${label[1]} is required.`)
        : undefined;
    }
    if (typeof value !== 'boolean')
      return this.fail(
        field,
        'not_boolean',
        `${label[0]} ska vara ja eller nej (true/false).`,
        `${label[1]} must be true or false.`,
      );
    return value;
  }

  /**
   * One issue for the keys that are not allowed, naming the allowed ones.
   * @remarks The unknown keys themselves are never named back, in the message or as the field: a
   * key can hold anything (`pnr_121212_1212`, an address), and an error goes to logs and screens.
   */
  rejectUnknown(allowed: Set<string>): void {
    const unknown = Object.keys(this.raw).filter((key) => !allowed.has(key)).length;
    if (unknown === 0) return;
    const names = [...allowed].join(', ');
    this.fail(
      '',
      'unknown_field',
      unknown === 1
        ? `Uppgifterna har ett fält som inte finns. Tillåtna fält: ${names}.`
        : `Uppgifterna har ${unknown} fält som inte finns. Tillåtna fält: ${names}.`,
      unknown === 1
        ? `The input has a field that does not exist. Allowed fields: ${names}.`
        : `The input has ${unknown} fields that do not exist. Allowed fields: ${names}.`,
    );
  }

  /** Throws a ValidationError if anything was wrong. */
  done(): void {
    if (this.issues.length > 0) throw new ValidationError(this.issues);
  }
}

/** Checks that the input is a plain JSON object. */
export function asObject(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ValidationError([
      issue('', 'not_an_object', 'Uppgifterna ska skickas som ett JSON-objekt.', 'The input must be a JSON object.'),
    ]);
  }
  return raw as Record<string, unknown>;
}

/** A list of vocabulary ids (duplicates dropped); an unknown value is named by its place, never repeated back. */
export function readList<T extends string>(
  r: FieldReader,
  field: string,
  allowed: readonly T[],
  label: [string, string],
): T[] {
  const value = r.raw[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    r.fail(field, 'not_a_list', `${label[0]} ska vara en lista.`, `${label[1]} must be a list.`);
    return [];
  }
  // The value itself is not repeated back: it can be anything the sender typed.
  const badAt = value.findIndex((v) => !isOneOf(allowed, v));
  if (badAt >= 0) {
    r.fail(
      field,
      'unknown_value',
      `${label[0]}: okänt värde (nummer ${badAt + 1} i listan). Välj bland ${allowed.join(', ')}.`,
      `${label[1]}: unknown value (number ${badAt + 1} in the list). Choose from ${allowed.join(', ')}.`,
    );
    return [];
  }
  return [...new Set(value as T[])];
}

/** Validates a new report. Throws {@link ValidationError} listing every problem. */
export function parseReportInput(raw: unknown, now: Date): ReportInput {
  const r = new FieldReader(asObject(raw));
  r.rejectUnknown(REPORT_FIELDS);

  let reportId: string | undefined;
  if (r.raw.reportId !== undefined && r.raw.reportId !== null) {
    if (typeof r.raw.reportId !== 'string' || !REPORT_ID.test(r.raw.reportId)) {
      r.fail(
        'reportId',
        'invalid_report_id',
        'Rapport-id ska vara 8–100 tecken: bokstäver a–z, siffror, punkt, kolon, bindestreck eller understreck.',
        'reportId must be 8–100 characters: letters a–z, digits, dot, colon, hyphen or underscore.',
      );
    } else {
      reportId = r.raw.reportId;
    }
  }
  const m = REPORT_MESSAGES;
  const title = r.text('title', ['Rubriken', 'The title'], LIMITS.title, m.titleRequired, { singleLine: true });
  const description = r.text(
    'description',
    ['Beskrivningen', 'The description'],
    LIMITS.description,
    m.descriptionRequired,
  );
  const discovered: [string, string] = ['Tidpunkt när incidenten upptäcktes', 'Time of discovery'];
  const occurred: [string, string] = ['Tidpunkt när incidenten inträffade', 'Time of occurrence'];
  let discoveredAt = r.notInFuture(
    'discoveredAt',
    r.instant('discoveredAt', discovered, m.discoveredAtRequired),
    discovered,
    now,
    m.discoveredInFuture,
  );
  if (discoveredAt && Date.parse(discoveredAt) < Date.parse(LIMITS.earliestDiscoveredAt)) {
    discoveredAt = r.fail('discoveredAt', 'before_gdpr', m.discoveredBeforeGdpr.sv, m.discoveredBeforeGdpr.en);
  }
  let occurredAt = r.notInFuture(
    'occurredAt',
    r.instant('occurredAt', occurred, false),
    occurred,
    now,
    m.occurredInFuture,
  );
  if (occurredAt && discoveredAt && Date.parse(occurredAt) > Date.parse(discoveredAt)) {
    occurredAt = r.fail(
      'occurredAt',
      'occurred_after_discovered',
      'Incidenten kan inte ha inträffat efter att den upptäcktes. Kontrollera datum och klockslag.',
      'The incident cannot have occurred after it was discovered. Check the dates and times.',
    );
  }
  const breachTypes = readList(r, 'breachTypes', BREACH_TYPE_IDS, ['Typ av incident', 'Breach type']);
  const dataCategories = readList(r, 'dataCategories', DATA_CATEGORY_IDS, ['Typ av uppgifter', 'Kinds of data']);

  let affectedCount: number | undefined;
  const count = r.raw.affectedCount;
  if (count !== undefined && count !== null) {
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > LIMITS.affectedCount) {
      r.fail('affectedCount', 'invalid_count', m.countInvalid.sv, m.countInvalid.en);
    } else {
      affectedCount = count;
    }
  }

  let cause: CauseId | undefined;
  if (r.raw.cause !== undefined && r.raw.cause !== null && r.raw.cause !== '') {
    if (!isCauseId(r.raw.cause)) {
      r.fail(
        'cause',
        'unknown_cause',
        'Okänd orsak. Välj en av: human-error, systematic, technical, insider, external-attack, unknown, other.',
        'Unknown cause. Choose one of: human-error, systematic, technical, insider, external-attack, unknown, other.',
      );
    } else {
      cause = r.raw.cause;
    }
  }
  const measures = r.text('measures', ['Texten om vad som redan gjorts', 'What has been done'], LIMITS.measures, false);
  const unit = r.text('unit', ['Enheten', 'The unit'], LIMITS.unit, false, { singleLine: true });
  const sourceMessageId = sourceId(r, 'sourceMessageId');
  const internetMessageId = sourceId(r, 'internetMessageId');
  r.done();

  return {
    reportId,
    title: title!,
    description: description!,
    discoveredAt: discoveredAt!,
    occurredAt,
    breachTypes,
    dataCategories,
    affectedCount,
    cause,
    measures,
    unit,
    ...(sourceMessageId ? { sourceMessageId } : {}),
    ...(internetMessageId ? { internetMessageId } : {}),
  };
}
