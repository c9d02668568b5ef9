/**
 * A report form, wherever it is filled in (the bot's card, the tab, the Outlook task pane), turned
 * into the report the domain validates: one reading of the common fields for every surface.
 * @remarks Nothing here decides what is valid: {@link parseReportInput} does, so a form and the API
 * refuse the same things with the same codes. This only reads what people type (`ca 20`, a
 * Stockholm wall-clock time) into the API's shape, and words the few issues a form says differently.
 */
import { issue, type FieldIssue } from './errors';
import { REPORT_MESSAGES } from './report-input';
import { fromLocalInput } from './stockholm-time';

/** The report form's fields as typed: text as text, times as Stockholm wall clock (`2026-11-20T14:30`), lists of vocabulary ids. */
export interface ReportFormFields {
  title: string;
  description: string;
  discoveredAt: string;
  occurredAt: string;
  breachTypes: readonly string[];
  dataCategories: readonly string[];
  affectedCount: string;
  cause: string;
  measures: string;
  /** Absent on a form that does not ask for it (the bot's card). */
  unit?: string;
}

/** Words before or after a count that still leave a count: `ca 20`, `ungefär 20`, `~20`, `20 st`, `about 20 people`. */
const APPROXIMATELY =
  /^(?:(?:c(?:ir)?ka|ca\.?|c:a|ungefär|ung\.?|runt|omkring|approx(?:imately|\.)?|about|around|~|≈)\s*)?(\d{1,3}(?:[\s\u00a0\u202f]\d{3})+|\d+)\s*(?:st(?:\.|ycken)?|personer|pers\.?|people|persons)?$/i;

/**
 * The number of people affected as a form gives it: blank is undefined; `20`, `1 200`, `ca 20`,
 * `~20` or `20 st` is the number; anything else is passed on as typed, so the domain's own
 * message (`invalid_count`) explains what is wanted.
 */
export function readAffectedCount(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (/^-?\d+(?:[.,]\d+)?$/.test(trimmed)) return Number(trimmed.replace(',', '.'));
  const digits = APPROXIMATELY.exec(trimmed)?.[1].replace(/[\s\u00a0\u202f]/g, '');
  return digits ? Number(digits) : trimmed;
}

/** A time as typed: the UTC instant when it is one; else the text as typed, so validation names the field (blank: left out). */
function instantOrTyped(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  return fromLocalInput(value) ?? value;
}

/** The input for {@link parseReportInput} of a filled-in form: blanks left out, times as UTC instants. */
export function reportFromForm(form: ReportFormFields, reportId?: string): Record<string, unknown> {
  const raw: Record<string, unknown> = { title: form.title, description: form.description };
  if (reportId !== undefined) raw.reportId = reportId;
  raw.discoveredAt = instantOrTyped(form.discoveredAt);
  const occurredAt = instantOrTyped(form.occurredAt);
  if (occurredAt !== undefined) raw.occurredAt = occurredAt;
  if (form.breachTypes.length > 0) raw.breachTypes = [...form.breachTypes];
  if (form.dataCategories.length > 0) raw.dataCategories = [...form.dataCategories];
  const count = readAffectedCount(form.affectedCount);
  if (count !== undefined) raw.affectedCount = count;
  if (form.cause.trim() !== '') raw.cause = form.cause.trim();
  if (form.measures.trim() !== '') raw.measures = form.measures;
  if (form.unit !== undefined && form.unit.trim() !== '') raw.unit = form.unit;
  return raw;
}

/** How a form words the issues whose domain wording is written for API clients (an ISO time with a zone). */
const FORM_WORDING: Record<string, [string, string]> = {
  invalid_datetime: [REPORT_MESSAGES.timeUnreadable.sv, REPORT_MESSAGES.timeUnreadable.en],
};

/** The domain's issues as a form shows them (same fields and codes; form wording where the API's does not fit). */
export function formIssues(issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.map((i) => {
    const wording = FORM_WORDING[i.code];
    return wording ? issue(i.field, i.code, wording[0], wording[1]) : i;
  });
}

/** Where a report was made, as the first part of its report id. */
export type ReportSurface = 'tab' | 'outlook' | 'bot';

/** 32 random hex digits (a UUID where the page is a secure context; getRandomValues also works without one). */
function randomHex(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  return Array.from(c.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A new report id for an idempotent submit (`tab-…`, `outlook-…`, `bot-…`): the same id sent
 * again is the same incident.
 */
export function newReportId(surface: ReportSurface, random: () => string = randomHex): string {
  return `${surface}-${random()}`;
}
