/** The report form's fields, in the order a caseworker knows them. */
import { Button, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { REPORTER_CAUSES } from '../../domain/causes';
import { findIdentityNumbers, maskIdentityNumbers } from '../../domain/identity-number';
import { LIMITS } from '../../domain/report-input';
import { TERMS } from '../../domain/terms';
import { BREACH_TYPES, DATA_CATEGORIES } from '../../domain/vocabulary';
import { CheckboxGroup } from '../components/checkbox-group';
import { TimeField } from '../components/time-field';
import { useLocale, useStrings } from '../i18n';
import type { ReportDraft } from './report-draft';
import { reportStrings } from './report-strings';
import { fieldId, type ReportForm } from './use-report-form';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalL,
    '> *': { flex: '1 1 16rem' },
  },
  mask: { alignSelf: 'flex-start' },
});

/** The title, with a warning and a one-click mask when it holds an identity number. */
export function TitleField({ form }: { form: ReportForm }) {
  const t = useStrings(reportStrings);
  const locale = useLocale();
  const styles = useStyles();
  const [masked, setMasked] = useState(false);
  const { draft, shown } = form;
  const numbers = findIdentityNumbers(draft.title);
  return (
    <>
      <Field
        label={t.fields.title}
        required
        hint={`${t.fields.titleHint} ${TERMS[locale].maxCharacters(LIMITS.title)}`}
        validationState={shown('title') ? 'error' : numbers.length ? 'warning' : 'none'}
        validationMessage={shown('title') ?? (numbers.length ? t.identityWarning : masked ? t.masked : undefined)}
      >
        <Input
          id={fieldId('title')}
          value={draft.title}
          maxLength={LIMITS.title}
          onChange={(_, d) => {
            setMasked(false);
            form.update('title', d.value);
          }}
        />
      </Field>
      {numbers.length ? (
        <Button
          className={styles.mask}
          onClick={() => {
            form.update('title', maskIdentityNumbers(draft.title));
            setMasked(true);
            document.getElementById(fieldId('title'))?.focus();
          }}
        >
          {t.maskIdentity}
        </Button>
      ) : null}
    </>
  );
}

/** What happened and when. */
export function WhatFields({ form }: { form: ReportForm }) {
  const t = useStrings(reportStrings);
  const locale = useLocale();
  const styles = useStyles();
  const { draft, update, shown } = form;
  return (
    <>
      <Field
        label={t.fields.description}
        required
        hint={`${t.fields.descriptionHint} ${TERMS[locale].maxCharacters(LIMITS.description)}`}
        validationMessage={shown('description')}
      >
        <Textarea
          id={fieldId('description')}
          maxLength={LIMITS.description}
          value={draft.description}
          resize="vertical"
          rows={5}
          onChange={(_, d) => update('description', d.value)}
        />
      </Field>
      <div className={styles.row}>
        <TimeField
          id={fieldId('discoveredAt')}
          label={t.fields.discoveredAt}
          required
          hint={t.fields.discoveredAtHint}
          error={shown('discoveredAt')}
          value={draft.discoveredAt}
          onChange={(v) => update('discoveredAt', v)}
          checkOnLeave={false}
        />
        <TimeField
          id={fieldId('occurredAt')}
          label={t.fields.occurredAt}
          hint={t.fields.occurredAtHint}
          error={shown('occurredAt')}
          value={draft.occurredAt}
          onChange={(v) => update('occurredAt', v)}
          checkOnLeave={false}
        />
      </div>
    </>
  );
}

/** Which kinds of breach and of data. */
export function KindFields({ form }: { form: ReportForm }) {
  const t = useStrings(reportStrings);
  const locale = useLocale();
  const { draft, update, shown } = form;
  return (
    <>
      <CheckboxGroup
        legend={t.fields.breachTypes}
        firstId={fieldId('breachTypes')}
        error={shown('breachTypes')}
        options={BREACH_TYPES.map((b) => ({ id: b.id, label: locale === 'en' ? b.labelEn : b.label }))}
        value={draft.breachTypes}
        onChange={(v) => update('breachTypes', v)}
      />
      <CheckboxGroup
        legend={t.fields.dataCategories}
        firstId={fieldId('dataCategories')}
        error={shown('dataCategories')}
        options={DATA_CATEGORIES.map((c) => ({ id: c.id, label: locale === 'en' ? c.labelEn : c.label }))}
        value={draft.dataCategories}
        onChange={(v) => update('dataCategories', v)}
      />
    </>
  );
}

/** How many, where, why, and what has been done. */
export function MoreFields({ form }: { form: ReportForm }) {
  const t = useStrings(reportStrings);
  const locale = useLocale();
  const styles = useStyles();
  const { draft, update, shown } = form;
  return (
    <>
      <div className={styles.row}>
        <Field
          label={t.fields.affectedCount}
          hint={t.fields.affectedCountHint}
          validationMessage={shown('affectedCount')}
        >
          <Input
            id={fieldId('affectedCount')}
            inputMode="numeric"
            value={draft.affectedCount}
            onChange={(_, d) => update('affectedCount', d.value)}
          />
        </Field>
        <Field label={t.fields.unit} validationMessage={shown('unit')}>
          <Input
            id={fieldId('unit')}
            maxLength={LIMITS.unit}
            value={draft.unit}
            onChange={(_, d) => update('unit', d.value)}
          />
        </Field>
      </div>
      <Field label={t.fields.cause} validationMessage={shown('cause')}>
        <Select
          id={fieldId('cause')}
          value={draft.cause}
          onChange={(_, d) => update('cause', d.value as ReportDraft['cause'])}
        >
          <option value="">{t.fields.causeNotKnown}</option>
          {REPORTER_CAUSES.map((c) => (
            <option key={c.id} value={c.id}>
              {locale === 'en' ? c.labelEn : c.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t.fields.measures}
        hint={`${t.fields.measuresHint} ${TERMS[locale].maxCharacters(LIMITS.measures)}`}
        validationMessage={shown('measures')}
      >
        <Textarea
          id={fieldId('measures')}
          maxLength={LIMITS.measures}
          value={draft.measures}
          resize="vertical"
          rows={3}
          onChange={(_, d) => update('measures', d.value)}
        />
      </Field>
    </>
  );
}
