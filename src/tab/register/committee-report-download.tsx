/**
 * The committee report of the chosen half-year as a Word document (the API's
 * `GET /api/register/report?format=docx`), with the ärendebeteckning typed in. The server checks
 * the case number; its message (in the tab's language) is shown at the field.
 */
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { CASE_NUMBER_MAX } from '../../domain/committee-report';
import { ApiError } from '../../web/api-error';
import { useApi } from '../api/pui-api';
import { useFileDownload } from '../components/save-file';
import { useStrings } from '../i18n';
import { registerStrings } from './register-strings';
import { useRegisterStyles } from './register-styles';

export function CommitteeReportDownload({ period }: { period: { from: string; to: string } }) {
  const api = useApi();
  const t = useStrings(registerStrings);
  const styles = useRegisterStyles();
  const [caseNumber, setCaseNumber] = useState('');
  const { busy, error, clearError, download: fetchAndSave } = useFileDownload();
  const fieldError =
    error instanceof ApiError ? error.issues.find((i) => i.field === 'caseNumber')?.message : undefined;

  function download(event: FormEvent) {
    event.preventDefault();
    return fetchAndSave(() => api.committeeReport(period, caseNumber), 'redovisning-pui.docx');
  }

  return (
    <form className={styles.document} onSubmit={(e) => void download(e)} aria-label={t.documentForm}>
      <Field
        label={t.caseNumber}
        hint={t.caseNumberHint}
        validationState={fieldError ? 'error' : 'none'}
        validationMessage={fieldError}
        className={styles.period}
      >
        <Input
          value={caseNumber}
          maxLength={CASE_NUMBER_MAX}
          onChange={(_, d) => {
            setCaseNumber(d.value);
            clearError();
          }}
        />
      </Field>
      <div className={styles.links}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t.downloadReport}
        </Button>
        {busy ? <Spinner size="tiny" label={t.downloading} /> : null}
      </div>
      {error && !fieldError ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{error.message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </form>
  );
}
