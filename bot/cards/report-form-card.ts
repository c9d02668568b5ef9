/**
 * The report form: in the personal chat (Universal Actions) and in the message action's dialog
 * (Action.Submit). Validation errors are shown next to their fields, with what was typed kept.
 */
import { BREACH_TYPES, CAUSES, DATA_CATEGORIES, formatStockholm, LIMITS, TERMS } from '../../src/domain';
import {
  card, execute, heading, submit, text, type AdaptiveCard, type CardElement, type Container,
} from './adaptive-card';

/** The form's fields, named as the domain's report fields where they are one input. */
export type FormField =
  | 'title' | 'description' | 'discoveredAt' | 'occurredAt' | 'breachTypes' | 'dataCategories'
  | 'affectedCount' | 'cause' | 'measures';

/** What the form shows in its inputs (as the client sends them back: strings). */
export interface FormValues {
  title: string;
  description: string;
  discoveredDate: string;
  discoveredTime: string;
  occurredDate: string;
  occurredTime: string;
  breachTypes: string;
  dataCategories: string;
  affectedCount: string;
  cause: string;
  measures: string;
}

export interface ReportFormOptions {
  reportId: string;
  /** `chat`: Action.Execute in the personal chat. `dialog`: Action.Submit in the message action's dialog. */
  mode: 'chat' | 'dialog';
  now: Date;
  values?: Partial<FormValues>;
  /** Messages per field, shown under it. */
  errors?: Partial<Record<FormField, string[]>>;
  /** Shown above the form (the message action's warning). */
  intro?: CardElement[];
  /** Why the report was not sent, when it is not the fields (too many reports in a row). */
  problem?: string;
}

/** The current Stockholm date and time as the form's date and time inputs want them. */
export function stockholmInputValues(at: Date | string): { date: string; time: string } {
  const [date, time] = formatStockholm(at).split(' ');
  return { date, time };
}

function errorBlock(messages: string[] | undefined): CardElement[] {
  return (messages ?? []).map((m) => text(m, { color: 'attention', size: 'small', spacing: 'none' }));
}

/** The report form card. */
export function reportFormCard(options: ReportFormOptions): AdaptiveCard {
  const v = options.values ?? {};
  const errors = options.errors ?? {};
  const now = stockholmInputValues(options.now);
  const hasErrors = Object.values(errors).some((m) => m && m.length > 0);

  const body: CardElement[] = [heading(TERMS.sv.reportIncident)];
  if (hasErrors || options.problem) {
    const summary: Container = {
      type: 'Container',
      style: 'attention',
      items: [text(options.problem ?? 'Rapporten är inte skickad. Rätta det som är markerat och skicka igen.', { weight: 'bolder', color: 'attention' })],
    };
    body.push(summary);
  }
  body.push(...(options.intro ?? []));
  body.push(
    text('Skriv bara det som behövs för att förstå vad som hänt. Skriv inga personnummer och inga namn på de drabbade.', { isSubtle: true, size: 'small' }),
    { type: 'Input.Text', id: 'title', label: 'Rubrik', isRequired: true, errorMessage: 'Skriv en rubrik.', maxLength: LIMITS.title, placeholder: 'Till exempel: Utredning skickad till fel mottagare', value: v.title },
    ...errorBlock(errors.title),
    { type: 'Input.Text', id: 'description', label: 'Vad har hänt?', isRequired: true, errorMessage: 'Beskriv vad som hänt.', isMultiline: true, maxLength: LIMITS.description, value: v.description },
    ...errorBlock(errors.description),
    { type: 'Input.Date', id: 'discoveredDate', label: 'När upptäcktes incidenten? (datum)', isRequired: true, errorMessage: 'Ange datum.', value: v.discoveredDate ?? now.date, max: now.date },
    { type: 'Input.Time', id: 'discoveredTime', label: 'Klockslag', value: v.discoveredTime ?? now.time },
    ...errorBlock(errors.discoveredAt),
    { type: 'Input.Date', id: 'occurredDate', label: 'När inträffade den? (om du vet)', value: v.occurredDate, max: now.date },
    { type: 'Input.Time', id: 'occurredTime', label: 'Klockslag', value: v.occurredTime },
    ...errorBlock(errors.occurredAt),
    {
      type: 'Input.ChoiceSet', id: 'breachTypes', label: 'Vad har hänt med uppgifterna?', isMultiSelect: true, style: 'expanded', wrap: true,
      choices: BREACH_TYPES.map((b) => ({ title: b.label, value: b.id })), value: v.breachTypes,
    },
    ...errorBlock(errors.breachTypes),
    {
      type: 'Input.ChoiceSet', id: 'dataCategories', label: 'Vilka slags uppgifter gäller det?', isMultiSelect: true, style: 'expanded', wrap: true,
      choices: DATA_CATEGORIES.map((d) => ({ title: d.label, value: d.id })), value: v.dataCategories,
    },
    ...errorBlock(errors.dataCategories),
    { type: 'Input.Number', id: 'affectedCount', label: 'Ungefär hur många personer berörs?', min: 0, max: LIMITS.affectedCount, value: numberOrUndefined(v.affectedCount) },
    ...errorBlock(errors.affectedCount),
    {
      type: 'Input.ChoiceSet', id: 'cause', label: 'Varför hände det, tror du?', style: 'compact', placeholder: 'Välj en orsak',
      choices: CAUSES.map((c) => ({ title: c.label, value: c.id })), value: v.cause,
    },
    ...errorBlock(errors.cause),
    { type: 'Input.Text', id: 'measures', label: 'Vad har gjorts hittills?', isMultiline: true, maxLength: LIMITS.measures, placeholder: 'Till exempel: bett mottagaren radera mejlet', value: v.measures },
    ...errorBlock(errors.measures),
  );
  const data = { verb: 'report.submit', reportId: options.reportId } as const;
  const action = options.mode === 'chat' ? execute(TERMS.sv.submitReport, data, { style: 'positive' }) : submit(TERMS.sv.submitReport, data, { style: 'positive' });
  return card(body, { actions: [action], fallbackText: 'Formulär för att rapportera en personuppgiftsincident.' });
}

function numberOrUndefined(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
