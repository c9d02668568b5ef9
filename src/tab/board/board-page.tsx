/**
 * The DPO's board: every open incident by deadline with a live countdown (overdue in red),
 * filters for status, source, unit and owner, and search by number or title.
 * @remarks A plain table of links and native form controls: every part is reachable with Tab,
 * and `/` moves focus to the search field.
 */
import { Button, Checkbox, Field, Input, Link, Select, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isOverdue, timeLeftMs } from '../../domain/deadline';
import { maskPersonalData } from '../../domain/identity-number';
import { clockRunning } from '../../domain/incident';
import { SOURCES, STATUSES, type Source, type Status } from '../../domain/vocabulary';
import type { Incident } from '../api/api-types';
import { useApi } from '../api/pui-api';
import { commonStrings } from '../common-strings';
import { Countdown, useNow } from '../components/countdown';
import { LoadError } from '../components/load-error';
import { PageHeading } from '../components/page-heading';
import { statusLabel } from '../components/status-text';
import { displayTime } from '../components/time-input';
import { useLocale, useStrings } from '../i18n';
import { hrefOf } from '../routing';
import { useSession } from '../session';
import { boardStrings } from './board-strings';
import { boardRows, filterChoices, NO_FILTERS, NO_OWNER, type BoardFilters } from './board-view';

const FILTERS_KEY = 'pui-desk.board-filters';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end', margin: `${tokens.spacingVerticalM} 0` },
  search: { flex: '2 1 16rem' },
  select: { flex: '1 1 10rem' },
  summary: { margin: `${tokens.spacingVerticalS} 0` },
  wrap: { overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse', width: '100%', backgroundColor: tokens.colorNeutralBackground1,
    '& th, & td': { textAlign: 'left', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' },
    '& th': { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3 },
  },
  caption: { position: 'absolute', left: '-10000px', width: '1px', height: '1px', overflow: 'hidden' },
  overdueRow: { boxShadow: `inset 4px 0 0 ${tokens.colorPaletteRedBorder2}` },
  number: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
});

function readFilters(): BoardFilters {
  try {
    const raw = window.sessionStorage.getItem(FILTERS_KEY);
    return raw ? { ...NO_FILTERS, ...(JSON.parse(raw) as Partial<BoardFilters>) } : NO_FILTERS;
  } catch (error) {
    console.warn('PUI Desk: the board filters could not be restored.', error);
    return NO_FILTERS;
  }
}

function keepFilters(filters: BoardFilters): void {
  try {
    window.sessionStorage.setItem(FILTERS_KEY, JSON.stringify(filters));
  } catch (error) {
    console.warn('PUI Desk: the board filters cannot be kept.', error);
  }
}

