/**
 * The clock's reminders: a tick queues the reminders that have fallen due in the announcement
 * outbox; the delivery loop (deliver-announcements.ts) sends each one exactly once through the
 * same ChannelPoster port as every other announcement, and moves the incident's next reminder on.
 *
 * @remarks How "exactly once" holds with any number of server instances:
 * 1. A tick asks the store only for incidents whose `nextReminderAt` has passed (an indexed
 *    query) and queues `reminder:<incidentId>` carrying that instant (the *slot*). Each entry is
 *    an app-state item of its own, created only if absent, so instances that tick together queue
 *    one entry, not two; the same slot queued again changes nothing.
 * 2. A deliverer *claims* the entry under the entry's etag, with a lease. Only the claimant
 *    sends; an instance that died after claiming loses the claim when the lease runs out, and
 *    another sends it then.
 * 3. Before sending, the deliverer reads the incident: if `nextReminderAt` is no longer the
 *    slot, the reminder was sent already (an instance that read the incident before it moved
 *    on queued it again) or the clock stopped — it is dropped unsent.
 * 4. After sending, the incident's `nextReminderAt` moves on under the incident's etag, with
 *    the audit event `reminder-sent`; only then does the entry leave the outbox. If recording
 *    fails, the entry remembers that its slot went out (`sentSlot`) and the retry only records.
 * The one window left is a crash between Teams accepting a post and step 4: that reminder may
 * go out twice (no Teams call can be made part of a store transaction). The card update is
 * idempotent; only a thread reply could repeat.
 */
import {
  Conflict,
  dueReminder,
  recordReminderSent,
  rescheduleReminder,
  type Change,
  type DueReminder,
  type Incident,
} from '../domain';
import type { UseCaseDeps } from './deps';

export interface SendDueRemindersOptions {
  /**
   * At most this many reminders are queued in one tick (default {@link TICK_LIMIT}), the earliest
   * due first; the rest wait for a later tick.
   */
  limit?: number;
  /** Incidents per store page (default and at most 500). */
  pageSize?: number;
}

/**
 * Reminders one tick queues at most: about what Teams lets the delivery loop post to the DPO channel
 * in two minutes (60 per 30 s), and on SharePoint some 400 resource units (one item written per
 * reminder), well inside a small tenant's 1,250 a minute. After an outage with more due, the due
 * query keeps answering the earliest first, and those stay due until delivered: later ticks queue
 * the rest as the backlog drains, instead of one tick writing thousands of items.
 */
export const TICK_LIMIT = 200;

export interface SendDueRemindersResult {
  /** Incidents whose reminder had fallen due. */
  due: number;
}

/**
 * One tick: queues every reminder that has fallen due in the outbox (the delivery loop, told by
 * the outbox, sends them). Does nothing where nothing delivers (no outbox).
 */
export async function sendDueReminders(
  deps: UseCaseDeps,
  options: SendDueRemindersOptions = {},
): Promise<SendDueRemindersResult> {
  const outbox = deps.outbox;
  if (!outbox) return { due: 0 };
  const now = deps.clock.now();
  const limit = options.limit ?? TICK_LIMIT;
  const pageSize = Math.min(options.pageSize ?? 500, 500);
  const due: { incident: Incident; reminder: DueReminder }[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.listDueReminders(now.toISOString(), {
      limit: Math.min(pageSize, limit - due.length),
      cursor,
    });
    for (const incident of page.items) {
      const reminder = dueReminder(incident, now);
      if (reminder) due.push({ incident, reminder });
    }
    cursor = page.next;
  } while (cursor && due.length < limit);
  // One write of the outbox for the whole tick, an item per reminder (none when all are pending already).
  await outbox.enqueueMany(
    due.map(({ incident, reminder }) => ({
      kind: 'reminder',
      incidentId: incident.id,
      reportId: incident.reportId,
      slot: reminder.slot,
    })),
  );
  if (due.length > 0) deps.logger.info('reminders due', { count: due.length });
  return { due: due.length };
}

/** Thrown when a reminder went out but could not be recorded on the incident: the retry must only record it. */
export class ReminderNotRecorded extends Error {
  constructor(
    readonly slot: string,
    options?: { cause?: unknown },
  ) {
    super('The reminder was sent but could not be recorded on the incident.', options);
    this.name = 'ReminderNotRecorded';
  }
}

/** What became of a claimed reminder. */
export type ReminderOutcome = 'sent' | 'recorded' | 'stale';

/** Puts a due reminder in front of the DPOs (deliver-announcements: card update, thread reply). */
export type SendReminder = (incident: Incident, reminder: DueReminder) => Promise<void>;

/**
 * Sends one claimed reminder with `send`, then moves the incident's next reminder on. `stale`: it is no longer owed (sent already, or the clock stopped) and nothing
 * was sent; `recorded`: it had gone out before and is now recorded.
 * @param sentSlot the slot that already went out on an earlier attempt, if any.
 */
export async function deliverReminder(
  deps: UseCaseDeps,
  send: SendReminder,
  incident: Incident,
  slot: string,
  sentSlot?: string,
): Promise<ReminderOutcome> {
  if (incident.nextReminderAt !== slot) return 'stale';
  // Another instance's clock may run a little ahead of ours: the slot it queued is due.
  const now = new Date(Math.max(deps.clock.now().getTime(), Date.parse(slot)));
  const reminder = dueReminder(incident, now);
  if (!reminder) {
    // The schedule that set this slot no longer applies (edited outside the app): reschedule quietly.
    await advance(deps, incident, slot, (current) => rescheduleReminder(current, slot, now));
    return 'stale';
  }
  const record = (current: Incident): Change => recordReminderSent(current, reminder, now);
  if (sentSlot === slot) {
    await advance(deps, incident, slot, record);
    return 'recorded';
  }
  await send(incident, reminder);
  try {
    await advance(deps, incident, slot, record);
  } catch (error) {
    throw new ReminderNotRecorded(slot, { cause: error });
  }
  deps.logger.info('reminder sent', {
    incidentId: incident.id,
    number: incident.number,
    stage: reminder.stage,
    mention: reminder.mention,
    catchUp: reminder.catchUp,
  });
  return 'sent';
}

/** How often recording a sent reminder is retried against concurrent changes of the incident. */
const MAX_RECORD_ATTEMPTS = 10;

/** Moves `nextReminderAt` on from `slot` under the incident's etag; someone else having moved it already is fine. */
async function advance(
  deps: UseCaseDeps,
  incident: Incident,
  slot: string,
  change: (current: Incident) => Change,
): Promise<void> {
  let current = incident;
  for (let attempt = 0; ; attempt++) {
    const { next, event } = change(current);
    try {
      await deps.store.update(next, current.etag, event);
      return;
    } catch (error) {
      if (!(error instanceof Conflict) || attempt >= MAX_RECORD_ATTEMPTS) throw error;
      // A person changed the incident meanwhile: record on top of their change, unless it
      // stopped the clock or another instance recorded this reminder already.
      const fresh = await deps.store.get(current.id);
      if (!fresh || fresh.nextReminderAt !== slot) return;
      current = fresh;
    }
  }
}
