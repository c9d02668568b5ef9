/** The audit trail as a timeline: who did what, when. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { labelOf, RISK_LEVELS } from '../../domain/vocabulary';
import type { AuditEvent } from '../../web/api-contract';
import { displayTime } from '../components/time-input';
import { useLocale, useStrings, type Locale } from '../i18n';
import { incidentStrings } from './incident-strings';
import { Section } from './section';

type TimelineStrings = (typeof incidentStrings)['sv']['timeline'];

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, borderLeft: `2px solid ${tokens.colorNeutralStroke1}` },
  item: { position: 'relative', padding: `0 0 ${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
  time: {
    display: 'block',
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: 'tabular-nums',
  },
  what: { fontWeight: tokens.fontWeightSemibold },
});

/**
 * The non-sensitive details of an event worth showing (risk level, references, a late supplement,
 * the times of awareness and of the end).
 */
function detail(event: AuditEvent, locale: Locale, t: TimelineStrings): string {
  const d = event.data;
  if (event.type === 'assessed' && typeof d.risk === 'string') return labelOf(RISK_LEVELS, d.risk, locale);
  if (
    (event.type === 'imy-notified' || event.type === 'police-report-recorded') &&
    typeof d.reference === 'string' &&
    d.reference
  )
    return d.reference;
  if (event.type === 'awareness-recorded' && typeof d.awareAt === 'string') {
    return typeof d.previousAwareAt === 'string'
      ? `${displayTime(d.previousAwareAt)} → ${displayTime(d.awareAt)}`
      : displayTime(d.awareAt);
  }
  if (event.type === 'ended-recorded' && typeof d.endedAt === 'string') return displayTime(d.endedAt);
  if (event.type === 'imy-supplement-recorded' && d.late === true) return t.supplementLate;
  return '';
}

export function Timeline({ events }: { events: AuditEvent[] }) {
  const t = useStrings(incidentStrings).timeline;
  const locale = useLocale();
  const styles = useStyles();
  return (
    <Section id="timeline" heading={t.heading}>
      <p>{t.intro}</p>
      <ol className={styles.list} data-testid="timeline">
        {events.map((e) => {
          const extra = detail(e, locale, t);
          return (
            <li key={e.id} className={styles.item}>
              <time className={styles.time} dateTime={e.at}>
                {displayTime(e.at)}
              </time>
              <span className={styles.what}>{t.events[e.type] ?? e.type}</span>
              {extra ? `: ${extra}` : ''} {t.by(e.actor.name)}
            </li>
          );
        })}
      </ol>
    </Section>
  );
}
