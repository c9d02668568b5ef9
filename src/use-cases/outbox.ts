/**
 * The announcement outbox: news about incidents that must reach the DPO channel, kept in the
 * store's app state until it has been delivered, so that neither a failed post nor a crash
 * between storing and announcing loses it.
 *
 * @remarks One app-state item per entry, under `outbox:<entry key>`, scheduled for the instant it
 * can next be claimed (its `notBefore`, or while claimed, when the claim lapses). Entries are keyed
 * (`reported:<reportId>`, `changed:<incidentId>`, `reminder:<incidentId>`), so the same news
 * queued twice is one entry. Deliverers *claim* entries (owner + lease) under each entry's own
 * etag before delivering, so two server instances never deliver the same entry at once, and an
 * instance that died mid-delivery loses its claim when the lease runs out. Because every entry is
 * its own item, claiming or completing one never conflicts with work on another, and no item
 * grows with the backlog: a SharePoint multi-line text column holds at most 63,999 characters
 * (`NOTE_MAX` in src/store/sharepoint/list-schema.ts), which one document holding every pending
 * entry (~400 characters each) would outgrow after some 150 entries, just when an outage or a
 * burst of reports needs it. Finding what is due is one indexed query (`listScheduledState`).
 * Within one process, enqueues that arrive together are written together (one `writeStates`:
 * a few `$batch` round trips on SharePoint for a burst of reports). A change that changes nothing
 * (news already pending, nothing due to claim) writes nothing.
 * The scheduler's reminders are a kind of news too (one per incident, carrying the reminder's
 * slot), so they share claiming, retry, backoff and pacing; see `send-due-reminders.ts` for how a
 * reminder is sent exactly once.
 */
import { Conflict, type AppStateStore, type Clock, type ScheduledStateEntry, type StateWrite } from '../domain';
import { ReporterLanes } from './reporter-lanes';

/** The prefix of every outbox item's app-state key. */
export const OUTBOX_PREFIX = 'outbox:';

/** What kind of news an entry carries. */
export type AnnouncementKind = AnnouncementNews['kind'];

/** What is queued: the news, before the outbox adds its bookkeeping. */
export type AnnouncementNews =
  /** `reporterId`: whose report it is; their lane sets when it falls due (see reporter-lanes.ts). */
  | { kind: 'reported'; reportId: string; reporterId?: string }
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

/** The key of a piece of news: the same news twice is one entry. */
export function announcementKey(news: AnnouncementNews): string {
  return news.kind === 'reported' ? `reported:${news.reportId}` : `${news.kind}:${news.incidentId}`;
}

/** The app-state key of the item that holds the entry with this key. */
export function outboxItemKey(entryKey: string): string {
  return `${OUTBOX_PREFIX}${entryKey}`;
}

/** When an entry can next be claimed: its `notBefore`, or while it is claimed, the later of that and the claim's end. */
function dueAtOf(entry: OutboxEntry): string {
  if (!entry.claim) return entry.notBefore;
  return Date.parse(entry.claim.until) > Date.parse(entry.notBefore) ? entry.claim.until : entry.notBefore;
}

/**
 * The pending entry after the same news is queued again, or undefined when that changes nothing
 * (see {@link Outbox.enqueue}).
 */
function refreshed(existing: OutboxEntry, news: AnnouncementNews, now: Date): OutboxEntry | undefined {
  const next = structuredClone(existing);
  if (news.kind === 'reminder' && next.kind === 'reminder') {
    if (Date.parse(news.slot) <= Date.parse(next.slot)) return undefined;
    next.slot = news.slot;
    next.version += 1;
    return next;
  }
  next.version += 1;
  if (Date.parse(next.notBefore) > now.getTime()) next.notBefore = now.toISOString();
  return next;
}

/** A new entry, due at `dueAt` (its reporter's turn) or at once. */
function fresh(news: AnnouncementNews, now: Date, dueAt: number = now.getTime()): OutboxEntry {
  return {
    ...news,
    key: announcementKey(news),
    enqueuedAt: now.toISOString(),
    version: 1,
    attempts: 0,
    notBefore: new Date(dueAt).toISOString(),
  };
}

/** Delay before the next attempt after `attempts` failures: 5 s, 10 s, 20 s … capped at 10 min. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 10 * 60_000);
}

/** Why a delivery failed, for {@link Outbox.release}. */
export interface ReleaseFailure {
  /** An error name or code, never a message. */
  error: string;
  /** A reminder that went out; only recording it failed (send it no more). */
  sentSlot?: string;
}

/** The entry with its claim dropped, due again at `notBefore`; a failure counts as an attempt. */
function released(entry: OutboxEntry, notBefore: Date, failure?: ReleaseFailure): OutboxEntry {
  const next = structuredClone(entry);
  delete next.claim;
  next.notBefore = notBefore.toISOString();
  if (failure) {
    next.attempts += 1;
    next.lastError = failure.error.slice(0, 100);
    if (failure.sentSlot) next.sentSlot = failure.sentSlot;
  }
  return next;
}

