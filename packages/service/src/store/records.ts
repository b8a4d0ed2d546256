/**
 * What a {@link Store} keeps: plain records with epoch-millisecond times. JSON-valued members are JSON text, so
 * that a store writes them as they come and the definition is returned byte for byte.
 */
import type { EngineEvent, ExecutionStatus, MapRunRequest, TaskRequest } from '@lockstep/engine';

/** `STANDARD` or `EXPRESS`. */
export type StateMachineType = 'STANDARD' | 'EXPRESS';

/** A state machine (its latest revision). */
export interface StateMachineRecord {
  stateMachineArn: string;
  name: string;
  type: StateMachineType;
  /** The definition text exactly as given. */
  definition: string;
  roleArn: string;
  /** Epoch ms. */
  creationDate: number;
  /** Epoch ms of the last update (the creation date until then). */
  updateDate: number;
  /** Changes with every update; absent until the first one (AWS returns none before). */
  revisionId?: string;
  description?: string;
  /** JSON text of `loggingConfiguration`. */
  loggingConfiguration: string;
  /** JSON text of `tracingConfiguration`. */
  tracingConfiguration: string;
  status: 'ACTIVE' | 'DELETING';
  /** The highest version number published so far (0: none). */
  latestVersion: number;
}

/** A published version of a state machine. */
export interface StateMachineVersionRecord {
  /** `<stateMachineArn>:<version>`. */
  stateMachineVersionArn: string;
  stateMachineArn: string;
  version: number;
  definition: string;
  roleArn: string;
  /** The revision the version was published from. */
  revisionId: string;
  description?: string;
  creationDate: number;
}

/** One version an alias routes to, with its share of the alias's starts. */
export interface AliasRoute {
  stateMachineVersionArn: string;
  /** Percent of the starts (0-100; the routes of an alias sum to 100). */
  weight: number;
}

/** A state machine alias: a name that routes StartExecution to one or two versions of the state machine. */
export interface StateMachineAliasRecord {
  /** `<stateMachineArn>:<name>`. */
  stateMachineAliasArn: string;
  stateMachineArn: string;
  name: string;
  description?: string;
  /** One or two routes, in the order they were given. */
  routingConfiguration: AliasRoute[];
  /** Epoch ms. */
  creationDate: number;
  /** Epoch ms of the last update (the creation date until then). */
  updateDate: number;
}

/** An execution as the API shows it. */
export interface ExecutionSummary {
  executionArn: string;
  stateMachineArn: string;
  /** The version started, when the execution was started through a version or an alias ARN. */
  stateMachineVersionArn?: string;
  /** The alias started, when the execution was started through an alias ARN. */
  stateMachineAliasArn?: string;
  /** The Map Run that started it, for a child execution of a Distributed Map. */
  mapRunArn?: string;
  /** For a Map Run's child (present with `mapRunArn`): how many items it processes (its batch's, else 1). */
  itemCount?: number;
  name: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  inputText: string;
  outputText?: string;
  error?: string;
  cause?: string;
  /** How many times it was redriven, and when last (epoch ms); absent when never. */
  redriveCount?: number;
  redriveDate?: number;
}

/** An execution with what running it needs. */
export interface ExecutionRow extends ExecutionSummary {
  /** The `clientToken` of its last RedriveExecution, which makes a repeated request idempotent. */
  redriveClientToken?: string;
  /** The definition the execution runs, pinned when it started. */
  definition: string;
  /** The engine's execution record, serialized (see `serializeRecord`). */
  record: string;
  /** Incremented by every committed transition; a transition commits only over the version it read. */
  version: number;
}

/** One history event, stored as AWS shows it. */
export interface StoredHistoryEvent {
  id: number;
  previousEventId: number;
  /** Epoch ms. */
  timestamp: number;
  type: string;
  /** JSON text of the `<type>EventDetails` member, absent for events without one. */
  details?: string;
}

/** What a work item asks for. */
export type WorkPayload =
  /** Apply an engine event to the execution (Start, a fired timer, a task outcome, Stop). */
  | { kind: 'event'; event: EngineEvent }
  /** Perform a task (a local handler or an integration) and report its outcome as an `event` item. */
  | { kind: 'task'; key: string; request: TaskRequest }
  /** Run a Distributed Map run and report its outcome (`MapRunEnded`) as an `event` item. */
  | { kind: 'mapRun'; key: string; request: MapRunRequest }
  /**
   * Stop a cancelled Map Run's running children and record it ABORTED: its cancellation, committed with the transition
   * that cancelled it, survives a crash of the coordinator that was running it.
   */
  | { kind: 'stopMapRun'; mapRunArn: string };

/**
 * A unit of work due at a time. Timers are `event` items due later; everything else is due at once. Work is
 * claimed under a lease, so work whose worker died is claimed again once the lease expires.
 */
export interface WorkItem {
  /** Unique. Items the core can cancel (timers, tasks) have the id `workId(executionArn, key)`. */
  id: string;
  executionArn: string;
  /** Epoch ms. */
  dueTime: number;
  payload: WorkPayload;
}

/** The id of the work item of the timer or task `key` of an execution: what `CancelTimer`/`CancelTask` delete. */
export function workId(executionArn: string, key: string): string {
  return `${executionArn}#${key}`;
}

