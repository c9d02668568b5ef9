/**
 * The `OnMessageSend` handler (Smart Alerts, Mailbox 1.12): reads the mail being sent through
 * Office.js compose APIs, runs {@link checkOutgoingMail} and completes the event. Never a hard
 * block: the alert uses `promptUser`, so the user can choose Skicka ändå; any error lets the
 * mail go and is logged without content.
 */
import type { MailAddress } from './mail-item';
import type { SendCheckReporter } from './send-check-report';
import {
  checkOutgoingMail,
  DEFAULT_SEND_CHECK_SETTINGS,
  type OutgoingMail,
  type SendCheckSettings,
  type SendCheckVerdict,
} from './send-check';

/** The part of an Office.js `AsyncResult` the handler reads. */
interface Result<T> {
  status: string;
  value: T;
  error?: { message?: string };
}

type GetAsync<T> = { getAsync(...args: unknown[]): void } & { __value?: T };

/** The part of Office.js `MessageCompose` the handler reads. */
export interface ComposeItemLike {
  subject?: GetAsync<string>;
  body?: GetAsync<string>;
  to?: GetAsync<unknown>;
  cc?: GetAsync<unknown>;
  bcc?: GetAsync<unknown>;
  getAttachmentsAsync?(callback: (result: Result<{ name?: string }[]>) => void): void;
  loadCustomPropertiesAsync?(callback: (result: Result<CustomPropertiesLike>) => void): void;
}

/** The part of Office.js `CustomProperties` the handler uses. */
export interface CustomPropertiesLike {
  get(name: string): unknown;
  set(name: string, value: string): void;
  remove(name: string): void;
  saveAsync(callback: (result: Result<void>) => void): void;
}

/**
 * The custom property the handler leaves on a mail it alerted on: only the month (`YYYY-MM`). A
 * sent mail that carries it went out with *Skicka ändå*, because the handler removes it again when
 * a later Send finds nothing to ask about (the user chose *Ändra* and fixed the mail).
 */
export const SENT_ANYWAY_PROPERTY = 'puiSendCheckAlerted';

/** The part of the `Office` global the handler reads. */
export interface SendOfficeLike {
  context: { mailbox: { item?: ComposeItemLike | null; userProfile?: { emailAddress?: string } } };
}

/** The part of Office.js `MailboxEvent` the handler calls. */
export interface SendEventLike {
  completed(options?: {
    allowEvent: boolean;
    errorMessage?: string;
    sendModeOverride?: string;
    cancelLabel?: string;
  }): void;
}

/** What the handler needs besides the event: Office, the settings and a logger that gets no content. */
export interface OnSendDeps {
  office: SendOfficeLike;
  settings?: SendCheckSettings;
  log?: (message: string) => void;
  /** The clock, for the month the marker holds. */
  now?: () => Date;
  /** Counts the alert (`fired`) and an alerted mail changed and sent (`changed`); never awaited. Absent: nothing is counted. */
  report?: SendCheckReporter;
}

function call<T>(fn: (cb: (r: Result<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    fn((r) =>
      r.status === 'succeeded'
        ? resolve(r.value)
        : reject(new Error(`Office.js call failed: ${r.error?.message ?? r.status}`)),
    );
  });
}

function addresses(value: unknown): MailAddress[] {
  if (!Array.isArray(value)) return [];
  return (value as { displayName?: string; emailAddress?: string }[])
    .map((a) => ({ name: (a.displayName ?? '').trim(), address: (a.emailAddress ?? '').trim() }))
    .filter((a) => a.address !== '');
}

async function recipients(field: GetAsync<unknown> | undefined): Promise<MailAddress[]> {
  if (!field) return [];
  return addresses(await call<unknown>((cb) => field.getAsync(cb)));
}

