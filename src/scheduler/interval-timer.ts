/**
 * A timer that runs a task every interval, give or take some jitter: never two runs at once in
 * one process, and `stop()` waits for a run under way. Timers and randomness are injectable, so
 * tests step it without waiting.
 */

/** The timer functions the scheduler uses; tests pass their own. */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Node's timers, unref'd: a pending tick never keeps the process alive. */
export const realTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface IntervalTimerOptions {
  intervalMs: number;
  /**
   * Each wait varies by up to this fraction of the interval either way (default 0.1), so server
   * instances started together drift apart instead of ticking in lockstep.
   */
  jitter?: number;
  /** Uniform in [0, 1) (default Math.random). */
  random?: () => number;
  timers?: Timers;
  /** Run at once on start (default true), then every interval. */
  runAtStart?: boolean;
  /** A run that threw: logged by the caller; the timer carries on. */
  onError: (error: unknown) => void;
}

/** Runs `task` on an interval with jitter; one run at a time. */
export class IntervalTimer {
  private handle: unknown;
  private running: Promise<void> | undefined;
  private stopped = true;
  private readonly timers: Timers;
  private readonly random: () => number;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly options: IntervalTimerOptions,
  ) {
    if (!(options.intervalMs > 0)) throw new RangeError('intervalMs must be positive.');
    this.timers = options.timers ?? realTimers;
    this.random = options.random ?? Math.random;
  }

  /** Starts ticking (a no-op when started already). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(this.options.runAtStart === false ? this.nextDelayMs() : 0);
  }

  /** Runs the task now; when a run is under way, resolves with that one instead of starting another. */
  runNow(): Promise<void> {
    if (this.running) return this.running;
    const run = (async () => {
      try {
        await this.task();
      } catch (error) {
        this.options.onError(error);
      }
    })();
    this.running = run.finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Stops ticking and waits for a run under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
    await this.running;
  }

  /** The wait before the next run: the interval ± jitter. */
  nextDelayMs(): number {
    const jitter = Math.min(Math.max(this.options.jitter ?? 0.1, 0), 1);
    return Math.max(0, Math.round(this.options.intervalMs * (1 + jitter * (2 * this.random() - 1))));
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.handle = this.timers.setTimeout(() => {
      this.handle = undefined;
      // The next wait starts when this run ends: a slow run never overlaps the next.
      void this.runNow().then(() => this.schedule(this.nextDelayMs()));
    }, ms);
  }
}
