/**
 * The task pane, opened on a sent mail that carries the check on Send's marker, knows what the
 * handler never learns: that mail went out with *Skicka ändå*. It reports that once per mail
 * (`sent-anyway`, in the month the marker holds), numbers only. So the register page's *skickade
 * ändå* has a confirmed lower bound beside its ceiling.
 *
 * @remarks Once per mail: a second custom property (`puiSendCheckCounted`) is saved on the mail
 * **before** the report goes, so a reopened pane never counts it again; if the report is lost
 * after that, the mail is not counted at all — the figure stays a lower bound, never inflated.
 */
import { SENT_ANYWAY_PROPERTY } from './mail-item';
import type { SendCheckReporter } from './send-check-report';

/** Saved on the mail once the pane has counted it. */
export const COUNTED_PROPERTY = 'puiSendCheckCounted';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The parts of Office.js `CustomProperties` (read mode) used here. */
interface ReadCustomPropertiesLike {
  get(name: string): unknown;
  set(name: string, value: string): void;
  saveAsync(callback: (result: { status: string }) => void): void;
}

/** The part of a read-mode item used here. */
export interface CountableItemLike {
  loadCustomPropertiesAsync?(callback: (result: { status: string; value: unknown }) => void): void;
}

/** What became of the attempt (for tests and the log; the user sees nothing of it). */
export type SentAnywayOutcome = 'reported' | 'already-counted' | 'no-marker' | 'not-saved';

function load(item: CountableItemLike): Promise<ReadCustomPropertiesLike | undefined> {
  return new Promise((resolve) => {
    if (typeof item.loadCustomPropertiesAsync !== 'function') return resolve(undefined);
    try {
      item.loadCustomPropertiesAsync((r) =>
        resolve(r.status === 'succeeded' ? (r.value as ReadCustomPropertiesLike) : undefined),
      );
    } catch {
      resolve(undefined);
    }
  });
}

function save(props: ReadCustomPropertiesLike): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      props.saveAsync((r) => resolve(r.status === 'succeeded'));
    } catch {
      resolve(false);
    }
  });
}

/** Counts a sent mail with the marker once: marks it counted, then reports `{ month, kind: 'sent-anyway' }`. */
export async function countSentAnyway(item: CountableItemLike, report: SendCheckReporter): Promise<SentAnywayOutcome> {
  const props = await load(item);
  const month = props?.get(SENT_ANYWAY_PROPERTY);
  if (!props || typeof month !== 'string' || !MONTH.test(month)) return 'no-marker';
  if (props.get(COUNTED_PROPERTY) !== undefined) return 'already-counted';
  props.set(COUNTED_PROPERTY, '1');
  if (!(await save(props))) return 'not-saved';
  report({ month, kind: 'sent-anyway' });
  return 'reported';
}
