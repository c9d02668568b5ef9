/** The export of the whole register as CSV or Excel, fetched with the API's credentials. */
import { Link, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useState, type MouseEvent } from 'react';
import { useApi } from '../api/pui-api';
import { saveFile } from '../components/save-file';
import { useStrings } from '../i18n';
import { Section } from '../incident/section';
import { registerStrings } from './register-strings';
import { useRegisterStyles } from './register-styles';

export function ExportSection() {
  const api = useApi();
  const t = useStrings(registerStrings);
  const styles = useRegisterStyles();
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | undefined>();
  const [exportError, setExportError] = useState<Error | undefined>();

  async function download(event: MouseEvent, format: 'csv' | 'xlsx') {
    event.preventDefault();
    setExporting(format);
    setExportError(undefined);
    try {
      const { blob, filename } = await api.exportRegister(format);
      saveFile(blob, filename ?? `pui-register.${format}`);
    } catch (error) {
      setExportError(error as Error);
    } finally {
      setExporting(undefined);
    }
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
        {exporting ? <Spinner size="tiny" label={t.downloading} /> : null}
      </div>
      {exportError ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{exportError.message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </Section>
  );
}
