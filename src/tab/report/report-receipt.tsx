/** The receipt after a report: its number, the IMY deadline, and what happens next. */
import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { Incident } from '../../web/api-contract';
import { Countdown, useNow } from '../components/countdown';
import { displayTime } from '../components/time-input';
import { useStrings } from '../i18n';
import { hrefOf } from '../routing';
import { reportStrings } from './report-strings';

const useStyles = makeStyles({
  receipt: { maxWidth: '46rem', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: {
    fontSize: tokens.fontSizeBase600,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
    ':focus': { outline: 'none' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    '& dd': { margin: 0 },
    '& dt': { fontWeight: tokens.fontWeightSemibold },
  },
  tick: { color: tokens.colorPaletteGreenForeground1 },
  number: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightBold, fontVariantNumeric: 'tabular-nums' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'center', flexWrap: 'wrap' },
});

export function ReportReceipt({ incident, onAnother }: { incident: Incident; onAnother: () => void }) {
  const t = useStrings(reportStrings).receipt;
  const styles = useStyles();
  const now = useNow();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className={styles.receipt} aria-labelledby="receipt-title" data-testid="receipt">
      <h1 id="receipt-title" ref={heading} tabIndex={-1} className={styles.heading}>
        <span aria-hidden="true" className={styles.tick}>
          ✓{' '}
        </span>
        {t.title}
      </h1>
      <dl className={styles.facts}>
        <dt>{t.number}</dt>
        <dd className={styles.number} data-testid="receipt-number">
          {incident.number}
        </dd>
        <dt>{t.deadline}</dt>
        <dd>{displayTime(incident.deadline)}</dd>
        <dt>{t.timeLeft}</dt>
        <dd>
          <Countdown incident={incident} now={now} />
        </dd>
      </dl>
      <p>{t.next}</p>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onAnother}>
          {t.another}
        </Button>
        <Link href={hrefOf({ page: 'mine' })}>{t.mine}</Link>
      </div>
    </section>
  );
}
