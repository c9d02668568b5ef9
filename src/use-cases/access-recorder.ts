/**
 * Keeps access records (src/domain/access-log.ts) without slowing or failing the read they record:
 * a read only queues its record here; the recorder appends what is queued in one batch shortly
 * after (one write per batch, however many reads), and keeps what a failed append held to send again.
 * @remarks What a crash loses: the records queued since the last successful append (at most
 * `flushDelayMs` of reads while the store answers; longer while it does not). Memory is bounded:
 * past `maxQueued` the oldest queued records are dropped, and the count is logged as an error.
 */
import type { AccessLog, AccessRecord, Logger } from '../domain';

/** Timer functions (tests pass their own). */
export interface RecorderTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const nodeTimers: RecorderTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface AccessRecorderOptions {
  /** How long a record waits to be appended with others (default 1000 ms). */
  flushDelayMs?: number;
  /** First wait after a failed append; doubled each time, at most 60 s (default 2000 ms). */
  retryDelayMs?: number;
  /** Records kept queued at most (default 50,000). */
  maxQueued?: number;
  timers?: RecorderTimers;
  logger?: Logger;
}

/** Queues access records and appends them to the {@link AccessLog} in batches, retrying failures. */
export class AccessRecorder {
  private queue: AccessRecord[] = [];
  private handle: unknown;
  private flushing: Promise<boolean> | undefined;
  private failures = 0;
  private closed = false;
  private readonly flushDelayMs: number;
  private readonly retryDelayMs: number;
  private readonly maxQueued: number;
  private readonly timers: RecorderTimers;

  constructor(
    private readonly log: AccessLog,
    private readonly options: AccessRecorderOptions = {},
  ) {
    this.flushDelayMs = options.flushDelayMs ?? 1000;
    this.retryDelayMs = options.retryDelayMs ?? 2000;
    this.maxQueued = options.maxQueued ?? 50_000;
    this.timers = options.timers ?? nodeTimers;
  }

  /** Records queued and not yet appended. */
  get pending(): number {
    return this.queue.length;
  }

  /** Queues a record; never throws and never waits for the store. */
  record(record: AccessRecord): void {
    this.queue.push(record);
    if (this.queue.length > this.maxQueued) {
      const dropped = this.queue.length - this.maxQueued;
      this.queue.splice(0, dropped);
      this.options.logger?.error('access records dropped', { dropped, queued: this.queue.length });
    }
    if (!this.closed) this.schedule(this.flushDelayMs);
  }

  /**
   * Appends everything queued now; answers whether it all landed. A failed append puts its
   * records back at the front of the queue and schedules another try with backoff.
   */
  flush(): Promise<boolean> {
    if (this.flushing) return this.flushing.then(() => (this.queue.length === 0 ? true : this.flush()));
    if (this.queue.length === 0) return Promise.resolve(true);
    this.cancel();
    const batch = this.queue;
    this.queue = [];
    this.flushing = this.log.append(batch).then(
      () => {
        this.failures = 0;
        return true;
      },
      (error: unknown) => {
        this.queue = [...batch, ...this.queue];
        this.failures++;
        const waitMs = Math.min(this.retryDelayMs * 2 ** (this.failures - 1), 60_000);
        this.options.logger?.warn('access log append failed; retrying', {
          records: batch.length,
          waitMs,
          code: (error as { code?: unknown }).code ?? (error as Error).name,
        });
        if (!this.closed) this.schedule(waitMs);
        return false;
      },
    );
    return this.flushing.finally(() => {
      this.flushing = undefined;
    });
  }

  /** Stops the timer and appends what is queued (once); logs what could not be kept. */
  async close(): Promise<void> {
    this.closed = true;
    this.cancel();
    if (!(await this.flush()) && this.queue.length > 0) {
      this.options.logger?.error('access records not kept at shutdown', { records: this.queue.length });
    }
  }

  private schedule(ms: number): void {
    if (this.handle !== undefined) return;
    this.handle = this.timers.setTimeout(() => {
      this.handle = undefined;
      void this.flush();
    }, ms);
  }

  private cancel(): void {
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }
}
