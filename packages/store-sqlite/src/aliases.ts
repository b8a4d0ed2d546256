/**
 * State machine aliases in SQLite: the aliases themselves, the alias each execution started through one names (its
 * `execution_aliases` row), and the execution listings an alias or a version ARN selects (ListExecutions of
 * `<machine>:<alias>` or `<machine>:<version>`). Kept apart from the store's other statements, which the runtime's
 * hot paths use.
 */
import type {
  AliasRoute,
  ExecutionFilter,
  ExecutionSummary,
  ListOptions,
  Page,
  StateMachineAliasRecord,
} from '@lockstep/service';
import type Database from 'better-sqlite3';
import { decodeCursor, pageOf, rowsToRead } from './cursor.js';
import { executionSummaryColumns, executionsWithInputs, recordOf } from './rows.js';

type Row = Record<string, unknown>;

/** `state_machine_aliases` columns, as `StateMachineAliasRecord` members (routes still JSON text). */
const aliasColumns = `state_machine_alias_arn AS stateMachineAliasArn, state_machine_arn AS stateMachineArn, name,
  description, routing_configuration AS routingConfiguration, creation_date AS creationDate,
  update_date AS updateDate`;

/** Before every alias: creation dates are epoch ms, ARNs non-empty. */
const FIRST_ALIAS_KEY = { creationDate: -1, arn: '' };

/** After every execution: start dates are epoch ms. */
const LAST_EXECUTION_KEY = { startDate: Number.MAX_SAFE_INTEGER, arn: '' };

/** The alias half of the SQLite store: its statements, prepared once on a migrated database. */
export class AliasTable {
  readonly #insert: Database.Statement<unknown[]>;
  readonly #update: Database.Statement<unknown[]>;
  readonly #get: Database.Statement<[string], Row>;
  readonly #delete: Database.Statement<[string]>;
  readonly #deleteOf: Database.Statement<[string]>;
  readonly #list: Database.Statement<[Record<string, unknown>], Row>;
  readonly #executionsOfVersion: Database.Statement<[Record<string, unknown>], Row>;
  readonly #executionsOfAlias: Database.Statement<[Record<string, unknown>], Row>;
  readonly #insertExecutionAlias: Database.Statement<[number | bigint, string]>;

