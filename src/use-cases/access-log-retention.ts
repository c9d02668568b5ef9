/**
 * Access records follow their own retention (`ACCESS_LOG_RETENTION_DAYS`): records read longer ago
 * are deleted from the access log, in chunks of {@link ACCESS_LOG_CULL_CHUNK}. The scheduler asks
 * about once an hour on every instance; a lease in app state (renewed after every chunk) lets one
 * instance at a time cull, and the last finished cull's time there keeps the others from culling
 * again within {@link ACCESS_LOG_CULL_EVERY_MS}. A scheduled run takes at most
 * {@link ACCESS_LOG_CHUNKS_PER_TICK} chunks and leaves the rest to the next tick. The CLI culls
 * everything at once (`npm run register -- access-log-retention [--dry-run]`).
 * @remarks Logged as counts and the cutoff only: a record names people.
 */
import { accessLogCutoff, Conflict, leaseFor, leaseHeldByOther, type Lease, type StateEntry } from '../domain';
import type { UseCaseDeps } from './deps';

/** The app-state item of the access log's retention: the last cull and the lease of the one under way. */
export const ACCESS_LOG_RETENTION_KEY = 'retention:access-log';
/** A scheduled cull runs at most this often across all instances. */
export const ACCESS_LOG_CULL_EVERY_MS = 24 * 3600_000;
/** How long a cull holds its lease; renewed after every chunk. */
export const ACCESS_LOG_LEASE_MS = 10 * 60_000;
/** Records deleted per chunk: on SharePoint about 2,000 resource units, some 1.6 minutes of a site's budget. */
export const ACCESS_LOG_CULL_CHUNK = 1000;
/**
 * Chunks a scheduled cull takes at most before it leaves the rest to the next tick (an hour on),
 * so a first cull of years of reads never holds an instance for hours.
 */
export const ACCESS_LOG_CHUNKS_PER_TICK = 20;

interface AccessLogRetentionState {
  lastCulledAt?: string;
  lastCulled?: number;
  lease?: Lease;
}

/** What a cull did, or why it did nothing. */
export type AccessLogCullResult =
  /** `more`: records are still due (the chunks of this run were used up, or the lease was lost); the next run goes on. */
  | { outcome: 'culled'; cutoff: string; culled: number; more: boolean }
  | { outcome: 'dry-run'; cutoff: string; due: number }
  /** ACCESS_LOG_RETENTION_DAYS is unset: access records are kept. */
  | { outcome: 'kept' }
  /** The last cull (by any instance) was less than a day ago. */
  | { outcome: 'not-due'; lastCulledAt: string }
  /** Another instance holds the lease. */
  | { outcome: 'busy'; until: string };

export interface AccessLogCullOptions {
  /** ACCESS_LOG_RETENTION_DAYS (undefined: kept for ever). */
  days: number | undefined;
  /** Who culls (one per process): the lease's owner. */
  owner: string;
  /** Cull even when the last cull was less than a day ago (the CLI). */
  force?: boolean;
  /** Count what is due, delete nothing, take no lease. */
  dryRun?: boolean;
  /** At most this many chunks of {@link ACCESS_LOG_CULL_CHUNK} (default {@link ACCESS_LOG_CHUNKS_PER_TICK}; the CLI: all). */
  maxChunks?: number;
}

/** Takes the lease; undefined when another instance took it first. */
async function takeLease(
  deps: AccessLogRetentionDeps,
  entry: StateEntry<AccessLogRetentionState> | undefined,
  owner: string,
  now: Date,
): Promise<StateEntry<AccessLogRetentionState> | undefined> {
  const value = {
    ...entry?.value,
    lease: leaseFor(owner, now, ACCESS_LOG_LEASE_MS),
  };
  try {
    return await deps.appState.putState(ACCESS_LOG_RETENTION_KEY, value, entry ? entry.etag : undefined);
  } catch (error) {
    if (error instanceof Conflict) return undefined;
    throw error;
  }
}

/** What a cull needs: the access log, the app state (its lease), a clock and a logger. */
export type AccessLogRetentionDeps = Pick<UseCaseDeps, 'appState' | 'accessLog' | 'clock' | 'logger'>;

