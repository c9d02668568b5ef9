/**
 * The access log's retention on a timer: about once an hour each instance asks
 * `cullAccessLog`, which culls at most once a day across instances (a lease and the last cull's
 * time in app state). Started by src/main.ts when ACCESS_LOG_RETENTION_DAYS is set.
 */
import { cullAccessLog, type UseCaseDeps } from '../use-cases';
import { IntervalTimer, type Timers } from './interval-timer';

export interface AccessLogRetentionSchedulerOptions {
  /** ACCESS_LOG_RETENTION_DAYS. */
  days: number;
  /** The lease's owner: one per process. */
  owner: string;
  /** Between ticks (default an hour). */
  intervalMs?: number;
  timers?: Timers;
  random?: () => number;
}

/** A stopped timer that culls the access log; `start()` runs it at once and then every interval. */
export function accessLogRetentionScheduler(
  deps: UseCaseDeps,
  options: AccessLogRetentionSchedulerOptions,
): IntervalTimer {
  return new IntervalTimer(
    async () => {
      await cullAccessLog(deps, { days: options.days, owner: options.owner });
    },
    {
      intervalMs: options.intervalMs ?? 3600_000,
      timers: options.timers,
      random: options.random,
      // The error's name only: a message may quote what a store held.
      onError: (error) =>
        deps.logger.error('access-log retention failed', { error: (error as Error)?.name ?? 'Error' }),
    },
  );
}
