/**
 * The ports: what the use cases need from the outside world. Adapters live outside domain/.
 */
import type { AccessRecord } from './access-log';
import type { AuditEvent, Incident, NewAuditEvent, NewIncident } from './incident';
import type { DigestLine } from './channel-digest';
import type { DueReminder } from './reminders';

/** The source of "now"; tests inject a fixed or stepping clock. */
export interface Clock {
  now(): Date;
}

/** A page of results with an opaque cursor for the next page. */
export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; absent on the last page. */
  next?: string;
}

export interface ListOptions {
  /** At most this many items (adapters cap it at 500). */
  limit?: number;
  cursor?: string;
}

/** A value kept in the store's app state, with its etag. */
export interface StateEntry<T> {
  value: T;
  etag: string;
}

/** A scheduled app-state item as {@link AppStateStore.listScheduledState} lists it. */
export interface ScheduledStateEntry<T> extends StateEntry<T> {
  key: string;
  /** When the item falls due (an ISO 8601 instant). */
  dueAt: string;
}

/** One write of {@link AppStateStore.writeStates}. */
export type StateWrite =
  /**
   * Writes `value` under `key`; `expectedEtag` as for {@link AppStateStore.putState}. `dueAt`
   * schedules the item (it is listed by {@link AppStateStore.listScheduledState}); null leaves it unscheduled.
   */
  | { kind: 'put'; key: string; value: unknown; expectedEtag: string | null | undefined; dueAt: string | null }
  /** Deletes the item under `key`: only if its etag is still `expectedEtag` (a string), or whatever it holds (null). */
  | { kind: 'delete'; key: string; expectedEtag: string | null };

/** What became of one write: done (with the item's new etag; null once deleted), or refused as a conflict. */
export type StateWriteOutcome = { ok: true; etag: string | null } | { ok: false; reason: 'conflict' };

/** Options of {@link AppStateStore.listScheduledState}. */
export interface ScheduledStateOptions extends ListOptions {
  /** Only items due at or before this instant; all scheduled items when absent. */
  dueBy?: string;
}

/**
 * Where incidents and their audit trail live. Every read carries an etag; every update names the etag it read,
 * and a stale one raises `Conflict`. Creating is idempotent by `reportId`.
 */
export interface IncidentStore {
  /**
   * Stores a new incident with its first audit event, allocating the next number of the
   * incident's year. If an incident with the same reportId exists, returns it unchanged
   * with `created: false`.
   */
  create(incident: NewIncident, event: NewAuditEvent): Promise<{ incident: Incident; created: boolean }>;
  /** Replaces the incident if its etag is still `expectedEtag`, appending the event; else `Conflict`. Unknown id: `NotFound`. */
  update(next: Incident, expectedEtag: string, event: NewAuditEvent): Promise<Incident>;
  get(id: string): Promise<Incident | undefined>;
  getByNumber(number: string): Promise<Incident | undefined>;
  getByReportId(reportId: string): Promise<Incident | undefined>;
  /** The audit trail, oldest first. */
  events(incidentId: string): Promise<AuditEvent[]>;
  /** "Mine": incidents reported by this person, newest first. */
  listByReporter(reporterId: string, options?: ListOptions): Promise<Page<Incident>>;
  /** Open incidents (not closed), earliest deadline first. */
  listOpenByDeadline(options?: ListOptions): Promise<Page<Incident>>;
  /** Every incident, newest discovery first. */
  listAll(options?: ListOptions): Promise<Page<Incident>>;
  /** Incidents whose next reminder is due at or before `before`, earliest first. */
  listDueReminders(before: string, options?: ListOptions): Promise<Page<Incident>>;
  /**
   * Retention culling (src/domain/retention-cull.ts): replaces the incident `kept.id` by `kept`
   * (which carries its `retention` mark) whatever its etag; when the mark's scope drops the trail,
   * deletes every event but the cull's own; appends `event` (type `culled`) once. Where the store
   * keeps earlier versions of an item (SharePoint), a scope that changes the incident leaves none
   * holding the old content. Idempotent: called again with the same `kept` (a re-run after a
   * crash) it finishes what is left; an incident missing midway (SharePoint) is created from
   * `kept`. Only the retention run calls it. Answers the stored record.
   */
  cull(kept: Incident, event: NewAuditEvent): Promise<Incident>;
  /** The reports linked to the main incident `mainId` (`linkedTo.id`), earliest discovery first. */
  listLinkedTo(mainId: string, options?: ListOptions): Promise<Page<Incident>>;
}

/**
 * The app's own small state, apart from the register: the announcement outbox (one scheduled item
 * per entry), the DPO channel and its card references. A key-value store where every value
 * carries an etag and every write names the etag it expects; kept apart from {@link IncidentStore}
 * as the Agents SDK keeps its `Storage` apart from what an app stores.
 */