export function BoardPage() {
  const api = useApi();
  const locale = useLocale();
  const t = useStrings(boardStrings);
  const common = useStrings(commonStrings);
  const styles = useStyles();
  const { me } = useSession();
  const now = useNow();
  const [filters, setFilters] = useState<BoardFilters>(readFilters);
  const [showClosed, setShowClosed] = useState(false);
  const [data, setData] = useState<{ items: Incident[]; truncated: boolean } | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const searchRef = useRef<HTMLInputElement>(null);

  const load = useCallback(() => {
    setError(undefined);
    setData(undefined);
    api.allIncidents(!showClosed).then(setData, setError);
  }, [api, showClosed]);
  useEffect(load, [load]);
  useEffect(() => keepFilters(filters), [filters]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const choices = useMemo(() => filterChoices(data?.items ?? []), [data]);
  const rows = useMemo(() => boardRows(data?.items ?? [], filters), [data, filters]);
  const overdue = rows.filter((i) => clockRunning(i) && isOverdue(timeLeftMs(i.deadline, now))).length;
  const set = <K extends keyof BoardFilters>(key: K, value: BoardFilters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    <section>
      <PageHeading title={t.title}>{t.title}</PageHeading>
      <p>{t.intro} {common.timesInStockholm}</p>

      <div role="search" aria-label={t.filters} className={styles.filters}>
        <Field label={t.search} className={styles.search}>
          <Input ref={searchRef} type="search" value={filters.search} aria-keyshortcuts="/" onChange={(_, d) => set('search', d.value)} />
        </Field>
        <Field label={t.status} className={styles.select}>
          <Select value={filters.status} onChange={(_, d) => set('status', d.value as Status | '')}>
            <option value="">{t.all}</option>
            {STATUSES.filter((s) => showClosed || s.id !== 'closed').map((s) => (
              <option key={s.id} value={s.id}>{locale === 'en' ? s.labelEn : s.label}</option>
            ))}
          </Select>
        </Field>
        <Field label={t.source} className={styles.select}>
          <Select value={filters.source} onChange={(_, d) => set('source', d.value as Source | '')}>
            <option value="">{t.all}</option>
            {SOURCES.map((s) => <option key={s} value={s}>{common.sources[s]}</option>)}
          </Select>
        </Field>
        <Field label={t.unit} className={styles.select}>
          <Select value={filters.unit} onChange={(_, d) => set('unit', d.value)}>
            <option value="">{t.all}</option>
            {choices.units.map((u) => <option key={u} value={u}>{u}</option>)}
          </Select>
        </Field>
        <Field label={t.owner} className={styles.select}>
          <Select value={filters.owner} onChange={(_, d) => set('owner', d.value)}>
            <option value="">{t.all}</option>
            <option value={NO_OWNER}>{common.noOwner}</option>
            {me && !choices.owners.some((o) => o.id === me.id) ? <option value={me.id}>{t.me}</option> : null}
            {choices.owners.map((o) => <option key={o.id} value={o.id}>{o.id === me?.id ? `${o.name} (${t.me})` : o.name}</option>)}
          </Select>
        </Field>
        <Checkbox label={t.showClosed} checked={showClosed} onChange={(_, d) => setShowClosed(d.checked === true)} />
        {filtered ? <Button onClick={() => setFilters(NO_FILTERS)}>{t.clearFilters}</Button> : null}
      </div>

      {error ? <LoadError error={error} onRetry={load} /> : null}
      {!data && !error ? <Spinner label={common.loading} /> : null}
      {data ? (
        <>
          <p className={styles.summary} aria-live="polite" data-testid="board-summary">
            {t.shown(rows.length, data.items.length)} {t.overdueCount(overdue)}
          </p>
          {data.truncated ? <p>{t.truncated}</p> : null}
          {rows.length === 0 ? (
            <p>{data.items.length === 0 ? t.empty : t.none}</p>
          ) : (
            <div className={styles.wrap}>
              <table className={styles.table}>
                <caption className={styles.caption}>{t.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.columns.number}</th>
                    <th scope="col">{t.columns.title}</th>
                    <th scope="col">{t.columns.timeLeft}</th>
                    <th scope="col">{t.columns.deadline}</th>
                    <th scope="col">{t.columns.status}</th>
                    <th scope="col">{t.columns.owner}</th>
                    <th scope="col">{t.columns.source}</th>
                    <th scope="col">{t.columns.unit}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((i) => {
                    const late = clockRunning(i) && isOverdue(timeLeftMs(i.deadline, now));
                    return (
                      <tr key={i.id} className={mergeClasses(late && styles.overdueRow)} data-overdue={late ? 'true' : undefined}>
                        <th scope="row" className={styles.number}>
                          <Link href={hrefOf({ page: 'incident', id: i.number })}>{i.number}</Link>
                        </th>
                        <td>{maskPersonalData(i.title)}</td>
                        <td><Countdown incident={i} now={now} /></td>
                        <td className={styles.number}>{displayTime(i.deadline)}</td>
                        <td>{statusLabel(i.status, locale)}</td>
                        <td>{i.owner?.name ?? common.noOwner}</td>
                        <td>{common.sources[i.source]}</td>
                        <td>{i.unit ?? '–'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
