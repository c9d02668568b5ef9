/**
 * The check Outlook runs when the user presses Send (Smart Alerts, `OnMessageSend`): does a mail
 * with identity numbers or sensitive words go to someone outside the organisation? Pure: it gets
 * the mail's parts and the settings, and answers with the alert text or nothing. Runs in the
 * browser/event runtime only; nothing of the mail leaves the client.
 */
import type { MailAddress } from './mail-item';
import { domainOf, isExternalAddress, organisationDomains } from './recipients';
import { scanTexts, type ScanResult } from './scanner';

/** The send check's settings, from the server's config (`SEND_CHECK`, `TRUSTED_EXTERNAL_DOMAINS`, `SENSITIVE_WORDS`). */
export interface SendCheckSettings {
  /** False when `SEND_CHECK=off`: every mail goes without a look. */
  enabled: boolean;
  /** The organisation's mail domains (`ORGANISATION_DOMAINS`); the user's own domain is always added. */
  organisationDomains: string[];
  /** External domains the organisation trusts with personal data (e.g. the region's health services). */
  trustedExternalDomains: string[];
  /** Extra words (lower case) that also count as sensitive, matched anywhere inside a word. */
  sensitiveWords: string[];
  /** Where the handler reports `{ month, kind }` (absolute: `<PUBLIC_URL>/api/send-check/events`); absent: nothing is reported. */
  eventsUrl?: string;
  /** True in the entra profile: the report carries the user's Office SSO token. */
  signIn?: boolean;
}

/** What the check reads of the mail being sent. */
export interface OutgoingMail {
  subject: string;
  body: string;
  attachmentNames: string[];
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  /** The signed-in user's address (their domain is the organisation's). */
  userAddress: string;
}

/** The check's answer: send, or ask the user with this Swedish text. */
export type SendCheckVerdict =
  | { alert: false; reason: 'disabled' | 'no-external-recipient' | 'nothing-sensitive' }
  | {
      alert: true;
      message: string;
      identityNumbers: number;
      sensitiveWords: number;
      externalRecipients: string[];
      sameNameAsInternal: string[];
    };

/** Outlook shows at most 500 characters of `errorMessage`. */
export const ALERT_MESSAGE_LIMIT = 500;

/** The settings when the server gives none: check on, only the user's own domain is internal. */
export const DEFAULT_SEND_CHECK_SETTINGS: SendCheckSettings = {
  enabled: true,
  organisationDomains: [],
  trustedExternalDomains: [],
  sensitiveWords: [],
};

/** Occurrences of each of `words` (lower case) in the text, anywhere inside a word (so compounds count). */
export function countExtraWords(text: string, words: readonly string[]): number {
  if (words.length === 0) return 0;
  const lower = text.toLowerCase();
  let count = 0;
  for (const w of words) for (let i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + w.length)) count++;
  return count;
}

function normalisedName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function isTrusted(address: string, trusted: readonly string[]): boolean {
  const domain = domainOf(address);
  return trusted.some((d) => domain === d || domain.endsWith(`.${d}`));
}

function cleanDomains(list: readonly string[]): string[] {
  return list.map((d) => d.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '')).filter(Boolean);
}

function sensitiveTotal(scan: ScanResult): number {
  return Object.values(scan.sensitive).reduce((a, b) => a + b, 0);
}

function shown(recipient: MailAddress): string {
  return recipient.name && recipient.name !== recipient.address
    ? `${recipient.name} <${recipient.address}>`
    : recipient.address;
}

/** The Swedish alert: how many identity numbers and sensitive words, which external recipients, which share a name with an internal one. */
export function alertMessage(
  counts: { identityNumbers: number; sensitiveWords: number },
  external: MailAddress[],
  sameName: MailAddress[],
): string {
  const found: string[] = [];
  if (counts.identityNumbers > 0)
    found.push(
      counts.identityNumbers === 1
        ? '1 personnummer eller samordningsnummer'
        : `${counts.identityNumbers} personnummer eller samordningsnummer`,
    );
  if (counts.sensitiveWords > 0)
    found.push(
      counts.sensitiveWords === 1
        ? '1 ord som tyder på känsliga uppgifter'
        : `${counts.sensitiveWords} ord som tyder på känsliga uppgifter`,
    );
  const head = `Mejlet innehåller ${found.join(' och ')} och går till ${external.length === 1 ? 'en mottagare' : `${external.length} mottagare`} utanför organisationen: `;
  const warn = sameName.length
    ? ` Obs! ${sameName.map((r) => r.name).join(', ')} har samma namn som en intern mottagare men en extern adress – är det rätt person?`
    : '';
  const tail = ' Kontrollera mottagarna innan du skickar.';
  const budget = ALERT_MESSAGE_LIMIT - head.length - warn.length - tail.length - 1;
  const names: string[] = [];
  let used = 0;
  for (const r of external) {
    const text = shown(r);
    if (used + text.length + 2 > budget) break;
    names.push(text);
    used += text.length + 2;
  }
  const more = external.length - names.length;
  const list = names.join(', ') + (more > 0 ? ` och ${more} till` : '') + '.';
  return (head + list + warn + tail).slice(0, ALERT_MESSAGE_LIMIT);
}

/**
 * Decides whether Outlook should ask before sending. An alert needs both: a recipient outside the
 * organisation and its trusted domains, and identity numbers or sensitive words in the subject,
 * body or attachment names (the task pane's scanner). External recipients who share a display name
 * with an internal recipient of the same mail or with the sender (autocomplete's wrong Anna) are named.
 */
export function checkOutgoingMail(mail: OutgoingMail, settings: SendCheckSettings): SendCheckVerdict {
  if (!settings.enabled) return { alert: false, reason: 'disabled' };
  const domains = organisationDomains(settings.organisationDomains, mail.userAddress);
  const trusted = cleanDomains(settings.trustedExternalDomains);
  const all = [...mail.to, ...mail.cc, ...mail.bcc].filter((r) => r.address.trim() !== '');
  const external = all.filter((r) => isExternalAddress(r.address, domains) && !isTrusted(r.address, trusted));
  if (external.length === 0) return { alert: false, reason: 'no-external-recipient' };

  const names = mail.attachmentNames.join('\n');
  const scan = scanTexts(mail.subject, mail.body, names);
  const extra = countExtraWords(
    `${mail.subject}\n${mail.body}\n${names}`,
    settings.sensitiveWords.map((w) => w.trim().toLowerCase()).filter(Boolean),
  );
  const identityNumbers = scan.distinctIdentityNumbers;
  const sensitiveWords = sensitiveTotal(scan) + extra;
  if (identityNumbers === 0 && sensitiveWords === 0) return { alert: false, reason: 'nothing-sensitive' };

  const internalNames = new Set(
    all
      .filter((r) => !isExternalAddress(r.address, domains))
      .map((r) => normalisedName(r.name))
      .filter(Boolean),
  );
  const sameName = external.filter((r) => r.name.trim() !== '' && internalNames.has(normalisedName(r.name)));
  return {
    alert: true,
    message: alertMessage({ identityNumbers, sensitiveWords }, external, sameName),
    identityNumbers,
    sensitiveWords,
    externalRecipients: external.map((r) => r.address),
    sameNameAsInternal: sameName.map((r) => r.address),
  };
}
