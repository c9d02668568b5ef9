/**
 * The clock's reminders: when they fall due, and what the one that fell due is about.
 * @remarks Two schedules, both in elapsed time (UTC arithmetic, like the deadline itself), so
 * daylight saving never moves or drops a reminder:
 * - the 72-hour clock: 48, 24, 12, 4 and 1 h before the deadline, at it, then every 24 h while
 *   the clock runs (overdue);
 * - a phased notice to IMY (art. 33(4)): 7 days and 1 day before the four-week supplement
 *   window ends, until the supplement is recorded.
 * A report linked to a main incident has no reminders: the main's clock runs for the event (its
 * deadline is never later than the report's when they are linked, src/domain/incident-links.ts);
 * unlinked, the report's own schedule resumes from where it stands.
 * `Incident.nextReminderAt` holds the next instant of whichever schedule applies; the
 * scheduler asks the store for incidents whose instant has passed.
 */
import { clockRunning, type Incident } from './incident';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Hours before the deadline at which the DPO channel card is brought up to date. */
export const REMINDER_HOURS_BEFORE = [48, 24, 12, 4, 1, 0] as const;
/** Of those, the ones at which the owner (or the DPOs) is also chased in the card's thread; every overdue day too. */
export const MENTION_HOURS_BEFORE: readonly number[] = [24, 4, 0];
/** IMY accepts supplements to a phased notice within four weeks of the notice. */
export const SUPPLEMENT_WINDOW_MS = 28 * DAY;
/** Days before the supplement window ends at which the owner is reminded. */
export const SUPPLEMENT_REMINDER_DAYS_BEFORE = [7, 1] as const;

/** What a reminder is about: a threshold of the 72-hour clock, overdue, or a supplement owed. */
export type ReminderStage = '48h' | '24h' | '12h' | '4h' | '1h' | 'overdue' | 'supplement-7d' | 'supplement-1d';

/** The fields the schedules read. */
export type ReminderFields = Pick<Incident, 'deadline' | 'imyNotice' | 'assessment' | 'status'> &
  Partial<Pick<Incident, 'linkedTo'>>;

/** A reminder that has fallen due, as the scheduler sends it. */
export interface DueReminder {
  /** The persisted instant that fell due (`nextReminderAt` when it was claimed): identifies the reminder. */
  slot: string;
  /** The latest threshold passed: what the reminder says (the current state, also after an outage). */
  stage: ReminderStage;
  /** The instant of that threshold. */
  at: string;
  /** Chase the owner (or the DPOs) in the card's thread: a mention threshold was passed since the slot. */
  mention: boolean;
  /** More than one threshold passed since the slot (the server was down, or Teams was): one catch-up for all. */
  catchUp: boolean;
  /** When the reminder after this one falls due; null when none will. */
  next: string | null;
}

