/**
 * The embedded `AppStateStore`: the `app_state` table of the store's SQLite file, one row per key,
 * scheduled rows found through the partial index on `due_at`.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Transaction } from 'better-sqlite3';
import { Conflict } from '../../domain/errors';
import { fieldError } from '../../domain/incident-changes';
import type {
  AppStateStore,
  Page,
  ScheduledStateEntry,
  ScheduledStateOptions,
  StateEntry,
  StateWrite,
  StateWriteOutcome,
} from '../../domain/ports';
import { decodeCursor, encodeCursor } from './keyset-cursor';
import { pageLimit, Statements, unlessBusy } from './sqlite-database';

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

/**
 * `AppStateStore` on SQLite. A batch of writes is one `BEGIN IMMEDIATE` transaction (one durable
 * commit), each write checked against its own etag.
 */
export class SqliteAppStateStore implements AppStateStore {
  private readonly statements: Statements;
  private readonly writeTransaction: Transaction<(writes: readonly StateWrite[]) => StateWriteOutcome[]>;

  /** On an open database (see `SqliteStores.open`); the caller closes it. */
  constructor(db: Database.Database) {
    this.statements = new Statements(db);
    this.writeTransaction = db.transaction((writes: readonly StateWrite[]) =>
      writes.map((write) => this.writeOne(write)),
    );
  }

  async getState<T>(key: string): Promise<StateEntry<T> | undefined> {
    const row = this.statements
      .get<[string], { value: string; etag: string }>('SELECT value, etag FROM app_state WHERE key = ?')
      .get(key);
    return row && { value: JSON.parse(row.value) as T, etag: row.etag };
  }

  async putState<T>(key: string, value: T, expectedEtag: string | null | undefined): Promise<StateEntry<T>> {
    const [outcome] = await this.writeStates([{ kind: 'put', key, value, expectedEtag, dueAt: null }]);
    if (!outcome.ok) {
      throw new Conflict(
        'Värdet har ändrats av någon annan sedan det lästes.',
        'The value was changed by someone else since it was read.',
      );
    }
    return { value, etag: outcome.etag! };
  }

  /** All writes in one immediate transaction (one durable commit), each checked on its own. */
  async writeStates(writes: readonly StateWrite[]): Promise<StateWriteOutcome[]> {
    if (writes.length === 0) return [];
    return unlessBusy(() => this.writeTransaction.immediate(writes));
  }

  async listScheduledState<T>(
    prefix: string,
    options: ScheduledStateOptions = {},
  ): Promise<Page<ScheduledStateEntry<T>>> {
    const limit = pageLimit(options.limit);
    const dueBy = options.dueBy === undefined ? Number.MAX_SAFE_INTEGER : stateInstant('dueBy', options.dueBy);
    const after = options.cursor === undefined ? undefined : decodeCursor('scheduled-state', options.cursor);
    // The range on due_at walks the partial index app_state_by_due; the prefix is checked on the rows it finds.
    const rows = this.statements
      .get<unknown[], StateRow>(
        `SELECT key, value, etag, due_at FROM app_state
        WHERE due_at IS NOT NULL AND due_at <= @dueBy AND substr(key, 1, length(@prefix)) = @prefix
          ${after ? 'AND (due_at, key) > (@afterDue, @afterKey)' : ''}
        ORDER BY due_at, key LIMIT @limit`,
      )
      .all({ dueBy, prefix, limit: limit + 1, ...(after ? { afterDue: after.key, afterKey: after.id } : {}) });
    const pageRows = rows.slice(0, limit);
    const items = pageRows.map((row) => ({
      key: row.key,
      value: JSON.parse(row.value) as T,
      etag: row.etag,
      dueAt: new Date(row.due_at).toISOString(),
    }));
    if (rows.length <= limit) return { items };
    const last = pageRows[pageRows.length - 1];
    return { items, next: encodeCursor('scheduled-state', { key: last.due_at, id: last.key }) };
  }

  /** Runs inside the caller's immediate transaction: one app-state write and its etag check. */
  private writeOne(write: StateWrite): StateWriteOutcome {
    const { key, expectedEtag } = write;
    if (write.kind === 'delete') {
      const sql =
        expectedEtag === null
          ? 'DELETE FROM app_state WHERE key = @key'
          : 'DELETE FROM app_state WHERE key = @key AND etag = @expected';
      if (this.statements.get(sql).run({ key, expected: expectedEtag }).changes > 0) return { ok: true, etag: null };
      // Nothing deleted: fine when nothing is there, a conflict when it holds another version.
      const present = this.statements
        .get<[string], { etag: string }>('SELECT etag FROM app_state WHERE key = ?')
        .get(key);
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
      changes = this.statements
        .get(
          'INSERT INTO app_state (key, value, etag, due_at) VALUES (@key, @value, @etag, @dueAt) ON CONFLICT (key) DO NOTHING',
        )
        .run(params).changes;
    } else if (expectedEtag === null) {
      changes = this.statements
        .get(
          `INSERT INTO app_state (key, value, etag, due_at) VALUES (@key, @value, @etag, @dueAt)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, due_at = excluded.due_at`,
        )
        .run(params).changes;
    } else {
      changes = this.statements
        .get('UPDATE app_state SET value = @value, etag = @etag, due_at = @dueAt WHERE key = @key AND etag = @expected')
        .run(params).changes;
    }
    return changes === 0 ? { ok: false, reason: 'conflict' } : { ok: true, etag: params.etag };
  }
}
