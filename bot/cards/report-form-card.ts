/**
 * The report form: in the personal chat (Universal Actions) and in the message action's dialog
 * (Action.Submit). Short first: what happened in one line, a short description and when it was
 * discovered (now by default); *Fler uppgifter* opens the rest on the card itself. Validation errors
 * are shown next to their fields, with what was typed kept.
 * @remarks Dates and times are text inputs in the Swedish form (2026-11-20, 14:30), checked by the
 * client with a pattern: Input.Date and Input.Time show the client's locale (11/20/2026 in an English
 * Teams), which beside "svensk tid" reads wrong. The ids stay those of the date and time inputs.
 */
import {
  BREACH_TYPES,
  DATA_CATEGORIES,
  formatStockholm,
  LIMITS,
  REPORT_MESSAGES,
  REPORTER_CAUSES,
  type Locale,
} from '../../src/domain';
import {
  card,
  execute,
  heading,
  submit,
  text,
  type AdaptiveCard,
  type CardElement,
  type Container,
} from './adaptive-card';
import { REPORT_CARD_STRINGS } from './report-strings';

/** The form's fields, named as the domain's report fields where they are one input. */
export type FormField =
  | 'title'
  | 'description'
  | 'discoveredAt'
  | 'occurredAt'
  | 'breachTypes'
  | 'dataCategories'
  | 'affectedCount'
  | 'cause'
  | 'measures';

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

/** The fields behind *Fler uppgifter*. */
const MORE_FIELDS: readonly FormField[] = [
  'occurredAt',
  'breachTypes',
  'dataCategories',
  'affectedCount',
  'cause',
  'measures',
];
const MORE_VALUES: readonly (keyof FormValues)[] = [
  'occurredDate',
  'occurredTime',
  'breachTypes',
  'dataCategories',
  'affectedCount',
  'cause',
  'measures',
];

/** The id of the container *Fler uppgifter* shows and hides. */
export const MORE_DETAILS_ID = 'moreDetails';

/** A date as the client checks it before sending: `2026-11-20` (the domain then checks it is a real day). */
const DATE_PATTERN = '^\\s*\\d{4}-\\d{2}-\\d{2}\\s*$';
const OPTIONAL_DATE_PATTERN = '^\\s*(\\d{4}-\\d{2}-\\d{2})?\\s*$';
const OPTIONAL_TIME_PATTERN = '^\\s*(\\d{2}[:.]\\d{2})?\\s*$';