/** Writes the entry under its item key, scheduled for when it can next be claimed. */
function putEntry(entry: OutboxEntry, expectedEtag: string | null | undefined): StateWrite {
  return { kind: 'put', key: outboxItemKey(entry.key), value: entry, expectedEtag, dueAt: dueAtOf(entry) };
}

/** How often one entry's change is re-read and re-applied after losing a race with another process. */
const MAX_CONFLICT_RETRIES = 50;
/** Entries per page when listing the outbox. */
const PAGE = 500;
/** Listing rounds one claim may take (pages, and fresh listings after losing entries to others). */
const MAX_CLAIM_ROUNDS = 20;

interface QueuedNews {
  news: AnnouncementNews;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** The outbox over one store's app state. Use {@link outboxFor} so a process has one per store. */
export class Outbox {
  private queue: QueuedNews[] = [];
  private flushing = false;
  /** The etag each entry this process claimed had after the claim: completing it then costs one write. */
  private readonly claimEtags = new Map<string, string>();
  /** Reporters' turns, so that one reporter's backlog never delays another's report. */
  private readonly lanes = new ReporterLanes();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: AppStateStore,
    private readonly clock: Clock,
  ) {}

  /**
   * Queues news (idempotent by key); pending news queued again is due again at once.
   * @remarks A reminder queued again for the slot it already carries changes nothing (its
   * backoff stands); for a later slot the entry moves on to it and is delivered once more.
   */
  enqueue(news: AnnouncementNews): Promise<void> {
    return this.enqueueMany([news]);
  }

