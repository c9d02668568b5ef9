/**
 * The report form's state: what the user typed, how it becomes the API's input, its
 * field-level validation (the domain's own rules), and the draft kept across a reload.
 * @remarks The draft lives in sessionStorage, not localStorage: it survives a reload of the tab
 * but not the closing of it, so a description full of personal data is not left behind on a
 * shared computer.
 */
import { ValidationError } from '../../domain/errors';
import { formIssues, newReportId, reportFromForm } from '../../domain/report-form';
import { parseReportInput, REPORT_FIELD_ORDER } from '../../domain/report-input';
import {
  BREACH_TYPE_IDS,
  DATA_CATEGORY_IDS,
  isOneOf,
  type BreachType,
  type DataCategory,
} from '../../domain/vocabulary';
import { isCauseId } from '../../domain/causes';
import type { Locale } from '../i18n';
import { toLocalInput } from '../components/time-input';
import type { ReportFields } from '../../web/report-fields';

/** The form as typed: text as text, times as `datetime-local` values in Stockholm time. */
export interface ReportDraft extends ReportFields {
  /** Sent with the report so a retry (or a double click) registers it once. */
  reportId: string;
}

export type ReportField = Exclude<keyof ReportDraft, 'reportId'>;

/** The fields in the order the form shows them (the error summary follows it): the domain's order. */
export const REPORT_FIELDS: readonly ReportField[] = REPORT_FIELD_ORDER;

/** An empty form; the discovery time defaults to now. */
export function emptyDraft(now: Date, reportId: string = newReportId('tab')): ReportDraft {
  return {
    reportId,
    title: '',
    description: '',
    discoveredAt: toLocalInput(now),
    occurredAt: '',
    breachTypes: [],
    dataCategories: [],
    affectedCount: '',
    cause: '',
    measures: '',
    unit: '',
  };
}

/** The API's input for a draft: the one conversion every report form uses ({@link reportFromForm}). */
export function draftToInput(d: ReportDraft): Record<string, unknown> {
  return reportFromForm(d, d.reportId);
}

export type FieldMessages = Partial<Record<ReportField, string>>;

/** Field messages for the domain's validation issues (first message per field). */
export function messagesOf(error: ValidationError, locale: Locale): FieldMessages {
  const messages: FieldMessages = {};
  for (const issue of formIssues(error.issues)) {
    const field = issue.field as ReportField;
    if (!REPORT_FIELDS.includes(field) || messages[field]) continue;
    messages[field] = locale === 'en' ? issue.messageEn : issue.message;
  }
  return messages;
}

/** Validates the draft with the same rules as the server; empty when it can be sent. */
export function validateDraft(d: ReportDraft, now: Date, locale: Locale): FieldMessages {
  try {
    parseReportInput(draftToInput(d), now);
    return {};
  } catch (error) {
    if (error instanceof ValidationError) return messagesOf(error, locale);
    throw error;
  }
}

export const DRAFT_KEY = 'pui-desk.report-draft.v1';

/** The tab's sessionStorage, or undefined where the browser refuses it (storage blocked in frames). */
export function sessionStore(win: Window = window): Storage | undefined {
  try {
    return win.sessionStorage;
  } catch (error) {
    console.warn('PUI Desk: sessionStorage is not available; the report draft will not survive a reload.', error);
    return undefined;
  }
}

function strings(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The kept draft, if there is a readable one. */
export function loadDraft(storage: Storage | undefined): ReportDraft | undefined {
  const text = storage?.getItem(DRAFT_KEY);
  if (!text) return undefined;
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    console.warn('PUI Desk: the kept report draft could not be read and is dropped.', (error as Error).name);
    storage?.removeItem(DRAFT_KEY);
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || typeof raw.reportId !== 'string') return undefined;
  return {
    reportId: raw.reportId,
    title: strings(raw.title),
    description: strings(raw.description),
    discoveredAt: strings(raw.discoveredAt),
    occurredAt: strings(raw.occurredAt),
    breachTypes: Array.isArray(raw.breachTypes)
      ? raw.breachTypes.filter((v): v is BreachType => isOneOf(BREACH_TYPE_IDS, v))
      : [],
    dataCategories: Array.isArray(raw.dataCategories)
      ? raw.dataCategories.filter((v): v is DataCategory => isOneOf(DATA_CATEGORY_IDS, v))
      : [],
    affectedCount: strings(raw.affectedCount),
    cause: isCauseId(raw.cause) ? raw.cause : '',
    measures: strings(raw.measures),
    unit: strings(raw.unit),
  };
}

/** Keeps the draft; false when the browser refused (full or blocked storage). */
export function saveDraft(storage: Storage | undefined, draft: ReportDraft): boolean {
  if (!storage) return false;
  try {
    storage.setItem(DRAFT_KEY, JSON.stringify(draft));
    return true;
  } catch (error) {
    console.warn('PUI Desk: the report draft could not be kept.', error);
    return false;
  }
}

export function clearDraft(storage: Storage | undefined): void {
  storage?.removeItem(DRAFT_KEY);
}

/** True when the user has typed or chosen anything beyond the defaults. */
export function draftTouched(d: ReportDraft): boolean {
  return Boolean(
    d.title ||
    d.description ||
    d.occurredAt ||
    d.breachTypes.length ||
    d.dataCategories.length ||
    d.affectedCount ||
    d.cause ||
    d.measures ||
    d.unit,
  );
}
