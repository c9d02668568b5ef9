/**
 * The embedded `IncidentStore`: one SQLite file (better-sqlite3, WAL), the default for
 * `npm start`, tests and small single-server installs.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database, { type Statement, type Transaction } from 'better-sqlite3';
import { Conflict, NotFound } from '../../domain/errors';
import { isOpen, type AuditEvent, type Incident, type NewAuditEvent, type NewIncident } from '../../domain/incident';
import { fieldError } from '../../domain/incident-changes';
import { formatIncidentNumber } from '../../domain/incident-number';
import type {
  IncidentStore, ListOptions, Page, ScheduledStateEntry, ScheduledStateOptions, StateEntry, StateWrite, StateWriteOutcome,
} from '../../domain/ports';
import { stockholmYear } from '../../domain/stockholm-time';
import { decodeCursor, encodeCursor } from './keyset-cursor';
import { listStatement, type ListName } from './list-queries';
import { migrate } from './migrations';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
/** How long a write waits for another connection's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 10_000;

/** What {@link SqliteIncidentStore.create} answers. */
export type CreateResult = { incident: Incident; created: boolean };
/** One incident for {@link SqliteIncidentStore.createMany}, with its first audit event. */
export type NewIncidentWithEvent = { incident: NewIncident; event: NewAuditEvent };

interface IncidentRow {
  id: string;
  number: string;
  report_id: string;
  etag: string;
}

interface ListRow {
  doc: string;
  id: string;
  sort_key: number;
}

interface StateRow {
  key: string;
  value: string;
  etag: string;
  due_at: number;
}

/** An instant given to the app state as epoch milliseconds; an invalid one is the caller's error. */
function stateInstant(field: 'dueAt' | 'dueBy', iso: string): number {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) throw fieldError(field, 'invalid_datetime', 'Tidpunkten är ogiltig.', 'The time is invalid.');
  return at;
}

/** The values of the indexed columns that mirror the document. */
function mirroredColumns(incident: Incident) {
  return {
    id: incident.id,
    reporterId: incident.reporter.id,
    status: incident.status,
    isOpen: isOpen(incident) ? 1 : 0,
    deadline: Date.parse(incident.deadline),
    discoveredAt: Date.parse(incident.discoveredAt),
    nextReminderAt: incident.nextReminderAt === null ? null : Date.parse(incident.nextReminderAt),
    etag: incident.etag,
    doc: JSON.stringify(incident),
  };
}

function pageLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(Math.max(Math.trunc(limit), 1), MAX_LIMIT);
}

/**
 * `IncidentStore` on SQLite. Every write is one `BEGIN IMMEDIATE` transaction, so several
 * processes can share the file: numbers stay unique and consecutive per year.
 * @remarks better-sqlite3 is synchronous; the methods are async to honour the port, and
 * every error surfaces as a rejection.
 */
export class SqliteIncidentStore implements IncidentStore {
  private readonly statements = new Map<string, Statement<unknown[], unknown>>();
  private readonly createTransaction: Transaction<(incident: NewIncident, event: NewAuditEvent) => CreateResult>;
  private readonly createManyTransaction: Transaction<(items: readonly NewIncidentWithEvent[]) => CreateResult[]>;
  private readonly updateTransaction: Transaction<(next: Incident, expectedEtag: string, event: NewAuditEvent) => Incident>;
  private readonly writeStatesTransaction: Transaction<(writes: readonly StateWrite[]) => StateWriteOutcome[]>;

  private constructor(private readonly db: Database.Database) {
    this.createTransaction = db.transaction((incident: NewIncident, event: NewAuditEvent) => this.insertNew(incident, event));
    this.createManyTransaction = db.transaction((items: readonly NewIncidentWithEvent[]) => items.map(({ incident, event }) => this.insertNew(incident, event)));
    this.updateTransaction = db.transaction((next: Incident, expectedEtag: string, event: NewAuditEvent) => this.replace(next, expectedEtag, event));
    this.writeStatesTransaction = db.transaction((writes: readonly StateWrite[]) => writes.map((write) => this.writeState(write)));
  }

