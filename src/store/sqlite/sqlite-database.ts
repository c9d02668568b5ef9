/**
 * The embedded store's one database file: opened once, shared by the incident store and the
 * app-state store (so a report and its announcement can never be in two different files).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database, { type Statement } from 'better-sqlite3';
import { StoreUnavailable } from '../../domain/errors';
import { migrate } from './migrations';

/** How long a write waits for another connection's write lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens (creating if needed) the database in `file`, its folder included, and brings the schema
 * up to date. `':memory:'` gives a private in-memory database.
 */
export function openDatabase(file: string, busyTimeoutMs = BUSY_TIMEOUT_MS): Database.Database {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: busyTimeoutMs });
  try {
    db.pragma('journal_mode = WAL');
    // The register is the art. 33(5) record: a committed report must survive a power cut too.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Freed pages are overwritten with zeros: an earlier version of a description (every update
    // rewrites the document) must not linger in the file once a retention run has culled it.
    db.pragma('secure_delete = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Runs a write transaction. The write lock not had within the busy timeout (another process
 * writing, a backup holding the file) is the domain's `StoreUnavailable`: nothing was written, and
 * the caller may try again shortly.
 */
export function unlessBusy<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) {
      throw new StoreUnavailable(5, { code }, { cause: error });
    }
    throw error;
  }
}

/** Prepared statements of one connection, each prepared once. */
export class Statements {
  private readonly prepared = new Map<string, Statement<unknown[], unknown>>();
  constructor(private readonly db: Database.Database) {}

  get<P extends unknown[] = unknown[], R = unknown>(sql: string): Statement<P, R> {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.prepared.set(sql, statement);
    }
    return statement as unknown as Statement<P, R>;
  }
}

/** A page size the caller asked for, within the port's bounds (default 50, at most 500). */
export function pageLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return 50;
  return Math.min(Math.max(Math.trunc(limit), 1), 500);
}
