/** The board's search and filters; `/` moves focus to the search field. */
import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { SOURCES, STATUSES, type Source, type Status } from '../../domain/vocabulary';
import type { Person } from '../../domain/person';
import { commonStrings } from '../common-strings';
import { useLocale, useStrings } from '../i18n';
import { useSession } from '../session';
import { boardStrings } from './board-strings';
import { NO_FILTERS, NO_OWNER } from './board-view';
import type { useBoardFilters } from './use-board-filters';

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    alignItems: 'flex-end',
    margin: `${tokens.spacingVerticalM} 0`,
  },
  search: { flex: '2 1 16rem' },
  select: { flex: '1 1 10rem' },
});

/** `/` anywhere but in a field focuses the search. */
function useSlashToSearch(search: React.RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        search.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [search]);
}

export interface BoardFilterBarProps {
  kept: ReturnType<typeof useBoardFilters>;
  choices: { units: string[]; owners: Person[] };
}

export function BoardFilterBar({ kept, choices }: BoardFilterBarProps) {
  const t = useStrings(boardStrings);
  const common = useStrings(commonStrings);
  const locale = useLocale();
  const styles = useStyles();
  const { me } = useSession();
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashToSearch(searchRef);
  const { filters, set, showClosed } = kept;
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  return (
    <div role="search" aria-label={t.filters} className={styles.filters}>
      <Field label={t.search} className={styles.search}>
        <Input
          ref={searchRef}
          type="search"
          value={filters.search}
          aria-keyshortcuts="/"
          onChange={(_, d) => set('search', d.value)}
        />
      </Field>
      <Field label={t.status} className={styles.select}>
        <Select value={filters.status} onChange={(_, d) => set('status', d.value as Status | '')}>
          <option value="">{t.all}</option>
          {STATUSES.filter((s) => showClosed || s.id !== 'closed').map((s) => (
            <option key={s.id} value={s.id}>
              {locale === 'en' ? s.labelEn : s.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.source} className={styles.select}>
        <Select value={filters.source} onChange={(_, d) => set('source', d.value as Source | '')}>
          <option value="">{t.all}</option>
          {SOURCES.map((s) => (
            <option key={s} value={s}>
              {common.sources[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.unit} className={styles.select}>
        <Select value={filters.unit} onChange={(_, d) => set('unit', d.value)}>
          <option value="">{t.all}</option>
          {choices.units.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.owner} className={styles.select}>
        <Select value={filters.owner} onChange={(_, d) => set('owner', d.value)}>
          <option value="">{t.all}</option>
          <option value={NO_OWNER}>{common.noOwner}</option>
          {me && !choices.owners.some((o) => o.id === me.id) ? <option value={me.id}>{t.me}</option> : null}
          {choices.owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.id === me?.id ? `${o.name} (${t.me})` : o.name}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox label={t.showClosed} checked={showClosed} onChange={(_, d) => kept.setShowClosed(d.checked === true)} />
      {filtered ? <Button onClick={kept.clear}>{t.clearFilters}</Button> : null}
    </div>
  );
}
