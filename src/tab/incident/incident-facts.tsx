/** Every field of the incident, as a description list. */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { causeLabel } from '../../domain/causes';
import { BREACH_TYPES, DATA_CATEGORIES, labelOf } from '../../domain/vocabulary';
import type { Incident } from '../../web/api-contract';
import { commonStrings } from '../common-strings';
import { statusLabel } from '../components/status-text';
import { displayTime } from '../components/time-input';
import { useLocale, useStrings } from '../i18n';
import { incidentStrings } from './incident-strings';
import { Section } from './section';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(10rem, max-content) 1fr',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    '& dt': { fontWeight: tokens.fontWeightSemibold },
    '& dd': { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
    '@media (max-width: 480px)': { gridTemplateColumns: '1fr', '& dd': { marginBottom: tokens.spacingVerticalS } },
  },
});

export function IncidentFacts({ incident: i }: { incident: Incident }) {
  const t = useStrings(incidentStrings).facts;
  const common = useStrings(commonStrings);
  const locale = useLocale();
  const styles = useStyles();
  const yesNo = (v: boolean | null) => (v === true ? t.yes : v === false ? t.no : t.unanswered);
  const rows: [string, ReactNode][] = [
    [t.title, i.title],
    [t.description, i.description],
    [t.status, statusLabel(i.status, locale)],
    [t.discoveredAt, displayTime(i.discoveredAt)],
    [t.occurredAt, displayTime(i.occurredAt)],
    [t.endedAt, displayTime(i.endedAt)],
    [t.awareAt, displayTime(i.awareAt)],
    [
      t.breachTypes,
      i.breachTypes.length ? i.breachTypes.map((b) => labelOf(BREACH_TYPES, b, locale)).join('; ') : t.notGiven,
    ],
    [
      t.dataCategories,
      i.dataCategories.length
        ? i.dataCategories.map((c) => labelOf(DATA_CATEGORIES, c, locale)).join('; ')
        : t.notGiven,
    ],
    [t.affectedCount, i.affectedCount ?? t.notGiven],
    [t.cause, i.cause ? causeLabel(i.cause, locale) : t.notGiven],
    [t.measures, i.measures ?? t.notGiven],
    [t.unit, i.unit ?? t.notGiven],
    [t.source, common.sources[i.source]],
    [t.reporter, i.reporter.name],
    [t.reportedToAuthority, yesNo(i.reportedToAuthority)],
    [t.createdAt, displayTime(i.createdAt)],
    ...(i.closedAt
      ? [[t.closedAt, `${displayTime(i.closedAt)}${i.closedBy ? `, ${i.closedBy.name}` : ''}`] as [string, ReactNode]]
      : []),
  ];
  return (
    <Section id="facts" heading={t.heading}>
      <dl className={styles.list}>
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}
