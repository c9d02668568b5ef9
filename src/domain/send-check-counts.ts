/**
 * The check on Send counted without content: per month, how many mails the alert was shown on
 * (`fired`) and how many of those were then changed so that a new Send found nothing to ask about
 * (`changed`). Numbers only — no names, no addresses, no counts of identity numbers, no mail.
 *
 * @remarks What Outlook lets the add-in know (docs/outlook-add-in.md, "Counting"): the handler sees
 * its own alert and, through the marker it leaves on the mail, a later Send of the same mail; it
 * never learns that the user chose *Skicka ändå* (Outlook sends without running the add-in again).
 * So *skickade ändå* is bounded, not counted: at least the sent mails with the marker the task pane
 * was opened on (`sentAnyway`), at most `fired − changed` (the rest of the alerted mails were sent
 * anyway, or discarded or left as drafts after *Ändra*).
 */
import { issue, ValidationError } from './errors';
import { asObject } from './report-input';

/**
 * What Outlook reports: the handler, that the alert was shown on a mail for the first time
 * (`fired`) or that an alerted mail was changed and sent (`changed`); the task pane, that it was
 * opened on a sent mail that carries the marker, which therefore went out with *Skicka ändå*
 * (`sent-anyway`, once per mail).
 */
export const SEND_CHECK_EVENT_KINDS = ['fired', 'changed', 'sent-anyway'] as const;
export type SendCheckEventKind = (typeof SEND_CHECK_EVENT_KINDS)[number];

/** One report from the handler: the month of the alert (`YYYY-MM`) and the kind. Nothing else. */
export interface SendCheckEvent {
  month: string;
  kind: SendCheckEventKind;
}

/** A month's counters as stored. */
export interface SendCheckTally {
  fired: number;
  changed: number;
  /** Sent mails with the marker the task pane was opened on: confirmed *Skicka ändå*. */
  sentAnyway: number;
}

const TALLY_FIELD: Record<SendCheckEventKind, keyof SendCheckTally> = {
  fired: 'fired',
  changed: 'changed',
  'sent-anyway': 'sentAnyway',
};

/** A month's numbers as the DPO reads them. */
export interface SendCheckMonth extends SendCheckTally {
  month: string;
  /**
   * The most mails that can have gone out with *Skicka ändå*: `fired − changed`, never below the
   * confirmed `sentAnyway` (nor 0).
   */
  sentAnywayAtMost: number;
}

/** How far back a month may lie: a draft alerted on in one month may be changed and sent months later. */
export const SEND_CHECK_MONTHS_BACK = 12;
/** The most months one read answers. */
export const SEND_CHECK_MAX_RANGE = 36;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const FIELDS = new Set(['month', 'kind']);

/** The app-state key of a month's counters. */
export function sendCheckCounterKey(month: string): string {
  return `send-check-count:${month}`;
}

/** `YYYY-MM` of an instant, in UTC (the handler writes its marker the same way). */
export function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** The month `delta` months from `month`. */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months from `from` to `to`, both included, oldest first. */
export function monthsFrom(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
  return months;
}

function refuse(field: string, code: string, message: string, messageEn: string): never {
  throw new ValidationError([issue(field, code, message, messageEn)]);
}

/** A month as sent; refused (by code, never echoed) unless `YYYY-MM`. */
function readMonth(value: unknown, field: string): string {
  if (typeof value !== 'string' || !MONTH.test(value))
    refuse(field, 'invalid_month', `${field} ska vara en månad, ÅÅÅÅ-MM.`, `${field} must be a month, YYYY-MM.`);
  return value;
}

/**
 * Reads the handler's report: exactly `{ month, kind }`, the month within the last
 * {@link SEND_CHECK_MONTHS_BACK} months and not after this month (a day's grace for the client's
 * clock). Anything else is refused and nothing is counted.
 */
export function parseSendCheckEvent(raw: unknown, now: Date): SendCheckEvent {
  const body = asObject(raw);
  const unknown = Object.keys(body).find((key) => !FIELDS.has(key));
  if (unknown !== undefined)
    refuse(
      '',
      'unknown_field',
      'Bara month och kind får skickas, inget annat.',
      'Only month and kind may be sent, nothing else.',
    );
  const kind = body.kind;
  if (typeof kind !== 'string' || !(SEND_CHECK_EVENT_KINDS as readonly string[]).includes(kind))
    refuse(
      'kind',
      'invalid_kind',
      'kind ska vara fired, changed eller sent-anyway.',
      'kind must be fired, changed or sent-anyway.',
    );
  const month = readMonth(body.month, 'month');
  const latest = monthOf(new Date(now.getTime() + 24 * 3600_000));
  if (month > latest || month < addMonths(monthOf(now), -SEND_CHECK_MONTHS_BACK))
    refuse(
      'month',
      'month_out_of_range',
      `Månaden ska vara denna eller en av de ${SEND_CHECK_MONTHS_BACK} senaste.`,
      `The month must be this one or one of the last ${SEND_CHECK_MONTHS_BACK}.`,
    );
  return { month, kind: kind as SendCheckEventKind };
}

/**
 * The months a read covers: `from`–`to` as sent, by default the twelve months up to this one.
 * At most {@link SEND_CHECK_MAX_RANGE} months, `from` not after `to`.
 */
export function sendCheckRange(from: string | undefined, to: string | undefined, now: Date): string[] {
  const last = to === undefined ? monthOf(now) : readMonth(to, 'to');
  const first = from === undefined ? addMonths(last, -11) : readMonth(from, 'from');
  if (first > last) refuse('from', 'invalid_range', 'from ska vara före to.', 'from must come before to.');
  const months = monthsFrom(first, last);
  if (months.length > SEND_CHECK_MAX_RANGE)
    refuse(
      'from',
      'range_too_long',
      `Högst ${SEND_CHECK_MAX_RANGE} månader åt gången.`,
      `At most ${SEND_CHECK_MAX_RANGE} months at a time.`,
    );
  return months;
}

/** The counters read from the store, or zeros where nothing (or something unreadable) is kept. */
export function tallyOf(value: unknown): SendCheckTally {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const count = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : 0);
  return { fired: count(v.fired), changed: count(v.changed), sentAnyway: count(v.sentAnyway) };
}

/** The counters with one more of `kind`. */
export function incremented(tally: SendCheckTally, kind: SendCheckEventKind): SendCheckTally {
  const field = TALLY_FIELD[kind];
  return { ...tally, [field]: tally[field] + 1 };
}

/** A month as the DPO reads it. */
export function sendCheckMonth(month: string, tally: SendCheckTally): SendCheckMonth {
  return { month, ...tally, sentAnywayAtMost: Math.max(tally.sentAnyway, tally.fired - tally.changed, 0) };
}