export interface ReportFormOptions {
  reportId: string;
  /** `chat`: Action.Execute in the personal chat. `dialog`: Action.Submit in the message action's dialog. */
  mode: 'chat' | 'dialog';
  now: Date;
  /** The Teams client's language; Swedish by default. */
  locale?: Locale;
  values?: Partial<FormValues>;
  /** Messages per field, shown under it. */
  errors?: Partial<Record<FormField, string[]>>;
  /** Notes per field that are not errors (the masked identity number in the title). */
  notes?: Partial<Record<FormField, string[]>>;
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

function noteBlock(messages: string[] | undefined): CardElement[] {
  // `attention`, not `warning`: Teams' light warning yellow on white is below 4.5:1 contrast.
  return (messages ?? []).map((m) => text(m, { color: 'attention', weight: 'bolder', size: 'small', spacing: 'none' }));
}

function hint(value: string): CardElement {
  return text(value, { isSubtle: true, size: 'small', spacing: 'none' });
}

/** The report form card. */
export function reportFormCard(options: ReportFormOptions): AdaptiveCard {
  const locale = options.locale ?? 'sv';
  const t = REPORT_CARD_STRINGS[locale];
  const f = t.fields;
  const v = options.values ?? {};
  const errors = options.errors ?? {};
  const notes = options.notes ?? {};
  const now = stockholmInputValues(options.now);
  const hasErrors = Object.values(errors).some((m) => m && m.length > 0);
  // The details stay open when they hold something: what was typed there, or an error to see.
  const moreOpen =
    MORE_VALUES.some((key) => (v[key] ?? '').trim() !== '') ||
    MORE_FIELDS.some((field) => (errors[field] ?? []).length > 0);

  const body: CardElement[] = [heading(t.reportIncident)];
  if (hasErrors || options.problem) {
    const summary: Container = {
      type: 'Container',
      style: 'attention',
      // Default text on the attention background: attention red on its own pink is below 4.5:1 contrast.
      items: [text(options.problem ?? t.notSent, { weight: 'bolder' })],
    };
    body.push(summary);
  }
  body.push(...(options.intro ?? []));
  body.push(
    text(t.intro, { isSubtle: true, size: 'small' }),
    {
      type: 'Input.Text',
      id: 'title',
      label: f.title,
      isRequired: true,
      errorMessage: REPORT_MESSAGES.titleRequired[locale],
      maxLength: LIMITS.title,
      placeholder: t.titlePlaceholder,
      value: v.title,
    },
    hint(t.titleLimit),
    ...noteBlock(notes.title),
    ...errorBlock(errors.title),
    {
      type: 'Input.Text',
      id: 'description',
      label: f.description,
      isRequired: true,
      errorMessage: REPORT_MESSAGES.descriptionRequired[locale],
      isMultiline: true,
      maxLength: LIMITS.description,
      placeholder: t.descriptionPlaceholder,
      value: v.description,
    },
    hint(t.descriptionLimit),
    ...errorBlock(errors.description),
    {
      type: 'Input.Text',
      id: 'discoveredDate',
      label: t.dateLabel(f.discoveredAt),
      isRequired: true,
      regex: DATE_PATTERN,
      errorMessage: t.dateFormat,
      placeholder: t.datePlaceholder,
      value: v.discoveredDate ?? now.date,
    },
    {
      type: 'Input.Text',
      id: 'discoveredTime',
      label: t.timeLabel,
      regex: OPTIONAL_TIME_PATTERN,
      errorMessage: t.timeFormat,
      placeholder: t.timePlaceholder,
      value: v.discoveredTime ?? now.time,
    },
    ...errorBlock(errors.discoveredAt),
    text(t.moreHint, { isSubtle: true, size: 'small', spacing: 'medium' }),
    {
      type: 'ActionSet',
      actions: [{ type: 'Action.ToggleVisibility', title: t.moreDetails, targetElements: [MORE_DETAILS_ID] }],
    },
    {
      type: 'Container',
      id: MORE_DETAILS_ID,
      isVisible: moreOpen,
      items: [
        {
          type: 'Input.Text',
          id: 'occurredDate',
          label: t.dateLabel(`${f.occurredAt} ${f.occurredAtHint}`),
          regex: OPTIONAL_DATE_PATTERN,
          errorMessage: t.dateFormat,
          placeholder: t.datePlaceholder,
          value: v.occurredDate,
        },
        {
          type: 'Input.Text',
          id: 'occurredTime',
          label: t.timeLabel,
          regex: OPTIONAL_TIME_PATTERN,
          errorMessage: t.timeFormat,
          placeholder: t.timePlaceholder,
          value: v.occurredTime,
        },
        ...errorBlock(errors.occurredAt),
        {
          type: 'Input.ChoiceSet',
          id: 'breachTypes',
          label: f.breachTypes,
          isMultiSelect: true,
          style: 'expanded',
          wrap: true,
          choices: BREACH_TYPES.map((b) => ({ title: locale === 'en' ? b.labelEn : b.label, value: b.id })),
          value: v.breachTypes,
        },
        ...errorBlock(errors.breachTypes),
        {
          type: 'Input.ChoiceSet',
          id: 'dataCategories',
          label: f.dataCategories,
          isMultiSelect: true,
          style: 'expanded',
          wrap: true,
          choices: DATA_CATEGORIES.map((d) => ({ title: locale === 'en' ? d.labelEn : d.label, value: d.id })),
          value: v.dataCategories,
        },
        ...errorBlock(errors.dataCategories),
        {
          type: 'Input.Number',
          id: 'affectedCount',
          label: f.affectedCount,
          min: 0,
          max: LIMITS.affectedCount,
          value: numberOrUndefined(v.affectedCount),
        },
        hint(f.affectedCountHint),
        ...errorBlock(errors.affectedCount),
        {
          type: 'Input.ChoiceSet',
          id: 'cause',
          label: f.cause,
          style: 'compact',
          placeholder: t.causePlaceholder,
          choices: REPORTER_CAUSES.map((c) => ({ title: locale === 'en' ? c.labelEn : c.label, value: c.id })),
          value: v.cause,
        },
        ...errorBlock(errors.cause),
        {
          type: 'Input.Text',
          id: 'measures',
          label: f.measures,
          isMultiline: true,
          maxLength: LIMITS.measures,
          placeholder: f.measuresHint,
          value: v.measures,
        },
        hint(t.measuresLimit),
        ...errorBlock(errors.measures),
      ],
    },
  );
  // The card's language travels with its submit: the client's locale may differ (the Playground always says en-US).
  const data = { verb: 'report.submit', reportId: options.reportId, lang: locale } as const;
  const action =
    options.mode === 'chat'
      ? execute(t.submitReport, data, { style: 'positive' })
      : submit(t.submitReport, data, { style: 'positive' });
  return card(body, { actions: [action], fallbackText: t.fallback });
}

function numberOrUndefined(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
