/** Reporting from the personal chat and from the message action's dialog: the form and its submit. */
import { newReportId, parseReportInput, RateLimited, ValidationError, type Caller, type FieldIssue, type Incident, type Source } from '../../src/domain';
import { reportIncident } from '../../src/use-cases';
import type { AdaptiveCard, CardElement } from '../cards/adaptive-card';
import { receiptCard } from '../cards/receipt-card';
import { reportFormCard, type FormValues } from '../cards/report-form-card';
import { issuesByField, readReportForm } from '../report-form';
import type { BotServices } from '../services';

/** A fresh report form; its report id makes submitting it twice one incident. */
export function newReportForm(s: BotServices, mode: 'chat' | 'dialog', prefill?: { values?: Partial<FormValues>; intro?: CardElement[] }): AdaptiveCard {
  return reportFormCard({ reportId: newReportId('bot', s.deps.newId), mode, now: s.deps.clock.now(), values: prefill?.values, intro: prefill?.intro });
}

export interface SubmitOutcome {
  card: AdaptiveCard;
  /** The stored incident; absent when the form came back with errors. */
  incident?: Incident;
}

/** Domain issues of a report, without throwing. */
function domainIssues(raw: unknown, now: Date): FieldIssue[] {
  try {
    parseReportInput(raw, now);
    return [];
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
}

/**
 * Validates and stores a submitted form. Errors come back in the form, with what was typed;
 * nothing is stored then. The same report id twice answers with the same receipt.
 */
export async function submitReport(
  s: BotServices,
  caller: Caller,
  reportId: string,
  inputs: Record<string, unknown>,
  source: Extract<Source, 'bot' | 'message'>,
  mode: 'chat' | 'dialog',
  intro?: CardElement[],
): Promise<SubmitOutcome> {
  const now = s.deps.clock.now();
  const form = readReportForm(inputs);
  const raw = { ...form.raw, reportId };
  const withErrors = (issues: FieldIssue[]): SubmitOutcome => ({
    card: reportFormCard({ reportId, mode, now, values: form.values, errors: issuesByField(issues), intro }),
  });
  if (form.issues.length > 0) {
    // The form's own problems first; the domain's for other fields alongside.
    const fields = new Set(form.issues.map((i) => i.field));
    return withErrors([...form.issues, ...domainIssues(raw, now).filter((i) => !fields.has(i.field))]);
  }
  try {
    const { incident, created } = await reportIncident(s.deps, caller, raw, source);
    return { card: receiptCard(incident, now, { again: !created }), incident };
  } catch (error) {
    if (error instanceof ValidationError) return withErrors(error.issues);
    // Too many in a row: the form comes back as it was typed, saying when to send it again.
    if (error instanceof RateLimited) return { card: reportFormCard({ reportId, mode, now, values: form.values, intro, problem: error.message }) };
    throw error;
  }
}