export interface AppStateStore {
  /** Reads the value under `key` (DPO channel reference, card references, an outbox entry). */
  getState<T>(key: string): Promise<StateEntry<T> | undefined>;
  /**
   * Writes an app-state value, unscheduled. `expectedEtag` undefined: create only (Conflict if it
   * exists); a string: replace only if unchanged (Conflict otherwise); null: write unconditionally.
   */
  putState<T>(key: string, value: T, expectedEtag: string | null | undefined): Promise<StateEntry<T>>;
  /**
   * Applies many app-state writes, each on its own: one refused as a conflict (the rules of
   * {@link putState}) leaves the others done. Deleting what is not there succeeds. Answers one
   * outcome per write, in order; any other failure rejects (and some writes may have landed).
   * @remarks Writes of different keys never conflict with each other, so a queue of many small
   * items (the announcement outbox) takes no lock on the whole queue. Adapters send them
   * together where they can (SharePoint: `$batch`es of 20).
   */
  writeStates(writes: readonly StateWrite[]): Promise<StateWriteOutcome[]>;
  /**
   * Scheduled app-state items whose key starts with `prefix`, earliest due first,
   * paged. An indexed query in every adapter: unscheduled items are never read.
   */
  listScheduledState<T>(prefix: string, options?: ScheduledStateOptions): Promise<Page<ScheduledStateEntry<T>>>;
}

/**
 * Who read what (src/domain/access-log.ts): appended in batches, read per incident, culled by age.
 * Kept apart from the audit trail: the trail records what was done to an incident and is the
 * art. 33(5) record; this records who looked, and has its own retention.
 */
export interface AccessLog {
  /**
   * Appends records (SharePoint: `$batch`es of 20). Idempotent by record id: a retried append
   * whose first attempt landed keeps one of each.
   */
  append(records: readonly AccessRecord[]): Promise<void>;
  /** An incident's records, newest first, paged. */
  listForIncident(incidentId: string, options?: ListOptions): Promise<Page<AccessRecord>>;
  /** Records that name no incident (register exports), newest first, paged. */
  listExports(options?: ListOptions): Promise<Page<AccessRecord>>;
  /**
   * Deletes records read before `before` (ISO 8601), the oldest first and at most `limit` of them
   * when given (a retention run culls in chunks); answers how many went.
   */
  cullBefore(before: string, limit?: number): Promise<number>;
  /** How many records were read before `before` (what {@link cullBefore} would delete): a retention dry run. */
  countBefore(before: string): Promise<number>;
  /** Deletes every record of an incident (when the whole incident is culled); answers how many went. */
  deleteForIncident(incidentId: string): Promise<number>;
}

/**
 * The stores of one installation, opened together from config (one SQLite file, or one SharePoint
 * site) and closed together.
 */
export interface Stores {
  incidents: IncidentStore;
  appState: AppStateStore;
  accessLog: AccessLog;
  /** Releases what the stores hold (the database handle, remembered item ids). */
  close(): Promise<void>;
}

/**
 * A conversation the poster can post into later (the DPO channel), as the poster recorded it.
 * Plain data: ids and a service address, never a person.
 */
export interface ChannelAddress {
  /** The conversation's id (a channel's, without a reply thread): to tell channels apart and pace them. */
  conversationId: string;
  /** What else the poster needs to post there again, in its own shape (plain JSON). */
  route: Readonly<Record<string, unknown>>;
}

/** What an incident's channel card shows besides the incident. */
export interface IncidentCardView {
  /** The card shows the time left as of this instant. */
  now: Date;
  /** Platform user ids (Teams MRIs) of the DPOs whose clients refresh the card. */
  refreshUserIds: readonly string[];
}

/** Someone a reminder @mentions: a platform user id or an Entra object id, and the name shown. */
export interface MentionTarget {
  id: string;
  name: string;
}

/** What a reminder in a card's thread says besides the incident and the reminder. */
export interface ReminderReplyView {
  now: Date;
  /** Who is chased (the owner, or the DPOs; empty: nobody known). */
  mentions: readonly MentionTarget[];
}

/**
 * Posts incident cards into a channel: the one way out to the DPO channel. The bot implements it
 * against Teams (pacing each conversation within Teams' limits); the delivery use case
 * (src/use-cases/deliver-announcements.ts) decides what to post, update or reply.
 * A poster that is asked to slow down throws {@link ChannelBusy}; any other failure is retried.
 */
export interface ChannelPoster {
  /** Posts the incident's card as a new thread; answers the posted message's id. */
  postCard(to: ChannelAddress, incident: Incident, view: IncidentCardView): Promise<string>;
  /** Replaces the card posted earlier as `messageId`. */
  updateCard(to: ChannelAddress, messageId: string, incident: Incident, view: IncidentCardView): Promise<void>;
  /** Replies in the thread of the card `messageId` with the reminder. */
  replyToCard(
    to: ChannelAddress,
    messageId: string,
    incident: Incident,
    reminder: DueReminder,
    view: ReminderReplyView,
  ): Promise<void>;
  /** Posts a digest of new incidents as a new thread (see src/domain/channel-digest.ts); answers its message id. */
  postDigest(to: ChannelAddress, digest: DigestView): Promise<string>;
  /** Replaces the digest posted earlier as `messageId`. */
  updateDigest(to: ChannelAddress, messageId: string, digest: DigestView): Promise<void>;
}

/** What a digest card shows: its incidents, sorted by deadline, since when they came, as of now. */
export interface DigestView {
  lines: readonly DigestLine[];
  /** When the first of them was put in this digest. */
  since: string;
  now: Date;
}

/** The channel asked the poster to slow down (HTTP 429): nothing was posted; try again after `retryAfterMs`. */
export class ChannelBusy extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`The channel is busy; retry after ${retryAfterMs} ms.`);
    this.name = 'ChannelBusy';
  }
}

/** Structured log lines. Fields carry ids, codes and counts — never personal data. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
