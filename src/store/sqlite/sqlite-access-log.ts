/**
 * The embedded `AccessLog`: the `access_log` table of the store's SQLite file, one row per read,
 * an append of many records one immediate transaction.
 */
import type Database from 'better-sqlite3';
import type { Transaction } from 'better-sqlite3';
import type { AccessRecord } from '../../domain/access-log';
import { fieldError } from '../../domain/incident-changes';
import type { AccessLog, ListOptions, Page } from '../../domain/ports';
import { decodeCursor, encodeCursor } from './keyset-cursor';
import { pageLimit, Statements, unlessBusy } from './sqlite-database';

interface AccessRow {
  seq: number;
  at: number;
  doc: string;
}

export class SqliteAccessLog implements AccessLog {
  private readonly statements: Statements;
  private readonly appendTransaction: Transaction<(records: readonly AccessRecord[]) => void>;

  /** On an open database (see `SqliteStores.open`); the caller closes it. */
  constructor(db: Database.Database) {
    this.statements = new Statements(db);
    this.appendTransaction = db.transaction((records: readonly AccessRecord[]) => {
      const insert = this.statements.get(
        'INSERT INTO access_log (id, at, incident_id, doc) VALUES (@id, @at, @incidentId, @doc) ON CONFLICT (id) DO NOTHING',
      );
      for (const record of records) {
        const at = Date.parse(record.at);
        if (Number.isNaN(at))
          throw fieldError('at', 'invalid_datetime', 'Tidpunkten är ogiltig.', 'The time is invalid.');
        insert.run({ id: record.id, at, incidentId: record.incidentId, doc: JSON.stringify(record) });
      }
    });
  }

  async append(records: readonly AccessRecord[]): Promise<void> {
    if (records.length === 0) return;
    unlessBusy(() => this.appendTransaction.immediate(records));
  }

  async listForIncident(incidentId: string, options: ListOptions = {}): Promise<Page<AccessRecord>> {
    return this.page('incident_id = @incidentId', { incidentId }, options);
  }

  async listExports(options: ListOptions = {}): Promise<Page<AccessRecord>> {
    return this.page('incident_id IS NULL', {}, options);
  }

  async cullBefore(before: string, limit?: number): Promise<number> {
    const cutoff = Date.parse(before);
    if (Number.isNaN(cutoff))
      throw fieldError('before', 'invalid_datetime', 'Tidpunkten är ogiltig.', 'The time is invalid.');
    if (limit === undefined)
      return unlessBusy(() => this.statements.get('DELETE FROM access_log WHERE at < ?').run(cutoff).changes);
    // The oldest first, through `access_log_by_at`.
    return unlessBusy(
      () =>
        this.statements
          .get('DELETE FROM access_log WHERE seq IN (SELECT seq FROM access_log WHERE at < ? ORDER BY at, seq LIMIT ?)')
          .run(cutoff, Math.max(0, Math.floor(limit))).changes,
    );
  }

  async countBefore(before: string): Promise<number> {
    const cutoff = Date.parse(before);
    if (Number.isNaN(cutoff))
      throw fieldError('before', 'invalid_datetime', 'Tidpunkten är ogiltig.', 'The time is invalid.');
    const row = this.statements
      .get<[number], { n: number }>('SELECT COUNT(*) AS n FROM access_log WHERE at < ?')
      .get(cutoff);
    return row?.n ?? 0;
  }

  async deleteForIncident(incidentId: string): Promise<number> {
    return unlessBusy(
      () => this.statements.get('DELETE FROM access_log WHERE incident_id = ?').run(incidentId).changes,
    );
  }

  /** Newest first by (at, seq), walking `access_log_by_incident` backwards. */
  private page(where: string, params: Record<string, unknown>, options: ListOptions): Page<AccessRecord> {
    const limit = pageLimit(options.limit);
    const after = options.cursor === undefined ? undefined : decodeCursor('access-log', options.cursor);
    const rows = this.statements
      .get<unknown[], AccessRow>(
        `SELECT seq, at, doc FROM access_log WHERE ${where} ${after ? 'AND (at, seq) < (@afterAt, @afterSeq)' : ''}
        ORDER BY at DESC, seq DESC LIMIT @limit`,
      )
      .all({ ...params, limit: limit + 1, ...(after ? { afterAt: after.key, afterSeq: Number(after.id) } : {}) });
    const pageRows = rows.slice(0, limit);
    const items = pageRows.map((row) => JSON.parse(row.doc) as AccessRecord);
    if (rows.length <= limit) return { items };
    const last = pageRows[pageRows.length - 1];
    return { items, next: encodeCursor('access-log', { key: last.at, id: String(last.seq) }) };
  }
}
