/**
 * The announcement outbox: news about incidents that must reach the DPO channel, kept in the
 * store's app state until it has been delivered, so that neither a failed post nor a crash
 * between storing and announcing loses it.
 *
 * @remarks
 * One app-state document holds every pending entry. Entries are keyed (`reported:<reportId>`,
 * `changed:<incidentId>`), so the same news queued twice is one entry. Deliverers *claim* entries
 * (owner + lease) under the document's etag before delivering, so two server instances never
 * deliver the same entry at once, and an instance that died mid-delivery loses its claim when the
 * lease runs out. Within one process every change to the document goes through one queue and is
 * written in batches (group commit), so a burst of reports costs a few writes, not one conflict
 * storm; across processes the etag turns a lost race into a re-read and a retry.
 * The scheduler's reminders are a kind of news too (`reminder:<incidentId>`, one per incident,
 * carrying the reminder's slot), so they share claiming, retry, backoff and pacing; see
 * `send-due-reminders.ts` for how a reminder is sent exactly once.
 * A batch that changes nothing (an enqueue of news already pending, a claim with nothing due)
 * writes nothing.
 */
import { Conflict, type Clock, type IncidentStore } from '../domain';

/** The app-state key of the outbox document. */
export const OUTBOX_KEY = 'outbox:announcements';

/** What kind of news an entry carries. */
export type AnnouncementKind = AnnouncementNews['kind'];

/** What is queued: the news, before the outbox adds its bookkeeping. */
export type AnnouncementNews =
  | { kind: 'reported'; reportId: string }
  | { kind: 'changed'; incidentId: string; reportId: string }
  /** A clock reminder fell due; `slot` is the incident's `nextReminderAt` that fell due. */
  | { kind: 'reminder'; incidentId: string; reportId: string; slot: string };

/** One pending announcement with its delivery bookkeeping. */
export type OutboxEntry = AnnouncementNews & {
  key: string;
  enqueuedAt: string;
  /** Bumped when the same news is queued again while pending; a delivery completes only the version it claimed. */
  version: number;
  /** Failed deliveries so far (deferrals do not count). */
  attempts: number;
  /** Not to be delivered before this instant (backoff, Retry-After). */
  notBefore: string;
  claim?: { owner: string; until: string; version: number };
  /** The error name or code of the last failure: never a message (it may quote personal data). */
  lastError?: string;
  /** Reminders: the slot that already went out but could not be recorded on the incident yet (send it no more). */
  sentSlot?: string;
};

export interface OutboxDocument {
  entries: OutboxEntry[];
}

/** The key of a piece of news: the same news twice is one entry. */
export function announcementKey(news: AnnouncementNews): string {
  return news.kind === 'reported' ? `reported:${news.reportId}` : `${news.kind}:${news.incidentId}`;
}

/** Adds news to the document, or refreshes the pending entry with its key (see {@link Outbox.enqueue}). */
function enqueueInto(doc: OutboxDocument, news: AnnouncementNews, now: Date): void {
  const key = announcementKey(news);
  const existing = doc.entries.find((e) => e.key === key);
  if (existing && news.kind === 'reminder' && existing.kind === 'reminder') {
    if (Date.parse(news.slot) <= Date.parse(existing.slot)) return;
    existing.slot = news.slot;
    existing.version += 1;
    return;
  }
  if (existing) {
    existing.version += 1;
    if (Date.parse(existing.notBefore) > now.getTime()) existing.notBefore = now.toISOString();
    return;
  }
  doc.entries.push({ ...news, key, enqueuedAt: now.toISOString(), version: 1, attempts: 0, notBefore: now.toISOString() });
}

/** Delay before the next attempt after `attempts` failures: 5 s, 10 s, 20 s … capped at 10 min. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 10 * 60_000);
}

type Mutation<R> = (doc: OutboxDocument, now: Date) => R;

interface Queued {
  mutate: Mutation<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** How often a batch is retried after losing a race with another process. */
const MAX_CONFLICT_RETRIES = 50;

/** The outbox over one store's app state. Use {@link outboxFor} so a process has one per store. */
export class Outbox {
  private queue: Queued[] = [];
  private flushing = false;

  constructor(
    private readonly store: IncidentStore,
    private readonly clock: Clock,
  ) {}

  /**
   * Queues news (idempotent by key); pending news queued again is due again at once.
   * @remarks A reminder queued again for the slot it already carries changes nothing (its
   * backoff stands); for a later slot the entry moves on to it and is delivered once more.
   */
  enqueue(news: AnnouncementNews): Promise<void> {
    return this.mutate((doc, now) => enqueueInto(doc, news, now));
  }

  /** Queues many pieces of news in one change of the document (a tick's reminders). */
  enqueueMany(news: readonly AnnouncementNews[]): Promise<void> {
    if (news.length === 0) return Promise.resolve();
    return this.mutate((doc, now) => {
      for (const item of news) enqueueInto(doc, item, now);
    });
  }

  /** Drops an entry whatever its state (news that turned out not to exist). */
  remove(key: string): Promise<void> {
    return this.mutate((doc) => {
      doc.entries = doc.entries.filter((e) => e.key !== key);
    });
  }

