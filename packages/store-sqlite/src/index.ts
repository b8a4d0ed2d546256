/**
 * `@lockstep/store-sqlite`: the embedded Lockstep store, one SQLite file in WAL mode (better-sqlite3).
 */

export { InvalidCursorError } from './cursor.js';
export { UnknownMigrationError } from './migrations.js';
export { openSqliteStore, SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';
