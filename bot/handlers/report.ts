/** Reporting from the personal chat and from the message action's dialog: the form and its submit. */
import {
  findIdentityNumbers,
  maskIdentityNumbers,
  newReportId,
  parseReportInput,
  RateLimited,
  ValidationError,
  type Caller,
  type FieldIssue,
  type Incident,
  type Locale,
  type Source,
} from '../../src/domain';
import { reportIncident } from '../../src/use-cases';
import type { AdaptiveCard, CardElement } from '../cards/adaptive-card';
import { receiptCard } from '../cards/receipt-card';
import { reportFormCard, type FormValues } from '../cards/report-form-card';
import { REPORT_CARD_STRINGS } from '../cards/report-strings';
import { issuesByField, readReportForm } from '../report-form';
import type { BotServices } from '../services';

/** A fresh report form in the client's language; its report id makes submitting it twice one incident. */
export function newReportForm(
  s: BotServices,
  mode: 'chat' | 'dialog',
  prefill?: { values?: Partial<FormValues>; intro?: CardElement[] },
  locale: Locale = 'sv',
): AdaptiveCard {
  return reportFormCard({
    reportId: newReportId('bot', s.deps.newId),
    mode,
    now: s.deps.clock.now(),
    locale,
    values: prefill?.values,
    intro: prefill?.intro,
  });
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

/** Where and how a form was sent. */
export interface SubmitContext {
  source: Extract<Source, 'bot' | 'message'>;
  mode: 'chat' | 'dialog';
  /** Shown above the form again if it comes back (the message action's warning). */
  intro?: CardElement[];
  locale?: Locale;
  /** The Teams message reported from (the message action), for grouping reports of one message; never logged. */
  sourceMessageId?: string;
}

/**
 * Validates and stores a submitted form. Errors come back in the form, with what was typed;
 * nothing is stored then. A title that holds an identity number comes back masked, with a note,
 * and is not stored until it is sent again (the title is seen in the DPO channel and in lists).
 * The same report id twice answers with the same receipt.
 */
export async function submitReport(
  s: BotServices,
  caller: Caller,
  reportId: string,
  inputs: Record<string, unknown>,
  context: SubmitContext,
): Promise<SubmitOutcome> {
  const { mode, intro, source } = context;
  const locale = context.locale ?? 'sv';
  const now = s.deps.clock.now();
  const form = readReportForm(inputs);
  const raw: Record<string, unknown> = {
    ...form.raw,
    reportId,
    ...(context.sourceMessageId ? { sourceMessageId: context.sourceMessageId } : {}),
  };
  const t = REPORT_CARD_STRINGS[locale];
  const identityInTitle = typeof raw.title === 'string' && findIdentityNumbers(raw.title).length > 0;
  if (identityInTitle) {
    raw.title = maskIdentityNumbers(raw.title as string);
    form.values.title = raw.title as string;
  }
  const withErrors = (issues: FieldIssue[]): SubmitOutcome => ({
    card: reportFormCard({
      reportId,
      mode,
      now,
      locale,
      values: form.values,
      errors: issuesByField(issues, locale),
      intro,
      notes: identityInTitle ? { title: [t.identityInTitle] } : undefined,
    }),
  });
  if (form.issues.length > 0 || identityInTitle) {
    // The form's own problems first; the domain's for other fields alongside.
    const fields = new Set(form.issues.map((i) => i.field));
    return withErrors([...form.issues, ...domainIssues(raw, now).filter((i) => !fields.has(i.field))]);
  }
  try {
    const { incident, created } = await reportIncident(s.deps, caller, raw, source);
    return { card: receiptCard(incident, now, { again: !created, locale }), incident };
  } catch (error) {
    if (error instanceof ValidationError) return withErrors(error.issues);
    // Too many in a row: the form comes back as it was typed, saying when to send it again.
    if (error instanceof RateLimited)
      return {
        card: reportFormCard({
          reportId,
          mode,
          now,
          locale,
          values: form.values,
          intro,
          problem: locale === 'en' ? error.messageEn : error.message,
        }),
      };
    throw error;
  }
}
