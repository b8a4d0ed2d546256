/**
 * What goes into the pure core (events: what happened) and what comes out (commands: what must happen).
 * Both are plain data, so a durable runtime can store them.
 */
import type { Json } from '@lockstep/asl';

/** Something that happened to an execution. */
export type EngineEvent =
  | { type: 'Start' }
  | { type: 'TaskSucceeded'; key: string; output: Json }
  | { type: 'TaskFailed'; key: string; error?: string; cause?: string }
  /**
   * The call of a `.sync` or `.waitForTaskToken` task `key` was made and answered with `output`: AWS records
   * `TaskSubmitted`; the task goes on waiting for the job's end or the token.
   */
  | { type: 'TaskSubmitted'; key: string; output: Json }
  /** A worker took the activity task `key` (GetActivityTask): AWS records `ActivityStarted` then. */
  | { type: 'TaskStarted'; key: string; workerName?: string }
  /** The task `key` sent a heartbeat (SendTaskHeartbeat): its `HeartbeatSeconds` clock restarts. */
  | { type: 'TaskHeartbeat'; key: string }
  | { type: 'TimerFired'; key: string }
  /** A Distributed Map's run ended: its outputs in item order (see `MapRunRequest.reportChildren`), or its error. */
  | { type: 'MapRunEnded'; key: string; output?: Json[]; error?: string; cause?: string }
  | { type: 'Stop'; error?: string; cause?: string }
  /**
   * RedriveExecution: a FAILED, TIMED_OUT or ABORTED execution runs again from the states that did not succeed
   * (ignored by a running execution).
   */
  | { type: 'Redrive' };

/** A Task the runtime must perform; its outcome comes back as `TaskSucceeded`/`TaskFailed` with the same key. */
export interface TaskRequest {
  /** The Task state's name. */
  stateName: string;
  /** The `Resource` ARN as written. */
  resource: string;
  /** The effective input (after InputPath and Parameters). */
  input: Json;
  /** The context object the task sees. */
  context: Json;
  /** The task token of a `.waitForTaskToken` Task (also `$$.Task.Token`). */
  taskToken?: string;
  /**
   * Identifies this attempt (`<executionArn>/<enteredEventId>/<retryCount>`): an integration passes it where the
   * service takes one, so that an attempt performed twice (after a crash) is done once.
   */
  idempotencyKey?: string;
  /** `TimeoutSeconds` / `HeartbeatSeconds`, when the definition sets them. */
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
  /**
   * True for activity tasks: the task is started when a worker takes it, which the runtime reports with
   * `TaskStarted` (AWS records `ActivityStarted` with the worker's name then).
   */
  awaitsStart?: boolean;
}

/**
 * A Distributed Map run: each item runs as a child execution of the item processor; the outcome comes back
 * as one `MapRunEnded` with the same key (outputs in item order, or the run's error).
 */
export interface MapRunRequest {
  mapRunArn: string;
  /** Id of the item processor's compiled block. */
  blockId: string;
  items: Json[];
  /** 0 = unlimited. */
  maxConcurrency: number;
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
  executionType: 'STANDARD' | 'EXPRESS';
  /**
   * The Map has a `ResultWriter`: `MapRunEnded` reports every child (`MapRunChild`, those never started `PENDING`),
   * failed or not, in its `output` (also beside an `error`), for the Map to write their results.
   */
  reportChildren?: boolean;
  /**
   * Set when the run is redriven (its parent execution was, for the `redriveCount`-th time): the children that
   * succeeded keep their outputs, those that did not are redriven, and those never started start.
   */
  redriveCount?: number;
}

/** Something the runtime must do for the core. */
export type Command =
  | { type: 'InvokeTask'; key: string; request: TaskRequest }
  | { type: 'StartMapRun'; key: string; request: MapRunRequest }
  | { type: 'StartTimer'; key: string; dueTime: number }
  | { type: 'CancelTimer'; key: string }
  /** A task or (`mapRunArn`) a Distributed Map's run, whose child executions must stop too. */
  | { type: 'CancelTask'; key: string; mapRunArn?: string };

/** Timer key of the execution-level `TimeoutSeconds`. */
export const EXECUTION_TIMEOUT_KEY = 'execution-timeout';
