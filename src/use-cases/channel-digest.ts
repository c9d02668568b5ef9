/**
 * The digest in the DPO channel (rules in src/domain/channel-digest.ts): when new incidents pile
 * up faster than Teams lets their cards out, one digest card lists them at once and is updated
 * in place; each incident's own card still follows (the outbox keeps its news until then).
 *
 * @remarks The open digest (its message id, where, since when, its lines) is app state under
 * {@link DIGEST_KEY}, so a restart or another instance updates that digest rather than posting a
 * new one. Whoever changes it first takes a short lock under the item's etag, so two instances
 * never post two digests for the same reports; a post is never begun on a lock with under a third
 * of its time left.
 */
import {
  Conflict,
  DIGEST_UPDATE_MIN_MS,
  digestLine,
  digestWanted,
  fillDigests,
  leaseFor,
  leaseHeldByOther,
  type ChannelPoster,
  type DigestLine,
  type Lease,
} from '../domain';
import type { DeliveryDeps } from './deliver-announcements';
import { getPostedCard, type DpoChannel } from './dpo-channel';

export const DIGEST_KEY = 'dpo-digest';

/** How long one instance holds the digest while it posts or updates it. */
const DIGEST_LOCK_MS = 30_000;
/** New incidents read for one step at most (the rest come at the next). */
const MAX_NEWCOMERS = 300;
/** Incidents read at once. */
const READ_AT_ONCE = 20;

/** The digest now open for more incidents. */
export interface OpenDigest {
  address: DpoChannel['address'];
  messageId: string;
  since: string;
  updatedAt: string;
  lines: DigestLine[];
}

/** The digest's app state. */
export interface DigestState {
  open?: OpenDigest;
  /** Report ids listed in earlier (full or closed) digests whose own card is still owed. */
  shown: string[];
  lock?: Lease;
}

/** What a digest step did. */
export interface DigestStepResult {
  /** Incidents newly listed in a digest. */
  listed: number;
  /** Digest messages posted. */
  posted: number;
  /** Digest messages updated. */
  updated: number;
}

const NOTHING: DigestStepResult = { listed: 0, posted: 0, updated: 0 };

/** The digest's state as stored (or empty). */
export async function getDigestState(deps: Pick<DeliveryDeps, 'appState'>): Promise<DigestState | undefined> {
  return (await deps.appState.getState<DigestState>(DIGEST_KEY))?.value;
}

/**
 * Lists in the digest every stored new incident that still waits for its own card, when the
 * rules want a digest; closes the open digest once none of its incidents waits any more.
 * Errors from the poster (ChannelBusy included) are thrown after what was posted is recorded.
 */