  /**
   * Calls `listener` whenever news may be deliverable: after news is written, and on
   * {@link nudge}. The delivery loop listens; answers a function that stops listening.
   */
  onNews(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the listeners that pending news may be deliverable now (a report got stored, a channel was set). */
  nudge(): void {
    for (const listener of this.listeners) listener();
  }

  /** Queues many pieces of news (a tick's reminders) in one write of the store. */
  async enqueueMany(news: readonly AnnouncementNews[]): Promise<void> {
    if (news.length === 0) return;
    const queued = news.map(
      (n) => new Promise<void>((resolve, reject) => this.queue.push({ news: n, resolve, reject })),
    );
    this.kick();
    await Promise.all(queued);
  }

  /** Drops an entry whatever its state (news that turned out not to exist). */
  async remove(key: string): Promise<void> {
    await this.store.writeStates([{ kind: 'delete', key: outboxItemKey(key), expectedEtag: null }]);
    this.claimEtags.delete(key);
  }

  /**
   * Claims up to `limit` due entries for `owner` until `leaseMs` from now, earliest due first
   * (and those claimed, oldest first). `eligible` can hold an entry back (e.g. a change whose
   * report is not announced yet): it is given the report ids of every pending report.
   */
  async claimDue(
    owner: string,
    limit: number,
    leaseMs: number,
    eligible: (entry: OutboxEntry, pendingReportIds: ReadonlySet<string>) => boolean = () => true,
  ): Promise<OutboxEntry[]> {
    const now = this.clock.now();
    const t = now.getTime();
    const until = new Date(t + leaseMs).toISOString();
    const claimed: OutboxEntry[] = [];
    const seen = new Set<string>();
    let pendingReports: Set<string> | undefined;
    let cursor: string | undefined;
    for (let round = 0; round < MAX_CLAIM_ROUNDS && claimed.length < limit; round++) {
      const page = await this.store.listScheduledState<OutboxEntry>(OUTBOX_PREFIX, {
        dueBy: now.toISOString(),
        limit: Math.min(PAGE, Math.max(limit, 1)),
        cursor,
      });
      const candidates = page.items.filter((item) => {
        if (seen.has(item.key) || !isEntry(item)) return false;
        seen.add(item.key);
        const e = item.value;
        return Date.parse(e.notBefore) <= t && !(e.claim && Date.parse(e.claim.until) > t);
      });
      if (!pendingReports && candidates.some((c) => c.value.kind !== 'reported'))
        pendingReports = await this.pendingReportIds();
      const chosen = candidates
        .filter((c) => eligible(c.value, pendingReports ?? new Set()))
        .slice(0, limit - claimed.length);
      const next = chosen.map((c) => ({
        ...structuredClone(c.value),
        claim: { owner, until, version: c.value.version },
      }));
      if (chosen.length > 0) {
        const outcomes = await this.store.writeStates(next.map((entry, i) => putEntry(entry, chosen[i].etag)));
        outcomes.forEach((outcome, i) => {
          if (!outcome.ok) return; // claimed or changed by someone else since the listing
          claimed.push(next[i]);
          this.claimEtags.set(next[i].key, outcome.etag!);
        });
        // What this round claimed (or lost to another claimant) is due no more, and a cursor
        // placed on it would be too: a fresh listing finds the entries after them.
        cursor = undefined;
      } else if (page.next) {
        cursor = page.next; // a page of entries held back: look past them
      } else {
        break;
      }
    }
    return claimed.sort((a, b) => a.enqueuedAt.localeCompare(b.enqueuedAt));
  }

  /**
   * Marks a claimed entry delivered: it leaves the outbox unless it was queued again meanwhile,
   * in which case it is released to be delivered once more. Returns false when the claim was lost.
   */
  async complete(entry: OutboxEntry, owner: string): Promise<boolean> {
    const itemKey = outboxItemKey(entry.key);
    const known = this.claimEtags.get(entry.key);
    this.claimEtags.delete(entry.key);
    // Unchanged since our claim (the usual case): it is exactly the version we claimed, so it goes.
    if (known) {
      const [outcome] = await this.store.writeStates([{ kind: 'delete', key: itemKey, expectedEtag: known }]);
      if (outcome.ok) return true;
    }
    return this.change(
      entry.key,
      (current) => {
        if (current.claim?.owner !== owner) return { result: false };
        if (current.version === current.claim.version) return { result: true, next: null };
        const next = structuredClone(current);
        delete next.claim;
        next.attempts = 0;
        delete next.lastError;
        return { result: true, next };
      },
      false,
    );
  }

  /**
   * Releases a claimed entry to be tried again at `notBefore`; `failure` counts it as a failed
   * attempt (`sentSlot`: a reminder that went out, only recording it failed).
   */
  release(entry: OutboxEntry, owner: string, notBefore: Date, failure?: ReleaseFailure): Promise<void> {
    return this.releaseAll([entry], owner, notBefore, failure);
  }

  /**
   * Releases claimed entries, all due again at `notBefore` (a deferral puts back a whole pass).
   * One `writeStates` for the entries unchanged since their claim; the others are read again.
   */
  async releaseAll(
    entries: readonly OutboxEntry[],
    owner: string,
    notBefore: Date,
    failure?: ReleaseFailure,
  ): Promise<void> {
    // Unchanged since our claim: the entry as we claimed it is what the store holds.
    const unchanged: { entry: OutboxEntry; etag: string }[] = [];
    const reread: OutboxEntry[] = [];
    for (const entry of entries) {
      const etag = this.claimEtags.get(entry.key);
      this.claimEtags.delete(entry.key);
      if (etag && entry.claim?.owner === owner) unchanged.push({ entry, etag });
      else reread.push(entry);
    }
    if (unchanged.length > 0) {
      const outcomes = await this.store.writeStates(
        unchanged.map(({ entry, etag }) => putEntry(released(entry, notBefore, failure), etag)),
      );
      outcomes.forEach((outcome, i) => {
        if (!outcome.ok) reread.push(unchanged[i].entry);
      });
    }
    for (const entry of reread) {
      await this.change(
        entry.key,
        (current) => ({
          result: undefined,
          next: current.claim?.owner === owner ? released(current, notBefore, failure) : undefined,
        }),
        undefined,
      );
    }
  }

  /** Everything pending, oldest first (a snapshot). */
  async pending(): Promise<OutboxEntry[]> {
    const entries: OutboxEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.listScheduledState<OutboxEntry>(OUTBOX_PREFIX, { limit: PAGE, cursor });
      for (const item of page.items) if (isEntry(item)) entries.push(item.value);
      cursor = page.next;
    } while (cursor);
    return entries.sort((a, b) => a.enqueuedAt.localeCompare(b.enqueuedAt));
  }

  /** The earliest instant an unclaimed entry falls due, or a claim lapses; undefined when empty. One query. */
  async nextDueAt(): Promise<Date | undefined> {
    const [first] = (await this.store.listScheduledState<OutboxEntry>(OUTBOX_PREFIX, { limit: 1 })).items;
    return first ? new Date(first.dueAt) : undefined;
  }

