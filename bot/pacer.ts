/**
 * Paces the bot's posts per conversation within Teams' per-bot-per-thread limits, so a burst of
 * reports is announced in full without being throttled.
 *
 * @remarks
 * Teams documents these limits for "send to conversation" per bot per thread: 7 in 1 s, 8 in 2 s,
 * 60 in 30 s and 1,800 in 3,600 s (learn.microsoft.com, "Optimize your bot with rate limiting").
 * Every window is checked over the posts actually made (a sliding log), plus a small margin for
 * the clocks of two machines. A 429 pauses the conversation for its Retry-After.
 * The pacer is per process: several server instances each keep their own account.
 */

export interface RateWindow {
  periodMs: number;
  max: number;
}

/** Teams' per-bot, per-conversation limits for sending and updating messages. */
export const TEAMS_THREAD_LIMITS: readonly RateWindow[] = [
  { periodMs: 1_000, max: 7 },
  { periodMs: 2_000, max: 8 },
  { periodMs: 30_000, max: 60 },
  { periodMs: 3_600_000, max: 1_800 },
];

export interface PacerOptions {
  windows?: readonly RateWindow[];
  /** Milliseconds now; a test passes a virtual clock. */
  now?: () => number;
  /** Waits; a test passes one that advances its virtual clock. */
  sleep?: (ms: number) => Promise<void>;
  /** Added to every window, for clock differences between us and Teams. */
  marginMs?: number;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Sliding-window pacing per conversation. */
export class ConversationPacer {
  private readonly windows: readonly RateWindow[];
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly marginMs: number;
  private readonly longestMs: number;
  private readonly sent = new Map<string, number[]>();
  private readonly pausedUntil = new Map<string, number>();

  constructor(options: PacerOptions = {}) {
    this.windows = options.windows ?? TEAMS_THREAD_LIMITS;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.marginMs = options.marginMs ?? 50;
    this.longestMs = Math.max(...this.windows.map((w) => w.periodMs)) + this.marginMs;
  }

  /** Waits until one more post to the conversation stays within every window, and counts it. */
  async take(conversationId: string): Promise<void> {
    for (;;) {
      const now = this.now();
      const wait = this.waitMs(conversationId, now);
      if (wait <= 0) {
        // Checked and counted without an await in between, so concurrent callers cannot both pass.
        this.log(conversationId, now).push(now);
        return;
      }
      await this.sleep(wait);
    }
  }

  /** Holds the conversation back until `untilMs` (a 429's Retry-After). */
  pause(conversationId: string, untilMs: number): void {
    this.pausedUntil.set(conversationId, Math.max(untilMs, this.pausedUntil.get(conversationId) ?? 0));
  }

  /** How long the next post to the conversation must wait from `now` (0: not at all). */
  waitMs(conversationId: string, now: number): number {
    let wait = (this.pausedUntil.get(conversationId) ?? 0) - now;
    const log = this.log(conversationId, now);
    for (const w of this.windows) {
      const period = w.periodMs + this.marginMs;
      // Posts within the window (log is in time order).
      let first = log.length;
      while (first > 0 && log[first - 1] > now - period) first--;
      const inWindow = log.length - first;
      if (inWindow >= w.max) {
        // The oldest post that must leave the window before one more fits.
        const leaving = log[log.length - w.max];
        wait = Math.max(wait, leaving + period - now);
      }
    }
    return wait;
  }

  private log(conversationId: string, now: number): number[] {
    let log = this.sent.get(conversationId);
    if (!log) {
      log = [];
      this.sent.set(conversationId, log);
    }
    // Forget posts older than the longest window.
    let drop = 0;
    while (drop < log.length && log[drop] <= now - this.longestMs) drop++;
    if (drop > 0) log.splice(0, drop);
    return log;
  }
}
