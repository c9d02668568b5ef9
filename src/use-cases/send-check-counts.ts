/**
 * Counting the check on Send (src/domain/send-check-counts.ts): the Outlook handler reports one
 * event, the DPO reads the months. The counters are app-state items, one per month, raised with
 * the etag the increment read; a conflict (another request or server instance raised it first) is
 * read again and retried, so concurrent increments are all counted, on SQLite and SharePoint alike.
 */
import {
  Conflict,
  Forbidden,
  incremented,
  isDpo,
  parseSendCheckEvent,
  sendCheckCounterKey,
  sendCheckMonth,
  sendCheckRange,
  StoreUnavailable,
  tallyOf,
  type AppStateStore,
  type SendCheckEvent,
  type SendCheckMonth,
  type Caller,
} from '../domain';
import type { UseCaseDeps } from './deps';

/** How often an increment is tried before the store is called busy. */
const MAX_ATTEMPTS = 40;

/**
 * A random pause up to 10 ms × 2^attempt (at most 640 ms), so racing increments spread out over
 * a store's round trip (SharePoint's is tens of milliseconds) instead of colliding again.
 */
function backoff(attempt: number): Promise<void> {
  const ms = Math.floor(Math.random() * 10 * 2 ** Math.min(attempt, 6));
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface CountOptions {
  maxAttempts?: number;
  pause?: (attempt: number) => Promise<void>;
}

/** Raises the month's counter of the event's kind by one: read, write with the etag read, again on a conflict. */
export async function incrementSendCheckCounter(
  appState: AppStateStore,
  event: SendCheckEvent,
  options: CountOptions = {},
): Promise<void> {
  const key = sendCheckCounterKey(event.month);
  const attempts = options.maxAttempts ?? MAX_ATTEMPTS;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const entry = await appState.getState<unknown>(key);
    const next = incremented(tallyOf(entry?.value), event.kind);
    try {
      // No item yet: create only, so two first increments do not both write 1.
      await appState.putState(key, next, entry ? entry.etag : undefined);
      return;
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      await (options.pause ?? backoff)(attempt);
    }
  }
  throw new StoreUnavailable(1, { operation: 'send-check count', attempts });
}

/**
 * Counts one report of the handler. The caller must be signed in (any role) but is not recorded:
 * the counters hold numbers only. Bad input is refused before anything is counted.
 */
export async function countSendCheckEvent(
  deps: Pick<UseCaseDeps, 'appState' | 'clock'>,
  raw: unknown,
  options?: CountOptions,
): Promise<SendCheckEvent> {
  const event = parseSendCheckEvent(raw, deps.clock.now());
  await incrementSendCheckCounter(deps.appState, event, options);
  return event;
}

/** The months' numbers for the DPO, oldest first; a month with nothing counted answers zeros. */
export async function readSendCheckCounts(
  deps: Pick<UseCaseDeps, 'appState' | 'clock'>,
  caller: Caller,
  period: { from?: string; to?: string },
): Promise<SendCheckMonth[]> {
  if (!isDpo(caller))
    throw new Forbidden(
      'Bara dataskyddsombudet ser hur ofta varningen vid Skicka visades.',
      'Only the data protection officer sees how often the alert on Send was shown.',
    );
  const months = sendCheckRange(period.from, period.to, deps.clock.now());
  const entries = await Promise.all(months.map((m) => deps.appState.getState<unknown>(sendCheckCounterKey(m))));
  return months.map((m, i) => sendCheckMonth(m, tallyOf(entries[i]?.value)));
}
