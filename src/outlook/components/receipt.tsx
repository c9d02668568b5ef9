/** The receipt after a report: its number, the IMY deadline and what to do now. */
import { MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Text } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { formatTimeLeft, timeLeftMs } from '../../domain/deadline';
import { formatStockholm } from '../../domain/stockholm-time';
import type { Incident } from '../../web/api-contract';
import type { MailCase } from '../prefill';
import { stringsFor, type Locale } from '../strings';
import { usePaneStyles } from './styles';

/** What the receipt shows of the stored incident. */
export type SubmittedIncident = Pick<Incident, 'id' | 'number' | 'reportId' | 'deadline' | 'status' | 'discoveredAt'>;

/** Props of {@link Receipt}. */
export interface ReceiptProps {
  incident: SubmittedIncident;
  mailCase: MailCase;
  locale: Locale;
  now: Date;
}

/** The advice for a case, in the pane's language. */
export function adviceFor(mailCase: MailCase, locale: Locale): readonly string[] {
  const t = stringsFor(locale);
  return mailCase === 'sent-to-wrong-recipient'
    ? t.adviceSent
    : mailCase === 'received-by-mistake'
      ? t.adviceReceived
      : t.adviceOther;
}

/** The receipt; takes focus so screen readers announce it. */
export function Receipt({ incident, mailCase, locale, now }: ReceiptProps) {
  const t = stringsFor(locale);
  const styles = usePaneStyles();
  const heading = useRef<HTMLSpanElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className={styles.section} aria-labelledby="receipt-heading" data-testid="receipt">
      <MessageBar layout="multiline" intent="success">
        <MessageBarBody>
          <MessageBarTitle>
            <span id="receipt-heading" ref={heading} tabIndex={-1}>
              {t.receiptTitle}
            </span>
          </MessageBarTitle>
        </MessageBarBody>
      </MessageBar>
      <dl className={styles.stackedFacts}>
        <dt className={styles.term}>{t.receiptNumber}</dt>
        <dd className={`${styles.stackedDetail} ${styles.number}`} data-testid="receipt-number">
          {incident.number}
        </dd>
        <dt className={styles.term}>{t.receiptDeadline}</dt>
        <dd className={styles.stackedDetail} data-testid="receipt-deadline">
          {formatStockholm(incident.deadline)} ({formatTimeLeft(timeLeftMs(incident.deadline, now), locale)})
        </dd>
      </dl>
      <Text>{t.receiptInfo}</Text>
      <Subtitle2 as="h2">{t.adviceHeading}</Subtitle2>
      <ol className={styles.list} data-testid="advice">
        {adviceFor(mailCase, locale).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
    </section>
  );
}
