/**
 * The schema of the embedded store as a numbered list of migrations, tracked in `PRAGMA user_version`.
 * @remarks Append new migrations; never edit one that has shipped.
 */
import type { Database } from 'better-sqlite3';

/** One schema step: version N is applied to a database at version N - 1. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'incidents, audit events, number sequences, app state',
    sql: `
      -- The incident as a JSON document; the columns next to it mirror the fields that are
      -- filtered and sorted on. Instants are epoch milliseconds so they compare as numbers
      -- whatever ISO 8601 spelling the document carries.
      CREATE TABLE incidents (
        id               TEXT PRIMARY KEY,
        number           TEXT NOT NULL UNIQUE,
        report_id        TEXT NOT NULL UNIQUE,
        reporter_id      TEXT NOT NULL,
        status           TEXT NOT NULL,
        is_open          INTEGER NOT NULL CHECK (is_open IN (0, 1)),
        deadline         INTEGER NOT NULL,
        discovered_at    INTEGER NOT NULL,
        next_reminder_at INTEGER,
        etag             TEXT NOT NULL,
        year             INTEGER NOT NULL,
        sequence         INTEGER NOT NULL,
        doc              TEXT NOT NULL CHECK (json_valid(doc)),
        UNIQUE (year, sequence)
      ) STRICT;

      -- "Mine", newest discovery first.
      CREATE INDEX incidents_by_reporter ON incidents (reporter_id, discovered_at, id);
      -- Open incidents by deadline; closed ones (most of a mature register) stay out of the index.
      CREATE INDEX incidents_open_by_deadline ON incidents (deadline, id) WHERE is_open = 1;
      -- The whole register, newest discovery first (read backwards).
      CREATE INDEX incidents_by_discovery ON incidents (discovered_at, id);
      -- Due reminders; incidents whose clock has stopped have none and stay out of the index.
      CREATE INDEX incidents_by_next_reminder ON incidents (next_reminder_at, id) WHERE next_reminder_at IS NOT NULL;

      -- The audit trail: appended, never changed (art. 33(5)).
      CREATE TABLE incident_events (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        id          TEXT NOT NULL UNIQUE,
        incident_id TEXT NOT NULL REFERENCES incidents (id),
        at          TEXT NOT NULL,
        type        TEXT NOT NULL,
        doc         TEXT NOT NULL CHECK (json_valid(doc))
      ) STRICT;
      CREATE INDEX incident_events_by_incident ON incident_events (incident_id, seq);

      CREATE TRIGGER incident_events_no_update BEFORE UPDATE ON incident_events
      BEGIN
        SELECT RAISE(ABORT, 'incident_events is append-only');
      END;
      CREATE TRIGGER incident_events_no_delete BEFORE DELETE ON incident_events
      BEGIN
        SELECT RAISE(ABORT, 'incident_events is append-only');
      END;

      -- The last incident number handed out per year.
      CREATE TABLE number_sequences (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE app_state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value)),
        etag  TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'scheduled app state (the outbox, one row per entry)',
    sql: `
      -- When a scheduled item falls due, in epoch milliseconds; NULL: not scheduled.
      ALTER TABLE app_state ADD COLUMN due_at INTEGER;
      -- Due items, earliest first; unscheduled state (most of it) stays out of the index.
      CREATE INDEX app_state_by_due ON app_state (due_at, key) WHERE due_at IS NOT NULL;
    `,
  },
  {
    version: 3,
    name: 'access log (who read what)',
    sql: `
      -- One row per read; never the content read. \`at\` in epoch milliseconds (compared as a number).
      CREATE TABLE access_log (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        id          TEXT NOT NULL UNIQUE,
        at          INTEGER NOT NULL,
        incident_id TEXT,
        doc         TEXT NOT NULL CHECK (json_valid(doc))
      ) STRICT;
      -- An incident's reads, newest first; exports (no incident) under NULL.
      CREATE INDEX access_log_by_incident ON access_log (incident_id, at, seq);
      -- Culling by age.
      CREATE INDEX access_log_by_at ON access_log (at);
    `,
  },
  // --- migration 5: retention culling (issue 17, h17cull) ---
  {
    version: 5,
    name: "retention culling may delete an incident's audit trail",
    sql: `
      -- While a retention run culls an incident, its id is here (inside the culling transaction
      -- only): the one time its events may be deleted. Ordinary code never writes this table, so
      -- the audit trail stays append-only for everything else.
      CREATE TABLE retention_culling (
        incident_id TEXT PRIMARY KEY
      ) STRICT;

      DROP TRIGGER incident_events_no_delete;
      CREATE TRIGGER incident_events_no_delete BEFORE DELETE ON incident_events
      WHEN NOT EXISTS (SELECT 1 FROM retention_culling WHERE incident_id = OLD.incident_id)
      BEGIN
        SELECT RAISE(ABORT, 'incident_events is append-only (only a retention run culls it)');
      END;
    `,
  },
  // --- migration 6: the link of a report to its main incident (issue 16, h16). Numbered 6, not
  // the 4 agreed: 5 landed first, and a file already at 5 would never apply a 4. ---
  {
    version: 6,
    name: 'incidents linked to a main incident',
    sql: `
      -- The main incident's id of a linked report (the document's linkedTo.id); NULL for most.
      ALTER TABLE incidents ADD COLUMN linked_to TEXT;
      UPDATE incidents SET linked_to = json_extract(doc, '$.linkedTo.id') WHERE json_extract(doc, '$.linkedTo.id') IS NOT NULL;
      -- The reports linked to a main, earliest discovery first; unlinked incidents stay out of the index.
      CREATE INDEX incidents_by_main ON incidents (linked_to, discovered_at, id) WHERE linked_to IS NOT NULL;
    `,
  },
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/**
 * Brings the database up to {@link SCHEMA_VERSION} in one immediate transaction; returns the
 * version it found.
 * @remarks The version is read inside the write lock, so processes opening a new file at the
 * same time apply each migration once. A file from newer code is refused rather than misread.
 */
export function migrate(db: Database): number {
  return db
    .transaction(() => {
      const found = db.pragma('user_version', { simple: true }) as number;
      if (found > SCHEMA_VERSION) {
        throw new Error(
          `The database schema is version ${found}, newer than this code knows (${SCHEMA_VERSION}). Upgrade PUI Desk.`,
        );
      }
      for (const migration of MIGRATIONS.filter((m) => m.version > found)) {
        db.exec(migration.sql);
        db.pragma(`user_version = ${migration.version}`);
      }
      return found;
    })
    .immediate();
}
