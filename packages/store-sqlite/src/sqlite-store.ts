/**
 * The embedded store: one SQLite file (WAL) through better-sqlite3.
 *
 * better-sqlite3 is synchronous, so each method runs start to end without interleaving and its promise is
 * already settled when returned: the async interface is for stores that do I/O (PostgreSQL). A write of
 * one statement is atomic by itself; a write of several runs in a `BEGIN IMMEDIATE` transaction, so another
 * process on the same file waits (`busy_timeout`) instead of failing halfway through.
 *
 * Durability costs one fsync per transaction (`synchronous = FULL`, so an acknowledged call survives a power
 * loss). Throughput therefore comes from batching: the runtime commits many transitions in one `commit` call,
 * and the writes of the hot paths (`insertExecution`, `addWork`, `commit`) are group-committed: the calls made
 * in one turn of the event loop run together in one transaction (each in its own savepoint, so one call's
 * failure does not undo the others) and their promises resolve once that transaction is on disk. So an
 * acknowledged StartExecution or SendTaskSuccess is durable, and a thousand of them cost a few fsyncs.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  ActivityRecord,
  Change,
  ExecutionFilter,
  ExecutionRow,
  ExecutionSummary,
  InsertExecutionResult,
  ListOptions,
  Page,
  StateMachineRecord,
  StateMachineVersionRecord,
  Store,
  StoredHistoryEvent,
  TaskTokenRecord,
  WorkItem,
} from '@lockstep/service';
import { failPoint } from '@lockstep/service';
import Database from 'better-sqlite3';
import { AliasTable } from './aliases.js';
import { addWorkItem, applyChanges } from './commit.js';
import { ConnectionTable } from './connections.js';
import { decodeCursor, pageOf, rowsToRead } from './cursor.js';
import { GroupCommit } from './group-commit.js';
import { MapRunTable } from './map-runs.js';
import { migrate } from './migrations.js';
import { optionalRecordOf, recordOf } from './rows.js';
import { prepareStatements, type Statements, stateMachineValues } from './statements.js';

/** Where the store keeps its data: a file (created with its directory when missing), or memory only. */
export type SqliteStoreOptions = { path: string } | { memory: true };

/** How long a write waits for another process's transaction on the same file before failing. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * WAL pages (of 4 KiB) between checkpoints. A commit of hundreds of transitions rewrites hundreds of pages
 * (each execution's row and its history index page); at SQLite's default of 1,000 nearly every commit also
 * checkpointed, copying those pages into the database with one more fsync. Checkpointing every 64 MiB lets a
 * page rewritten by many commits reach the database once, for about a third more commits per second; the
 * journal size limit truncates the WAL back to that size after a checkpoint.
 */
const CHECKPOINT_PAGES = 16_384;

