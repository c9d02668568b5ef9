/**
 * The report page: the same fields as the bot's card, validated field by field with the
 * domain's rules, a draft kept across a reload, and a receipt with number and deadline.
 */
import {
  Button, Field, Input, Link, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Textarea, makeStyles, tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { REPORTER_CAUSES } from '../../domain/causes';
import { LIMITS } from '../../domain/report-input';
import { TERMS } from '../../domain/terms';
import { findIdentityNumbers, maskIdentityNumbers } from '../../domain/identity-number';
import { BREACH_TYPES, DATA_CATEGORIES } from '../../domain/vocabulary';
import { ApiError } from '../api/api-client';
import type { Incident } from '../api/api-types';
import { useApi } from '../api/pui-api';
import { CheckboxGroup } from '../components/checkbox-group';
import { TimeField } from '../components/time-field';
import { PageHeading } from '../components/page-heading';
import { useLocale, useStrings } from '../i18n';
import {
  clearDraft, draftToInput, draftTouched, emptyDraft, loadDraft, REPORT_FIELDS, saveDraft, sessionStore, validateDraft,
  type FieldMessages, type ReportDraft, type ReportField,
} from './report-draft';
import { ReportReceipt } from './report-receipt';
import { reportStrings } from './report-strings';

const useStyles = makeStyles({
  page: { maxWidth: '46rem' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, marginTop: tokens.spacingVerticalL },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalL, '> *': { flex: '1 1 16rem' } },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  summaryList: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
  mask: { alignSelf: 'flex-start' },
});

/** Id of a field's control, for labels and the error summary. */
export function fieldId(field: ReportField): string {
  return `report-${field}`;
}

/** The first time the report form is on screen (read by bench/tab-bench.ts). */
export const FIRST_RENDER_MARK = 'pui-desk:report-form-rendered';

