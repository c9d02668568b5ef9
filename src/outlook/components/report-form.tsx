/** The prefilled report form: every field labelled, errors shown at the field. */
import {
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  Textarea,
  Caption1,
} from '@fluentui/react-components';
import type { FormEvent } from 'react';
import { REPORTER_CAUSES, type CauseId } from '../../domain/causes';
import { LIMITS } from '../../domain/report-input';
import { writtenLocalInput } from '../../domain/stockholm-time';
import { BREACH_TYPES, DATA_CATEGORIES, type BreachType, type DataCategory } from '../../domain/vocabulary';
import type { MailCase, ReportDraft } from '../prefill';
import { stringsFor, type Locale } from '../strings';
import { usePaneStyles } from './styles';

/** Messages per field, from the pane's own checks or the API's validation. */
export type FieldMessages = Partial<Record<keyof ReportDraft, string>>;

/** Props of {@link ReportForm}. */
export interface ReportFormProps {
  draft: ReportDraft;
  locale: Locale;
  messages: FieldMessages;
  submitting: boolean;
  /** False when the report cannot be sent (sign-in not possible). */
  canSubmit: boolean;
  onChange<K extends keyof ReportDraft>(field: K, value: ReportDraft[K]): void;
  onCaseChange(mailCase: MailCase): void;
  onSubmit(): void;
}

function toggle<T extends string>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

/**
 * Times are text in the one written form (2026-11-20 14:30), not `datetime-local`: the pane's
 * browser draws that in its own locale (11/20/2026, 2:30 PM) under a hint that says Swedish time.
 */
const TIME_INPUT = { type: 'text', inputMode: 'numeric', autoComplete: 'off' } as const;

function state(message: string | undefined): 'error' | 'none' {
  return message ? 'error' : 'none';
}

/** The report form. */
export function ReportForm({
  draft,
  locale,
  messages,
  submitting,
  canSubmit,
  onChange,
  onCaseChange,
  onSubmit,
}: ReportFormProps) {
  const t = stringsFor(locale);
  const styles = usePaneStyles();
  const label = (item: { label: string; labelEn: string }) => (locale === 'en' ? item.labelEn : item.label);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!submitting && canSubmit) onSubmit();
  };
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="form-heading">
      <Subtitle2 as="h2" id="form-heading">
        {t.formHeading}
      </Subtitle2>
      <Caption1>{t.formHint}</Caption1>

      <Field label={t.caseLabel}>
        <RadioGroup value={draft.mailCase} onChange={(_, data) => onCaseChange(data.value as MailCase)}>
          <Radio value="sent-to-wrong-recipient" label={t.caseSent} />
          <Radio value="received-by-mistake" label={t.caseReceived} />
          <Radio value="other" label={t.caseOther} />
        </RadioGroup>
      </Field>

      <Field
        label={t.title}
        required
        hint={t.titleHint}
        validationMessage={messages.title}
        validationState={state(messages.title)}
      >
        <Input
          name="title"
          value={draft.title}
          maxLength={LIMITS.title}
          onChange={(_, data) => onChange('title', data.value)}
        />
      </Field>

      <Field
        label={t.description}
        required
        hint={t.descriptionHint}
        validationMessage={messages.description}
        validationState={state(messages.description)}
      >
        <Textarea
          name="description"
          value={draft.description}
          rows={9}
          resize="vertical"
          maxLength={LIMITS.description}
          onChange={(_, data) => onChange('description', data.value)}
        />
      </Field>

      <Field
        label={t.occurredAt}
        hint={t.occurredAtHint}
        validationMessage={messages.occurredAt}
        validationState={state(messages.occurredAt)}
      >
        <Input
          name="occurredAt"
          {...TIME_INPUT}
          placeholder={t.timePlaceholder}
          value={writtenLocalInput(draft.occurredAt)}
          onChange={(_, data) => onChange('occurredAt', data.value)}
        />
      </Field>

      <Field
        label={t.discoveredAt}
        required
        hint={t.discoveredAtHint}
        validationMessage={messages.discoveredAt}
        validationState={state(messages.discoveredAt)}
      >
        <Input
          name="discoveredAt"
          {...TIME_INPUT}
          placeholder={t.timePlaceholder}
          value={writtenLocalInput(draft.discoveredAt)}
          onChange={(_, data) => onChange('discoveredAt', data.value)}
        />
      </Field>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t.breachTypes}</legend>
        {BREACH_TYPES.map((b) => (
          <Checkbox
            key={b.id}
            name="breachTypes"
            value={b.id}
            label={label(b)}
            checked={draft.breachTypes.includes(b.id)}
            onChange={(_, data) =>
              onChange('breachTypes', toggle<BreachType>(draft.breachTypes, b.id, data.checked === true))
            }
          />
        ))}
        {messages.breachTypes && <Caption1 role="alert">{messages.breachTypes}</Caption1>}
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t.dataCategories}</legend>
        {DATA_CATEGORIES.map((c) => (
          <Checkbox
            key={c.id}
            name="dataCategories"
            value={c.id}
            label={label(c)}
            checked={draft.dataCategories.includes(c.id)}
            onChange={(_, data) =>
              onChange('dataCategories', toggle<DataCategory>(draft.dataCategories, c.id, data.checked === true))
            }
          />
        ))}
        {messages.dataCategories && <Caption1 role="alert">{messages.dataCategories}</Caption1>}
      </fieldset>

      <Field
        label={t.affectedCount}
        hint={t.affectedCountHint}
        validationMessage={messages.affectedCount}
        validationState={state(messages.affectedCount)}
      >
        <Input
          name="affectedCount"
          inputMode="numeric"
          value={draft.affectedCount}
          onChange={(_, data) => onChange('affectedCount', data.value)}
        />
      </Field>

      <Field label={t.cause} validationMessage={messages.cause} validationState={state(messages.cause)}>
        <Select
          name="cause"
          className={styles.select}
          select={{ className: styles.selectControl }}
          value={draft.cause}
          onChange={(_, data) => onChange('cause', data.value as CauseId | '')}
        >
          <option value="">{t.causeNone}</option>
          {REPORTER_CAUSES.map((c) => (
            <option key={c.id} value={c.id}>
              {label(c)}
            </option>
          ))}
        </Select>
      </Field>

      <Field
        label={t.measures}
        hint={t.measuresHint}
        validationMessage={messages.measures}
        validationState={state(messages.measures)}
      >
        <Textarea
          name="measures"
          value={draft.measures}
          rows={3}
          resize="vertical"
          maxLength={LIMITS.measures}
          onChange={(_, data) => onChange('measures', data.value)}
        />
      </Field>

      <Field label={t.unit} validationMessage={messages.unit} validationState={state(messages.unit)}>
        <Input
          name="unit"
          value={draft.unit}
          maxLength={LIMITS.unit}
          onChange={(_, data) => onChange('unit', data.value)}
        />
      </Field>

      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          disabled={submitting || !canSubmit}
          icon={submitting ? <Spinner size="tiny" /> : undefined}
        >
          {submitting ? t.submitting : t.submit}
        </Button>
      </div>
    </form>
  );
}
