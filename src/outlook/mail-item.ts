/**
 * Reads the open mail from the Office host (or the local stand-in) into a plain snapshot.
 * Only read mode is supported: a sent item or a received one.
 */

/** A name and an address, as Outlook shows a sender or recipient. */
export interface MailAddress {
  name: string;
  address: string;
}

/** An attachment's name, size in bytes and type; never its content. */
export interface MailAttachment {
  name: string;
  size: number;
  contentType: string;
}

/** Whether the signed-in user sent the mail or received it. */
export type MailDirection = 'sent' | 'received';

/** What the task pane knows about the open mail. The body stays in the browser. */
export interface MailSnapshot {
  subject: string;
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  /** When the mail was sent (created), ISO 8601 UTC; absent if the host did not say. */
  sentAt?: string;
  internetMessageId?: string;
  attachments: MailAttachment[];
  body: string;
  /** True when the host would not give the body (the scan then covers the subject only). */
  bodyUnavailable?: boolean;
  /**
   * True on a sent mail that the check on Send had alerted on (custom property
   * `puiSendCheckAlerted`): the user chose Skicka ändå.
   */
  sentAnyway?: boolean;
  /** The signed-in user's address. */
  userAddress: string;
  direction: MailDirection;
}

/** The part of Office.js `EmailAddressDetails` the pane reads. */
export interface EmailAddressLike {
  displayName?: string;
  emailAddress?: string;
}

/** The part of an Office.js `AsyncResult` the pane reads. */
export interface AsyncResultLike<T> {
  status: string;
  value: T;
  error?: { message?: string };
}

/** The part of Office.js `MessageRead` the pane reads. */
export interface ReadItemLike {
  subject?: string;
  from?: EmailAddressLike;
  to?: EmailAddressLike[] | unknown;
  cc?: EmailAddressLike[] | unknown;
  dateTimeCreated?: Date | string;
  internetMessageId?: string;
  attachments?: { name?: string; size?: number; contentType?: string; isInline?: boolean }[];
  body?: { getAsync(coercionType: string, callback: (result: AsyncResultLike<string>) => void): void };
  loadCustomPropertiesAsync?(callback: (result: AsyncResultLike<{ get(name: string): unknown }>) => void): void;
}

/** The part of Office.js `Mailbox` the pane reads. */
export interface MailboxLike {
  item?: ReadItemLike | null;
  userProfile?: { emailAddress?: string; displayName?: string };
}

/** Why a mail could not be read; `code` picks the message shown to the user. */
export class MailReadError extends Error {
  constructor(
    readonly code: 'no-item' | 'compose-mode' | 'body-unavailable',
    message: string,
  ) {
    super(message);
    this.name = 'MailReadError';
  }
}

function address(details: EmailAddressLike | undefined): MailAddress {
  return { name: (details?.displayName ?? '').trim(), address: (details?.emailAddress ?? '').trim() };
}

function addresses(list: unknown): MailAddress[] {
  return Array.isArray(list) ? (list as EmailAddressLike[]).map(address).filter((a) => a.address !== '') : [];
}

function isoOf(value: Date | string | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  const t = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** Reads the body as plain text through `body.getAsync`. */
function readBody(item: ReadItemLike): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!item.body || typeof item.body.getAsync !== 'function') {
      reject(new MailReadError('body-unavailable', 'The mail body cannot be read.'));
      return;
    }
    // 'text' is Office.CoercionType.Text; the string works without the Office global (local stand-in).
    item.body.getAsync('text', (result) => {
      if (result.status === 'succeeded') resolve(typeof result.value === 'string' ? result.value : '');
      else reject(new MailReadError('body-unavailable', result.error?.message ?? 'The mail body cannot be read.'));
    });
  });
}

/**
 * The custom property the check on Send leaves on a mail it alerted on (see on-send.ts): the task
 * pane's name for it (here and src/outlook/sent-anyway-count.ts); the handler's bundle has its own.
 */
export const SENT_ANYWAY_PROPERTY = 'puiSendCheckAlerted';

/** Whether the item carries the check on Send's marker; false when the host cannot say. */
function carriesSendCheckMarker(item: ReadItemLike): Promise<boolean> {
  return new Promise((resolve) => {
    if (typeof item.loadCustomPropertiesAsync !== 'function') return resolve(false);
    try {
      item.loadCustomPropertiesAsync((result) => {
        resolve(
          result.status === 'succeeded' &&
            typeof result.value?.get === 'function' &&
            typeof result.value.get(SENT_ANYWAY_PROPERTY) === 'string',
        );
      });
    } catch {
      resolve(false);
    }
  });
}

/** True when both addresses are the same mailbox (case-insensitive). */
export function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase() && a.trim() !== '';
}

/**
 * Reads the open mail. Throws {@link MailReadError} when no mail in read mode is open; a body
 * the host will not give is not fatal (`bodyUnavailable`).
 */
export async function readMailItem(mailbox: MailboxLike): Promise<MailSnapshot> {
  const item = mailbox.item;
  if (!item) throw new MailReadError('no-item', 'No mail is open.');
  if (!Array.isArray(item.to)) throw new MailReadError('compose-mode', 'The mail is being written, not read.');
  const from = address(item.from);
  const userAddress = (mailbox.userProfile?.emailAddress ?? '').trim();
  let body = '';
  let bodyUnavailable = false;
  try {
    body = await readBody(item);
  } catch (error) {
    if (!(error instanceof MailReadError)) throw error;
    bodyUnavailable = true;
  }
  const direction: MailDirection = sameAddress(from.address, userAddress) ? 'sent' : 'received';
  const sentAnyway = direction === 'sent' && (await carriesSendCheckMarker(item));
  return {
    subject: item.subject ?? '',
    from,
    to: addresses(item.to),
    cc: addresses(item.cc),
    sentAt: isoOf(item.dateTimeCreated),
    internetMessageId: item.internetMessageId || undefined,
    attachments: (item.attachments ?? [])
      .filter((a) => !a.isInline)
      .map((a) => ({
        name: a.name ?? '',
        size: typeof a.size === 'number' ? a.size : 0,
        contentType: a.contentType ?? '',
      })),
    body,
    ...(bodyUnavailable ? { bodyUnavailable } : {}),
    ...(sentAnyway ? { sentAnyway } : {}),
    userAddress,
    direction,
  };
}
