/**
 * The scheduler: ticks on an interval and has `sendDueReminders` queue the reminders that fell
 * due; the delivery loop posts them from the outbox. Started by src/main.ts with the bot.
 */
import { sendDueReminders, type UseCaseDeps } from '../use-cases';
import { IntervalTimer, type Timers } from './interval-timer';

export interface ReminderSchedulerOptions {
  /** Between ticks (config SCHEDULER_INTERVAL_SECONDS; default 60 s). */
  intervalMs?: number;
  /** ± fraction of the interval (default 0.1). */
  jitter?: number;
  /** At most this many reminders queued per tick (default `TICK_LIMIT`, 200). */
  limit?: number;
  timers?: Timers;
  random?: () => number;
}

/**
 * A stopped scheduler for `deps` (its clock says what is due; its outbox takes the reminders). Call
 * `start()`; `runNow()` ticks at once; `stop()` waits for a tick under way.
 */
export function reminderScheduler(deps: UseCaseDeps, options: ReminderSchedulerOptions = {}): IntervalTimer {
  return new IntervalTimer(
    async () => {
      await sendDueReminders(deps, { limit: options.limit });
    },
    {
      intervalMs: options.intervalMs ?? 60_000,
      jitter: options.jitter,
      timers: options.timers,
      random: options.random,
      // Log the error's name only: a message may quote personal data.
      onError: (error) => deps.logger.error('reminder tick failed', { error: (error as Error)?.name ?? 'Error' }),
    },
  );
}
