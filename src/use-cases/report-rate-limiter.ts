/**
 * The reporters' buckets of this server process (the rule is src/domain/report-rate.ts).
 *
 * @remarks The buckets are kept in memory, per process: checking one costs nothing, and a flood
 * from one person (all of it on one key) never turns into write conflicts in the store. With
 * several server instances each keeps its own buckets, so one person may file up to N × 30 at
 * once over N instances (then N per 10 s); a restart forgets them (a full bucket again). That is
 * enough to keep a script from burying the register; it is not an accounting of anyone's reports.
 */
import {
  isFull,
  RateLimited,
  REPORT_RATE,
  returnReportToken,
  takeReportToken,
  type ReportRatePolicy,
  type TokenBucket,
} from '../domain';

/** Buckets remembered before forgetting those that have refilled completely. */
const PRUNE_AT = 10_000;

/** Per-reporter report buckets of one process. */
export class ReportRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  /** Prune when this many are remembered; raised when little could be forgotten, so pruning stays rare. */
  private pruneAt = PRUNE_AT;

  constructor(readonly policy: ReportRatePolicy = REPORT_RATE) {}

  /** Takes a token for one report by `reporterId`; throws {@link RateLimited} when there is none. */
  take(reporterId: string, now: Date): void {
    const decision = takeReportToken(this.buckets.get(reporterId), now.getTime(), this.policy);
    this.buckets.set(reporterId, decision.bucket);
    if (!decision.allowed) throw new RateLimited(decision.retryAfterMs);
    if (this.buckets.size > this.pruneAt) this.prune(now.getTime());
  }

  /** Gives back the token of a report that was not filed after all (a concurrent retry, a store failure). */
  giveBack(reporterId: string, now: Date): void {
    this.buckets.set(reporterId, returnReportToken(this.buckets.get(reporterId), now.getTime(), this.policy));
  }

  /** How many people's buckets are remembered. */
  get size(): number {
    return this.buckets.size;
  }

  private prune(now: number): void {
    for (const [id, bucket] of this.buckets) if (isFull(bucket, now, this.policy)) this.buckets.delete(id);
    this.pruneAt = Math.max(PRUNE_AT, 2 * this.buckets.size);
  }
}
