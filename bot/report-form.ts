/**
 * Reads what the report form sends back: card inputs (strings) to the domain's report input,
 * and the domain's field issues back to the form's fields.
 */
import {
  formIssues,
  issue,
  joinDateAndTime,
  REPORT_MESSAGES,
  reportFromForm,
  type FieldIssue,
  type Locale,
} from '../src/domain';
import type { FormField, FormValues } from './cards/report-form-card';

const VALUE_KEYS: readonly (keyof FormValues)[] = [
  'title',
  'description',
  'discoveredDate',
  'discoveredTime',
  'occurredDate',
  'occurredTime',
  'breachTypes',
  'dataCategories',
  'affectedCount',
  'cause',
  'measures',
];

const FORM_FIELDS: readonly FormField[] = [
  'title',
  'description',
  'discoveredAt',
  'occurredAt',
  'breachTypes',
  'dataCategories',
  'affectedCount',
  'cause',
  'measures',
];

export interface ReadForm {
  /** The report for the use case. */
  raw: Record<string, unknown>;
  /** What to show again if the form comes back with errors. */
  values: Partial<FormValues>;
  /** Problems the card alone has (a time of occurrence without its date). */
  issues: FieldIssue[];
}

function str(inputs: Record<string, unknown>, key: string): string {
  const value = inputs[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** The one local value of a date and a time input; a time without a date is an issue for the time of occurrence. */
function localTime(date: string, time: string, field: 'discoveredAt' | 'occurredAt', issues: FieldIssue[]): string {
  if (date.trim() === '' && time.trim() !== '' && field === 'occurredAt') {
    issues.push(issue(field, 'date_missing', REPORT_MESSAGES.dateForTime.sv, REPORT_MESSAGES.dateForTime.en));
  }
  return joinDateAndTime(date, time);
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Reads the form's inputs. The report id comes from the action's data, not from here. */
export function readReportForm(inputs: Record<string, unknown>): ReadForm {
  const values: Partial<FormValues> = {};
  for (const key of VALUE_KEYS) values[key] = str(inputs, key);
  const v = values as FormValues;
  const issues: FieldIssue[] = [];
  // The card has no unit field; the rest is read as every report form is (domain/report-form).
  const raw = reportFromForm({
    title: v.title,
    description: v.description,
    discoveredAt: localTime(v.discoveredDate, v.discoveredTime, 'discoveredAt', issues),
    occurredAt: localTime(v.occurredDate, v.occurredTime, 'occurredAt', issues),
    breachTypes: list(v.breachTypes),
    dataCategories: list(v.dataCategories),
    affectedCount: v.affectedCount,
    cause: v.cause,
    measures: v.measures,
  });
  return { raw, values, issues };
}

/** Groups field issues by form field, in form wording (unknown fields go to the title, where they are seen). */
export function issuesByField(
  issues: readonly FieldIssue[],
  locale: Locale = 'sv',
): Partial<Record<FormField, string[]>> {
  const out: Partial<Record<FormField, string[]>> = {};
  for (const i of formIssues(issues)) {
    const field = (FORM_FIELDS as readonly string[]).includes(i.field) ? (i.field as FormField) : 'title';
    const message = locale === 'en' ? i.messageEn : i.message;
    const messages = (out[field] ??= []);
    if (!messages.includes(message)) messages.push(message);
  }
  return out;
}
