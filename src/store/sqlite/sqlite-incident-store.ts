/**
 * The embedded `IncidentStore`: the incidents, their audit trail and the number sequences in the
 * store's SQLite file (opened by `SqliteStores`).
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Transaction } from 'better-sqlite3';
import { Conflict, NotFound } from '../../domain/errors';
import { isOpen, type AuditEvent, type Incident, type NewAuditEvent, type NewIncident } from '../../domain/incident';
import { fieldError } from '../../domain/incident-changes';
import { formatIncidentNumber } from '../../domain/incident-number';
import type { IncidentStore, ListOptions, Page } from '../../domain/ports';
import { culledEventId, scopeDropsTrail } from '../../domain/retention-cull';
import { stockholmYear } from '../../domain/stockholm-time';
import { decodeCursor, encodeCursor } from './keyset-cursor';
import { listStatement, type ListName } from './list-queries';
import { pageLimit, Statements, unlessBusy } from './sqlite-database';

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
    linkedTo: incident.linkedTo?.id ?? null,
    etag: incident.etag,
    doc: JSON.stringify(incident),
  };
}

/**
 * `IncidentStore` on SQLite. Every write is one `BEGIN IMMEDIATE` transaction, so several
 * processes can share the file: numbers stay unique and consecutive per year.
 * @remarks better-sqlite3 is synchronous; the methods are async to honour the port, and
 * every error surfaces as a rejection.
 */
export class SqliteIncidentStore implements IncidentStore {
  private readonly statements: Statements;
  private readonly createTransaction: Transaction<(incident: NewIncident, event: NewAuditEvent) => CreateResult>;
  private readonly createManyTransaction: Transaction<(items: readonly NewIncidentWithEvent[]) => CreateResult[]>;
  private readonly updateTransaction: Transaction<
    (next: Incident, expectedEtag: string, event: NewAuditEvent) => Incident
  >;
  private readonly cullTransaction: Transaction<(kept: Incident, event: NewAuditEvent) => Incident>;

  /** On an open database (see `SqliteStores.open`); the caller closes it. */
  constructor(db: Database.Database) {
    this.statements = new Statements(db);
    this.createTransaction = db.transaction((incident: NewIncident, event: NewAuditEvent) =>
      this.insertNew(incident, event),
    );
    this.createManyTransaction = db.transaction((items: readonly NewIncidentWithEvent[]) =>
      items.map(({ incident, event }) => this.insertNew(incident, event)),
    );
    this.updateTransaction = db.transaction((next: Incident, expectedEtag: string, event: NewAuditEvent) =>
      this.replace(next, expectedEtag, event),
    );
    this.cullTransaction = db.transaction((kept: Incident, event: NewAuditEvent) => this.replaceCulled(kept, event));
  }

  // Writes take the write lock up front (BEGIN IMMEDIATE): a deferred transaction that reads
  // and then writes can fail with SQLITE_BUSY when another process commits in between.

  async create(incident: NewIncident, event: NewAuditEvent): Promise<CreateResult> {
    return unlessBusy(() => this.createTransaction.immediate(incident, event));
  }

  /**
   * Creates many incidents in one transaction, all or none, each as {@link create} would.
   * @remarks Not part of the port: for bulk loads (register import, benchmarks) where one
   * durable commit per incident would dominate.
   */
  async createMany(items: readonly NewIncidentWithEvent[]): Promise<CreateResult[]> {
    return unlessBusy(() => this.createManyTransaction.immediate(items));
  }

  async update(next: Incident, expectedEtag: string, event: NewAuditEvent): Promise<Incident> {
    return unlessBusy(() => this.updateTransaction.immediate(next, expectedEtag, event));
  }

