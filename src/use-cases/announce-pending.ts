/**
 * Delivers the outbox: claims due announcements and hands each to the delivering channel (the
 * bot's Teams poster), completing it on success and scheduling a retry on failure.
 */
import type { Incident, Notifier } from '../domain';
import type { UseCaseDeps } from './deps';
import { outboxFor, retryDelayMs, type OutboxEntry } from './outbox';
import { deliverReminder, ReminderNotRecorded } from './send-due-reminders';

/**
 * Thrown by a delivering channel that cannot deliver now through no fault of the news: no DPO
 * channel is set yet, or the channel asked us to slow down (HTTP 429 with Retry-After).
 * The entry is not counted as a failed attempt.
 */
export class AnnouncementDeferred extends Error {
  constructor(
    readonly reason: 'not-configured' | 'rate-limited',
    /** When to try again; undefined: when woken (e.g. once the DPO channel is set). */
    readonly retryAfterMs?: number,
  ) {
    super(reason === 'not-configured' ? 'No DPO channel is set.' : `Rate limited; retry after ${retryAfterMs} ms.`);
    this.name = 'AnnouncementDeferred';
  }
}

/** The channel that delivers news (the bot's Teams poster). */
export interface DeliveringChannel extends Notifier {
  /**
   * False while nothing can be delivered at all (no DPO channel set): the pass then claims
   * nothing, rather than claiming and putting back every pending entry on every wake.
   */
  canDeliver?(): Promise<boolean>;
}

export interface AnnouncePendingOptions {
  /** Who claims (one id per server instance). */
  owner: string;
  /** At most this many deliveries in one pass. */
  limit?: number;
  /** How long a claim holds; longer than a paced pass of `limit` deliveries takes. */
  leaseMs?: number;
}

export interface AnnouncePendingResult {
  delivered: number;
  failed: number;
  /** The channel said it cannot deliver now; the rest of the pass was put back. */
  deferred?: AnnouncementDeferred;
  /** Entries dropped unsent: their incident does not exist, or a reminder is no longer owed (sent already, clock stopped). */
  dropped: number;
}

/** A report whose incident has not appeared this long after it was queued was never stored. */
const ORPHAN_AFTER_MS = 10 * 60_000;

/** A change or a reminder is held back while the report of the same incident waits to be announced. */
function eligible(entry: OutboxEntry, pendingReportIds: ReadonlySet<string>): boolean {
  return entry.kind === 'reported' || !pendingReportIds.has(entry.reportId);
}

/**
 * One pass over the outbox: claims up to `limit` due entries and delivers them in order.
 * @remarks Stops at the first deferral and releases the rest unchanged, so a 429 pauses the
 * whole pass rather than being hammered by every remaining entry.
 */
export async function announcePending(deps: UseCaseDeps, channel: DeliveringChannel, options: AnnouncePendingOptions): Promise<AnnouncePendingResult> {
  if (channel.canDeliver && !(await channel.canDeliver())) {
    return { delivered: 0, failed: 0, dropped: 0, deferred: new AnnouncementDeferred('not-configured') };
  }
  const outbox = outboxFor(deps.appState, deps.clock);
  const { owner } = options;
  const claimed = await outbox.claimDue(owner, options.limit ?? 50, options.leaseMs ?? 5 * 60_000, eligible);
  const result: AnnouncePendingResult = { delivered: 0, failed: 0, dropped: 0 };
  for (let i = 0; i < claimed.length; i++) {
    const entry = claimed[i];
    let incident: Incident | undefined;
    try {
      incident = entry.kind === 'reported' ? await deps.store.getByReportId(entry.reportId) : await deps.store.get(entry.incidentId);
      if (!incident) {
        if (await settleMissing(deps, entry, owner)) result.dropped += 1;
        continue;
      }
      if (entry.kind === 'reported') await channel.incidentReported(incident);
      else if (entry.kind === 'changed') await channel.incidentChanged(incident);
      else if ((await deliverReminder(deps, channel, incident, entry.slot, entry.sentSlot)) === 'stale') {
        await outbox.complete(entry, owner);
        result.dropped += 1;
        continue;
      }
      await outbox.complete(entry, owner);
      result.delivered += 1;
    } catch (error) {
      if (error instanceof AnnouncementDeferred) {
        const now = deps.clock.now().getTime();
        const notBefore = new Date(now + (error.retryAfterMs ?? 0));
        await outbox.releaseAll(claimed.slice(i), owner, notBefore);
        deps.logger.info('announcements deferred', { reason: error.reason, retryAfterMs: error.retryAfterMs ?? null, pending: claimed.length - i });
        result.deferred = error;
        return result;
      }
      const attempts = entry.attempts + 1;
      const sentSlot = error instanceof ReminderNotRecorded ? error.slot : undefined;
      const code = errorCode(error instanceof ReminderNotRecorded ? error.cause : error);
      await outbox.release(entry, owner, new Date(deps.clock.now().getTime() + retryDelayMs(attempts)), { error: code, sentSlot });
      deps.logger.warn('announcement delivery failed; will retry', { kind: entry.kind, incidentId: incident?.id ?? null, number: incident?.number ?? null, attempts, error: code });
      result.failed += 1;
    }
  }
  return result;
}

function isOrphan(deps: UseCaseDeps, entry: OutboxEntry): boolean {
  return deps.clock.now().getTime() - Date.parse(entry.enqueuedAt) > ORPHAN_AFTER_MS;
}

/** A change or reminder of a vanished incident is dropped; a report not stored yet waits, then is dropped as an orphan. */
async function settleMissing(deps: UseCaseDeps, entry: OutboxEntry, owner: string): Promise<boolean> {
  const outbox = outboxFor(deps.appState, deps.clock);
  if (entry.kind !== 'reported' || isOrphan(deps, entry)) {
    await outbox.remove(entry.key);
    deps.logger.warn('announcement dropped: no such incident', { kind: entry.kind, incidentId: 'incidentId' in entry ? entry.incidentId : null });
    return true;
  }
  // The report may still be on its way into the store: look again shortly.
  await outbox.release(entry, owner, new Date(deps.clock.now().getTime() + 5_000));
  return false;
}

/** A short, non-personal name for an error: HTTP status or error class. */
function errorCode(error: unknown): string {
  const e = error as { statusCode?: unknown; status?: unknown; code?: unknown; name?: unknown };
  const status = typeof e?.statusCode === 'number' ? e.statusCode : typeof e?.status === 'number' ? e.status : undefined;
  if (status) return `http_${status}`;
  if (typeof e?.code === 'string' && /^[\w.-]{1,40}$/.test(e.code)) return e.code;
  return typeof e?.name === 'string' ? e.name : 'Error';
}
