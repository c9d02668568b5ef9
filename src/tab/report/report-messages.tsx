/** What the report form says above the fields: the error summary with links to the fields, and a failed send. */
import { Link, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiError } from '../../web/api-client';
import { useStrings } from '../i18n';
import { REPORT_FIELDS } from './report-draft';
import { reportStrings } from './report-strings';
import { fieldId, type ReportForm } from './use-report-form';

const useStyles = makeStyles({
  summaryList: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

/** Every field with a message, each a link that moves focus to the field. */
export function ErrorSummary({ form }: { form: ReportForm }) {
  const t = useStrings(reportStrings);
  const styles = useStyles();
  const fields = REPORT_FIELDS.filter((f) => form.shown(f));
  if (!form.attempted || fields.length === 0) return null;
  return (
    <div ref={form.summaryRef} tabIndex={-1} data-testid="error-summary">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.summaryTitle(fields.length)}</MessageBarTitle>
          <ul className={styles.summaryList}>
            {fields.map((field) => (
              <li key={field}>
                <Link as="button" type="button" inline onClick={() => document.getElementById(fieldId(field))?.focus()}>
                  {t.fields[field]}: {form.shown(field)}
                </Link>
              </li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}

/** The send failed for a reason that is not one field's: said, and the draft is kept. */
export function SendFailed({ error }: { error: ApiError | undefined }) {
  const t = useStrings(reportStrings);
  if (!error) return null;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t.sendFailedTitle}</MessageBarTitle>
        {error.message} {t.sendFailedKept}
      </MessageBarBody>
    </MessageBar>
  );
}
