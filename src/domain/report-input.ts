/**
 * Validation of a new report, wherever it comes from (API, bot card, tab, add-in).
 * Every problem is reported at once, each with a stable code and a Swedish message.
 */
import { isCauseId, type CauseId } from './causes';
import { issue, ValidationError, type FieldIssue } from './errors';
import { maskIdentityNumbers } from './identity-number';
import { parseIsoInstant } from './stockholm-time';
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
}

export const LIMITS = {
  title: 200,
  description: 10_000,
  measures: 5_000,
  unit: 200,
  rationale: 5_000,
  reference: 100,
  affectedCount: 100_000_000,
  /** Clocks of callers may run a little fast. */
  futureSkewMs: 5 * 60_000,
} as const;

const REPORT_FIELDS = new Set([
  'reportId', 'title', 'description', 'discoveredAt', 'occurredAt', 'breachTypes',
  'dataCategories', 'affectedCount', 'cause', 'measures', 'unit',
]);

const REPORT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,99}$/;

/** What an unknown key must look like to be named in the error (letters, digits, underscore; at most 40). */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** Collects field issues for one input object. */
export class FieldReader {
  readonly issues: FieldIssue[] = [];
  constructor(readonly raw: Record<string, unknown>) {}

  fail(field: string, code: string, sv: string, en: string): undefined {
    this.issues.push(issue(field, code, sv, en));
    return undefined;
  }

  text(field: string, label: [string, string], max: number, required: boolean): string | undefined {
    const value = this.raw[field];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      return required ? this.fail(field, 'required', `${label[0]} måste fyllas i.`, `${label[1]} is required.`) : undefined;
    }
    if (typeof value !== 'string') return this.fail(field, 'not_text', `${label[0]} ska vara text.`, `${label[1]} must be text.`);
    const trimmed = value.trim();
    if (trimmed.length > max) {
      return this.fail(field, 'too_long', `${label[0]} får vara högst ${max} tecken (nu ${trimmed.length}).`, `${label[1]} may be at most ${max} characters (now ${trimmed.length}).`);
    }
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(trimmed)) {
      return this.fail(field, 'control_characters', `${label[0]} innehåller otillåtna styrtecken.`, `${label[1]} contains control characters.`);
    }
    return trimmed;
  }

  instant(field: string, label: [string, string], required: boolean): string | undefined {
    const value = this.raw[field];
    if (value === undefined || value === null || value === '') {
      return required ? this.fail(field, 'required', `${label[0]} måste anges.`, `${label[1]} is required.`) : undefined;
    }
    const iso = parseIsoInstant(value);
    if (!iso) {
      return this.fail(field, 'invalid_datetime', `${label[0]} ska vara en tidpunkt med tidszon, till exempel 2026-11-20T14:30:00+01:00.`, `${label[1]} must be a date and time with a time zone, e.g. 2026-11-20T14:30:00+01:00.`);
    }
    return iso;
  }

  notInFuture(field: string, iso: string | undefined, label: [string, string], now: Date): string | undefined {
    if (iso && Date.parse(iso) > now.getTime() + LIMITS.futureSkewMs) {
      return this.fail(field, 'in_future', `${label[0]} kan inte ligga i framtiden.`, `${label[1]} cannot be in the future.`);
    }
    return iso;
  }

  boolean(field: string, label: [string, string], required: boolean): boolean | undefined {
    const value = this.raw[field];
    if (value === undefined || value === null) {
      return required ? this.fail(field, 'required', `${label[0]} måste anges.`, `${label[1]} is required.`) : undefined;
    }
    if (typeof value !== 'boolean') return this.fail(field, 'not_boolean', `${label[0]} ska vara ja eller nej (true/false).`, `${label[1]} must be true or false.`);
    return value;
  }

  rejectUnknown(allowed: Set<string>): void {
    for (const key of Object.keys(this.raw)) {
      if (allowed.has(key)) continue;
      // A key is named back only when it looks like a field name: a key can hold anything (an address, an identity number).
      const name = FIELD_NAME.test(key) ? maskIdentityNumbers(key) : undefined;
      if (name) {
        this.fail(name, 'unknown_field', `Fältet "${name}" finns inte. Tillåtna fält: ${[...allowed].join(', ')}.`, `There is no field "${name}". Allowed fields: ${[...allowed].join(', ')}.`);
      } else {
        this.fail('', 'unknown_field', `Uppgifterna har ett fält som inte finns. Tillåtna fält: ${[...allowed].join(', ')}.`, `The input has a field that does not exist. Allowed fields: ${[...allowed].join(', ')}.`);
      }
    }
  }

  /** Throws a ValidationError if anything was wrong. */
  done(): void {
    if (this.issues.length > 0) throw new ValidationError(this.issues);
  }
}

