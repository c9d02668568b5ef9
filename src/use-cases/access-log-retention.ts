/**
 * Access records follow their own retention (`ACCESS_LOG_RETENTION_DAYS`): records read longer ago
 * are deleted from the access log. The scheduler asks about once an hour on every instance; a
 * lease in app state lets one instance at a time cull, and the last cull's time there keeps the
 * others from culling again within {@link ACCESS_LOG_CULL_EVERY_MS}. The CLI culls at once
 * (`npm run register -- access-log-retention [--dry-run]`).
 * @remarks Logged as counts and the cutoff only: a record names people.
 */
import { accessLogCutoff, Conflict, type StateEntry } from '../domain';
import type { UseCaseDeps } from './deps';

/** The app-state item of the access log's retention: the last cull and the lease of the one under way. */
export const ACCESS_LOG_RETENTION_KEY = 'retention:access-log';
/** A scheduled cull runs at most this often across all instances. */
export const ACCESS_LOG_CULL_EVERY_MS = 24 * 3600_000;
/** How long a cull holds its lease: far past a cull of a year of reads on SharePoint. */
export const ACCESS_LOG_LEASE_MS = 30 * 60_000;

interface AccessLogRetentionState {
  lastCulledAt?: string;
  lastCulled?: number;
  lease?: { owner: string; until: string };
}

/** What a cull did, or why it did nothing. */
export type AccessLogCullResult =
  | { outcome: 'culled'; cutoff: string; culled: number }
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
}

function leaseHeld(state: AccessLogRetentionState | undefined, owner: string, now: Date): boolean {
  return Boolean(state?.lease && state.lease.owner !== owner && Date.parse(state.lease.until) > now.getTime());
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
    lease: { owner, until: new Date(now.getTime() + ACCESS_LOG_LEASE_MS).toISOString() },
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
  if (leaseHeld(entry?.value, options.owner, now)) return { outcome: 'busy', until: entry!.value.lease!.until };
  const last = entry?.value.lastCulledAt;
  if (!options.force && last && now.getTime() - Date.parse(last) < ACCESS_LOG_CULL_EVERY_MS)
    return { outcome: 'not-due', lastCulledAt: last };
  const held = await takeLease(deps, entry, options.owner, now);
  if (!held) {
    const other = await deps.appState.getState<AccessLogRetentionState>(ACCESS_LOG_RETENTION_KEY);
    return { outcome: 'busy', until: other?.value.lease?.until ?? now.toISOString() };
  }
  let culled: number;
  try {
    culled = await deps.accessLog.cullBefore(cutoff.toISOString());
  } catch (error) {
    await release(deps, held, { ...held.value, lease: undefined });
    throw error;
  }
  await release(deps, held, { lastCulledAt: deps.clock.now().toISOString(), lastCulled: culled });
  deps.logger.info('access log culled', { culled, cutoff: cutoff.toISOString(), days: options.days });
  return { outcome: 'culled', cutoff: cutoff.toISOString(), culled };
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
