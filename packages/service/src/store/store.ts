/**
 * The `Store` contract: what the service keeps and how it changes, for every store (SQLite embedded,
 * PostgreSQL later). One contract test suite (`test/store-contract/`) runs against each implementation.
 *
 * The guarantees the durable runtime builds on:
 * - `commit` applies a batch of changes in one transaction; a change over an execution applies only if the
 *   execution's stored version is the one the change was computed from (then the version goes up by one), so
 *   a transition computed twice (by a worker whose lease expired) commits at most once;
 * - a call that resolves has made its writes durable (an acknowledged API call is never lost);
 * - `claimWork` hands each due item to one claimer at a time, under a lease: an item whose worker died is
 *   handed out again once its lease expires.
 */
import type { ExecutionStatus } from '@lockstep/engine';
import type {
  ActivityRecord,
  Change,
  ConnectionFilter,
  ConnectionRecord,
  ExecutionFilter,
  ExecutionRow,
  ExecutionSummary,
  MapRunCount,
  MapRunRecord,
  Page,
  StateMachineAliasRecord,
  StateMachineRecord,
  StateMachineVersionRecord,
  StoredHistoryEvent,
  TaskTokenRecord,
  WorkItem,
} from './records.js';

/** Options of a listing: at most `limit` items, after the cursor `after` of a previous page. */
export interface ListOptions {
  limit: number;
  after?: string;
}

/** The outcome of inserting an execution: inserted, or the execution that already has its ARN. */
export type InsertExecutionResult = { inserted: true } | { inserted: false; existing: ExecutionRow };

/** The store. Every method may be called concurrently; each call is atomic. */
export interface Store {
  // ------------------------------------------------------------------ state machines
  /** Inserts a state machine; false when one with the same ARN exists (nothing is written then). */
  insertStateMachine(record: StateMachineRecord): Promise<boolean>;
  getStateMachine(stateMachineArn: string): Promise<StateMachineRecord | undefined>;
  /** Replaces a state machine's record (same ARN); false when it does not exist. */
  updateStateMachine(record: StateMachineRecord): Promise<boolean>;
  /** Deletes a state machine with its versions, aliases and tags (its executions stay). */
  deleteStateMachine(stateMachineArn: string): Promise<void>;
  /** State machines by ARN order. */
  listStateMachines(options: ListOptions): Promise<Page<StateMachineRecord>>;
  /**
   * Records a published version and sets the state machine's `latestVersion` to its number, in one
   * transaction; false when the version ARN exists.
   */
  insertVersion(version: StateMachineVersionRecord): Promise<boolean>;
  getVersion(stateMachineVersionArn: string): Promise<StateMachineVersionRecord | undefined>;
  /** A state machine's versions, newest first. */
  listVersions(stateMachineArn: string, options: ListOptions): Promise<Page<StateMachineVersionRecord>>;
  deleteVersion(stateMachineVersionArn: string): Promise<void>;
  /** Inserts an alias; false when one with the same ARN exists (nothing is written then). */
  insertAlias(alias: StateMachineAliasRecord): Promise<boolean>;
  getAlias(stateMachineAliasArn: string): Promise<StateMachineAliasRecord | undefined>;
  /** Replaces an alias's record (same ARN); false when it does not exist. */
  updateAlias(alias: StateMachineAliasRecord): Promise<boolean>;
  deleteAlias(stateMachineAliasArn: string): Promise<void>;
  /**
   * A state machine's aliases, oldest first (creation date, then ARN), optionally only those routing to the version
   * `stateMachineVersionArn`.
   */
  listAliases(
    stateMachineArn: string,
    options: ListOptions & { stateMachineVersionArn?: string },
  ): Promise<Page<StateMachineAliasRecord>>;