  constructor(db: Database.Database) {
    this.#insert = db.prepare(`INSERT INTO state_machine_aliases (state_machine_arn, name, description,
      routing_configuration, creation_date, update_date, state_machine_alias_arn) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT DO NOTHING`);
    this.#update = db.prepare(`UPDATE state_machine_aliases SET state_machine_arn = ?, name = ?, description = ?,
      routing_configuration = ?, creation_date = ?, update_date = ? WHERE state_machine_alias_arn = ?`);
    this.#get = db.prepare(`SELECT ${aliasColumns} FROM state_machine_aliases WHERE state_machine_alias_arn = ?`);
    this.#delete = db.prepare('DELETE FROM state_machine_aliases WHERE state_machine_alias_arn = ?');
    this.#deleteOf = db.prepare('DELETE FROM state_machine_aliases WHERE state_machine_arn = ?');
    // A NULL @version selects every alias; the routes are at most two, so scanning them per alias is cheap.
    this.#list = db.prepare(`SELECT ${aliasColumns} FROM state_machine_aliases WHERE state_machine_arn = @machine
      AND (creation_date, state_machine_alias_arn) > (@creationDate, @arn)
      AND (@version IS NULL OR EXISTS (SELECT 1 FROM json_each(routing_configuration)
        WHERE json_extract(value, '$.stateMachineVersionArn') = @version))
      ORDER BY creation_date, state_machine_alias_arn LIMIT @limit`);
    this.#executionsOfVersion = db.prepare(executionsOf('state_machine_version_arn'));
    this.#executionsOfAlias = db.prepare(executionsOf('state_machine_alias_arn'));
    this.#insertExecutionAlias = db.prepare(
      'INSERT INTO execution_aliases (execution_id, state_machine_alias_arn) VALUES (?, ?)',
    );
  }

  /** Records the alias a new execution (by its row id) was started through, inside the caller's transaction. */
  insertExecutionAlias(executionId: number | bigint, stateMachineAliasArn: string): void {
    this.#insertExecutionAlias.run(executionId, stateMachineAliasArn);
  }

  insert(alias: StateMachineAliasRecord): boolean {
    return this.#insert.run(...values(alias)).changes === 1;
  }

  get(stateMachineAliasArn: string): StateMachineAliasRecord | undefined {
    const row = this.#get.get(stateMachineAliasArn);
    return row === undefined ? undefined : aliasOf(row);
  }

  update(alias: StateMachineAliasRecord): boolean {
    return this.#update.run(...values(alias)).changes === 1;
  }

  delete(stateMachineAliasArn: string): void {
    this.#delete.run(stateMachineAliasArn);
  }

  /** Deletes every alias of a state machine (inside the caller's transaction). */
  deleteOf(stateMachineArn: string): void {
    this.#deleteOf.run(stateMachineArn);
  }

  list(
    stateMachineArn: string,
    { limit, after, stateMachineVersionArn }: ListOptions & { stateMachineVersionArn?: string },
  ): Page<StateMachineAliasRecord> {
    const [creationDate, arn] =
      after === undefined
        ? [FIRST_ALIAS_KEY.creationDate, FIRST_ALIAS_KEY.arn]
        : (decodeCursor('aliases', after, ['number', 'string']) as [number, string]);
    const rows = this.#list.all({
      machine: stateMachineArn,
      creationDate,
      arn,
      version: stateMachineVersionArn ?? null,
      limit: rowsToRead(limit),
    });
    return pageOf(rows.map(aliasOf), limit, 'aliases', (a) => [a.creationDate, a.stateMachineAliasArn]);
  }

  /**
   * A state machine's executions of one version or one alias (the filter names one of them), newest first, with the
   * same cursors as the store's unfiltered listing.
   */
  listExecutions(
    stateMachineArn: string,
    { limit, after, status, stateMachineVersionArn, stateMachineAliasArn }: ListOptions & ExecutionFilter,
  ): Page<ExecutionSummary> {
    const [startDate, arn] =
      after === undefined
        ? [LAST_EXECUTION_KEY.startDate, LAST_EXECUTION_KEY.arn]
        : (decodeCursor('executions', after, ['number', 'string']) as [number, string]);
    const byAlias = stateMachineAliasArn !== undefined;
    const rows = (byAlias ? this.#executionsOfAlias : this.#executionsOfVersion).all({
      qualified: byAlias ? stateMachineAliasArn : (stateMachineVersionArn ?? null),
      machine: stateMachineArn,
      status: status ?? null,
      startDate,
      arn,
      limit: rowsToRead(limit),
    });
    return pageOf(rows.map(recordOf<ExecutionSummary>), limit, 'executions', (e) => [e.startDate, e.executionArn]);
  }
}

/**
 * The listing of the executions whose `column` (the version or the alias ARN) is `@qualified`. Without a cursor the
 * key starts after every execution; `(start_date, execution_arn) < (MAX, '')` then holds for all of them.
 */
function executionsOf(column: 'state_machine_version_arn' | 'state_machine_alias_arn'): string {
  return `SELECT ${executionSummaryColumns} FROM ${executionsWithInputs}
    WHERE ${column} = @qualified AND state_machine_arn = @machine AND (@status IS NULL OR status = @status)
    AND (start_date, execution_arn) < (@startDate, @arn)
    ORDER BY start_date DESC, execution_arn DESC LIMIT @limit`;
}

/** An alias's values in the column order of the insert and update statements (the ARN last). */
function values(alias: StateMachineAliasRecord): unknown[] {
  return [
    alias.stateMachineArn,
    alias.name,
    alias.description,
    JSON.stringify(alias.routingConfiguration),
    alias.creationDate,
    alias.updateDate,
    alias.stateMachineAliasArn,
  ];
}

function aliasOf(row: Row): StateMachineAliasRecord {
  const record = recordOf<Omit<StateMachineAliasRecord, 'routingConfiguration'> & { routingConfiguration: string }>(
    row,
  );
  return { ...record, routingConfiguration: JSON.parse(record.routingConfiguration) as AliasRoute[] };
}