  /**
   * Opens (creating if needed) the store in `file`, its folder included, and brings the
   * schema up to date. `':memory:'` gives a private in-memory store.
   */
  static open(file: string): SqliteIncidentStore {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    try {
      db.pragma('journal_mode = WAL');
      // The register is the art. 33(5) record: a committed report must survive a power cut too.
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteIncidentStore(db);
  }

  // Writes take the write lock up front (BEGIN IMMEDIATE): a deferred transaction that reads
  // and then writes can fail with SQLITE_BUSY when another process commits in between.

  async create(incident: NewIncident, event: NewAuditEvent): Promise<CreateResult> {
    return this.createTransaction.immediate(incident, event);
  }

  /**
   * Creates many incidents in one transaction, all or none, each as {@link create} would.
   * @remarks Not part of the port: for bulk loads (register import, benchmarks) where one
   * durable commit per incident would dominate.
   */
  async createMany(items: readonly NewIncidentWithEvent[]): Promise<CreateResult[]> {
    return this.createManyTransaction.immediate(items);
  }

  async update(next: Incident, expectedEtag: string, event: NewAuditEvent): Promise<Incident> {
    return this.updateTransaction.immediate(next, expectedEtag, event);
  }

  async get(id: string): Promise<Incident | undefined> {
    return this.findOne('id', id);
  }

  async getByNumber(number: string): Promise<Incident | undefined> {
    return this.findOne('number', number);
  }

  async getByReportId(reportId: string): Promise<Incident | undefined> {
    return this.findOne('report_id', reportId);
  }

  async events(incidentId: string): Promise<AuditEvent[]> {
    return this.statement<[string], { doc: string }>('SELECT doc FROM incident_events WHERE incident_id = ? ORDER BY seq')
      .all(incidentId)
      .map((row) => JSON.parse(row.doc) as AuditEvent);
  }

  async listByReporter(reporterId: string, options?: ListOptions): Promise<Page<Incident>> {
    return this.list('reporter', [reporterId], options);
  }

  async listOpenByDeadline(options?: ListOptions): Promise<Page<Incident>> {
    return this.list('open', [], options);
  }

  async listAll(options?: ListOptions): Promise<Page<Incident>> {
    return this.list('all', [], options);
  }

  async listDueReminders(before: string, options?: ListOptions): Promise<Page<Incident>> {
    const at = Date.parse(before);
    if (Number.isNaN(at)) {
      throw fieldError('before', 'invalid_datetime', 'Tidpunkten för påminnelser är ogiltig.', 'The reminder time is invalid.');
    }
    return this.list('due', [at], options);
  }

  async getState<T>(key: string): Promise<StateEntry<T> | undefined> {
    const row = this.statement<[string], { value: string; etag: string }>('SELECT value, etag FROM app_state WHERE key = ?').get(key);
    return row && { value: JSON.parse(row.value) as T, etag: row.etag };
  }

  async putState<T>(key: string, value: T, expectedEtag: string | null | undefined): Promise<StateEntry<T>> {
    const [outcome] = await this.writeStates([{ kind: 'put', key, value, expectedEtag, dueAt: null }]);
    if (!outcome.ok) {
      throw new Conflict('Värdet har ändrats av någon annan sedan det lästes.', 'The value was changed by someone else since it was read.');
    }
    return { value, etag: outcome.etag! };
  }

  /** All writes in one immediate transaction (one durable commit), each checked on its own. */
  async writeStates(writes: readonly StateWrite[]): Promise<StateWriteOutcome[]> {
    if (writes.length === 0) return [];
    return this.writeStatesTransaction.immediate(writes);
  }

  async listScheduledState<T>(prefix: string, options: ScheduledStateOptions = {}): Promise<Page<ScheduledStateEntry<T>>> {
    const limit = pageLimit(options.limit);
    const dueBy = options.dueBy === undefined ? Number.MAX_SAFE_INTEGER : stateInstant('dueBy', options.dueBy);
    const after = options.cursor === undefined ? undefined : decodeCursor('scheduled-state', options.cursor);
    // The range on due_at walks the partial index app_state_by_due; the prefix is checked on the rows it finds.
    const rows = this.statement<unknown[], StateRow>(
      `SELECT key, value, etag, due_at FROM app_state
        WHERE due_at IS NOT NULL AND due_at <= @dueBy AND substr(key, 1, length(@prefix)) = @prefix
          ${after ? 'AND (due_at, key) > (@afterDue, @afterKey)' : ''}
        ORDER BY due_at, key LIMIT @limit`,
    ).all({ dueBy, prefix, limit: limit + 1, ...(after ? { afterDue: after.key, afterKey: after.id } : {}) });
    const pageRows = rows.slice(0, limit);
    const items = pageRows.map((row) => ({ key: row.key, value: JSON.parse(row.value) as T, etag: row.etag, dueAt: new Date(row.due_at).toISOString() }));
    if (rows.length <= limit) return { items };
    const last = pageRows[pageRows.length - 1];
    return { items, next: encodeCursor('scheduled-state', { key: last.due_at, id: last.key }) };
  }

  async close(): Promise<void> {
    this.db.close();
  }

  /** Runs inside the caller's immediate transaction: one app-state write and its etag check. */
  private writeState(write: StateWrite): StateWriteOutcome {
    const { key, expectedEtag } = write;
    if (write.kind === 'delete') {
      const sql = expectedEtag === null ? 'DELETE FROM app_state WHERE key = @key' : 'DELETE FROM app_state WHERE key = @key AND etag = @expected';
      if (this.statement(sql).run({ key, expected: expectedEtag }).changes > 0) return { ok: true, etag: null };
      // Nothing deleted: fine when nothing is there, a conflict when it holds another version.
      const present = this.statement<[string], { etag: string }>('SELECT etag FROM app_state WHERE key = ?').get(key);
      return present ? { ok: false, reason: 'conflict' } : { ok: true, etag: null };
    }
    // `undefined` has no JSON form; it is kept as null.
    const params = {
      key,
      value: JSON.stringify(write.value) ?? 'null',
      etag: randomUUID(),
      expected: expectedEtag,
      dueAt: write.dueAt === null ? null : stateInstant('dueAt', write.dueAt),
    };
    let changes: number;
    if (expectedEtag === undefined) {
      changes = this.statement('INSERT INTO app_state (key, value, etag, due_at) VALUES (@key, @value, @etag, @dueAt) ON CONFLICT (key) DO NOTHING').run(params).changes;
    } else if (expectedEtag === null) {
      changes = this.statement(
        `INSERT INTO app_state (key, value, etag, due_at) VALUES (@key, @value, @etag, @dueAt)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, due_at = excluded.due_at`,
      ).run(params).changes;
    } else {
      changes = this.statement('UPDATE app_state SET value = @value, etag = @etag, due_at = @dueAt WHERE key = @key AND etag = @expected').run(params).changes;
    }
    return changes === 0 ? { ok: false, reason: 'conflict' } : { ok: true, etag: params.etag };
  }

  /** Runs inside the caller's immediate transaction: idempotency check, number, incident, first event. */
  private insertNew(incident: NewIncident, event: NewAuditEvent): CreateResult {
    const existing = this.findOne('report_id', incident.reportId);
    if (existing) return { incident: existing, created: false };
    const year = stockholmYear(incident.discoveredAt);
    const { last: sequence } = this.statement<[number], { last: number }>(
      'INSERT INTO number_sequences (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last',
    ).get(year)!;
    const stored: Incident = { ...incident, id: randomUUID(), number: formatIncidentNumber(year, sequence), etag: randomUUID() };
    this.statement(
      `INSERT INTO incidents (id, number, report_id, reporter_id, status, is_open, deadline, discovered_at, next_reminder_at, etag, year, sequence, doc)
       VALUES (@id, @number, @reportId, @reporterId, @status, @isOpen, @deadline, @discoveredAt, @nextReminderAt, @etag, @year, @sequence, @doc)`,
    ).run({ ...mirroredColumns(stored), number: stored.number, reportId: stored.reportId, year, sequence });
    this.appendEvent(stored.id, event);
    return { incident: stored, created: true };
  }

  /** Runs inside the caller's immediate transaction: etag check, new etag, write, event. */
  private replace(next: Incident, expectedEtag: string, event: NewAuditEvent): Incident {
    const current = this.statement<[string], IncidentRow>('SELECT id, number, report_id, etag FROM incidents WHERE id = ?').get(next.id);
    if (!current) throw new NotFound();
    if (current.etag !== expectedEtag) throw new Conflict();
    // Identity belongs to the store: the number and report id never change.
    const stored: Incident = { ...next, id: current.id, number: current.number, reportId: current.report_id, etag: randomUUID() };
    this.statement(
      `UPDATE incidents
         SET reporter_id = @reporterId, status = @status, is_open = @isOpen, deadline = @deadline,
             discovered_at = @discoveredAt, next_reminder_at = @nextReminderAt, etag = @etag, doc = @doc
       WHERE id = @id`,
    ).run(mirroredColumns(stored));
    this.appendEvent(stored.id, event);
    return stored;
  }

  private appendEvent(incidentId: string, event: NewAuditEvent): void {
    const stored: AuditEvent = { id: randomUUID(), incidentId, ...event };
    this.statement('INSERT INTO incident_events (id, incident_id, at, type, doc) VALUES (?, ?, ?, ?, ?)').run(
      stored.id,
      incidentId,
      stored.at,
      stored.type,
      JSON.stringify(stored),
    );
  }

  private findOne(column: 'id' | 'number' | 'report_id', value: string): Incident | undefined {
    const row = this.statement<[string], { doc: string }>(`SELECT doc FROM incidents WHERE ${column} = ?`).get(value);
    return row && (JSON.parse(row.doc) as Incident);
  }

  private list(name: ListName, filter: unknown[], options: ListOptions | undefined): Page<Incident> {
    const limit = pageLimit(options?.limit);
    const after = options?.cursor === undefined ? undefined : decodeCursor(name, options.cursor);
    // One row more than asked tells whether another page follows.
    const { sql, params } = listStatement(name, filter, after, limit + 1);
    const rows = this.statement<unknown[], ListRow>(sql).all(...params);
    const pageRows = rows.slice(0, limit);
    const items = pageRows.map((row) => JSON.parse(row.doc) as Incident);
    if (rows.length <= limit) return { items };
    const last = pageRows[pageRows.length - 1];
    return { items, next: encodeCursor(name, { key: last.sort_key, id: last.id }) };
  }

  /** A prepared statement, prepared once per connection. */
  private statement<P extends unknown[] = unknown[], R = unknown>(sql: string): Statement<P, R> {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared as unknown as Statement<P, R>;
  }
}
