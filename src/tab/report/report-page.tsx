/**
 * The report page: the same fields as the bot's card, validated field by field with the
 * domain's rules, a draft kept across a reload, and a receipt with number and deadline.
 */
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { PageHeading } from '../components/page-heading';
import { useStrings } from '../i18n';
import { draftTouched } from './report-draft';
import { KindFields, MoreFields, TitleField, WhatFields } from './report-fields';
import { ErrorSummary, SendFailed } from './report-messages';
import { ReportReceipt } from './report-receipt';
import { reportStrings } from './report-strings';
import { useReportForm } from './use-report-form';

export { fieldId } from './use-report-form';

const useStyles = makeStyles({
  page: { maxWidth: '46rem' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, marginTop: tokens.spacingVerticalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** The first time the report form is on screen (read by bench/tab-bench.ts). */
export const FIRST_RENDER_MARK = 'pui-desk:report-form-rendered';

export function ReportPage() {
  const t = useStrings(reportStrings);
  const styles = useStyles();
  const form = useReportForm();

  useEffect(() => {
    performance.mark?.(FIRST_RENDER_MARK);
  }, []);

  if (form.receipt) return <ReportReceipt incident={form.receipt} onAnother={form.startAgain} />;

  return (
    <div className={styles.page}>
      <PageHeading title={t.title}>{t.title}</PageHeading>
      <p>{t.intro}</p>
      {form.restored && draftTouched(form.restored) ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.draftRestored}</MessageBarBody>
        </MessageBar>
      ) : null}
      <ErrorSummary form={form} />
      <SendFailed error={form.sendError} />

      <form className={styles.form} onSubmit={form.submit} noValidate aria-describedby="report-required-note">
        <p id="report-required-note" className={styles.note}>
          {t.requiredNote}
        </p>
        <TitleField form={form} />
        <WhatFields form={form} />
        <KindFields form={form} />
        <MoreFields form={form} />
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={form.sending}>
            {form.sending ? t.sending : t.submit}
          </Button>
          <Button type="button" onClick={form.startAgain} disabled={form.sending}>
            {t.clear}
          </Button>
          {form.sending ? <Spinner size="tiny" aria-hidden="true" /> : null}
        </div>
        <p className={styles.note} aria-live="polite">
          {form.kept ? t.draftKept : t.draftNotKept}
        </p>
      </form>
    </div>
  );
}
