/**
 * Delivers the outbox to the DPO channel: claims due announcements and, for each, posts the
 * incident's card once, then updates that same card; a reminder also replies in the card's
 * thread. Everything goes out through the {@link ChannelPoster} port (the bot implements it).
 * A delivered entry is completed; a failed one is retried with backoff; a busy channel (429)
 * puts the rest of the pass back for its Retry-After.
 */
import {
  ChannelBusy,
  Conflict,
  type ChannelPoster,
  type DueReminder,
  type Incident,
  type MentionTarget,
} from '../domain';
import type { UseCaseDeps } from './deps';
import { getDpoChannel, getPostedCard, recordPostedCard, type DpoChannel, type PostedCard } from './dpo-channel';
import { retryDelayMs, type Outbox, type OutboxEntry } from './outbox';
import { deliverReminder, ReminderNotRecorded } from './send-due-reminders';
import { refreshDigest } from './channel-digest';

/** Within a pass, the digest is looked at again before a new incident's card when this long has passed. */
const DIGEST_RECHECK_MS = 1_000;

/** The deps of delivery: the outbox must be there. */
export type DeliveryDeps = UseCaseDeps & { outbox: Outbox };

/**
 * Delivery cannot go on now through no fault of the news: no DPO channel is set yet, or the
 * channel asked us to slow down. The entries are put back, not counted as failed attempts.
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

/** The default claim lease: 5 minutes, far past a paced pass of 50 (about 25 s at 60 per 30 s). */
export const DEFAULT_LEASE_MS = 5 * 60_000;

export interface DeliverAnnouncementsOptions {
  /** Who claims (one id per server instance). */
  owner: string;
  /** At most this many deliveries in one pass. */
  limit?: number;
  /** How long a claim holds; longer than a paced pass of `limit` deliveries takes. */
  leaseMs?: number;
  /**
   * Whom a reminder chases when nobody owns the incident (configured DPOs); default: the DPOs
   * seen acting in the channel.
   */
  dpoMentions?: readonly MentionTarget[];
}

export interface DeliverAnnouncementsResult {
  delivered: number;
  failed: number;
  /** Delivery could not go on; the rest of the pass was put back. */
  deferred?: AnnouncementDeferred;
  /** Entries dropped unsent: their incident does not exist, or a reminder is no longer owed (sent already, clock stopped). */
  dropped: number;
}

/** At most this many DPOs are @mentioned in one reminder. */
export const MAX_REMINDER_MENTIONS = 10;

/** A report whose incident has not appeared this long after it was queued was never stored. */
const ORPHAN_AFTER_MS = 10 * 60_000;

/** A change or a reminder is held back while the report of the same incident waits to be announced. */
function eligible(entry: OutboxEntry, pendingReportIds: ReadonlySet<string>): boolean {
  return entry.kind === 'reported' || !pendingReportIds.has(entry.reportId);
}

/**
 * One pass over the outbox: claims up to `limit` due entries and delivers them in order.
 * @remarks Claims nothing while no DPO channel is set (rather than claiming and putting back
 * every pending entry on every wake). Stops at the first deferral and releases the rest
 * unchanged, so a 429 pauses the whole pass rather than being hammered by every remaining entry.
 */
export async function deliverAnnouncements(
  deps: DeliveryDeps,
  poster: ChannelPoster,
  options: DeliverAnnouncementsOptions,
): Promise<DeliverAnnouncementsResult> {
  // Read once per pass: the channel rarely changes, and a pass is short (its lease is minutes).
  const channel = await getDpoChannel(deps);
  if (!channel) {
    return { delivered: 0, failed: 0, dropped: 0, deferred: new AnnouncementDeferred('not-configured') };
  }
  const { outbox } = deps;
  const { owner } = options;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const result: DeliverAnnouncementsResult = { delivered: 0, failed: 0, dropped: 0 };
  // New incidents piling up go into one digest first, so they are all on screen within seconds.
  let digestAt = deps.clock.now().getTime();
  await digestStep(deps, poster, channel, owner);
  const claimed = await outbox.claimDue(owner, options.limit ?? 50, leaseMs, eligible);
  for (let i = 0; i < claimed.length; i++) {
    const entry = claimed[i];
    // A post begun on a claim about to run out could be made a second time by the instance that
    // takes the claim over: with under a third of the lease left, the rest goes back for a new pass.
    const left = Date.parse(entry.claim?.until ?? '') - deps.clock.now().getTime();
    if (!(left > leaseMs / 3)) {
      await outbox.releaseAll(claimed.slice(i), owner, deps.clock.now());
      deps.logger.info('announcements put back: their claim was running out', { pending: claimed.length - i });
      return result;
    }
    let incident: Incident | undefined;
    try {
      if (entry.kind === 'reported' && deps.clock.now().getTime() - digestAt >= DIGEST_RECHECK_MS) {
        digestAt = deps.clock.now().getTime();
        await digestStep(deps, poster, channel, owner);
      }
      incident =
        entry.kind === 'reported'
          ? await deps.store.getByReportId(entry.reportId)
          : await deps.store.get(entry.incidentId);
      if (!incident) {
        if (await settleMissing(deps, entry, owner)) result.dropped += 1;
        continue;
      }
      if (entry.kind !== 'reminder') await showCard(deps, poster, channel, incident);
      else {
        const send = (current: Incident, reminder: DueReminder) =>
          remind(deps, poster, channel, current, reminder, options.dpoMentions ?? []);
        if ((await deliverReminder(deps, send, incident, entry.slot, entry.sentSlot)) === 'stale') {
          await outbox.complete(entry, owner);
          result.dropped += 1;
          continue;
        }
      }
      await outbox.complete(entry, owner);
      result.delivered += 1;
    } catch (error) {
      const deferred = deferralOf(error);
      if (deferred) {
        const notBefore = new Date(deps.clock.now().getTime() + (deferred.retryAfterMs ?? 0));
        await outbox.releaseAll(claimed.slice(i), owner, notBefore);
        deps.logger.info('announcements deferred', {
          reason: deferred.reason,
          retryAfterMs: deferred.retryAfterMs ?? null,
          pending: claimed.length - i,
        });
        result.deferred = deferred;
        return result;
      }
      const attempts = entry.attempts + 1;
      const sentSlot = error instanceof ReminderNotRecorded ? error.slot : undefined;
      const code = errorCode(error instanceof ReminderNotRecorded ? error.cause : error);
      await outbox.release(entry, owner, new Date(deps.clock.now().getTime() + retryDelayMs(attempts)), {
        error: code,
        sentSlot,
      });
      deps.logger.warn('announcement delivery failed; will retry', {
        kind: entry.kind,
        incidentId: incident?.id ?? null,
        number: incident?.number ?? null,
        attempts,
        error: code,
      });
      result.failed += 1;
    }
  }
  return result;
}

