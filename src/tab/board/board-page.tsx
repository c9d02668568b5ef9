/**
 * The DPO's board: what needs the DPO today at a glance – counts of overdue, due within 24 h and
 * each status at the top; every open incident with its next duty, overdue and due-today first,
 * with a live countdown; filters for status, source, unit and owner, kept for next time; search
 * by number or title.
 * @remarks A plain table of links and native form controls: every part is reachable with Tab,
 * and `/` moves focus to the search field.
 */
import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { STATUSES } from '../../domain/vocabulary';
import type { Incident } from '../../web/api-contract';
import { useApi } from '../api/pui-api';
import { commonStrings } from '../common-strings';
import { useNow } from '../components/countdown';
import { LoadError } from '../components/load-error';
import { PageHeading } from '../components/page-heading';
import { useLocale, useStrings } from '../i18n';
import { BoardFilterBar } from './board-filter-bar';
import { boardStrings } from './board-strings';
import { BoardTable } from './board-table';
import { boardCounts, boardRows, filterChoices, type BoardCounts } from './board-view';
import { useBoardFilters } from './use-board-filters';

const useStyles = makeStyles({
  summary: { margin: `${tokens.spacingVerticalS} 0` },
  glance: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXL}`,
    listStyle: 'none',
    padding: 0,
    margin: `${tokens.spacingVerticalS} 0`,
    '& strong': { fontVariantNumeric: 'tabular-nums' },
  },
  urgent: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** Overdue, due within 24 h and the count of each status, in one line. */
function Glance({ counts, showClosed }: { counts: BoardCounts; showClosed: boolean }) {
  const t = useStrings(boardStrings);
  const locale = useLocale();
  const styles = useStyles();
  return (
    <ul className={styles.glance} aria-label={t.glance} data-testid="board-counts">
      <li className={counts.overdue ? styles.urgent : undefined}>{t.glanceOverdue(counts.overdue)}</li>
      <li className={counts.today ? styles.urgent : undefined}>{t.glanceToday(counts.today)}</li>
      {STATUSES.filter((s) => showClosed || s.id !== 'closed').map((s) => (
        <li key={s.id}>
          {locale === 'en' ? s.labelEn : s.label}: <strong>{counts.byStatus[s.id]}</strong>
        </li>
      ))}
    </ul>
  );
}

function useBoardData(showClosed: boolean) {
  const api = useApi();
  const [data, setData] = useState<{ items: Incident[]; truncated: boolean } | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const load = useCallback(() => {
    setError(undefined);
    setData(undefined);
    api.allIncidents(!showClosed).then(setData, setError);
  }, [api, showClosed]);
  useEffect(load, [load]);
  return { data, error, load };
}

export function BoardPage() {
  const t = useStrings(boardStrings);
  const common = useStrings(commonStrings);
  const styles = useStyles();
  const now = useNow();
  const kept = useBoardFilters();
  const { data, error, load } = useBoardData(kept.showClosed);
  const choices = useMemo(() => filterChoices(data?.items ?? []), [data]);
  const rows = useMemo(() => boardRows(data?.items ?? [], kept.filters, now), [data, kept.filters, now]);
  const counts = boardCounts(rows, now);

  return (
    <section>
      <PageHeading title={t.title}>{t.title}</PageHeading>
      <p>
        {t.intro} {common.timesInStockholm}
      </p>
      {data ? <Glance counts={counts} showClosed={kept.showClosed} /> : null}
      <BoardFilterBar kept={kept} choices={choices} />
      {error ? <LoadError error={error} onRetry={load} /> : null}
      {!data && !error ? <Spinner label={common.loading} /> : null}
      {data ? (
        <>
          <p className={styles.summary} aria-live="polite" data-testid="board-summary">
            {t.shown(rows.length, data.items.length)} {t.overdueCount(counts.overdue)}
          </p>
          {data.truncated ? <p>{t.truncated}</p> : null}
          {rows.length === 0 ? (
            <p>{data.items.length === 0 ? t.empty : t.none}</p>
          ) : (
            <BoardTable rows={rows} now={now} />
          )}
        </>
      ) : null}
    </section>
  );
}