/** Checks that the input is a plain JSON object. */
export function asObject(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ValidationError([issue('', 'not_an_object', 'Uppgifterna ska skickas som ett JSON-objekt.', 'The input must be a JSON object.')]);
  }
  return raw as Record<string, unknown>;
}

function list<T extends string>(r: FieldReader, field: string, allowed: readonly T[], label: [string, string]): T[] {
  const value = r.raw[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    r.fail(field, 'not_a_list', `${label[0]} ska vara en lista.`, `${label[1]} must be a list.`);
    return [];
  }
  // The value itself is not repeated back: it can be anything the sender typed.
  const badAt = value.findIndex((v) => !isOneOf(allowed, v));
  if (badAt >= 0) {
    r.fail(field, 'unknown_value', `${label[0]}: okänt värde (nummer ${badAt + 1} i listan). Välj bland ${allowed.join(', ')}.`, `${label[1]}: unknown value (number ${badAt + 1} in the list). Choose from ${allowed.join(', ')}.`);
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
      r.fail('reportId', 'invalid_report_id', 'Rapport-id ska vara 8–100 tecken: bokstäver a–z, siffror, punkt, kolon, bindestreck eller understreck.', 'reportId must be 8–100 characters: letters a–z, digits, dot, colon, hyphen or underscore.');
    } else {
      reportId = r.raw.reportId;
    }
  }
  const title = r.text('title', ['Rubrik', 'Title'], LIMITS.title, true);
  const description = r.text('description', ['Beskrivning', 'Description'], LIMITS.description, true);
  const discoveredAt = r.notInFuture('discoveredAt', r.instant('discoveredAt', ['Tidpunkt när incidenten upptäcktes', 'Time of discovery'], true), ['Tidpunkt när incidenten upptäcktes', 'Time of discovery'], now);
  let occurredAt = r.notInFuture('occurredAt', r.instant('occurredAt', ['Tidpunkt när incidenten inträffade', 'Time of occurrence'], false), ['Tidpunkt när incidenten inträffade', 'Time of occurrence'], now);
  if (occurredAt && discoveredAt && Date.parse(occurredAt) > Date.parse(discoveredAt)) {
    occurredAt = r.fail('occurredAt', 'occurred_after_discovered', 'Incidenten kan inte ha inträffat efter att den upptäcktes. Kontrollera datum och klockslag.', 'The incident cannot have occurred after it was discovered. Check the dates and times.');
  }
  const breachTypes = list(r, 'breachTypes', BREACH_TYPE_IDS, ['Typ av incident', 'Breach type']);
  const dataCategories = list(r, 'dataCategories', DATA_CATEGORY_IDS, ['Typ av uppgifter', 'Kinds of data']);

  let affectedCount: number | undefined;
  const count = r.raw.affectedCount;
  if (count !== undefined && count !== null) {
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > LIMITS.affectedCount) {
      r.fail('affectedCount', 'invalid_count', `Antal berörda personer ska vara ett heltal mellan 0 och ${LIMITS.affectedCount}.`, `The number of people affected must be a whole number from 0 to ${LIMITS.affectedCount}.`);
    } else {
      affectedCount = count;
    }
  }

  let cause: CauseId | undefined;
  if (r.raw.cause !== undefined && r.raw.cause !== null && r.raw.cause !== '') {
    if (!isCauseId(r.raw.cause)) {
      r.fail('cause', 'unknown_cause', 'Okänd orsak. Välj en av: human-error, systematic, technical, insider, external-attack, unknown, other.', 'Unknown cause. Choose one of: human-error, systematic, technical, insider, external-attack, unknown, other.');
    } else {
      cause = r.raw.cause;
    }
  }
  const measures = r.text('measures', ['Vidtagna åtgärder', 'Measures taken'], LIMITS.measures, false);
  const unit = r.text('unit', ['Enhet', 'Unit'], LIMITS.unit, false);
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
  };
}