/** The SQLite {@link Store}. Open it with {@link openSqliteStore}. */
export class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #sql: Statements;
  readonly #writes: GroupCommit;
  readonly #aliases: AliasTable;
  readonly #connections: ConnectionTable;
  readonly #mapRuns: MapRunTable;

  /** Opens (creating and migrating when needed) the database `options` names. */
  constructor(options: SqliteStoreOptions) {
    if ('path' in options) mkdirSync(dirname(options.path), { recursive: true });
    const db = new Database('path' in options ? options.path : ':memory:');
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      db.pragma(`wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
      db.pragma(`journal_size_limit = ${CHECKPOINT_PAGES * 4096}`);
      migrate(db);
      // One process owns the file (ARCHITECTURE.md), so a lease still held here was held by a process that died.
      // Left to expire, it would hold that work back while later work of the same executions ran ahead of it (an
      // acknowledged SendTaskSuccess overtaken by the task's timeout, a task's outcome applied before its start).
      db.exec('UPDATE work SET lease_until = NULL WHERE lease_until IS NOT NULL');
      this.#sql = prepareStatements(db);
      this.#aliases = new AliasTable(db);
      this.#connections = new ConnectionTable(db);
      this.#mapRuns = new MapRunTable(db);
    } catch (error) {
      db.close();
      throw error;
    }
    this.#db = db;
    this.#writes = new GroupCommit(db);
  }

  /** Runs `write` in one transaction of its own. */
  #transaction<T>(write: () => T): T {
    return this.#writes.now(write);
  }

  /** Runs `write` in the group commit of this turn of the event loop (see {@link GroupCommit}). */
  #grouped<T>(write: () => T): Promise<T> {
    return this.#writes.grouped(write);
  }

  // ------------------------------------------------------------------ state machines
  async insertStateMachine(r: StateMachineRecord): Promise<boolean> {
    return this.#sql.insertStateMachine.run(r.stateMachineArn, ...stateMachineValues(r)).changes === 1;
  }

  async getStateMachine(stateMachineArn: string): Promise<StateMachineRecord | undefined> {
    return optionalRecordOf(this.#sql.getStateMachine.get(stateMachineArn));
  }

  async updateStateMachine(r: StateMachineRecord): Promise<boolean> {
    return this.#sql.updateStateMachine.run(...stateMachineValues(r), r.stateMachineArn).changes === 1;
  }

  async deleteStateMachine(stateMachineArn: string): Promise<void> {
    this.#transaction(() => {
      this.#sql.deleteTagsOfVersionsOf.run(stateMachineArn);
      this.#sql.deleteVersionsOf.run(stateMachineArn);
      this.#sql.deleteTagsOf.run(stateMachineArn);
      this.#aliases.deleteOf(stateMachineArn);
      this.#sql.deleteStateMachine.run(stateMachineArn);
    });
  }

  async listStateMachines({ limit, after }: ListOptions): Promise<Page<StateMachineRecord>> {
    const rows =
      after === undefined
        ? this.#sql.listStateMachines.all(rowsToRead(limit))
        : this.#sql.listStateMachinesAfter.all(
            decodeCursor('stateMachines', after, ['string'])[0] as string,
            rowsToRead(limit),
          );
    return pageOf(rows.map(recordOf<StateMachineRecord>), limit, 'stateMachines', (r) => [r.stateMachineArn]);
  }

  async insertVersion(v: StateMachineVersionRecord): Promise<boolean> {
    return this.#transaction(() => {
      const { changes } = this.#sql.insertVersion.run(
        v.stateMachineVersionArn,
        v.stateMachineArn,
        v.version,
        v.definition,
        v.roleArn,
        v.revisionId,
        v.description,
        v.creationDate,
      );
      if (changes === 0) return false;
      this.#sql.setLatestVersion.run(v.version, v.stateMachineArn);
      return true;
    });
  }

  async getVersion(stateMachineVersionArn: string): Promise<StateMachineVersionRecord | undefined> {
    return optionalRecordOf(this.#sql.getVersion.get(stateMachineVersionArn));
  }

  async listVersions(stateMachineArn: string, { limit, after }: ListOptions): Promise<Page<StateMachineVersionRecord>> {
    const rows =
      after === undefined
        ? this.#sql.listVersions.all(stateMachineArn, rowsToRead(limit))
        : this.#sql.listVersionsAfter.all(
            stateMachineArn,
            decodeCursor('versions', after, ['number'])[0] as number,
            rowsToRead(limit),
          );
    return pageOf(rows.map(recordOf<StateMachineVersionRecord>), limit, 'versions', (v) => [v.version]);
  }

  async deleteVersion(stateMachineVersionArn: string): Promise<void> {
    this.#transaction(() => {
      this.#sql.deleteTagsOf.run(stateMachineVersionArn);
      this.#sql.deleteVersion.run(stateMachineVersionArn);
    });
  }

  // ------------------------------------------------------------------ aliases (see aliases.ts)
  readonly insertAlias: Store['insertAlias'] = async (alias) => this.#aliases.insert(alias);
  readonly getAlias: Store['getAlias'] = async (arn) => this.#aliases.get(arn);
  readonly updateAlias: Store['updateAlias'] = async (alias) => this.#aliases.update(alias);
  readonly deleteAlias: Store['deleteAlias'] = async (arn) => this.#aliases.delete(arn);
  readonly listAliases: Store['listAliases'] = async (machine, options) => this.#aliases.list(machine, options);

  // ------------------------------------------------------------------ executions
  async insertExecution(row: ExecutionRow, start: WorkItem[]): Promise<InsertExecutionResult> {
    return this.#grouped((): InsertExecutionResult => {
      const { changes, lastInsertRowid } = this.#sql.insertExecution.run(
        row.executionArn,
        row.stateMachineArn,
        row.stateMachineVersionArn,
        row.name,
        row.status,
        row.startDate,
        row.stopDate,
        row.error,
        row.cause,
        row.version,
        row.outputText,
        row.record,
      );
      if (changes === 0) {
        return { inserted: false, existing: recordOf(this.#sql.getExecution.get(row.executionArn)!) };
      }
      this.#sql.insertExecutionInputs.run(lastInsertRowid, row.inputText, row.definition);
      if (row.stateMachineAliasArn) this.#aliases.insertExecutionAlias(lastInsertRowid, row.stateMachineAliasArn);
      if (row.mapRunArn) this.#mapRuns.insertExecutionMapRun(lastInsertRowid, row.mapRunArn, row.itemCount ?? 1);
      for (const item of start) addWorkItem(this.#sql, item);
      return { inserted: true };
    });
  }

  async getExecution(executionArn: string): Promise<ExecutionRow | undefined> {
    return optionalRecordOf(this.#sql.getExecution.get(executionArn));
  }

  async listExecutions(
    stateMachineArn: string,
    options: ListOptions & ExecutionFilter,
  ): Promise<Page<ExecutionSummary>> {
    const { limit, after, status, stateMachineVersionArn, stateMachineAliasArn } = options;
    if (options.mapRunArn) return this.#mapRuns.listExecutions(options);
    if (stateMachineVersionArn || stateMachineAliasArn) return this.#aliases.listExecutions(stateMachineArn, options);
    const rowCount = rowsToRead(limit);
    let rows: Record<string, unknown>[];
    if (after === undefined) {
      rows =
        status === undefined
          ? this.#sql.listExecutions.all(stateMachineArn, rowCount)
          : this.#sql.listExecutionsWithStatus.all(stateMachineArn, status, rowCount);
    } else {
      const [startDate, executionArn] = decodeCursor('executions', after, ['number', 'string']) as [number, string];
      rows =
        status === undefined
          ? this.#sql.listExecutionsAfter.all(stateMachineArn, startDate, executionArn, rowCount)
          : this.#sql.listExecutionsWithStatusAfter.all(stateMachineArn, status, startDate, executionArn, rowCount);
    }
    return pageOf(rows.map(recordOf<ExecutionSummary>), limit, 'executions', (e) => [e.startDate, e.executionArn]);
  }

  async getHistory(
    executionArn: string,
    { limit, after, reverse }: ListOptions & { reverse?: boolean },
  ): Promise<Page<StoredHistoryEvent>> {
    const listing = reverse ? 'historyDescending' : 'historyAscending';
    // Without a cursor, start beyond the ends: event ids are positive safe integers.
    const from =
      after === undefined
        ? reverse
          ? Number.MAX_SAFE_INTEGER
          : 0
        : (decodeCursor(listing, after, ['number'])[0] as number);
    const rows = (reverse ? this.#sql.historyDescending : this.#sql.historyAscending).all(
      executionArn,
      from,
      rowsToRead(limit),
    );
    return pageOf(rows.map(recordOf<StoredHistoryEvent>), limit, listing, (e) => [e.id]);
  }

  async deleteClosedExecutions(stopDateBefore: number, limit: number): Promise<number> {
    // SQLite reads a negative LIMIT as no limit: a caller's bug must not turn into deleting everything.
    if (!(limit > 0)) return 0;
    return this.#transaction(() => {
      const executions = this.#sql.closedExecutionsBefore.all(stopDateBefore, limit);
      for (const { id, executionArn } of executions) {
        this.#sql.deleteHistoryOf.run(id);
        this.#sql.deleteWorkOf.run(executionArn);
        this.#sql.deleteTokensOf.run(executionArn);
        this.#sql.deleteExecutionInputs.run(id);
        this.#sql.deleteExecution.run(id);
      }
      return executions.length;
    });
  }

  // ------------------------------------------------------------------ Map Runs (see map-runs.ts)
  readonly insertMapRun: Store['insertMapRun'] = async (run) => this.#mapRuns.insert(run);
  readonly getMapRun: Store['getMapRun'] = async (arn) => this.#mapRuns.get(arn);
  readonly updateMapRun: Store['updateMapRun'] = async (run) => this.#mapRuns.update(run);
  readonly listMapRuns: Store['listMapRuns'] = async (executionArn, options) =>
    this.#mapRuns.list(executionArn, options);
  readonly countMapRunExecutions: Store['countMapRunExecutions'] = async (arn) => this.#mapRuns.countExecutions(arn);

  // ------------------------------------------------------------------ work
  async addWork(items: WorkItem[]): Promise<void> {
    await this.#grouped(() => {
      for (const item of items) addWorkItem(this.#sql, item);
    });
  }

  async claimWork(now: number, limit: number, leaseMs: number): Promise<WorkItem[]> {
    if (!(limit > 0)) return []; // as above: a negative LIMIT would claim everything
    const rows = this.#sql.claimWork.all(now + leaseMs, now, now, limit);
    rows.sort((a, b) => a.dueTime - b.dueTime || a.seq - b.seq);
    return rows.map((row) => ({
      id: row.id,
      executionArn: row.executionArn,
      dueTime: row.dueTime,
      payload: JSON.parse(row.payload),
    }));
  }

  async nextDueTime(now: number): Promise<number | undefined> {
    return this.#sql.nextDueTime.get(now) ?? undefined;
  }

  async commit(changes: Change[]): Promise<boolean[]> {
    return this.#grouped(() => applyChanges(this.#sql, changes));
  }

  // ------------------------------------------------------------------ activities and task tokens
  async insertActivity(record: ActivityRecord): Promise<boolean> {
    return this.#sql.insertActivity.run(record.activityArn, record.name, record.creationDate).changes === 1;
  }

  async getActivity(activityArn: string): Promise<ActivityRecord | undefined> {
    return optionalRecordOf(this.#sql.getActivity.get(activityArn));
  }

  async deleteActivity(activityArn: string): Promise<void> {
    this.#transaction(() => {
      this.#sql.deleteTagsOf.run(activityArn);
      this.#sql.deleteActivity.run(activityArn);
    });
  }

  async listActivities({ limit, after }: ListOptions): Promise<Page<ActivityRecord>> {
    const rows =
      after === undefined
        ? this.#sql.listActivities.all(rowsToRead(limit))
        : this.#sql.listActivitiesAfter.all(
            decodeCursor('activities', after, ['string'])[0] as string,
            rowsToRead(limit),
          );
    return pageOf(rows.map(recordOf<ActivityRecord>), limit, 'activities', (a) => [a.activityArn]);
  }

  async getTaskToken(taskToken: string): Promise<TaskTokenRecord | undefined> {
    return optionalRecordOf(this.#sql.getToken.get(taskToken));
  }

  async takeActivityTask(
    activityArn: string,
    workerName: string | undefined,
    started?: (task: TaskTokenRecord) => WorkItem[],
  ): Promise<TaskTokenRecord | undefined> {
    const task = await this.#grouped(() => {
      const taken = optionalRecordOf<TaskTokenRecord>(this.#sql.takeActivityTask.get(workerName ?? null, activityArn));
      if (taken && started) for (const item of started(taken)) addWorkItem(this.#sql, item);
      return taken;
    });
    if (task) failPoint('sqlite.takeActivityTask.after');
    return task;
  }

  // ------------------------------------------------------------------ tags
  async getTags(resourceArn: string): Promise<Record<string, string>> {
    const rows = this.#sql.getTags.all(resourceArn);
    return Object.fromEntries(rows.map((row) => [row.key, row.value]));
  }

  async putTags(resourceArn: string, tags: Record<string, string>): Promise<void> {
    this.#transaction(() => {
      for (const [key, value] of Object.entries(tags)) this.#sql.putTag.run(resourceArn, key, value);
    });
  }

  async removeTags(resourceArn: string, keys: string[]): Promise<void> {
    this.#transaction(() => {
      for (const key of keys) this.#sql.removeTag.run(resourceArn, key);
    });
  }

  // ------------------------------------------------------------------ EventBridge connections (see connections.ts)
  readonly insertConnection: Store['insertConnection'] = async (record) => this.#connections.insert(record);
  readonly getConnection: Store['getConnection'] = async (name) => this.#connections.get(name);
  readonly updateConnection: Store['updateConnection'] = async (record) => this.#connections.update(record);
  readonly deleteConnection: Store['deleteConnection'] = async (name) => this.#connections.delete(name);
  readonly listConnections: Store['listConnections'] = async (options) => this.#connections.list(options);

  async close(): Promise<void> {
    // Writes already accepted are committed before the store goes away.
    this.#writes.flush();
    this.#db.close();
  }
}

/**
 * Opens the SQLite store at `options.path` (creating the file, its directory and its schema when missing,
 * applying new migrations otherwise), or an in-memory one that disappears on close.
 */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  return new SqliteStore(options);
}
