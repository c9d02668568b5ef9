/** My reports: the caller's incidents with their status and what happens next. */
import { Link, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Incident } from '../../web/api-contract';
import { useApi } from '../api/pui-api';
import { commonStrings } from '../common-strings';
import { LoadError } from '../components/load-error';
import { PageHeading } from '../components/page-heading';
import { nextStep, statusLabel } from '../components/status-text';
import { displayTime } from '../components/time-input';
import { useLocale, useStrings, type Localized } from '../i18n';
import { hrefOf } from '../routing';

const strings: Localized<{
  title: string;
  intro: string;
  none: string;
  report: string;
  number: string;
  discovered: string;
  status: string;
  next: string;
  list: string;
}> = {
  sv: {
    title: 'Mina rapporter',
    intro: 'Incidenter som du har rapporterat, den senaste först.',
    none: 'Du har inte rapporterat någon incident.',
    report: 'Rapportera en incident',
    number: 'Nummer',
    discovered: 'Upptäckt',
    status: 'Status',
    next: 'Vad händer nu',
    list: 'Dina rapporter',
  },
  en: {
    title: 'My reports',
    intro: 'Incidents you have reported, the latest first.',
    none: 'You have not reported any incident.',
    report: 'Report an incident',
    number: 'Number',
    discovered: 'Discovered',
    status: 'Status',
    next: 'What happens next',
    list: 'Your reports',
  },
};

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '52rem',
  },
  item: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
  },
  itemTitle: {
    margin: `0 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `0 ${tokens.spacingHorizontalXL}`,
    margin: 0,
    '& dt': { fontWeight: tokens.fontWeightSemibold, display: 'inline' },
    '& dd': { display: 'inline', margin: `0 0 0 ${tokens.spacingHorizontalXS}` },
  },
  next: { margin: `${tokens.spacingVerticalS} 0 0` },
});

export function MyReportsPage() {
  const api = useApi();
  const locale = useLocale();
  const t = useStrings(strings);
  const common = useStrings(commonStrings);
  const styles = useStyles();
  const [items, setItems] = useState<Incident[] | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const load = useCallback(() => {
    setError(undefined);
    api.myIncidents().then(setItems, setError);
  }, [api]);
  useEffect(load, [load]);

  return (
    <section>
      <PageHeading title={t.title}>{t.title}</PageHeading>
      <p>
        {t.intro} {common.timesInStockholm}
      </p>
      {error ? <LoadError error={error} onRetry={load} /> : null}
      {!items && !error ? <Spinner label={common.loading} /> : null}
      {items && items.length === 0 ? (
        <p>
          {t.none} <Link href={hrefOf({ page: 'report' })}>{t.report}</Link>
        </p>
      ) : null}
      {items && items.length > 0 ? (
        <ul className={styles.list} aria-label={t.list}>
          {items.map((i) => (
            <li key={i.id} className={styles.item}>
              <h2 className={styles.itemTitle}>
                <Link href={hrefOf({ page: 'incident', id: i.number })}>{i.number}</Link> {i.title}
              </h2>
              <dl className={styles.facts}>
                <div>
                  <dt>{t.status}:</dt>
                  <dd>{statusLabel(i.status, locale)}</dd>
                </div>
                <div>
                  <dt>{t.discovered}:</dt>
                  <dd>{displayTime(i.discoveredAt)}</dd>
                </div>
              </dl>
              <p className={styles.next}>
                <strong>{t.next}:</strong> {nextStep(i, locale)}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