  // ------------------------------------------------------------------ executions
  /**
   * Inserts an execution and the work that starts it, in one transaction. When an execution with the same
   * ARN exists, nothing is written and it is returned (the caller applies AWS's idempotency rules).
   */
  insertExecution(row: ExecutionRow, start: WorkItem[]): Promise<InsertExecutionResult>;
  getExecution(executionArn: string): Promise<ExecutionRow | undefined>;
  /** A state machine's executions, newest first (start date, then ARN), optionally only those `filter` selects. */
  listExecutions(stateMachineArn: string, options: ListOptions & ExecutionFilter): Promise<Page<ExecutionSummary>>;
  /** History events by id, ascending or (`reverse`) descending. */
  getHistory(executionArn: string, options: ListOptions & { reverse?: boolean }): Promise<Page<StoredHistoryEvent>>;
  /**
   * Deletes up to `limit` executions closed before `stopDateBefore` (epoch ms), with their history, work, tokens
   * and Map Runs; returns how many it deleted.
   */
  deleteClosedExecutions(stopDateBefore: number, limit: number): Promise<number>;

  // ------------------------------------------------------------------ Map Runs
  /** Inserts a Map Run; false when its ARN exists (nothing is written then). */
  insertMapRun(record: MapRunRecord): Promise<boolean>;
  getMapRun(mapRunArn: string): Promise<MapRunRecord | undefined>;
  /** Replaces a Map Run's record (same ARN); false when it does not exist. */
  updateMapRun(record: MapRunRecord): Promise<boolean>;
  /** An execution's Map Runs, oldest first (start date, then ARN). */
  listMapRuns(executionArn: string, options: ListOptions): Promise<Page<MapRunRecord>>;
  /** The child executions of a Map Run and their items, by status (statuses without one are absent). */
  countMapRunExecutions(mapRunArn: string): Promise<Partial<Record<ExecutionStatus, MapRunCount>>>;

  // ------------------------------------------------------------------ work
  /** Adds work items (an item whose id exists replaces it). */
  addWork(items: WorkItem[]): Promise<void>;
  /**
   * Claims up to `limit` items due at `now` whose lease is free or expired, oldest due first, leasing them
   * until `now + leaseMs`.
   */
  claimWork(now: number, limit: number, leaseMs: number): Promise<WorkItem[]>;
  /** The earliest due time of the items not under a live lease at `now`, or undefined when there is none. */
  nextDueTime(now: number): Promise<number | undefined>;
  /**
   * Applies the changes in one transaction, each change all or nothing: one whose execution version no
   * longer matches is skipped entirely. Returns, per change, whether it applied.
   */
  commit(changes: Change[]): Promise<boolean[]>;

  // ------------------------------------------------------------------ activities and task tokens
  /** Inserts an activity; false when its ARN exists. */
  insertActivity(record: ActivityRecord): Promise<boolean>;
  getActivity(activityArn: string): Promise<ActivityRecord | undefined>;
  /** Deletes an activity (its queued tasks stay until their executions end). */
  deleteActivity(activityArn: string): Promise<void>;
  listActivities(options: ListOptions): Promise<Page<ActivityRecord>>;
  getTaskToken(taskToken: string): Promise<TaskTokenRecord | undefined>;
  /**
   * Hands the oldest `queued` task of an activity to a worker: marks it `started` (with `workerName`), adds the
   * work items `started` returns for it (the event that records the start) in the same transaction, and returns
   * it; undefined when none is queued.
   */
  takeActivityTask(
    activityArn: string,
    workerName: string | undefined,
    started?: (task: TaskTokenRecord) => WorkItem[],
  ): Promise<TaskTokenRecord | undefined>;

  // ------------------------------------------------------------------ tags
  getTags(resourceArn: string): Promise<Record<string, string>>;
  /** Adds or overwrites tags. */
  putTags(resourceArn: string, tags: Record<string, string>): Promise<void>;
  removeTags(resourceArn: string, keys: string[]): Promise<void>;

  // ------------------------------------------------------------------ EventBridge connections
  /** Inserts a connection; false when one with the same name exists (nothing is written then). */
  insertConnection(record: ConnectionRecord): Promise<boolean>;
  getConnection(name: string): Promise<ConnectionRecord | undefined>;
  /** Replaces a connection's record (same name); false when it does not exist. */
  updateConnection(record: ConnectionRecord): Promise<boolean>;
  deleteConnection(name: string): Promise<void>;
  /** Connections by name order, optionally only those `filter` selects. */
  listConnections(options: ListOptions & ConnectionFilter): Promise<Page<ConnectionRecord>>;

  /** Releases the store's resources; no call may follow. */
  close(): Promise<void>;
}