/** Culls the access records read before `ACCESS_LOG_RETENTION_DAYS` ago (see the module's remarks). */
export async function cullAccessLog(
  deps: AccessLogRetentionDeps,
  options: AccessLogCullOptions,
): Promise<AccessLogCullResult> {
  const now = deps.clock.now();
  const cutoff = accessLogCutoff(now, options.days);
  if (!cutoff || !deps.accessLog) return { outcome: 'kept' };
  if (options.dryRun)
    return {
      outcome: 'dry-run',
      cutoff: cutoff.toISOString(),
      due: await deps.accessLog.countBefore(cutoff.toISOString()),
    };
  const entry = await deps.appState.getState<AccessLogRetentionState>(ACCESS_LOG_RETENTION_KEY);
  if (leaseHeldByOther(entry?.value.lease, options.owner, now))
    return { outcome: 'busy', until: entry!.value.lease!.until };
  const last = entry?.value.lastCulledAt;
  if (!options.force && last && now.getTime() - Date.parse(last) < ACCESS_LOG_CULL_EVERY_MS)
    return { outcome: 'not-due', lastCulledAt: last };
  const held = await takeLease(deps, entry, options.owner, now);
  if (!held) {
    const other = await deps.appState.getState<AccessLogRetentionState>(ACCESS_LOG_RETENTION_KEY);
    return { outcome: 'busy', until: other?.value.lease?.until ?? now.toISOString() };
  }
  let done: { culled: number; more: boolean; held?: StateEntry<AccessLogRetentionState> };
  try {
    done = await cullInChunks(deps, held, cutoff.toISOString(), options);
  } catch (error) {
    await release(deps, held, { ...held.value, lease: undefined });
    throw error;
  }
  // Finished: the day's cull is done. More left: the next run goes on at once (no lastCulledAt).
  if (done.held)
    await release(
      deps,
      done.held,
      done.more
        ? { lastCulled: done.culled }
        : { lastCulledAt: deps.clock.now().toISOString(), lastCulled: done.culled },
    );
  deps.logger.info('access log culled', {
    culled: done.culled,
    more: done.more,
    cutoff: cutoff.toISOString(),
    days: options.days,
  });
  return { outcome: 'culled', cutoff: cutoff.toISOString(), culled: done.culled, more: done.more };
}

/** Chunk after chunk, renewing the lease after each; stops when none is left, the chunks are used up or the lease is lost. */
async function cullInChunks(
  deps: AccessLogRetentionDeps,
  lease: StateEntry<AccessLogRetentionState>,
  cutoff: string,
  options: AccessLogCullOptions,
): Promise<{ culled: number; more: boolean; held?: StateEntry<AccessLogRetentionState> }> {
  const maxChunks = options.maxChunks ?? ACCESS_LOG_CHUNKS_PER_TICK;
  let held: StateEntry<AccessLogRetentionState> | undefined = lease;
  let culled = 0;
  for (let chunk = 0; chunk < maxChunks; chunk++) {
    const n = await deps.accessLog!.cullBefore(cutoff, ACCESS_LOG_CULL_CHUNK);
    culled += n;
    if (n < ACCESS_LOG_CULL_CHUNK) return { culled, more: false, held };
    held = await takeLease(deps, held, options.owner, deps.clock.now());
    if (!held) {
      deps.logger.warn('access-log retention lease lost; another instance goes on', { culled });
      return { culled, more: true };
    }
  }
  return { culled, more: true, held };
}

/** Writes the state without the lease; a lost write (the lease lapsed and another took it) only lets it lapse. */
async function release(
  deps: AccessLogRetentionDeps,
  held: StateEntry<AccessLogRetentionState>,
  value: AccessLogRetentionState,
): Promise<void> {
  await deps.appState.putState(ACCESS_LOG_RETENTION_KEY, value, held.etag).catch((error: unknown) => {
    deps.logger.warn('access-log retention lease not released; it lapses', { error: (error as Error)?.name });
  });
}
