/** What the pane read from the mail and what the scan found, shown to the user only. */
import { Badge, Caption1, Subtitle2 } from '@fluentui/react-components';
import { formatStockholm } from '../../domain/stockholm-time';
import type { MailSnapshot } from '../mail-item';
import { formatSize } from '../prefill';
import type { RecipientInfo, RecipientSummary } from '../recipients';
import type { ScanResult } from '../scanner';
import { stringsFor, type Locale } from '../strings';
import { usePaneStyles } from './styles';

/** Props of {@link MailSummary}. */
export interface MailSummaryProps {
  mail: MailSnapshot;
  recipients: RecipientSummary;
  scan: ScanResult;
  locale: Locale;
}

function Recipient({ r, locale }: { r: RecipientInfo; locale: Locale }) {
  const t = stringsFor(locale);
  const styles = usePaneStyles();
  return (
    <li className={styles.recipient} data-testid="recipient" data-external={r.external ? 'true' : 'false'}>
      <span>{r.name ? `${r.name} <${r.address}>` : r.address}</span>
      <Badge appearance={r.external ? 'filled' : 'outline'} color={r.external ? 'danger' : 'informative'}>
        {r.external ? t.external : t.internal}
      </Badge>
    </li>
  );
}

/** The mail's headers, recipients (external ones marked), attachments and the scan's counts. */
export function MailSummary({ mail, recipients, scan, locale }: MailSummaryProps) {
  const t = stringsFor(locale);
  const styles = usePaneStyles();
  const to = recipients.recipients.filter((r) => r.field === 'to');
  const cc = recipients.recipients.filter((r) => r.field === 'cc');
  return (
    <>
      <section className={styles.section} aria-labelledby="mail-heading">
        <Subtitle2 as="h2" id="mail-heading">
          {t.mailHeading}: {mail.direction === 'sent' ? t.sentByYou : t.receivedByYou}
        </Subtitle2>
        <dl className={styles.facts}>
          <dt className={styles.term}>{t.subject}</dt>
          <dd className={styles.detail}>{mail.subject}</dd>
          <dt className={styles.term}>{t.from}</dt>
          <dd className={styles.detail}>
            {mail.from.name ? `${mail.from.name} <${mail.from.address}>` : mail.from.address}
          </dd>
          <dt className={styles.term}>{t.to}</dt>
          <dd className={styles.detail}>
            <ul className={styles.plainList}>
              {to.map((r) => (
                <Recipient key={`to-${r.address}`} r={r} locale={locale} />
              ))}
            </ul>
          </dd>
          {cc.length > 0 && (
            <>
              <dt className={styles.term}>{t.cc}</dt>
              <dd className={styles.detail}>
                <ul className={styles.plainList}>
                  {cc.map((r) => (
                    <Recipient key={`cc-${r.address}`} r={r} locale={locale} />
                  ))}
                </ul>
              </dd>
            </>
          )}
          {mail.sentAt && (
            <>
              <dt className={styles.term}>{t.sent}</dt>
              <dd className={styles.detail}>{formatStockholm(mail.sentAt)}</dd>
            </>
          )}
          <dt className={styles.term}>{t.attachments}</dt>
          <dd className={styles.detail}>
            {mail.attachments.length === 0 ? (
              t.noAttachments
            ) : (
              <ul className={styles.list}>
                {mail.attachments.map((a, i) => (
                  <li key={`${i}-${a.name}`}>
                    {a.name} ({formatSize(a.size, locale)})
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </section>
      <section className={styles.section} aria-labelledby="scan-heading">
        <Subtitle2 as="h2" id="scan-heading">
          {t.scanHeading}
        </Subtitle2>
        <dl className={styles.facts} data-testid="scan-result">
          <dt className={styles.term}>{t.scanPersonnummer}</dt>
          <dd className={styles.detail} data-testid="scan-personnummer">
            {scan.personnummer}
          </dd>
          <dt className={styles.term}>{t.scanSamordningsnummer}</dt>
          <dd className={styles.detail} data-testid="scan-samordningsnummer">
            {scan.samordningsnummer}
          </dd>
          <dt className={styles.term}>{t.scanHealth}</dt>
          <dd className={styles.detail} data-testid="scan-health">
            {scan.sensitive.health}
          </dd>
          <dt className={styles.term}>{t.scanSocial}</dt>
          <dd className={styles.detail} data-testid="scan-social-services">
            {scan.sensitive['social-services']}
          </dd>
          <dt className={styles.term}>{t.scanChildren}</dt>
          <dd className={styles.detail} data-testid="scan-children">
            {scan.sensitive.children}
          </dd>
        </dl>
        <Caption1>{t.scanNote}</Caption1>
      </section>
    </>
  );
}
