/**
 * The SQLite schema, as migrations: named by date, append-only, each applied once and recorded in the
 * `migrations` table. A released migration is never edited; a schema change is a new migration at the end.
 */
import type Database from 'better-sqlite3';

/** One schema step: its name (a date, then what it does) and the SQL that performs it. */
export interface Migration {
  name: string;
  sql: string;
}

/** The SQLite migrations, oldest first. Append only. */
export const sqliteMigrations: readonly Migration[] = [
  {
    name: '2026-11-21-initial-schema',
    sql: `
      CREATE TABLE state_machines (
        state_machine_arn TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        definition TEXT NOT NULL,
        role_arn TEXT NOT NULL,
        creation_date INTEGER NOT NULL,
        update_date INTEGER NOT NULL,
        revision_id TEXT,
        description TEXT,
        logging_configuration TEXT NOT NULL,
        tracing_configuration TEXT NOT NULL,
        status TEXT NOT NULL,
        latest_version INTEGER NOT NULL
      );

      CREATE TABLE state_machine_versions (
        state_machine_version_arn TEXT PRIMARY KEY,
        state_machine_arn TEXT NOT NULL,
        version INTEGER NOT NULL,
        definition TEXT NOT NULL,
        role_arn TEXT NOT NULL,
        revision_id TEXT NOT NULL,
        description TEXT,
        creation_date INTEGER NOT NULL
      );
      CREATE INDEX state_machine_versions_by_machine ON state_machine_versions (state_machine_arn, version DESC);

      -- What changes with every transition. The integer id keys the history rows: far smaller than the ARN,
      -- in the index every transition writes. The record (large, rewritten each time) comes last, so reading
      -- the summary columns stops before its overflow pages.
      CREATE TABLE executions (
        id INTEGER PRIMARY KEY,
        execution_arn TEXT NOT NULL UNIQUE,
        state_machine_arn TEXT NOT NULL,
        state_machine_version_arn TEXT,
        name TEXT NOT NULL,
        status TEXT NOT NULL,
        start_date INTEGER NOT NULL,
        stop_date INTEGER,
        error TEXT,
        cause TEXT,
        version INTEGER NOT NULL,
        output_text TEXT,
        record TEXT NOT NULL
      );
      -- What never changes, apart: SQLite rewrites a whole row on update, and a definition and an input (up to
      -- hundreds of KiB each) rewritten by every transition halved commit throughput.
      CREATE TABLE execution_inputs (
        execution_id INTEGER PRIMARY KEY,
        input_text TEXT NOT NULL,
        definition TEXT NOT NULL
      );
      -- Listing is newest first, with or without a status filter; the cursor is (start_date, execution_arn).
      CREATE INDEX executions_newest_first
        ON executions (state_machine_arn, start_date DESC, execution_arn DESC);
      CREATE INDEX executions_by_status_newest_first
        ON executions (state_machine_arn, status, start_date DESC, execution_arn DESC);
      -- Retention deletes closed executions oldest stop first; running ones have no stop date.
      CREATE INDEX executions_closed_by_stop_date ON executions (stop_date) WHERE stop_date IS NOT NULL;

      -- Rows are stored in append order, so the events of a commit over hundreds of executions fill a few pages
      -- at the end of the table instead of one page per execution (clustering by execution multiplied the pages
      -- written per commit, and commits were half as fast); the small index finds an execution's events.
      CREATE TABLE history_events (
        execution_id INTEGER NOT NULL,
        id INTEGER NOT NULL,
        previous_event_id INTEGER NOT NULL,
        timestamp INTEGER NOT NULL,
        type TEXT NOT NULL,
        details TEXT
      );
      CREATE UNIQUE INDEX history_events_by_execution ON history_events (execution_id, id);

      -- lease_until is NULL for an item nobody holds; the rowid breaks due-time ties in insertion order.
      CREATE TABLE work (
        id TEXT PRIMARY KEY,
        execution_arn TEXT NOT NULL,
        due_time INTEGER NOT NULL,
        lease_until INTEGER,
        payload TEXT NOT NULL
      );
      CREATE INDEX work_by_due_time ON work (due_time);
      CREATE INDEX work_by_execution ON work (execution_arn);

      CREATE TABLE task_tokens (
        token TEXT PRIMARY KEY,
        execution_arn TEXT NOT NULL,
        key TEXT NOT NULL,
        activity_arn TEXT,
        input_text TEXT,
        created_date INTEGER NOT NULL,
        status TEXT NOT NULL,
        worker_name TEXT
      );
      CREATE INDEX task_tokens_by_execution_key ON task_tokens (execution_arn, key);
      CREATE INDEX task_tokens_by_activity_queue ON task_tokens (activity_arn, status, created_date);

      CREATE TABLE activities (
        activity_arn TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        creation_date INTEGER NOT NULL
      );

      CREATE TABLE tags (
        resource_arn TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (resource_arn, key)
      ) WITHOUT ROWID;
    `,
  },
  {
    // Dated a day on: the names sort in the order they apply, and '2026-11-21-c...' would sort first.
    name: '2026-11-22-connections',
    sql: `
      -- EventBridge connections, keyed by name (unique, as in EventBridge); listed in name order.
      CREATE TABLE connections (
        name TEXT PRIMARY KEY,
        connection_arn TEXT NOT NULL,
        authorization_type TEXT NOT NULL,
        auth_parameters TEXT NOT NULL,
        description TEXT,
        connection_state TEXT NOT NULL,
        creation_time INTEGER NOT NULL,
        last_modified_time INTEGER NOT NULL,
        last_authorized_time INTEGER
      ) WITHOUT ROWID;
    `,
  },
  {
    name: '2026-11-23-aliases',
    sql: `
      -- State machine aliases; a state machine's are listed oldest first. The routes (one or two versions with their
      -- weights) are JSON text, as the API gives them.
      CREATE TABLE state_machine_aliases (
        state_machine_alias_arn TEXT PRIMARY KEY,
        state_machine_arn TEXT NOT NULL,
        name TEXT NOT NULL,
        description TEXT,
        routing_configuration TEXT NOT NULL,
        creation_date INTEGER NOT NULL,
        update_date INTEGER NOT NULL
      );
      CREATE INDEX state_machine_aliases_by_machine
        ON state_machine_aliases (state_machine_arn, creation_date, state_machine_alias_arn);

      -- The alias an execution was started through, apart: few executions have one, and a column added to
      -- executions would come after its record, so reading the summary columns would read the record too.
      CREATE TABLE execution_aliases (
        execution_id INTEGER PRIMARY KEY,
        state_machine_alias_arn TEXT NOT NULL
      );
      CREATE INDEX execution_aliases_by_alias ON execution_aliases (state_machine_alias_arn);
      -- Retention deletes executions in bulk: their alias rows go with them.
      CREATE TRIGGER execution_aliases_of_deleted_execution AFTER DELETE ON executions BEGIN
        DELETE FROM execution_aliases WHERE execution_id = old.id;
      END;
      -- ListExecutions of a version ARN lists that version's executions newest first; a partial index, so that
      -- executions started otherwise cost it nothing.
      CREATE INDEX executions_of_version_newest_first
        ON executions (state_machine_version_arn, start_date DESC, execution_arn DESC)
        WHERE state_machine_version_arn IS NOT NULL;
    `,
  },
  {
    name: '2026-11-24-map-runs',
    sql: `
      -- Distributed Map runs: their settings (UpdateMapRun changes them) and status; an execution's are listed oldest
      -- first. The tolerances are NULL when the Map state declared none.
      CREATE TABLE map_runs (
        map_run_arn TEXT PRIMARY KEY,
        execution_arn TEXT NOT NULL,
        state_machine_arn TEXT NOT NULL,
        status TEXT NOT NULL,
        start_date INTEGER NOT NULL,
        stop_date INTEGER,
        max_concurrency INTEGER NOT NULL,
        tolerated_failure_count INTEGER,
        tolerated_failure_percentage REAL,
        item_count INTEGER NOT NULL,
        execution_count INTEGER NOT NULL
      );
      CREATE INDEX map_runs_by_execution ON map_runs (execution_arn, start_date, map_run_arn);

      -- The Map Run a child execution belongs to and how many of its items the child processes, apart, as an
      -- execution's alias is (see 2026-11-23-aliases).
      CREATE TABLE execution_map_runs (
        execution_id INTEGER PRIMARY KEY,
        map_run_arn TEXT NOT NULL,
        item_count INTEGER NOT NULL
      );
      CREATE INDEX execution_map_runs_by_map_run ON execution_map_runs (map_run_arn);
      -- Retention deletes executions in bulk: a child's Map Run row, and the runs of a parent, go with them.
      CREATE TRIGGER map_runs_of_deleted_execution AFTER DELETE ON executions BEGIN
        DELETE FROM execution_map_runs WHERE execution_id = old.id;
        DELETE FROM map_runs WHERE execution_arn = old.execution_arn;
      END;
    `,
  },
  {
    name: '2026-11-25-redrives',
    sql: `
      -- How many times an execution was redriven, when last, and that request's client token (RedriveExecution is
      -- idempotent by it), apart, as an execution's alias is (see 2026-11-23-aliases): few executions are redriven.
      CREATE TABLE execution_redrives (
        execution_id INTEGER PRIMARY KEY,
        redrive_count INTEGER NOT NULL,
        redrive_date INTEGER NOT NULL,
        client_token TEXT
      );
      CREATE TRIGGER execution_redrives_of_deleted_execution AFTER DELETE ON executions BEGIN
        DELETE FROM execution_redrives WHERE execution_id = old.id;
      END;
    `,
  },
  {
    name: '2026-11-26-map-run-redrives',
    sql: `
      -- How many times a Map Run was redriven (with its parent execution), and when last; NULL when never.
      ALTER TABLE map_runs ADD COLUMN redrive_count INTEGER;
      ALTER TABLE map_runs ADD COLUMN redrive_date INTEGER;
    `,
  },
  {
    name: '2026-11-27-map-run-writers',
    sql: `
      -- Whether a Map Run's Map writes its results (ResultWriter): 1, else NULL.
      ALTER TABLE map_runs ADD COLUMN writes_results INTEGER;
    `,
  },
];

/** The database holds migrations this code does not know: it was written by a newer Lockstep. */
export class UnknownMigrationError extends Error {
  override readonly name = 'UnknownMigrationError';
}

/**
 * Applies the migrations not yet recorded, in order, each in its own transaction with its record, so a crash
 * mid-way leaves the database at a migration boundary. `IMMEDIATE` makes two processes opening the same file
 * at once apply each migration once: the second waits for the first and then sees it recorded.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = sqliteMigrations): void {
  db.exec('CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const appliedNames = db.prepare<[], string>('SELECT name FROM migrations').pluck();
  const record = db.prepare<[string, number]>('INSERT INTO migrations (name, applied_at) VALUES (?, ?)');
  const known = new Set(migrations.map((migration) => migration.name));
  const unknown = appliedNames.all().filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new UnknownMigrationError(
      `The database was migrated by a newer version of Lockstep (unknown migrations: ${unknown.join(', ')}).`,
    );
  }
  for (const migration of migrations) {
    db.transaction(() => {
      // Re-read inside the write lock: another process may have applied it while this one waited.
      if (appliedNames.all().includes(migration.name)) return;
      db.exec(migration.sql);
      record.run(migration.name, Date.now());
    }).immediate();
  }
}