interface Threshold {
  at: number;
  stage: ReminderStage;
  mention: boolean;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * When supplements to a phased notice must have reached IMY (notice + four weeks), or null
 * when none are owed: not phased, supplement recorded, notice time unknown, or closed.
 */
export function supplementDueAt(incident: Pick<Incident, 'imyNotice' | 'status'>): string | null {
  const notice = incident.imyNotice;
  if (!notice?.phased || notice.supplementedAt || !notice.notifiedAt || incident.status === 'closed') return null;
  return iso(Date.parse(notice.notifiedAt) + SUPPLEMENT_WINDOW_MS);
}

/**
 * The thresholds of whichever schedule applies that lie in [from, until] (oldest first, every
 * overdue day its own), and the latest threshold at or before `until`, however old.
 */
function thresholds(
  incident: ReminderFields,
  from: number,
  until: number,
): { passed: Threshold[]; latest?: Threshold } {
  const passed: Threshold[] = [];
  let latest: Threshold | undefined;
  // A linked report has no reminders of its own: its main carries the duty.
  if (incident.linkedTo) return { passed, latest };
  const consider = (threshold: Threshold): void => {
    if (threshold.at > until) return;
    latest = threshold;
    if (threshold.at >= from) passed.push(threshold);
  };
  if (clockRunning(incident)) {
    const deadline = Date.parse(incident.deadline);
    for (const hours of REMINDER_HOURS_BEFORE) {
      consider({
        at: deadline - hours * HOUR,
        stage: hours === 0 ? 'overdue' : (`${hours}h` as ReminderStage),
        mention: MENTION_HOURS_BEFORE.includes(hours),
      });
    }
    // Overdue days from the first one not before `from` (older ones only matter as the latest).
    const lastDay = Math.floor((until - deadline) / DAY);
    if (lastDay >= 1) {
      const firstDay = Math.max(1, Math.min(lastDay, Math.ceil((from - deadline) / DAY)));
      for (let day = firstDay; day <= lastDay; day++)
        consider({ at: deadline + day * DAY, stage: 'overdue', mention: true });
    }
    return { passed, latest };
  }
  const due = supplementDueAt(incident);
  if (due) {
    for (const days of SUPPLEMENT_REMINDER_DAYS_BEFORE) {
      consider({ at: Date.parse(due) - days * DAY, stage: `supplement-${days}d` as ReminderStage, mention: true });
    }
  }
  return { passed, latest };
}

/**
 * The first reminder instant strictly after `after`, or null when none will fall due (the clock
 * has stopped and no supplement is owed, or its reminders have passed).
 * @remarks Past the deadline reminders repeat every 24 h.
 */
export function nextReminderAt(incident: ReminderFields, after: Date): string | null {
  const t = after.getTime();
  if (incident.linkedTo) return null;
  if (clockRunning(incident)) {
    const deadline = Date.parse(incident.deadline);
    for (const hours of REMINDER_HOURS_BEFORE) {
      const at = deadline - hours * HOUR;
      if (at > t) return iso(at);
    }
    const daysPast = Math.floor((t - deadline) / DAY) + 1;
    return iso(deadline + daysPast * DAY);
  }
  const due = supplementDueAt(incident);
  if (!due) return null;
  for (const days of SUPPLEMENT_REMINDER_DAYS_BEFORE) {
    const at = Date.parse(due) - days * DAY;
    if (at > t) return iso(at);
  }
  return null;
}

/**
 * The reminder that is due at `now`, or null when none is (no reminder, not yet, or the
 * schedule that set it has ended).
 * @remarks One reminder however many thresholds passed since `nextReminderAt`: it says what
 * holds now (the latest threshold) and chases the owner if any threshold passed on the way
 * would have. That is the catch-up after an outage: one per incident, not one per threshold.
 */
export function dueReminder(
  incident: ReminderFields & Pick<Incident, 'nextReminderAt'>,
  now: Date,
): DueReminder | null {
  const slot = incident.nextReminderAt;
  const t = now.getTime();
  if (slot === null || Date.parse(slot) > t) return null;
  const { passed, latest } = thresholds(incident, Date.parse(slot), t);
  if (!latest) return null;
  return {
    slot,
    stage: latest.stage,
    at: iso(latest.at),
    mention: passed.some((p) => p.mention),
    catchUp: passed.length > 1,
    next: nextReminderAt(incident, now),
  };
}

/**
 * `nextReminderAt` after a person changed the incident at `now`: a reminder that has fallen due
 * and is still owed stays due (the scheduler is about to send it), else the next one.
 * @remarks Without this a change made in the minute between a threshold and the scheduler's
 * tick would skip that threshold, and with it the owner's mention at 24 h or 4 h.
 */
export function nextReminderAfterChange(
  before: Pick<Incident, 'nextReminderAt'>,
  after: ReminderFields,
  now: Date,
): string | null {
  const pending = before.nextReminderAt;
  if (
    pending !== null &&
    Date.parse(pending) <= now.getTime() &&
    dueReminder({ ...after, nextReminderAt: pending }, now)
  )
    return pending;
  return nextReminderAt(after, now);
}