  /**
   * Claims up to `limit` due entries for `owner` until `leaseMs` from now, oldest first.
   * `eligible` can hold an entry back (e.g. a change whose report is not announced yet).
   */
  claimDue(owner: string, limit: number, leaseMs: number, eligible: (entry: OutboxEntry, all: OutboxEntry[]) => boolean = () => true): Promise<OutboxEntry[]> {
    return this.mutate((doc, now) => {
      const t = now.getTime();
      const claimed: OutboxEntry[] = [];
      for (const entry of [...doc.entries].sort((a, b) => a.enqueuedAt.localeCompare(b.enqueuedAt))) {
        if (claimed.length >= limit) break;
        if (Date.parse(entry.notBefore) > t) continue;
        if (entry.claim && Date.parse(entry.claim.until) > t) continue;
        if (!eligible(entry, doc.entries)) continue;
        entry.claim = { owner, until: new Date(t + leaseMs).toISOString(), version: entry.version };
        claimed.push(structuredClone(entry));
      }
      return claimed;
    });
  }

  /**
   * Marks a claimed entry delivered: it leaves the outbox unless it was queued again meanwhile,
   * in which case it is released to be delivered once more. Returns false when the claim was lost.
   */
  complete(entry: OutboxEntry, owner: string): Promise<boolean> {
    return this.mutate((doc) => {
      const current = doc.entries.find((e) => e.key === entry.key);
      if (!current || current.claim?.owner !== owner) return false;
      if (current.version === current.claim.version) doc.entries = doc.entries.filter((e) => e !== current);
      else {
        delete current.claim;
        current.attempts = 0;
        delete current.lastError;
      }
      return true;
    });
  }

  /**
   * Releases a claimed entry to be tried again at `notBefore`; `failure` counts it as a failed
   * attempt (`sentSlot`: a reminder that went out, only recording it failed).
   */
  release(entry: OutboxEntry, owner: string, notBefore: Date, failure?: { error: string; sentSlot?: string }): Promise<void> {
    return this.mutate((doc) => {
      const current = doc.entries.find((e) => e.key === entry.key);
      if (!current || current.claim?.owner !== owner) return;
      delete current.claim;
      current.notBefore = notBefore.toISOString();
      if (failure) {
        current.attempts += 1;
        current.lastError = failure.error.slice(0, 100);
        if (failure.sentSlot) current.sentSlot = failure.sentSlot;
      }
    });
  }

  /** Everything pending, oldest first (a snapshot). */
  async pending(): Promise<OutboxEntry[]> {
    const doc = (await this.store.getState<OutboxDocument>(OUTBOX_KEY))?.value ?? { entries: [] };
    return [...doc.entries].sort((a, b) => a.enqueuedAt.localeCompare(b.enqueuedAt));
  }

  /** The earliest instant an unclaimed entry falls due, or a claim lapses; undefined when empty. */
  async nextDueAt(): Promise<Date | undefined> {
    const entries = await this.pending();
    let next: number | undefined;
    for (const e of entries) {
      const at = e.claim ? Math.max(Date.parse(e.notBefore), Date.parse(e.claim.until)) : Date.parse(e.notBefore);
      if (next === undefined || at < next) next = at;
    }
    return next === undefined ? undefined : new Date(next);
  }

  private mutate<R>(mutate: Mutation<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ mutate, resolve: resolve as (value: unknown) => void, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.flushing) return;
    this.flushing = true;
    void this.flush().finally(() => {
      this.flushing = false;
      // Queued after the last batch was taken but before this ran: go again.
      if (this.queue.length > 0) this.kick();
    });
  }

  /** Writes queued mutations in batches until the queue is empty. */
  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        const results = await this.writeBatch(batch);
        batch.forEach((q, i) => q.resolve(results[i]));
      } catch (error) {
        for (const q of batch) q.reject(error);
      }
    }
  }

  private async writeBatch(batch: Queued[]): Promise<unknown[]> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.store.getState<OutboxDocument>(OUTBOX_KEY);
      const before = JSON.stringify(current?.value ?? { entries: [] });
      const doc = JSON.parse(before) as OutboxDocument;
      const now = this.clock.now();
      const results = batch.map((q) => q.mutate(doc, now));
      // Nothing changed (news already pending, nothing due to claim): no write, no conflict.
      if (JSON.stringify(doc) === before) return results;
      try {
        await this.store.putState(OUTBOX_KEY, doc, current ? current.etag : undefined);
        return results;
      } catch (error) {
        // Another process wrote in between: read again and re-apply the whole batch.
        if (!(error instanceof Conflict) || attempt >= MAX_CONFLICT_RETRIES) throw error;
      }
    }
  }
}

const outboxes = new WeakMap<IncidentStore, Outbox>();

/** The process's one outbox over `store` (so its writes are batched together). */
export function outboxFor(store: IncidentStore, clock: Clock): Outbox {
  let outbox = outboxes.get(store);
  if (!outbox) {
    outbox = new Outbox(store, clock);
    outboxes.set(store, outbox);
  }
  return outbox;
}
