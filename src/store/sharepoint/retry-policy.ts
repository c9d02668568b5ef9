/**
 * When and how long to wait before retrying a throttled or unavailable Graph request.
 * @remarks Microsoft's throttling guidance: on 429 or 503 wait the `Retry-After` the service
 * sends, then retry; without one, back off exponentially. The total wait of one operation is
 * bounded so a caller waiting in Teams gets an answer (an error) instead of hanging.
 */

/** Statuses that mean "try again later": throttled, unavailable, gateway timeout. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

export interface RetryPolicyOptions {
  /** Retries per operation (default 8). */
  maxRetries?: number;
  /** Upper bound of the summed waits of one operation, in ms (default 60 000). */
  maxTotalWaitMs?: number;
  /** First back-off when the service sends no Retry-After, in ms (default 500). */
  baseDelayMs?: number;
  /** Cap of one back-off without Retry-After, in ms (default 16 000). */
  maxDelayMs?: number;
  /** How to wait; tests pass a recording or scaled sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** Source of jitter in [0, 1); tests pass a constant. */
  random?: () => number;
}

/** The wait budget of one logical operation (a request with its retries, or a batch loop). */
export interface RetryBudget {
  /**
   * The wait before the next attempt, or undefined when the budget is spent (too many
   * retries, or the service asks for a wait longer than what is left).
   */
  next(retryAfter: string | null | undefined): number | undefined;
  /** Waits `ms`, counting it against the budget. */
  wait(ms: number): Promise<void>;
  /** Attempts made so far after the first. */
  readonly retries: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Parses `Retry-After` (delta-seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Shared by the HTTP middleware and the batch loops, so both honour the same bounds. */
export class RetryPolicy {
  readonly maxRetries: number;
  readonly maxTotalWaitMs: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(options: RetryPolicyOptions = {}) {
    this.maxRetries = options.maxRetries ?? 8;
    this.maxTotalWaitMs = options.maxTotalWaitMs ?? 60_000;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 16_000;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
  }

  /** Starts the budget of one operation. */
  budget(): RetryBudget {
    let retries = 0;
    let waited = 0;
    return {
      get retries() {
        return retries;
      },
      next: (retryAfter) => {
        if (retries >= this.maxRetries) return undefined;
        const asked = parseRetryAfter(retryAfter);
        // Retry-After is a floor set by the service; without it, exponential back-off with jitter.
        const ms = asked ?? Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** retries) * (0.5 + this.random() / 2);
        if (waited + ms > this.maxTotalWaitMs) return undefined;
        return Math.round(ms);
      },
      wait: async (ms) => {
        retries += 1;
        waited += ms;
        await this.sleep(ms);
      },
    };
  }
}
