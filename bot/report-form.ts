/**
 * Reads what the report form sends back: card inputs (strings) to the domain's report input,
 * and the domain's field issues back to the form's fields.
 */
import { issue, parseStockholmLocal, type FieldIssue } from '../src/domain';
import type { FormField, FormValues } from './cards/report-form-card';

const VALUE_KEYS: readonly (keyof FormValues)[] = [
  'title', 'description', 'discoveredDate', 'discoveredTime', 'occurredDate', 'occurredTime',
  'breachTypes', 'dataCategories', 'affectedCount', 'cause', 'measures',
];

const FORM_FIELDS: readonly FormField[] = ['title', 'description', 'discoveredAt', 'occurredAt', 'breachTypes', 'dataCategories', 'affectedCount', 'cause', 'measures'];

export interface ReadForm {
  /** The report for the use case. */
  raw: Record<string, unknown>;
  /** What to show again if the form comes back with errors. */
  values: Partial<FormValues>;
  /** Problems found while reading (a date and time that is no instant). */
  issues: FieldIssue[];
}

function str(inputs: Record<string, unknown>, key: string): string {
  const value = inputs[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** Combines a date and a time input (Stockholm) into an ISO instant; `''` when no date. */
function instant(date: string, time: string, field: 'discoveredAt' | 'occurredAt', issues: FieldIssue[]): string | undefined {
  if (date.trim() === '') {
    if (time.trim() !== '' && field === 'occurredAt') {
      issues.push(issue(field, 'date_missing', 'Ange datum för klockslaget.', 'Give the date for the time.'));
    }
    return undefined;
  }
  const iso = parseStockholmLocal(`${date.trim()} ${time.trim() || '00:00'}`);
  if (!iso) {
    issues.push(issue(field, 'invalid_datetime', 'Datum och klockslag kunde inte läsas. Använd formen 2026-11-20 och 14:30.', 'The date and time could not be read. Use the form 2026-11-20 and 14:30.'));
  }
  return iso;
}

function list(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Reads the form's inputs. The report id comes from the action's data, not from here. */
export function readReportForm(inputs: Record<string, unknown>): ReadForm {
  const values: Partial<FormValues> = {};
  for (const key of VALUE_KEYS) values[key] = str(inputs, key);
  const v = values as FormValues;
  const issues: FieldIssue[] = [];
  const raw: Record<string, unknown> = {
    title: v.title,
    description: v.description,
    discoveredAt: instant(v.discoveredDate, v.discoveredTime, 'discoveredAt', issues),
    occurredAt: instant(v.occurredDate, v.occurredTime, 'occurredAt', issues),
    breachTypes: list(v.breachTypes),
    dataCategories: list(v.dataCategories),
    measures: v.measures.trim() === '' ? undefined : v.measures,
    cause: v.cause.trim() === '' ? undefined : v.cause.trim(),
  };
  const count = v.affectedCount.trim();
  // A number that is not one is passed on as text, so the domain's own message explains it.
  if (count !== '') raw.affectedCount = /^-?\d+(\.\d+)?$/.test(count) ? Number(count) : count;
  return { raw, values, issues };
}

/** Groups field issues by form field (unknown fields go to the title, where they are seen). */
export function issuesByField(issues: readonly FieldIssue[]): Partial<Record<FormField, string[]>> {
  const out: Partial<Record<FormField, string[]>> = {};
  for (const i of issues) {
    const field = (FORM_FIELDS as readonly string[]).includes(i.field) ? (i.field as FormField) : 'title';
    (out[field] ??= []).includes(i.message) || out[field]!.push(i.message);
  }
  return out;
}
