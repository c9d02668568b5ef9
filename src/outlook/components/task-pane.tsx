/** The task pane once the mail is read: summary, prefilled form, submit, receipt. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiClient, ApiError, apiBaseOf } from '../../web/api-client';
import type { ReportRequest } from '../../web/api-contract';
import { HttpPuiApi } from '../../web/pui-api';
import type { SignInState } from '../../web/sign-in';
import type { ClientConfig } from '../../web/client-config';
import type { MailSnapshot } from '../mail-item';
import { newReportId } from '../../domain/report-form';
import {
  changeCase,
  draftToRequest,
  prefillDraft,
  type MailCase,
  type PrefillSource,
  type ReportDraft,
} from '../prefill';
import { organisationDomains, summariseRecipients } from '../recipients';
import { scanMail } from '../scanner';
import { stringsFor, type Locale } from '../strings';
import { MailSummary } from './mail-summary';
import { Receipt, type SubmittedIncident } from './receipt';
import { ReportForm, type FieldMessages } from './report-form';
import { usePaneStyles } from './styles';

/** Sends a report; the default posts to the API next to the page. */
export type SubmitFn = (
  request: ReportRequest,
  token: string | undefined,
  locale: Locale,
) => Promise<SubmittedIncident>;

/** Props of {@link TaskPane}. */
export interface TaskPaneProps {
  config: ClientConfig;
  mail: MailSnapshot;
  auth: SignInState;
  locale: Locale;
  /** The page's URL; the API is found relative to it. */
  pageUrl: string;
  submit?: SubmitFn;
  now?: () => Date;
}

const DRAFT_FIELDS = new Set<string>([
  'title',
  'description',
  'occurredAt',
  'discoveredAt',
  'breachTypes',
  'dataCategories',
  'affectedCount',
  'cause',
  'measures',
  'unit',
]);

/** The task pane for one mail. */
export function TaskPane({ config, mail, auth, locale, pageUrl, submit, now = () => new Date() }: TaskPaneProps) {
  const t = stringsFor(locale);
  const styles = usePaneStyles();
  const [openedAt] = useState(now);
  const scan = useMemo(() => scanMail(mail), [mail]);
  const recipients = useMemo(
    () => summariseRecipients(mail, organisationDomains(config.organisationDomains, mail.userAddress)),
    [mail, config.organisationDomains],
  );
  const source: PrefillSource = useMemo(
    () => ({ mail, scan, recipients, now: openedAt, locale }),
    [mail, scan, recipients, openedAt, locale],
  );
  const [draft, setDraft] = useState<ReportDraft>(() => prefillDraft(source));
  const edited = useRef(new Set<keyof ReportDraft>());
  // One id per report: a retry after a lost answer is recognised by the server, not stored twice.
  const [reportId] = useState(() => newReportId('outlook'));
  const [messages, setMessages] = useState<FieldMessages>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [submitting, setSubmitting] = useState(false);
  const [receipt, setReceipt] = useState<SubmittedIncident | undefined>();

  // A language switch re-derives the texts the user has not edited.
  const firstLocale = useRef(locale);
  useEffect(() => {
    if (firstLocale.current === locale) return;
    firstLocale.current = locale;
    setDraft((d) => changeCase(d, d.mailCase, source, edited.current));
  }, [locale, source]);

  const send: SubmitFn =
    submit ??
    ((request, token, lang) =>
      new HttpPuiApi(
        new ApiClient({ locale: lang, token: async () => token, baseUrl: apiBaseOf(pageUrl) }),
        'outlook',
      ).report(request));
  const canSubmit = auth.kind === 'local' || auth.kind === 'signed-in';

  const onSubmit = async () => {
    const { request, issues } = draftToRequest(draft, reportId, locale, now(), source.mail.internetMessageId);
    setFailure(undefined);
    if (!request) {
      setMessages(Object.fromEntries(issues.map((i) => [i.field, i.message])));
      return;
    }
    setMessages({});
    setSubmitting(true);
    try {
      const token = canSubmit ? await auth.getToken() : undefined;
      setReceipt(await send(request, token, locale));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'network') {
        setFailure(`${t.networkError} ${t.retry}`);
      } else if (error instanceof ApiError) {
        const fieldIssues = error.issues.filter((i) => DRAFT_FIELDS.has(i.field));
        setMessages(Object.fromEntries(fieldIssues.map((i) => [i.field, i.message])));
        setFailure(fieldIssues.length > 0 ? t.fixFields : error.message);
      } else {
        setFailure(error instanceof Error ? error.message : String(error));
      }
    } finally {
      setSubmitting(false);
    }
  };

  if (receipt) return <Receipt incident={receipt} mailCase={draft.mailCase} locale={locale} now={now()} />;

  return (
    <div className={styles.section}>
      <MailSummary mail={mail} recipients={recipients} scan={scan} locale={locale} />
      {failure && (
        <MessageBar layout="multiline" intent="error" role="alert" data-testid="submit-failure">
          <MessageBarBody>
            <MessageBarTitle>{t.submitFailedTitle}</MessageBarTitle> {failure}
          </MessageBarBody>
        </MessageBar>
      )}
      <ReportForm
        draft={draft}
        locale={locale}
        messages={messages}
        submitting={submitting}
        canSubmit={canSubmit}
        onChange={(field, value) => {
          edited.current.add(field);
          setDraft((d) => ({ ...d, [field]: value }));
        }}
        onCaseChange={(mailCase: MailCase) => setDraft((d) => changeCase(d, mailCase, source, edited.current))}
        onSubmit={() => void onSubmit()}
      />
    </div>
  );
}
