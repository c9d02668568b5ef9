/**
 * The DPO's board: what needs the DPO today at a glance – counts of overdue, due within 24 h and
 * each status at the top; every open incident with its next duty, overdue and due-today first,
 * with a live countdown; filters for status, source, unit and owner, kept for next time; search
 * by number or title. Reports possibly of one event are marked, with a button that links one to
 * the first; linked reports are shown under their main. `#/board?numbers=…` (the digest's link)
 * shows just those incidents.
 * @remarks A plain table of links and native form controls: every part is reachable with Tab,
 * and `/` moves focus to the search field.
 */
import { Link, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { STATUSES } from '../../domain/vocabulary';
import { ApiError } from '../../web/api-client';
import type { Incident } from '../../web/api-contract';
import { useApi } from '../api/pui-api';
import { commonStrings } from '../common-strings';
import { useNow } from '../components/countdown';
import { LoadError } from '../components/load-error';
import { PageHeading } from '../components/page-heading';
import { useLocale, useStrings } from '../i18n';
import { BoardFilterBar } from './board-filter-bar';
import { boardStrings } from './board-strings';
import { hrefOf } from '../routing';
import { BoardTable, type OnLink } from './board-table';
import { boardCounts, boardMarks, boardRows, filterChoices, type BoardCounts } from './board-view';
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

/** Links a report from the board's mark, then reloads; says what came of it. */
function useBoardLink(reload: () => void) {
  const api = useApi();
  const t = useStrings(boardStrings);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>();
  const onLink: OnLink = (incident, mainNumber) => {
    setBusy(true);
    setOutcome(undefined);
    api
      .change(incident.id, 'link', { mainNumber }, incident.etag)
      .then(
        () => {
          setOutcome({ ok: true, text: t.linkedDone(incident.number, mainNumber) });
          reload();
        },
        (error: unknown) => {
          if (!(error instanceof ApiError)) throw error;
          setOutcome({ ok: false, text: error.issues[0]?.message ?? error.message });
        },
      )
      .finally(() => setBusy(false));
  };
  return { busy, outcome, onLink };
}

/** The digest's numbers: which are shown, which are not among the incidents loaded. */
function OnlyNumbers({ numbers, items }: { numbers: readonly string[]; items: readonly Incident[] }) {
  const t = useStrings(boardStrings);
  const loaded = new Set(items.map((i) => i.number));
  const missing = numbers.filter((n) => !loaded.has(n));
  return (
    <MessageBar intent="info" layout="multiline" data-testid="board-numbers">
      <MessageBarBody>
        {t.onlyNumbers(numbers.length - missing.length)} {missing.length ? t.missingNumbers(missing.join(', ')) : ''}{' '}
        <Link href={hrefOf({ page: 'board' })}>{t.showAll}</Link>
      </MessageBarBody>
    </MessageBar>
  );
}

export function BoardPage({ numbers }: { numbers?: string[] } = {}) {
  const t = useStrings(boardStrings);
  const common = useStrings(commonStrings);
  const styles = useStyles();
  const now = useNow();
  const kept = useBoardFilters();
  const { data, error, load } = useBoardData(kept.showClosed);
  const link = useBoardLink(load);
  const choices = useMemo(() => filterChoices(data?.items ?? []), [data]);
  const rows = useMemo(
    () => boardRows(data?.items ?? [], kept.filters, now, numbers),
    [data, kept.filters, now, numbers],
  );
  const marks = useMemo(() => boardMarks(data?.items ?? []), [data]);
  const counts = boardCounts(rows, now);

  return (
    <section>
      <PageHeading title={t.title}>{t.title}</PageHeading>
      <p>
        {t.intro} {common.timesInStockholm}
      </p>
      {data ? <Glance counts={counts} showClosed={kept.showClosed} /> : null}
      {numbers && data ? <OnlyNumbers numbers={numbers} items={data.items} /> : null}
      {numbers ? null : <BoardFilterBar kept={kept} choices={choices} />}
      {error ? <LoadError error={error} onRetry={load} /> : null}
      {!data && !error ? <Spinner label={common.loading} /> : null}
      <p role="status" className={styles.summary} data-testid="board-link-outcome">
        {link.outcome?.ok ? link.outcome.text : ''}
      </p>
      {link.outcome && !link.outcome.ok ? (
        <p role="alert" className={styles.urgent}>
          {link.outcome.text}
        </p>
      ) : null}
      {data ? (
        <>
          <p className={styles.summary} aria-live="polite" data-testid="board-summary">
            {t.shown(rows.length, data.items.length)} {t.overdueCount(counts.overdue)}
          </p>
          {data.truncated ? <p>{t.truncated}</p> : null}
          {rows.length === 0 ? (
            <p>{data.items.length === 0 ? t.empty : t.none}</p>
          ) : (
            <BoardTable rows={rows} now={now} marks={marks} onLink={link.onLink} busy={link.busy} />
          )}
        </>
      ) : null}
    </section>
  );
}
