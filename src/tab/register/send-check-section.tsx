/**
 * The register page's numbers of the check on Send (docs/outlook-add-in.md, "Counting"): per
 * month, mails alerted on, changed after the alert, and sent anyway at least and at most — a table a screen
 * reader reads by month and column, with what each number can and cannot say.
 */
import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { SendCheckCounts } from '../../web/api-contract';
import { useApi } from '../api/pui-api';
import { commonStrings } from '../common-strings';
import { LoadError } from '../components/load-error';
import { useStrings } from '../i18n';
import { Section } from '../incident/section';
import { monthLabel, registerStrings } from './register-strings';
import { sendCheckStrings } from './send-check-strings';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', maxWidth: '44rem' },
  caption: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    paddingBottom: tokens.spacingVerticalS,
  },
  cell: {
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  rowHeader: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, color: tokens.colorNeutralForeground2 },
});

/** The table's number columns: each heading's string and the month's figure under it. */
const COLUMNS: readonly {
  head: 'fired' | 'changed' | 'sentAnywayAtLeast' | 'sentAnyway';
  value: (m: SendCheckCounts['months'][number]) => number;
}[] = [
  { head: 'fired', value: (m) => m.fired },
  { head: 'changed', value: (m) => m.changed },
  { head: 'sentAnywayAtLeast', value: (m) => m.sentAnyway },
  { head: 'sentAnyway', value: (m) => m.sentAnywayAtMost },
];

function MonthsTable({ counts }: { counts: SendCheckCounts }) {
  const t = useStrings(sendCheckStrings);
  const names = useStrings(registerStrings).months;
  const styles = useStyles();
  return (
    <table className={styles.table} data-testid="send-check-counts">
      <caption className={styles.caption}>{t.caption}</caption>
      <thead>
        <tr>
          <th scope="col" className={styles.rowHeader}>
            {t.month}
          </th>
          {COLUMNS.map((c) => (
            <th key={c.head} scope="col" className={styles.cell}>
              {t[c.head]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...counts.months].reverse().map((m) => (
          <tr key={m.month}>
            <th scope="row" className={styles.rowHeader}>
              {monthLabel(names, m.month)}
            </th>
            {COLUMNS.map((c) => (
              <td key={c.head} className={styles.cell}>
                {c.value(m)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SendCheckSection() {
  const api = useApi();
  const t = useStrings(sendCheckStrings);
  const common = useStrings(commonStrings);
  const styles = useStyles();
  const [counts, setCounts] = useState<SendCheckCounts | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const load = useCallback(() => {
    setError(undefined);
    api.sendCheckCounts().then(setCounts, setError);
  }, [api]);
  useEffect(load, [load]);

  return (
    <Section id="send-check" heading={t.heading}>
      <p>{t.intro}</p>
      {error ? <LoadError error={error} onRetry={load} /> : null}
      {!counts && !error ? <Spinner label={common.loading} /> : null}
      {counts && counts.months.every((m) => m.fired + m.changed + m.sentAnyway === 0) ? <p>{t.none}</p> : null}
      {counts ? <MonthsTable counts={counts} /> : null}
      <ul className={styles.notes}>
        <li>{t.firedMeans}</li>
        <li>{t.changedMeans}</li>
        <li>{t.sentAnywayAtLeastMeans}</li>
        <li>{t.sentAnywayMeans}</li>
        <li>{t.lowerBound}</li>
      </ul>
    </Section>
  );
}
