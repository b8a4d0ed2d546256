/**
 * Distributed Map runs in SQLite: the runs themselves (`map_runs`), the run each child execution belongs to (its
 * `execution_map_runs` row), the listing of a run's children (ListExecutions of a Map Run ARN) and their counts by
 * status (DescribeMapRun). Kept apart from the store's other statements, which the runtime's hot paths use.
 */
import type {
  ExecutionFilter,
  ExecutionSummary,
  ListOptions,
  MapRunCount,
  MapRunRecord,
  Page,
} from '@lockstep/service';
import type Database from 'better-sqlite3';
import { decodeCursor, pageOf, rowsToRead } from './cursor.js';
import { executionSummaryColumns, executionsWithInputs, mapRunColumns, recordOf } from './rows.js';

type Row = Record<string, unknown>;

/** Before every run: start dates are epoch ms, ARNs non-empty. */
const FIRST_RUN_KEY = { startDate: -1, arn: '' };

/** After every execution: start dates are epoch ms. */
const LAST_EXECUTION_KEY = { startDate: Number.MAX_SAFE_INTEGER, arn: '' };

/** The Map Run half of the SQLite store: its statements, prepared once on a migrated database. */
export class MapRunTable {
  readonly #insert: Database.Statement<unknown[]>;
  readonly #update: Database.Statement<unknown[]>;
  readonly #get: Database.Statement<[string], Row>;
  readonly #list: Database.Statement<[Record<string, unknown>], Row>;
  readonly #children: Database.Statement<[Record<string, unknown>], Row>;
  readonly #count: Database.Statement<[string], { status: string; executions: number; items: number }>;
  readonly #insertExecutionMapRun: Database.Statement<[number | bigint, string, number]>;

  constructor(db: Database.Database) {
    this.#insert = db.prepare(`INSERT INTO map_runs (execution_arn, state_machine_arn, status, start_date, stop_date,
      max_concurrency, tolerated_failure_count, tolerated_failure_percentage, item_count, execution_count,
      redrive_count, redrive_date, writes_results, map_run_arn) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT DO NOTHING`);
    this.#update = db.prepare(`UPDATE map_runs SET execution_arn = ?, state_machine_arn = ?, status = ?,
      start_date = ?, stop_date = ?, max_concurrency = ?, tolerated_failure_count = ?,
      tolerated_failure_percentage = ?, item_count = ?, execution_count = ?, redrive_count = ?, redrive_date = ?,
      writes_results = ? WHERE map_run_arn = ?`);
    this.#get = db.prepare(`SELECT ${mapRunColumns} FROM map_runs WHERE map_run_arn = ?`);
    this.#list = db.prepare(`SELECT ${mapRunColumns} FROM map_runs WHERE execution_arn = @execution
      AND (start_date, map_run_arn) > (@startDate, @arn) ORDER BY start_date, map_run_arn LIMIT @limit`);
    this.#children = db.prepare(`SELECT ${executionSummaryColumns} FROM ${executionsWithInputs}
      WHERE map_run_arn = @mapRun AND (@status IS NULL OR status = @status)
      AND (start_date, execution_arn) < (@startDate, @arn)
      ORDER BY start_date DESC, execution_arn DESC LIMIT @limit`);
    this.#count = db.prepare(`SELECT status, count(*) AS executions, sum(item_count) AS items FROM execution_map_runs
      JOIN executions ON executions.id = execution_map_runs.execution_id WHERE map_run_arn = ? GROUP BY status`);
    this.#insertExecutionMapRun = db.prepare(
      'INSERT INTO execution_map_runs (execution_id, map_run_arn, item_count) VALUES (?, ?, ?)',
    );
  }

  /**
   * Records the Map Run a new child execution (by its row id) belongs to and its item count, inside the caller's
   * transaction.
   */
  insertExecutionMapRun(executionId: number | bigint, mapRunArn: string, itemCount: number): void {
    this.#insertExecutionMapRun.run(executionId, mapRunArn, itemCount);
  }

  insert(run: MapRunRecord): boolean {
    return this.#insert.run(...values(run)).changes === 1;
  }

  get(mapRunArn: string): MapRunRecord | undefined {
    const row = this.#get.get(mapRunArn);
    return row === undefined ? undefined : mapRunOf(row);
  }

  update(run: MapRunRecord): boolean {
    return this.#update.run(...values(run)).changes === 1;
  }

  list(executionArn: string, { limit, after }: ListOptions): Page<MapRunRecord> {
    const [startDate, arn] =
      after === undefined
        ? [FIRST_RUN_KEY.startDate, FIRST_RUN_KEY.arn]
        : (decodeCursor('mapRuns', after, ['number', 'string']) as [number, string]);
    const rows = this.#list.all({ execution: executionArn, startDate, arn, limit: rowsToRead(limit) });
    return pageOf(rows.map(mapRunOf), limit, 'mapRuns', (r) => [r.startDate, r.mapRunArn]);
  }

  /** A Map Run's child executions, newest first, with the same cursors as the store's other execution listings. */
  listExecutions({ limit, after, status, mapRunArn }: ListOptions & ExecutionFilter): Page<ExecutionSummary> {
    const [startDate, arn] =
      after === undefined
        ? [LAST_EXECUTION_KEY.startDate, LAST_EXECUTION_KEY.arn]
        : (decodeCursor('executions', after, ['number', 'string']) as [number, string]);
    const rows = this.#children.all({
      mapRun: mapRunArn,
      status: status ?? null,
      startDate,
      arn,
      limit: rowsToRead(limit),
    });
    return pageOf(rows.map(recordOf<ExecutionSummary>), limit, 'executions', (e) => [e.startDate, e.executionArn]);
  }

  countExecutions(mapRunArn: string): Record<string, MapRunCount> {
    const rows = this.#count.all(mapRunArn);
    return Object.fromEntries(rows.map(({ status, executions, items }) => [status, { executions, items }]));
  }
}

/** A run as stored: SQLite has no booleans (`writes_results` is 1 or NULL). */
function mapRunOf(row: Row): MapRunRecord {
  const { writesResults, ...run } = recordOf<MapRunRecord>(row);
  return writesResults ? { ...run, writesResults: true } : run;
}

/** A run's values in the column order of the insert and update statements (the ARN last). */
function values(run: MapRunRecord): unknown[] {
  return [
    run.executionArn,
    run.stateMachineArn,
    run.status,
    run.startDate,
    run.stopDate,
    run.maxConcurrency,
    run.toleratedFailureCount,
    run.toleratedFailurePercentage,
    run.itemCount,
    run.executionCount,
    run.redriveCount,
    run.redriveDate,
    run.writesResults ? 1 : undefined,
    run.mapRunArn,
  ];
}