  /** The report ids of every pending report (claimed or not): their changes and reminders wait. */
  private async pendingReportIds(): Promise<Set<string>> {
    const ids = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.store.listScheduledState<OutboxEntry>(outboxItemKey('reported:'), {
        limit: PAGE,
        cursor,
      });
      for (const item of page.items) if (isEntry(item) && item.value.kind === 'reported') ids.add(item.value.reportId);
      cursor = page.next;
    } while (cursor);
    return ids;
  }

  /**
   * Reads one entry, applies `apply` and writes the result under the etag it read (null: delete
   * it; undefined: leave it), again from the top when another process wrote in between.
   * Answers `absent` when there is no such entry.
   */
  private async change<R>(
    key: string,
    apply: (current: OutboxEntry) => { result: R; next?: OutboxEntry | null },
    absent: R,
  ): Promise<R> {
    const itemKey = outboxItemKey(key);
    for (let attempt = 0; ; attempt++) {
      const current = await this.store.getState<OutboxEntry>(itemKey);
      if (!current) return absent;
      const { result, next } = apply(current.value);
      if (next === undefined) return result;
      const write: StateWrite =
        next === null ? { kind: 'delete', key: itemKey, expectedEtag: current.etag } : putEntry(next, current.etag);
      const [outcome] = await this.store.writeStates([write]);
      if (outcome.ok) return result;
      if (attempt >= MAX_CONFLICT_RETRIES) throw new Conflict();
    }
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

  /** Writes queued news in batches until the queue is empty (group commit). */
  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.writeNews(batch.map((q) => q.news));
        for (const q of batch) q.resolve();
        // Written first, then the deliverer is told; a report's news is written ahead of the
        // report itself and becomes deliverable once the report is stored (announce() nudges then).
        if (batch.some((q) => q.news.kind !== 'reported')) this.nudge();
      } catch (error) {
        for (const q of batch) q.reject(error);
      }
    }
  }

  /**
   * Creates an entry for each new piece of news and refreshes the pending ones, in one
   * `writeStates`; entries another process wrote meanwhile are read again and re-applied.
   * @remarks Reminders are looked up first, in one listing of the pending reminders: a tick
   * queues the same slots again and again while a backlog is delivered, and those must cost no
   * write. Other news is created straight away (it is rarely pending already).
   */
  private async writeNews(items: readonly AnnouncementNews[]): Promise<void> {
    // The same key twice in one batch: one entry, as if queued one after the other.
    const byKey = new Map<string, AnnouncementNews[]>();
    for (const news of items) byKey.set(announcementKey(news), [...(byKey.get(announcementKey(news)) ?? []), news]);
    const known = new Map<string, ScheduledStateEntry<OutboxEntry>>();
    if (items.some((n) => n.kind === 'reminder')) {
      let cursor: string | undefined;
      do {
        const page = await this.store.listScheduledState<OutboxEntry>(outboxItemKey('reminder:'), {
          limit: PAGE,
          cursor,
        });
        for (const item of page.items) if (isEntry(item)) known.set(item.value.key, item);
        cursor = page.next;
      } while (cursor);
    }
    // A new report takes its reporter's turn once, however often a conflict makes us write it again.
    const turns = new Map<string, number>();
    const turnOf = (key: string, news: AnnouncementNews, now: Date): number => {
      if (news.kind !== 'reported' || !news.reporterId) return now.getTime();
      let due = turns.get(key);
      if (due === undefined) turns.set(key, (due = this.lanes.turn(news.reporterId, now.getTime())));
      return due;
    };
    let keys = [...byKey.keys()];
    for (let attempt = 0; keys.length > 0; attempt++) {
      const now = this.clock.now();
      const writes: { key: string; write: StateWrite }[] = [];
      for (const key of keys) {
        const current = known.get(key);
        let entry: OutboxEntry | undefined = current?.value;
        let changed = false;
        for (const news of byKey.get(key)!) {
          const next = entry ? refreshed(entry, news, now) : fresh(news, now, turnOf(key, news, now));
          if (next) {
            entry = next;
            changed = true;
          }
        }
        if (changed) writes.push({ key, write: putEntry(entry!, current ? current.etag : undefined) });
      }
      if (writes.length === 0) return;
      const outcomes = await this.store.writeStates(writes.map((w) => w.write));
      keys = writes.filter((_, i) => !outcomes[i].ok).map((w) => w.key);
      if (keys.length === 0) return;
      if (attempt >= MAX_CONFLICT_RETRIES) throw new Conflict();
      // Written by another process in between (created, claimed, delivered): read those again.
      for (const key of keys) {
        const current = await this.store.getState<OutboxEntry>(outboxItemKey(key));
        if (current) known.set(key, { ...current, key: outboxItemKey(key), dueAt: dueAtOf(current.value) });
        else known.delete(key);
      }
    }
  }
}

/** An outbox item, not some other app state that happens to share the prefix. */
function isEntry(item: ScheduledStateEntry<OutboxEntry>): boolean {
  const e = item.value as Partial<OutboxEntry> | null;
  return typeof e === 'object' && e !== null && typeof e.key === 'string' && item.key === outboxItemKey(e.key);
}

const outboxes = new WeakMap<AppStateStore, Outbox>();

/** The process's one outbox over `store` (so its writes are batched together). */
export function outboxFor(store: AppStateStore, clock: Clock): Outbox {
  let outbox = outboxes.get(store);
  if (!outbox) {
    outbox = new Outbox(store, clock);
    outboxes.set(store, outbox);
  }
  return outbox;
}