export function ReportPage() {
  const api = useApi();
  const locale = useLocale();
  const t = useStrings(reportStrings);
  const styles = useStyles();
  const storage = useMemo(() => sessionStore(), []);
  const [restored] = useState(() => loadDraft(storage));
  const [draft, setDraft] = useState<ReportDraft>(() => restored ?? emptyDraft(new Date()));
  const [touched, setTouched] = useState<ReadonlySet<ReportField>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<ApiError | undefined>();
  const [serverMessages, setServerMessages] = useState<FieldMessages>({});
  const [receipt, setReceipt] = useState<Incident | undefined>();
  const [kept, setKept] = useState(true);
  const [maskedNotice, setMaskedNotice] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    performance.mark?.(FIRST_RENDER_MARK);
  }, []);

  useEffect(() => {
    if (receipt) return;
    if (draftTouched(draft)) {
      setKept(saveDraft(storage, draft));
    } else {
      clearDraft(storage);
      setKept(storage !== undefined);
    }
  }, [draft, storage, receipt]);

  const messages = useMemo(() => ({ ...validateDraft(draft, new Date(), locale), ...serverMessages }), [draft, locale, serverMessages]);
  const shown = (field: ReportField) => (attempted || touched.has(field) ? messages[field] : undefined);
  const shownFields = REPORT_FIELDS.filter((f) => shown(f));
  const identityNumbers = findIdentityNumbers(draft.title);

  function update<K extends ReportField>(field: K, value: ReportDraft[K]) {
    setDraft((d) => ({ ...d, [field]: value }));
    setServerMessages((m) => {
      if (!(field in m)) return m;
      const { [field]: _dropped, ...rest } = m;
      return rest;
    });
    if (field === 'title') setMaskedNotice(false);
  }
  const blur = (field: ReportField) => () => setTouched((s) => (s.has(field) ? s : new Set(s).add(field)));

  function focusField(field: ReportField) {
    document.getElementById(fieldId(field))?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    setSendError(undefined);
    if (Object.values(validateDraft(draft, new Date(), locale)).some(Boolean)) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setSending(true);
    try {
      const incident = await api.report(draftToInput(draft) as Parameters<typeof api.report>[0]);
      clearDraft(storage);
      setReceipt(incident);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const fieldIssues = error.issues.filter((i) => REPORT_FIELDS.includes(i.field as ReportField));
      if (fieldIssues.length > 0) {
        setServerMessages(Object.fromEntries(fieldIssues.map((i) => [i.field, i.message])));
        requestAnimationFrame(() => summaryRef.current?.focus());
      } else {
        setSendError(error);
      }
    } finally {
      setSending(false);
    }
  }

  function startAgain() {
    clearDraft(storage);
    setDraft(emptyDraft(new Date()));
    setTouched(new Set());
    setAttempted(false);
    setServerMessages({});
    setSendError(undefined);
    setReceipt(undefined);
  }

  if (receipt) return <ReportReceipt incident={receipt} onAnother={startAgain} />;

  return (
    <div className={styles.page}>
      <PageHeading title={t.title}>{t.title}</PageHeading>
      <p>{t.intro}</p>
      {restored && draftTouched(restored) ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.draftRestored}</MessageBarBody>
        </MessageBar>
      ) : null}

      {attempted && shownFields.length > 0 ? (
        <div ref={summaryRef} tabIndex={-1} data-testid="error-summary">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.summaryTitle(shownFields.length)}</MessageBarTitle>
              <ul className={styles.summaryList}>
                {shownFields.map((field) => (
                  <li key={field}>
                    <Link as="button" type="button" inline onClick={() => focusField(field)}>
                      {t.fields[field]}: {shown(field)}
                    </Link>
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        </div>
      ) : null}

      {sendError ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.sendFailedTitle}</MessageBarTitle>
            {sendError.message} {t.sendFailedKept}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <form className={styles.form} onSubmit={submit} noValidate aria-describedby="report-required-note">
        <p id="report-required-note" className={styles.note}>{t.requiredNote}</p>

        <Field
          label={t.fields.title}
          required
          hint={`${t.fields.titleHint} ${TERMS[locale].maxCharacters(LIMITS.title)}`}
          validationState={shown('title') ? 'error' : identityNumbers.length ? 'warning' : 'none'}
          validationMessage={shown('title') ?? (identityNumbers.length ? t.identityWarning : maskedNotice ? t.masked : undefined)}
        >
          <Input id={fieldId('title')} value={draft.title} maxLength={LIMITS.title} onChange={(_, d) => update('title', d.value)} onBlur={blur('title')} />
        </Field>
        {identityNumbers.length ? (
          <Button
            className={styles.mask}
            onClick={() => {
              update('title', maskIdentityNumbers(draft.title));
              setMaskedNotice(true);
              focusField('title');
            }}
          >
            {t.maskIdentity}
          </Button>
        ) : null}

        <Field label={t.fields.description} required hint={`${t.fields.descriptionHint} ${TERMS[locale].maxCharacters(LIMITS.description)}`} validationMessage={shown('description')}>
          <Textarea id={fieldId('description')} maxLength={LIMITS.description} value={draft.description} resize="vertical" rows={5} onChange={(_, d) => update('description', d.value)} onBlur={blur('description')} />
        </Field>

        <div className={styles.row}>
          <TimeField
            id={fieldId('discoveredAt')} label={t.fields.discoveredAt} required hint={t.fields.discoveredAtHint} error={shown('discoveredAt')}
            value={draft.discoveredAt} onChange={(v) => update('discoveredAt', v)} onBlur={blur('discoveredAt')}
          />
          <TimeField
            id={fieldId('occurredAt')} label={t.fields.occurredAt} hint={t.fields.occurredAtHint} error={shown('occurredAt')}
            value={draft.occurredAt} onChange={(v) => update('occurredAt', v)} onBlur={blur('occurredAt')}
          />
        </div>

        <CheckboxGroup
          legend={t.fields.breachTypes}
          firstId={fieldId('breachTypes')}
          options={BREACH_TYPES.map((b) => ({ id: b.id, label: locale === 'en' ? b.labelEn : b.label }))}
          value={draft.breachTypes}
          onChange={(v) => update('breachTypes', v)}
          error={shown('breachTypes')}
        />

        <CheckboxGroup
          legend={t.fields.dataCategories}
          firstId={fieldId('dataCategories')}
          options={DATA_CATEGORIES.map((c) => ({ id: c.id, label: locale === 'en' ? c.labelEn : c.label }))}
          value={draft.dataCategories}
          onChange={(v) => update('dataCategories', v)}
          error={shown('dataCategories')}
        />

        <div className={styles.row}>
          <Field label={t.fields.affectedCount} hint={t.fields.affectedCountHint} validationMessage={shown('affectedCount')}>
            <Input id={fieldId('affectedCount')} inputMode="numeric" value={draft.affectedCount} onChange={(_, d) => update('affectedCount', d.value)} onBlur={blur('affectedCount')} />
          </Field>
          <Field label={t.fields.unit} validationMessage={shown('unit')}>
            <Input id={fieldId('unit')} maxLength={LIMITS.unit} value={draft.unit} onChange={(_, d) => update('unit', d.value)} onBlur={blur('unit')} />
          </Field>
        </div>

        <Field label={t.fields.cause} validationMessage={shown('cause')}>
          <Select id={fieldId('cause')} value={draft.cause} onChange={(_, d) => update('cause', d.value as ReportDraft['cause'])}>
            <option value="">{t.fields.causeNotKnown}</option>
            {REPORTER_CAUSES.map((c) => (
              <option key={c.id} value={c.id}>{locale === 'en' ? c.labelEn : c.label}</option>
            ))}
          </Select>
        </Field>

        <Field label={t.fields.measures} hint={`${t.fields.measuresHint} ${TERMS[locale].maxCharacters(LIMITS.measures)}`} validationMessage={shown('measures')}>
          <Textarea id={fieldId('measures')} maxLength={LIMITS.measures} value={draft.measures} resize="vertical" rows={3} onChange={(_, d) => update('measures', d.value)} onBlur={blur('measures')} />
        </Field>

        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={sending}>
            {sending ? t.sending : t.submit}
          </Button>
          <Button type="button" onClick={startAgain} disabled={sending}>{t.clear}</Button>
          {sending ? <Spinner size="tiny" aria-hidden="true" /> : null}
        </div>
        <p className={styles.note} aria-live="polite">{kept ? t.draftKept : t.draftNotKept}</p>
      </form>
    </div>
  );
}