export async function refreshDigest(
  deps: DeliveryDeps,
  poster: ChannelPoster,
  channel: DpoChannel,
  owner: string,
): Promise<DigestStepResult> {
  const now = deps.clock.now();
  const pendingReports = (await deps.outbox.pending()).filter((e) => e.kind === 'reported');
  const pendingIds = new Set(pendingReports.map((e) => e.reportId));
  const entry = await deps.appState.getState<DigestState>(DIGEST_KEY);
  const state: DigestState = entry?.value ?? { shown: [] };
  if (leaseHeldByOther(state.lock, owner, now)) return NOTHING;

  const open =
    state.open &&
    state.open.lines.some((l) => pendingIds.has(l.reportId)) &&
    state.open.address.conversationId === channel.address.conversationId
      ? state.open
      : undefined;
  const shown = state.shown.filter((id) => pendingIds.has(id));
  const known = new Set([...shown, ...(open?.lines.map((l) => l.reportId) ?? [])]);
  const tidy = (): DigestState => ({
    open,
    shown:
      state.open && !open
        ? [...shown, ...state.open.lines.map((l) => l.reportId).filter((id) => pendingIds.has(id))]
        : shown,
  });

  if (!digestWanted(pendingReports.length, Boolean(open))) {
    await settle(deps, entry?.etag, state, tidy());
    return NOTHING;
  }
  // Throttled: the open digest was updated a moment ago; the next step lists the newcomers.
  if (open && now.getTime() - Date.parse(open.updatedAt) < DIGEST_UPDATE_MIN_MS) return NOTHING;

  const newcomers = pendingReports.filter((news) => !known.has(news.reportId)).slice(0, MAX_NEWCOMERS);
  if (newcomers.length === 0) {
    await settle(deps, entry?.etag, state, tidy());
    return NOTHING;
  }

  // Take the digest for this change: another instance doing the same loses the etag race.
  let current: DigestState = {
    ...tidy(),
    lock: leaseFor(owner, now, DIGEST_LOCK_MS),
  };
  let etag: string;
  try {
    etag = (await deps.appState.putState(DIGEST_KEY, current, entry ? entry.etag : undefined)).etag;
  } catch (error) {
    if (error instanceof Conflict) return NOTHING;
    throw error;
  }
  const lockUntil = Date.parse(current.lock!.until);
  const result: DigestStepResult = { listed: 0, posted: 0, updated: 0 };
  const save = async (next: DigestState) => {
    current = next;
    etag = (await deps.appState.putState(DIGEST_KEY, current, etag)).etag;
  };
  try {
    // Read while holding the digest, so only one instance reads them; a few at a time (SharePoint round trips).
    const added: DigestLine[] = [];
    for (let i = 0; i < newcomers.length; i += READ_AT_ONCE) {
      const found = await Promise.all(
        newcomers.slice(i, i + READ_AT_ONCE).map(async (news) => {
          const incident = await deps.store.getByReportId(news.reportId);
          return incident && !(await getPostedCard(deps, incident.id)) ? digestLine(incident) : undefined;
        }),
      );
      for (const line of found) if (line) added.push(line);
    }
    if (added.length === 0) return result;
    const filled = fillDigests(open?.lines ?? [], added);
    if (open && filled.open.length > open.lines.length) {
      await poster.updateDigest(open.address, open.messageId, {
        lines: filled.open,
        since: open.since,
        now: deps.clock.now(),
      });
      const updatedAt = deps.clock.now().toISOString();
      result.updated += 1;
      result.listed += filled.open.length - open.lines.length;
      await save({ ...current, open: { ...open, lines: filled.open, updatedAt } });
    }
    const fresh = open ? filled.next : [filled.open, ...filled.next].filter((lines) => lines.length > 0);
    for (const lines of fresh) {
      // A post begun with little of the lock left could be made again by whoever takes it over.
      if (lockUntil - deps.clock.now().getTime() < DIGEST_LOCK_MS / 3) break;
      const at = deps.clock.now().toISOString();
      const messageId = await poster.postDigest(channel.address, { lines, since: at, now: deps.clock.now() });
      result.posted += 1;
      result.listed += lines.length;
      const before = current.open;
      await save({
        ...current,
        shown: before ? [...current.shown, ...before.lines.map((l) => l.reportId)] : current.shown,
        open: { address: channel.address, messageId, since: at, updatedAt: at, lines },
      });
    }
    deps.logger.info('digest refreshed', { ...result });
  } finally {
    const { lock: _lock, ...unlocked } = current;
    await deps.appState.putState(DIGEST_KEY, unlocked, etag).catch((error) => {
      deps.logger.warn('digest lock not released; it lapses', { error: (error as Error).name });
    });
  }
  return result;
}

/** Writes the tidied state when it changed (a closed digest, pruned ids); a lost race changes nothing. */
async function settle(
  deps: DeliveryDeps,
  etag: string | undefined,
  before: DigestState,
  after: DigestState,
): Promise<void> {
  if (!etag || (before.open === after.open && before.shown.length === after.shown.length)) return;
  await deps.appState.putState(DIGEST_KEY, after, etag).catch((error) => {
    if (!(error instanceof Conflict)) throw error;
  });
}
