/** The 72-hour clock on screen: time left, overdue in red, or why the clock has stopped. */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { formatTimeLeft, isOverdue, timeLeftMs } from '../../domain/deadline';
import { clockRunning, type Incident } from '../../domain/incident';
import { commonStrings } from '../common-strings';
import { useLocale, useStrings } from '../i18n';

/** The current time, renewed every `intervalMs` (default half a minute: the clock shows minutes). */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

const useStyles = makeStyles({
  running: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  soon: { fontWeight: tokens.fontWeightSemibold },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightBold },
  stopped: { color: tokens.colorNeutralForeground3 },
});

/** Less than this left: shown in bold. */
const SOON_MS = 12 * 60 * 60 * 1000;

export type ClockedIncident = Pick<Incident, 'deadline' | 'status' | 'imyNotice' | 'assessment'> &
  Partial<Pick<Incident, 'linkedTo'>>;

/** Time left until the IMY deadline (`2 d 5 h kvar`, `försenad 3 h`), or what stopped the clock. */
export function Countdown({ incident, now }: { incident: ClockedIncident; now: Date }) {
  const locale = useLocale();
  const t = useStrings(commonStrings);
  const styles = useStyles();
  if (!clockRunning(incident)) {
    const reason =
      incident.status === 'closed'
        ? t.clockStopped.closed
        : incident.linkedTo
          ? t.clockFollows(incident.linkedTo.number)
          : incident.imyNotice
            ? t.clockStopped.notified
            : t.clockStopped['not-required'];
    return (
      <span className={styles.stopped} data-clock="stopped">
        {reason}
      </span>
    );
  }
  const ms = timeLeftMs(incident.deadline, now);
  const overdue = isOverdue(ms);
  return (
    <span
      className={mergeClasses(styles.running, ms < SOON_MS && styles.soon, overdue && styles.overdue)}
      data-clock={overdue ? 'overdue' : 'running'}
    >
      {overdue ? <span aria-hidden="true">⚠ </span> : null}
      {formatTimeLeft(ms, locale)}
    </span>
  );
}
