/**
 * How many reports one person may file in a row: a token bucket per reporter.
 *
 * @remarks 30 at once, then one more every 10 s (360 an hour). A real mass incident is reported
 * by a handful of people, or by one DPO or caseworker filing one report per unit or system
 * affected: dozens within minutes, which 30 at once and 6 a minute after that let through
 * without a single refusal for anyone typing the forms (a form takes longer than 10 s). A script
 * filing 2,000 reports in 3.7 s gets its first 30 through and is then held to one per 10 s, so
 * the register and the DPO channel stay usable. The rule is here; where the buckets are kept
 * (per server process) is src/use-cases/report-rate-limiter.ts.
 */
import { DomainError } from './errors';

/** The size of the bucket and how fast it refills. */
export interface ReportRatePolicy {
  /** Reports one person may file at once (the bucket's size); 0 turns the limit off. */
  burst: number;
  /** One more report is allowed per this many milliseconds. */
  refillMs: number;
}

/** The default: 30 at once, then one per 10 s. */
export const REPORT_RATE: ReportRatePolicy = { burst: 30, refillMs: 10_000 };

/** One reporter's bucket: tokens left at instant `at` (ms). */
export interface TokenBucket {
  tokens: number;
  at: number;
}

/** Whether one more report is allowed, and the bucket after it. */
export type RateDecision =
  { allowed: true; bucket: TokenBucket } | { allowed: false; bucket: TokenBucket; retryAfterMs: number };

/** The bucket refilled up to `now`. */
function refilled(bucket: TokenBucket | undefined, now: number, policy: ReportRatePolicy): TokenBucket {
  if (!bucket) return { tokens: policy.burst, at: now };
  const elapsed = Math.max(0, now - bucket.at);
  return { tokens: Math.min(policy.burst, bucket.tokens + elapsed / policy.refillMs), at: Math.max(now, bucket.at) };
}

/** Takes one report's token from the reporter's bucket, or says how long until there is one. */
export function takeReportToken(
  bucket: TokenBucket | undefined,
  now: number,
  policy: ReportRatePolicy = REPORT_RATE,
): RateDecision {
  const current = refilled(bucket, now, policy);
  if (policy.burst <= 0) return { allowed: true, bucket: current };
  if (current.tokens >= 1) return { allowed: true, bucket: { tokens: current.tokens - 1, at: current.at } };
  return { allowed: false, bucket: current, retryAfterMs: Math.ceil((1 - current.tokens) * policy.refillMs) };
}

/** Gives a token back: the report it was taken for was not filed after all (a retry, a failure). */
export function returnReportToken(
  bucket: TokenBucket | undefined,
  now: number,
  policy: ReportRatePolicy = REPORT_RATE,
): TokenBucket {
  const current = refilled(bucket, now, policy);
  return { tokens: Math.min(policy.burst, current.tokens + 1), at: current.at };
}

/** True when the bucket has refilled completely (it can be forgotten). */
export function isFull(bucket: TokenBucket, now: number, policy: ReportRatePolicy = REPORT_RATE): boolean {
  return refilled(bucket, now, policy).tokens >= policy.burst;
}

/** One person filed too many reports too quickly; nothing was stored. */
export class RateLimited extends DomainError {
  readonly code = 'rate_limited';
  /** Whole seconds until one more report is allowed (for `Retry-After`). */
  readonly retryAfterSeconds: number;
  constructor(retryAfterMs: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super(
      `Du har skickat många rapporter på kort tid. Vänta ${seconds} sekunder och skicka sedan igen; den här rapporten är inte sparad. Gäller det en stor incident med många drabbade system räcker ofta en rapport som beskriver alla.`,
      `You have sent many reports in a short time. Wait ${seconds} seconds, then send again; this report was not saved. For one large incident affecting many systems, a single report describing them all is often enough.`,
    );
    this.retryAfterSeconds = seconds;
  }
}
