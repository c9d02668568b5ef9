/**
 * Runs the delivery of announcements for one process: a pass whenever the outbox says news is
 * there, when a retry falls due, and on a slow poll that picks up news queued by other server
 * instances. Composed once, in src/main.ts, with the bot's ChannelPoster.
 */
import type { ChannelPoster, Logger, MentionTarget } from '../domain';
import { deliverAnnouncements, type DeliverAnnouncementsResult, type DeliveryDeps } from './deliver-announcements';

export interface DeliveryLoopOptions {
  /** The claim owner: one per server instance. */
  owner: string;
  logger: Logger;
  /** The slowest the outbox is looked at (default 30 s). */
  pollMs?: number;
  /** Deliveries per pass (default 50). */
  batch?: number;
  /** Whom reminders chase when nobody owns the incident (config DPO_MENTIONS). */
  dpoMentions?: readonly MentionTarget[];
  /** How long a claim holds (default DEFAULT_LEASE_MS, 5 min; OUTBOX_LEASE_SECONDS). */
  leaseMs?: number;
}

function progressed(r: DeliverAnnouncementsResult): boolean {
  return !r.deferred && r.delivered + r.failed + r.dropped > 0;
}

/** Drives {@link deliverAnnouncements}: one pass at a time within the process. */
export class DeliveryLoop {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private stopListening: (() => void) | undefined;

  constructor(
    private readonly deps: DeliveryDeps,
    private readonly poster: ChannelPoster,
    private readonly options: DeliveryLoopOptions,
  ) {}

  /** Listens to the outbox and delivers what is pending already (news queued while no process ran). */
  start(): void {
    if (this.stopped || this.stopListening) return;
    this.stopListening = this.deps.outbox.onNews(() => this.wake());
    this.wake();
  }

  /** Delivers queued news soon; cheap to call often (a running pass just goes round once more). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
  }

  /**
   * Delivers everything that is due now and resolves when nothing due is left (tests, benchmarks).
   * Runs through the same single loop as {@link wake}, so passes never overlap within a process.
   */
  async drain(): Promise<void> {
    if (this.stopped) return;
    if (!this.running) this.wake();
    while (this.running) await this.running;
  }

  /** Stops listening and the timers, and waits for a running pass. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopListening?.();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private pass(): Promise<DeliverAnnouncementsResult> {
    return deliverAnnouncements(this.deps, this.poster, {
      owner: this.options.owner,
      limit: this.options.batch ?? 50,
      dpoMentions: this.options.dpoMentions,
      leaseMs: this.options.leaseMs,
    });
  }

  private async loop(): Promise<void> {
    for (;;) {
      let last: DeliverAnnouncementsResult | undefined;
      try {
        do {
          this.again = false;
          last = await this.pass();
        } while (!this.stopped && (this.again || progressed(last)));
      } catch (error) {
        // The store itself failed; try again at the next tick.
        this.options.logger.error('announcing failed', { error: (error as Error).name });
      }
      await this.schedule(last);
      // Woken while the timer was being set: that news must not wait for the timer.
      if (this.stopped || !this.again) return;
    }
  }

  private async schedule(last: DeliverAnnouncementsResult | undefined): Promise<void> {
    if (this.stopped) return;
    const pollMs = this.options.pollMs ?? 30_000;
    let delay = pollMs;
    if (last && !(last.deferred?.reason === 'not-configured')) {
      const next = await this.deps.outbox.nextDueAt().catch(() => undefined);
      if (next) delay = Math.min(pollMs, Math.max(0, next.getTime() - this.deps.clock.now().getTime()));
      // Something due that no pass could take (held back behind its report): do not spin.
      if (!progressed(last)) delay = Math.max(delay, 1_000);
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), delay);
    this.timer.unref();
  }
}
