/**
 * The letter to the data subjects (art. 34) in its track: the server's letter (one rule, the
 * domain's, with the DPO's contact settings and the configured template) in Swedish or English,
 * to copy or to download as Word. Showing it records nothing on the incident; the access log
 * records the read.
 */
import {
  Link,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Field,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type MouseEvent } from 'react';
import type { Incident } from '../../web/api-contract';
import { useApi } from '../api/pui-api';
import { useFileDownload } from '../components/save-file';
import { useStrings } from '../i18n';
import { CopyableText } from './copyable-text';
import { documentStrings } from './document-strings';
import { useFormStyles } from './section';
import { useTracks } from './track';
import { useNoticeText } from './use-notice-text';

const useStyles = makeStyles({
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

function WordDownload({ incident, lang }: { incident: Incident; lang: 'sv' | 'en' }) {
  const api = useApi();
  const t = useStrings(documentStrings).letter;
  const { busy, error, download: fetchAndSave } = useFileDownload();
  function download(event: MouseEvent) {
    event.preventDefault();
    return fetchAndSave(() => api.letterDocument(incident.id, lang), `${incident.number}-art34-${lang}.docx`);
  }
  return (
    <>
      <Link href={api.letterDocumentUrl(incident.id, lang)} download onClick={(e) => void download(e)}>
        {t.download}
      </Link>
      {busy ? <Spinner size="tiny" label={t.downloading} /> : null}
      {error ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{error.message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}

export function Art34LetterSection({ incident }: { incident: Incident }) {
  const t = useStrings(documentStrings).letter;
  const styles = useStyles();
  const form = useFormStyles();
  // Swedish unless the DPO chooses English: the letter goes to people in a Swedish municipality.
  const [lang, setLang] = useState<'sv' | 'en'>('sv');
  const open = useTracks().isOpen('subjects');
  const { state, retry } = useNoticeText(incident, { kind: 'art34', lang }, open);
  return (
    <div data-testid="art34-letter">
      <h3 className={styles.subheading}>{t.heading}</h3>
      <p className={form.muted}>{t.intro}</p>
      {incident.assessment?.risk !== 'high' ? <p>{t.notHigh}</p> : null}
      <Field label={t.language}>
        <RadioGroup layout="horizontal" value={lang} onChange={(_, d) => setLang(d.value === 'en' ? 'en' : 'sv')}>
          <Radio value="sv" label={t.swedish} />
          <Radio value="en" label={t.english} />
        </RadioGroup>
      </Field>
      <CopyableText
        state={state}
        onRetry={retry}
        label={t.textLabel}
        copy={{ button: t.copy, copied: t.copied, failed: t.copyFailed }}
        testId="art34-text"
        actions={<WordDownload incident={incident} lang={lang} />}
      />
    </div>
  );
}
