/**
 * The ports: what the use cases need from the outside world. Adapters live outside domain/.
 */
import type { AuditEvent, Incident, NewAuditEvent, NewIncident } from './incident';
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

/**
 * Where incidents live. Every read carries an etag; every update names the etag it read,
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
  /** Reads an app-state value (DPO channel reference, claims, outbox). */
  getState<T>(key: string): Promise<StateEntry<T> | undefined>;
  /**
   * Writes an app-state value. `expectedEtag` undefined: create only (Conflict if it exists);
   * a string: replace only if unchanged (Conflict otherwise); null: write unconditionally.
   */
  putState<T>(key: string, value: T, expectedEtag: string | null | undefined): Promise<StateEntry<T>>;
  /** Releases resources (database handles). */
  close(): Promise<void>;
}

/** Tells the DPO channel about incidents; the bot implements it. */
export interface Notifier {
  /** A new incident was stored: announce it. */
  incidentReported(incident: Incident): Promise<void>;
  /** An incident changed: bring its announcement up to date. */
  incidentChanged(incident: Incident): Promise<void>;
  /** A clock reminder fell due: bring the card up to date and, when `reminder.mention`, chase the owner in its thread. */
  reminderDue(incident: Incident, reminder: DueReminder): Promise<void>;
}

/** Structured log lines. Fields carry ids, codes and counts — never personal data. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