/** An activity. */
export interface ActivityRecord {
  activityArn: string;
  name: string;
  creationDate: number;
}

/**
 * A task waiting for the outside world: an activity task (polled with GetActivityTask) or a callback
 * (`.waitForTaskToken`). Its token is what SendTaskSuccess/Failure/Heartbeat name.
 */
export interface TaskTokenRecord {
  taskToken: string;
  executionArn: string;
  /** The core's task key: outcomes are delivered as engine events with this key. */
  key: string;
  /** The activity, for activity tasks. */
  activityArn?: string;
  /** Activity tasks: the task's input, handed to the worker. */
  inputText?: string;
  /** Epoch ms at which the task was created (activity tasks are handed out oldest first). */
  createdDate: number;
  /** `queued`: an activity task no worker took yet; `started`: taken, or a callback; `closed`: over. */
  status: 'queued' | 'started' | 'closed';
  workerName?: string;
}

/**
 * Everything one transition (or one task outcome) changes, committed atomically with the others of a batch.
 * A change with `execution` commits only if the stored version still is `expectedVersion`.
 */
export interface Change {
  execution?: {
    executionArn: string;
    expectedVersion: number;
    record: string;
    status: ExecutionStatus;
    stopDate?: number;
    outputText?: string;
    error?: string;
    cause?: string;
    /** Set by a redrive: the execution's redrive count and date, and the request's `clientToken`. */
    redrive?: { count: number; date: number; clientToken?: string };
  };
  /** History events to append (requires `execution`). */
  events?: StoredHistoryEvent[];
  /** Work item ids to delete: the consumed item, cancelled timers and tasks. Unknown ids are ignored. */
  deleteWork?: string[];
  /** Work items to add; an item whose id exists replaces it. */
  addWork?: WorkItem[];
  /** Task tokens to create. */
  addTokens?: TaskTokenRecord[];
  /** Task tokens to mark `closed`, by execution and key. */
  closeTokens?: { executionArn: string; key: string }[];
}

/** A page of a listing; `next` is the opaque cursor of the following page, absent on the last one. */
export interface Page<T> {
  items: T[];
  next?: string;
}

/** EventBridge's connection states. */
export type ConnectionState =
  | 'CREATING'
  | 'UPDATING'
  | 'DELETING'
  | 'AUTHORIZED'
  | 'DEAUTHORIZED'
  | 'AUTHORIZING'
  | 'DEAUTHORIZING'
  | 'ACTIVE'
  | 'FAILED_CONNECTIVITY';

/** An EventBridge connection, as HTTP Tasks authorize with it. Its name is unique. */
export interface ConnectionRecord {
  /** `arn:aws:events:<region>:<account>:connection/<name>/<uuid>`. */
  connectionArn: string;
  name: string;
  /** `API_KEY`, `BASIC` or `OAUTH_CLIENT_CREDENTIALS`. */
  authorizationType: string;
  /**
   * JSON text of the `AuthParameters` in CreateConnection's shape, secrets included: the store is local, and HTTP
   * Tasks need them (the API never returns them).
   */
  authParameters: string;
  description?: string;
  connectionState: ConnectionState;
  /** Epoch ms. */
  creationTime: number;
  lastModifiedTime: number;
  lastAuthorizedTime?: number;
}

/** What selects the executions of a state machine's listing (all of them when empty). */
export interface ExecutionFilter {
  status?: ExecutionStatus;
  /** Only the executions of this version (started through its ARN or through an alias). */
  stateMachineVersionArn?: string;
  /** Only the executions started through this alias. */
  stateMachineAliasArn?: string;
  /** Only the child executions of this Map Run (whose state machine is the run's `<machine>/<label>`). */
  mapRunArn?: string;
}

/** How many child executions of a Map Run are in one status, and how many items they process. */
export interface MapRunCount {
  executions: number;
  items: number;
}

/** AWS's Map Run statuses. */
export type MapRunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';

/**
 * A Distributed Map run: its settings (which UpdateMapRun changes while it runs) and its status. Its child
 * executions are executions whose `mapRunArn` names it.
 */
export interface MapRunRecord {
  /** `arn:aws:states:<region>:<account>:mapRun:<stateMachineName>/<label>:<id>`. */
  mapRunArn: string;
  /** The execution whose Map state started the run. */
  executionArn: string;
  /** `<parentStateMachineArn>/<label>`: the state machine of the child executions. */
  stateMachineArn: string;
  status: MapRunStatus;
  /** Epoch ms. */
  startDate: number;
  stopDate?: number;
  /** Child executions run at once (0: all). */
  maxConcurrency: number;
  /** Absent when the Map state declared no tolerance (then the first failure fails the run). */
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
  /** How many items the run has. */
  itemCount: number;
  /** How many child executions process them (fewer than the items with an `ItemBatcher`). */
  executionCount: number;
  /** The Map has a `ResultWriter`: the run's children's results are written when it ends. */
  writesResults?: boolean;
  /** How many times the run was redriven (with its parent execution), and when last (epoch ms); absent when never. */
  redriveCount?: number;
  redriveDate?: number;
}

/** What selects the connections of a listing, in name order. */
export interface ConnectionFilter {
  /** Only names starting with this. */
  namePrefix?: string;
  /** Only connections in this state. */
  connectionState?: ConnectionState;
}
