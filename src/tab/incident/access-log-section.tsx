/** Who read the incident (DPO only): the first page of its access log, newest first. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { AccessLogPage } from '../../web/api-contract';
import { useApi } from '../api/pui-api';
import { displayTime } from '../components/time-input';
import { useStrings } from '../i18n';
import { documentStrings } from './document-strings';
import { incidentStrings } from './incident-strings';
import { Section } from './section';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: { padding: `0 0 ${tokens.spacingVerticalS} 0` },
  time: {
    color: tokens.colorNeutralForeground2,
    fontVariantNumeric: 'tabular-nums',
    marginRight: tokens.spacingHorizontalS,
  },
});

export function AccessLogSection({ incidentId }: { incidentId: string }) {
  const t = useStrings(incidentStrings).accessLog;
  const documents = useStrings(documentStrings);
  const api = useApi();
  const styles = useStyles();
  const [page, setPage] = useState<AccessLogPage | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    api.accessLog(incidentId).then(
      (answer) => live && setPage(answer),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [api, incidentId]);
  return (
    <Section id="access-log" heading={t.heading}>
      <p>{t.intro}</p>
      {failed ? (
        <p role="alert">{t.failed}</p>
      ) : !page ? (
        <p aria-live="polite">{t.loading}</p>
      ) : page.items.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <ol className={styles.list} data-testid="access-log">
          {page.items.map((r) => (
            <li key={r.id} className={styles.item}>
              <time className={styles.time} dateTime={r.at}>
                {displayTime(r.at)}
              </time>
              {t.views[r.view] ?? r.view}
              {r.target ? ` (${documents.names[r.target] ?? r.target})` : ''}: {r.actorName} (
              {t.roles[r.actorRole] ?? r.actorRole})
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
