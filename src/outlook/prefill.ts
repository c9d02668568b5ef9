/**
 * The report form's state, prefilled from the mail and the scan, and its conversion to the
 * API's request body. The description names counts (recipients, attachments, findings),
 * never the mail's content.
 */
import { ValidationError } from '../domain/errors';
import { formIssues, reportFromForm } from '../domain/report-form';
import { isSourceId, parseReportInput } from '../domain/report-input';
import type { ReportRequest } from '../web/api-contract';
import { formatStockholm, stockholmDate, toLocalInput } from '../domain/stockholm-time';
import type { DataCategory } from '../domain/vocabulary';
import type { MailSnapshot } from './mail-item';
import type { RecipientSummary } from './recipients';
import type { ScanResult } from './scanner';
import { stringsFor, type Locale } from './strings';
import type { ReportFields } from '../web/report-fields';

/** What the user says happened to the mail. */
export type MailCase = 'sent-to-wrong-recipient' | 'received-by-mistake' | 'other';

/** The report form's fields (see {@link ReportFields}) and which case the mail is. */
export interface ReportDraft extends ReportFields {
  mailCase: MailCase;
}

/** Everything the prefill is made from. */
export interface PrefillSource {
  mail: MailSnapshot;
  scan: ScanResult;
  recipients: RecipientSummary;
  now: Date;
  locale: Locale;
}

/** The case the mail most likely is: the user's own mail was sent wrong, someone else's was received by mistake. */
export function defaultMailCase(mail: Pick<MailSnapshot, 'direction'>): MailCase {
  return mail.direction === 'sent' ? 'sent-to-wrong-recipient' : 'received-by-mistake';
}

/** `178 kB`, `1,2 MB` (Swedish decimal comma) or `1.2 MB`. */
export function formatSize(bytes: number, locale: Locale): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.round(kb)} kB`;
  const mb = (kb / 1024).toFixed(1);
  return `${locale === 'sv' ? mb.replace('.', ',') : mb} MB`;
}

/** The title for a case. */
export function prefillTitle(
  mailCase: MailCase,
  mail: Pick<MailSnapshot, 'sentAt'>,
  now: Date,
  locale: Locale,
): string {
  const t = stringsFor(locale);
  const date = stockholmDate(mail.sentAt ?? now);
  return mailCase === 'sent-to-wrong-recipient'
    ? t.titleSent(date)
    : mailCase === 'received-by-mistake'
      ? t.titleReceived(date)
      : t.titleOther(date);
}

/** The description template for a case: counts, domains and the message id; no content. */
export function prefillDescription(mailCase: MailCase, source: PrefillSource): string {
  const { mail, scan, recipients, locale } = source;
  const t = stringsFor(locale);
  const lines: string[] = [];
  lines.push(
    mailCase === 'sent-to-wrong-recipient'
      ? t.descSent
      : mailCase === 'received-by-mistake'
        ? t.descReceived
        : t.descOther,
  );
  const facts: string[] = [];
  if (mail.sentAt) facts.push(t.descSentAt(formatStockholm(mail.sentAt)));
  facts.push(
    t.descRecipients(recipients.recipients.length, mail.to.length, mail.cc.length, recipients.external.length),
  );
  if (recipients.externalDomains.length > 0) facts.push(t.descExternalDomains(recipients.externalDomains.join(', ')));
  if (mailCase !== 'sent-to-wrong-recipient' && recipients.senderExternal) facts.push(t.descSenderExternal);
  const totalSize = mail.attachments.reduce((sum, a) => sum + a.size, 0);
  facts.push(t.descAttachments(mail.attachments.length, formatSize(totalSize, locale)));
  lines.push(facts.join(' '));
  lines.push(
    t.descScan(
      scan.personnummer,
      scan.samordningsnummer,
      scan.sensitive.health,
      scan.sensitive['social-services'],
      scan.sensitive.children,
    ),
  );
  if (mail.internetMessageId) lines.push(t.descMessageId(mail.internetMessageId));
  return lines.join('\n\n');
}

/** The data categories the scan suggests. */
export function suggestedCategories(scan: ScanResult): DataCategory[] {
  const categories: DataCategory[] = [];
  if (scan.personnummer + scan.samordningsnummer > 0) categories.push('identity-numbers');
  if (scan.sensitive.health > 0) categories.push('health');
  if (scan.sensitive['social-services'] > 0) categories.push('social-services');
  if (scan.sensitive.children > 0) categories.push('children');
  return categories;
}

/** The prefilled form: source outlook, confidentiality, occurred = sent time, discovered = now, human error. */
export function prefillDraft(source: PrefillSource, mailCase: MailCase = defaultMailCase(source.mail)): ReportDraft {
  const { mail, scan, now, locale } = source;
  return {
    mailCase,
    title: prefillTitle(mailCase, mail, now, locale),
    description: prefillDescription(mailCase, source),
    occurredAt: mail.sentAt && Date.parse(mail.sentAt) <= now.getTime() ? toLocalInput(mail.sentAt) : '',
    discoveredAt: toLocalInput(now),
    breachTypes: ['confidentiality'],
    dataCategories: suggestedCategories(scan),
    affectedCount: scan.distinctIdentityNumbers > 0 ? String(scan.distinctIdentityNumbers) : '',
    cause: 'human-error',
    measures: '',
    unit: '',
  };
}

/** Fields whose text follows the case until the user edits them. */
export const CASE_DEPENDENT_FIELDS = ['title', 'description'] as const;

/** Switches the case, re-deriving the case-dependent fields the user has not edited. */
export function changeCase(
  draft: ReportDraft,
  mailCase: MailCase,
  source: PrefillSource,
  edited: ReadonlySet<keyof ReportDraft>,
): ReportDraft {
  return {
    ...draft,
    mailCase,
    title: edited.has('title') ? draft.title : prefillTitle(mailCase, source.mail, source.now, source.locale),
    description: edited.has('description') ? draft.description : prefillDescription(mailCase, source),
  };
}

/** A problem with one field, found before sending. */
export interface DraftIssue {
  field: keyof ReportDraft;
  message: string;
}

/**
 * Turns the form into the request body, or lists what must be fixed first.
 * @remarks The same conversion as every report form ({@link reportFromForm}) and the server's own
 * validation, so what the pane lets through the API accepts, and the domain's messages, so the pane
 * says what the chat card and the tab say.
 */
export function draftToRequest(
  draft: ReportDraft,
  reportId: string,
  locale: Locale,
  now: Date = new Date(),
  internetMessageId?: string,
): { request: ReportRequest; issues: [] } | { request?: undefined; issues: DraftIssue[] } {
  try {
    const { reportId: _sent, ...input } = parseReportInput(reportFromForm(draft, reportId), now);
    const request: ReportRequest = { reportId, ...input };
    // The mail's Message-ID groups reports of one mail (the sender's and the recipient's); one that
    // does not pass is left out rather than refusing the report.
    if (isSourceId('internetMessageId', internetMessageId)) request.internetMessageId = internetMessageId;
    for (const key of Object.keys(request) as (keyof ReportRequest)[])
      if (request[key] === undefined) delete request[key];
    return { request, issues: [] };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const issues: DraftIssue[] = [];
    for (const i of formIssues(error.issues)) {
      const field = (i.field in draft ? i.field : 'title') as keyof ReportDraft;
      if (issues.some((known) => known.field === field)) continue;
      issues.push({ field, message: locale === 'en' ? i.messageEn : i.message });
    }
    return { issues };
  }
}
