/**
 * EventBridge connections (the HTTP Task's authorization) in SQLite: their statements, prepared once on a migrated
 * database, kept apart from the store's other statements, which the runtime's hot paths use.
 */
import type { ConnectionFilter, ConnectionRecord, ListOptions, Page } from '@lockstep/service';
import type Database from 'better-sqlite3';
import { decodeCursor, pageOf, rowsToRead } from './cursor.js';
import { connectionColumns, optionalRecordOf, recordOf } from './rows.js';

type Row = Record<string, unknown>;

/** The connections half of the SQLite store. */
export class ConnectionTable {
  /** Takes the values of {@link connectionValues}. */
  readonly #insert: Database.Statement<unknown[]>;
  /** Takes the values of {@link connectionValues}. */
  readonly #update: Database.Statement<unknown[]>;
  readonly #get: Database.Statement<[string], Row>;
  readonly #delete: Database.Statement<[string]>;
  readonly #list: Database.Statement<[{ after: string; prefix: string; state: string | null; limit: number }], Row>;

  constructor(db: Database.Database) {
    this.#insert = db.prepare(`INSERT INTO connections (connection_arn, authorization_type, auth_parameters,
      description, connection_state, creation_time, last_modified_time, last_authorized_time, name)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`);
    this.#update = db.prepare(`UPDATE connections SET connection_arn = ?, authorization_type = ?,
      auth_parameters = ?, description = ?, connection_state = ?, creation_time = ?, last_modified_time = ?,
      last_authorized_time = ? WHERE name = ?`);
    this.#get = db.prepare(`SELECT ${connectionColumns} FROM connections WHERE name = ?`);
    this.#delete = db.prepare('DELETE FROM connections WHERE name = ?');
    // Names are at least one character, so '' starts before the first; an empty prefix and a NULL state select all.
    this.#list = db.prepare(`SELECT ${connectionColumns} FROM connections WHERE name > @after
      AND substr(name, 1, length(@prefix)) = @prefix AND (@state IS NULL OR connection_state = @state)
      ORDER BY name LIMIT @limit`);
  }

  insert(record: ConnectionRecord): boolean {
    return this.#insert.run(...connectionValues(record)).changes === 1;
  }

  get(name: string): ConnectionRecord | undefined {
    return optionalRecordOf(this.#get.get(name));
  }

  update(record: ConnectionRecord): boolean {
    return this.#update.run(...connectionValues(record)).changes === 1;
  }

  delete(name: string): void {
    this.#delete.run(name);
  }

  list({ limit, after, namePrefix, connectionState }: ListOptions & ConnectionFilter): Page<ConnectionRecord> {
    const rows = this.#list.all({
      after: after === undefined ? '' : (decodeCursor('connections', after, ['string'])[0] as string),
      prefix: namePrefix ?? '',
      state: connectionState ?? null,
      limit: rowsToRead(limit),
    });
    return pageOf(rows.map(recordOf<ConnectionRecord>), limit, 'connections', (c) => [c.name]);
  }
}

/** A connection's values in the column order of the insert and update statements. */
function connectionValues(r: ConnectionRecord): unknown[] {
  return [
    r.connectionArn,
    r.authorizationType,
    r.authParameters,
    r.description,
    r.connectionState,
    r.creationTime,
    r.lastModifiedTime,
    r.lastAuthorizedTime,
    r.name,
  ];
}