/** Reads the mail being composed: subject, plain-text body, recipients, attachment names. */
export async function readOutgoingMail(office: SendOfficeLike): Promise<OutgoingMail> {
  const item = office.context.mailbox.item;
  if (!item || !item.subject || !item.body) throw new Error('No mail in compose mode.');
  const { subject, body } = item;
  const [subjectText, bodyText, to, cc, bcc, attachments] = await Promise.all([
    call<string>((cb) => subject.getAsync(cb)),
    // 'text' is Office.CoercionType.Text.
    call<string>((cb) => body.getAsync('text', cb)),
    recipients(item.to),
    recipients(item.cc),
    recipients(item.bcc),
    item.getAttachmentsAsync ? call<{ name?: string }[]>((cb) => item.getAttachmentsAsync!(cb)) : Promise.resolve([]),
  ]);
  return {
    subject: typeof subjectText === 'string' ? subjectText : '',
    body: typeof bodyText === 'string' ? bodyText : '',
    attachmentNames: (attachments ?? []).map((a) => a.name ?? ''),
    to,
    cc,
    bcc,
    userAddress: (office.context.mailbox.userProfile?.emailAddress ?? '').trim(),
  };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Sets (month) or removes the marker on the item; answers the marker the item carried before
 * (`undefined`: none), or `null` when the item's properties could not be read. A failure is
 * logged by kind and otherwise ignored.
 */
async function mark(deps: OnSendDeps, alerted: boolean, month: string): Promise<string | undefined | null> {
  const item = deps.office.context.mailbox.item;
  if (!item?.loadCustomPropertiesAsync) return null;
  let before: string | undefined | null = null;
  try {
    const props = await call<CustomPropertiesLike>((cb) => item.loadCustomPropertiesAsync!(cb));
    const held = props.get(SENT_ANYWAY_PROPERTY);
    before = typeof held === 'string' ? held : undefined;
    // Alerted again: the marker keeps the month of the first alert.
    if (alerted && before === undefined) props.set(SENT_ANYWAY_PROPERTY, month);
    else if (!alerted && held !== undefined) props.remove(SENT_ANYWAY_PROPERTY);
    else return before;
    await call<void>((cb) => props.saveAsync(cb));
  } catch (error) {
    (deps.log ?? console.error)(
      `PUI Desk send check could not mark the mail (${error instanceof Error ? error.name : typeof error}).`,
    );
  }
  return before;
}

/**
 * What is counted (docs/outlook-add-in.md, "Counting"): the first alert on a mail (`fired`, in
 * this month), and a mail alerted on before that now goes without a question because it was
 * changed (`changed`, in the month of its alert). A re-alert on the same mail counts nothing;
 * with the marker unreadable nothing is counted (it could not be told apart from a re-alert).
 */
function countable(verdict: SendCheckVerdict, before: string | undefined | null, month: string) {
  if (before === null) return undefined;
  if (verdict.alert) return before === undefined ? ({ month, kind: 'fired' } as const) : undefined;
  if (verdict.reason === 'disabled' || before === undefined || !MONTH.test(before)) return undefined;
  return { month: before, kind: 'changed' } as const;
}

/**
 * Handles `OnMessageSend`: an alert (`allowEvent: false`, `promptUser`) when the check finds a
 * sensitive mail to an external recipient, otherwise lets the mail go. An error anywhere lets
 * the mail go too, and only the error's kind is logged (never the mail).
 */
export async function onMessageSend(event: SendEventLike, deps: OnSendDeps): Promise<void> {
  let verdict;
  try {
    const mail = await readOutgoingMail(deps.office);
    verdict = checkOutgoingMail(mail, deps.settings ?? DEFAULT_SEND_CHECK_SETTINGS);
  } catch (error) {
    // The message of an Office.js error or a scanner bug could quote the mail: log the kind only.
    (deps.log ?? console.error)(
      `PUI Desk send check failed (${error instanceof Error ? error.name : typeof error}); the mail was allowed.`,
    );
    event.completed({ allowEvent: true });
    return;
  }
  const month = (deps.now?.() ?? new Date()).toISOString().slice(0, 7);
  const counted = countable(verdict, await mark(deps, verdict.alert, month), month);
  // Started before the event completes and never awaited: Send is not held up by the count.
  if (counted && deps.report) deps.report(counted);
  if (!verdict.alert) {
    event.completed({ allowEvent: true });
    return;
  }
  event.completed({
    allowEvent: false,
    errorMessage: verdict.message,
    cancelLabel: 'Ändra',
    sendModeOverride: 'promptUser',
  });
}
