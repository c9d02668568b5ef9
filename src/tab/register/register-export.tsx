/** The export of the whole register as CSV or Excel, fetched with the API's credentials. */
import { Link, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import { useApi } from '../api/pui-api';
import { useFileDownload } from '../components/save-file';
import { useStrings } from '../i18n';
import { Section } from '../incident/section';
import { registerStrings } from './register-strings';
import { useRegisterStyles } from './register-styles';

export function ExportSection() {
  const api = useApi();
  const t = useStrings(registerStrings);
  const styles = useRegisterStyles();
  const { busy, error, download: fetchAndSave } = useFileDownload();

  function download(event: MouseEvent, format: 'csv' | 'xlsx') {
    event.preventDefault();
    return fetchAndSave(() => api.exportRegister(format), `pui-register.${format}`);
  }

  return (
    <Section id="export" heading={t.export}>
      <p>{t.exportIntro}</p>
      <div className={styles.links}>
        <Link href={api.exportUrl('csv')} download onClick={(e) => void download(e, 'csv')}>
          {t.csv}
        </Link>
        <Link href={api.exportUrl('xlsx')} download onClick={(e) => void download(e, 'xlsx')}>
          {t.xlsx}
        </Link>
        {busy ? <Spinner size="tiny" label={t.downloading} /> : null}
      </div>
      {error ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{error.message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </Section>
  );
}
