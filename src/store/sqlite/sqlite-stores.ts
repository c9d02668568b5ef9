/**
 * The embedded stores: one SQLite file (better-sqlite3, WAL) holding the register, the app
 * state and the access log, the default for `npm start`, tests and small single-server installs.
 */
import type Database from 'better-sqlite3';
import type { Stores } from '../../domain/ports';
import { SqliteAccessLog } from './sqlite-access-log';
import { SqliteAppStateStore } from './sqlite-app-state-store';
import { openDatabase } from './sqlite-database';
import { SqliteIncidentStore } from './sqlite-incident-store';

/** The incident store and the app-state store on one SQLite connection. */
export class SqliteStores implements Stores {
  readonly incidents: SqliteIncidentStore;
  readonly appState: SqliteAppStateStore;
  readonly accessLog: SqliteAccessLog;

  private constructor(private readonly db: Database.Database) {
    this.incidents = new SqliteIncidentStore(db);
    this.appState = new SqliteAppStateStore(db);
    this.accessLog = new SqliteAccessLog(db);
  }

  /**
   * Opens (creating if needed) the stores in `file`, its folder included, and brings the schema
   * up to date. `':memory:'` gives private in-memory stores. `busyTimeoutMs`: how long a write
   * waits for another process's write lock (default 10 s) before it fails with `StoreUnavailable`.
   */
  static open(file: string, options: { busyTimeoutMs?: number } = {}): SqliteStores {
    return new SqliteStores(openDatabase(file, options.busyTimeoutMs));
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
