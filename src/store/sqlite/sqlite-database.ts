/**
 * The embedded store's one database file: opened once, shared by the incident store and the
 * app-state store (so a report and its announcement can never be in two different files).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database, { type Statement } from 'better-sqlite3';
import { migrate } from './migrations';

/** How long a write waits for another connection's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens (creating if needed) the database in `file`, its folder included, and brings the schema
 * up to date. `':memory:'` gives a private in-memory database.
 */
export function openDatabase(file: string): Database.Database {
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
  return db;
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