  /**
   * Culls in one transaction: the incident's row becomes `kept`, its trail goes when the scope
   * says so (the trigger lets it only while the id is in `retention_culling`), one `culled` event.
   * @remarks The connection runs with `secure_delete` (sqlite-database.ts), so the old text does not
   * linger in freed pages of the file; copies in the write-ahead log go as the log is checkpointed and reused.
   */
  async cull(kept: Incident, event: NewAuditEvent): Promise<Incident> {
    if (!kept.retention) throw new Error('cull needs the retention mark on the kept record');
    return unlessBusy(() => this.cullTransaction.immediate(kept, event));
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
    return this.statements
      .get<[string], { doc: string }>('SELECT doc FROM incident_events WHERE incident_id = ? ORDER BY seq')
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

  async listLinkedTo(mainId: string, options?: ListOptions): Promise<Page<Incident>> {
    return this.list('linked', [mainId], options);
  }

  async listDueReminders(before: string, options?: ListOptions): Promise<Page<Incident>> {
    const at = Date.parse(before);
    if (Number.isNaN(at)) {
      throw fieldError(
        'before',
        'invalid_datetime',
        'Tidpunkten för påminnelser är ogiltig.',
        'The reminder time is invalid.',
      );
    }
    return this.list('due', [at], options);
  }

  /** Runs inside the caller's immediate transaction: idempotency check, number, incident, first event. */
  private insertNew(incident: NewIncident, event: NewAuditEvent): CreateResult {
    const existing = this.findOne('report_id', incident.reportId);
    if (existing) return { incident: existing, created: false };
    const year = stockholmYear(incident.discoveredAt);
    const { last: sequence } = this.statements
      .get<[number], { last: number }>(
        'INSERT INTO number_sequences (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last',
      )
      .get(year)!;
    const stored: Incident = {
      ...incident,
      id: randomUUID(),
      number: formatIncidentNumber(year, sequence),
      etag: randomUUID(),
    };
    this.statements
      .get(
        `INSERT INTO incidents (id, number, report_id, reporter_id, status, is_open, deadline, discovered_at, next_reminder_at, linked_to, etag, year, sequence, doc)
       VALUES (@id, @number, @reportId, @reporterId, @status, @isOpen, @deadline, @discoveredAt, @nextReminderAt, @linkedTo, @etag, @year, @sequence, @doc)`,
      )
      .run({ ...mirroredColumns(stored), number: stored.number, reportId: stored.reportId, year, sequence });
    this.appendEvent(stored.id, event);
    return { incident: stored, created: true };
  }

  /** Runs inside the caller's immediate transaction: etag check, new etag, write, event. */
  private replace(next: Incident, expectedEtag: string, event: NewAuditEvent): Incident {
    const current = this.currentRow(next.id);
    if (!current) throw new NotFound();
    if (current.etag !== expectedEtag) throw new Conflict();
    // Identity belongs to the store: the number and report id never change.
    const stored: Incident = {
      ...next,
      id: current.id,
      number: current.number,
      reportId: current.report_id,
      etag: randomUUID(),
    };
    this.writeRow(stored);
    this.appendEvent(stored.id, event);
    return stored;
  }

  /** Runs inside the cull transaction. */
  private replaceCulled(kept: Incident, event: NewAuditEvent): Incident {
    const current = this.currentRow(kept.id);
    if (!current) throw new NotFound();
    const eventId = culledEventId(kept);
    if (scopeDropsTrail(kept.retention!.scope)) {
      this.statements.get('INSERT OR IGNORE INTO retention_culling (incident_id) VALUES (?)').run(kept.id);
      this.statements.get('DELETE FROM incident_events WHERE incident_id = ? AND id <> ?').run(kept.id, eventId);
      this.statements.get('DELETE FROM retention_culling WHERE incident_id = ?').run(kept.id);
    }
    const stored: Incident = { ...kept, number: current.number, reportId: current.report_id, etag: randomUUID() };
    this.writeRow(stored);
    this.appendEvent(stored.id, event, eventId, true);
    return stored;
  }

  /** The row's identity and etag, read inside a write transaction. */
  private currentRow(id: string): IncidentRow | undefined {
    return this.statements
      .get<[string], IncidentRow>('SELECT id, number, report_id, etag FROM incidents WHERE id = ?')
      .get(id);
  }

  /** Writes the mirrored columns and the document over the incident's row. */
  private writeRow(stored: Incident): void {
    this.statements
      .get(
        `UPDATE incidents
         SET reporter_id = @reporterId, status = @status, is_open = @isOpen, deadline = @deadline,
             discovered_at = @discoveredAt, next_reminder_at = @nextReminderAt, linked_to = @linkedTo, etag = @etag,
             doc = @doc
       WHERE id = @id`,
      )
      .run(mirroredColumns(stored));
  }

  private appendEvent(incidentId: string, event: NewAuditEvent, id: string = randomUUID(), once = false): void {
    const stored: AuditEvent = { id, incidentId, ...event };
    this.statements
      .get(
        `INSERT ${once ? 'OR IGNORE ' : ''}INTO incident_events (id, incident_id, at, type, doc) VALUES (?, ?, ?, ?, ?)`,
      )
      .run(stored.id, incidentId, stored.at, stored.type, JSON.stringify(stored));
  }

  private findOne(column: 'id' | 'number' | 'report_id', value: string): Incident | undefined {
    const row = this.statements
      .get<[string], { doc: string }>(`SELECT doc FROM incidents WHERE ${column} = ?`)
      .get(value);
    return row && (JSON.parse(row.doc) as Incident);
  }

  private list(name: ListName, filter: unknown[], options: ListOptions | undefined): Page<Incident> {
    const limit = pageLimit(options?.limit);
    const after = options?.cursor === undefined ? undefined : decodeCursor(name, options.cursor);
    // One row more than asked tells whether another page follows.
    const { sql, params } = listStatement(name, filter, after, limit + 1);
    const rows = this.statements.get<unknown[], ListRow>(sql).all(...params);
    const pageRows = rows.slice(0, limit);
    const items = pageRows.map((row) => JSON.parse(row.doc) as Incident);
    if (rows.length <= limit) return { items };
    const last = pageRows[pageRows.length - 1];
    return { items, next: encodeCursor(name, { key: last.sort_key, id: last.id }) };
  }
}