/**
 * Brings the digest up to date. It only adds to what the incidents' own cards will show, so its
 * failure (the store or the channel) holds up no card: it is logged and tried at the next step.
 */
async function digestStep(
  deps: DeliveryDeps,
  poster: ChannelPoster,
  channel: DpoChannel,
  owner: string,
): Promise<void> {
  try {
    await refreshDigest(deps, poster, channel, owner);
  } catch (error) {
    deps.logger.info('digest not refreshed; tried again shortly', { error: errorCode(error) });
  }
}

function deferralOf(error: unknown): AnnouncementDeferred | undefined {
  if (error instanceof AnnouncementDeferred) return error;
  if (error instanceof ChannelBusy) return new AnnouncementDeferred('rate-limited', error.retryAfterMs);
  return undefined;
}

/** Posts the incident's card, or updates it when one was posted before (a retried or repeated announcement). */
async function showCard(
  deps: DeliveryDeps,
  poster: ChannelPoster,
  channel: DpoChannel,
  incident: Incident,
): Promise<PostedCard> {
  const posted = await getPostedCard(deps, incident.id);
  const view = { now: deps.clock.now(), refreshUserIds: channel.refreshUserIds };
  if (posted) {
    // A card stays where it was posted, even after the DPO channel moved.
    await poster.updateCard(posted.address, posted.messageId, incident, view);
    return posted;
  }
  const address = channel.address;
  const messageId = await poster.postCard(address, incident, view);
  const card: PostedCard = { address, messageId, postedAt: deps.clock.now().toISOString() };
  try {
    await recordPostedCard(deps, incident.id, card);
  } catch (error) {
    // Another instance posted too, despite the outbox claim (its lease ran out mid-post).
    if (!(error instanceof Conflict)) throw error;
    deps.logger.warn('a second card was posted for one incident', { incidentId: incident.id, number: incident.number });
  }
  return card;
}

/**
 * A reminder: the card is brought up to date (it shows the time left as of now, or that the clock
 * stopped) and, when the reminder chases, a reply in the card's thread @mentions the owner, or the
 * DPOs when nobody owns it. A retry after a failed reply updates the card again: harmless.
 */
async function remind(
  deps: DeliveryDeps,
  poster: ChannelPoster,
  channel: DpoChannel,
  incident: Incident,
  reminder: DueReminder,
  configured: readonly MentionTarget[],
): Promise<void> {
  const card = await showCard(deps, poster, channel, incident);
  if (!reminder.mention) return;
  const dpos =
    configured.length > 0 ? configured : channel.refreshUserIds.map((id) => ({ id, name: 'Dataskyddsombud' }));
  const mentions = incident.owner
    ? [{ id: incident.owner.id, name: incident.owner.name }]
    : dpos.slice(0, MAX_REMINDER_MENTIONS);
  await poster.replyToCard(card.address, card.messageId, incident, reminder, { now: deps.clock.now(), mentions });
}

function isOrphan(deps: UseCaseDeps, entry: OutboxEntry): boolean {
  return deps.clock.now().getTime() - Date.parse(entry.enqueuedAt) > ORPHAN_AFTER_MS;
}

/** A change or reminder of a vanished incident is dropped; a report not stored yet waits, then is dropped as an orphan. */
async function settleMissing(deps: DeliveryDeps, entry: OutboxEntry, owner: string): Promise<boolean> {
  if (entry.kind !== 'reported' || isOrphan(deps, entry)) {
    await deps.outbox.remove(entry.key);
    deps.logger.warn('announcement dropped: no such incident', {
      kind: entry.kind,
      incidentId: 'incidentId' in entry ? entry.incidentId : null,
    });
    return true;
  }
  // The report may still be on its way into the store: look again shortly.
  await deps.outbox.release(entry, owner, new Date(deps.clock.now().getTime() + 5_000));
  return false;
}

/** A short, non-personal name for an error: HTTP status or error class. */
function errorCode(error: unknown): string {
  const e = error as { statusCode?: unknown; status?: unknown; code?: unknown; name?: unknown };
  const status =
    typeof e?.statusCode === 'number' ? e.statusCode : typeof e?.status === 'number' ? e.status : undefined;
  if (status) return `http_${status}`;
  if (typeof e?.code === 'string' && /^[\w.-]{1,40}$/.test(e.code)) return e.code;
  return typeof e?.name === 'string' ? e.name : 'Error';
}
