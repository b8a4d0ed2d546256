/**
 * The execution record: everything the interpreter needs to continue an execution, as data.
 *
 * An execution is a tree of block runs. The root run walks the machine's top-level `States`; a running
 * Parallel or Map state owns a group of child runs (one per branch or item). Each run remembers the state it
 * is in, that state's raw input, its retry counters and what it waits for. Nothing here is a closure, so a
 * store can persist the record; `parent` links are rebuilt on load ({@link attachParents}).
 */
import type { Json } from '@lockstep/asl';
import type { ResultWriting } from './states/result-writer.js';

/** Final and running statuses, as AWS names them. */
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** Identity of an execution, fixed at start. */
export interface ExecutionIdentity {
  executionArn: string;
  name: string;
  stateMachineArn: string;
  stateMachineName: string;
  roleArn: string;
  region: string;
  type: 'STANDARD' | 'EXPRESS';
  /** The alias the execution was started through (its `ExecutionStarted` event names it). */
  stateMachineAliasArn?: string;
  /** The version the execution runs, when started on a version or through an alias. */
  stateMachineVersionArn?: string;
  /**
   * Express only: started by StartExecution, which answers at once, rather than by StartSyncExecution. AWS's
   * context object then has `Execution.RedriveCount`, as a Standard execution's does (recorded).
   */
  startedAsync?: boolean;
  /**
   * The test case of mocked responses the execution runs (Step Functions Local's `<stateMachineArn>#<TestCase>`):
   * kept in the record so that the service runs it after a restart too.
   */
  testCase?: string;
}

/** The whole record. */
export interface ExecutionRecord extends ExecutionIdentity {
  status: ExecutionStatus;
  /** Epoch milliseconds. */
  startTime: number;
  stopTime?: number;
  input: Json;
  inputText: string;
  output?: Json;
  outputText?: string;
  error?: string;
  cause?: string;
  /** The id the next history event gets (history is dense and 1-based). */
  nextEventId: number;
  /** Source of unique task and timer keys. */
  nextKey: number;
  /** AWS fails a Standard execution whose history reaches this many events (25,000); absent = no cap. */
  historyEventLimit?: number;
  /** How many times the execution was redriven (RedriveExecution); absent = never. */
  redriveCount?: number;
  /** Epoch ms of the last redrive. */
  redriveTime?: number;
  root: BlockRun;
}

/** What a run's current state waits for. */
export type Waiting =
  | {
      kind: 'task';
      key: string;
      timeoutKey?: string;
      heartbeatKey?: string;
      heartbeatSeconds?: number;
      /** A Distributed Map reading its items (`ItemReader`): those read so far, and the next page's token. */
      reading?: { items: Json[]; token?: string };
      /** A Distributed Map with a `ResultWriter`: its Map Run, then the results it exports (see `result-writer.ts`). */
      writing?: ResultWriting;
    }
  | { kind: 'timer'; key: string; purpose: 'wait' | 'retry' }
  | { kind: 'children' };

/** A `States` block being run: the machine itself, a Parallel branch or a Map iteration. */
export interface BlockRun {
  /** Unique in the execution: `0` for the root, `<parent id>.<index>` for children. */
  id: string;
  /** Which compiled block (see `CompiledMachine.blocks`). */
  blockId: string;
  /** Index of this run in its parent group (branch or item index). */
  index: number;
  status: 'running' | 'succeeded' | 'failed';
  /** The current state's name. */
  state: string;
  /** The current state's raw input, and its JSON text when it was written (see `HistoryLog`). */
  input: Json;
  inputText?: string;
  /** Id of the current state's `...StateEntered` event (AWS quotes it in error causes). */
  enteredEventId: number;
  /** The event the current state's `...StateEntered` followed (its `previousEventId`). */
  enteredAfterEventId: number;
  /** Epoch ms at which the current state was entered. */
  enteredTime: number;
  /** The event the run's next event follows (AWS's `previousEventId`). */
  lastEventId: number;
  /** Attempts used per retrier of the current state; reset on leaving the state. */
  retryCounts?: number[];
  /** Total retries of the current state (`$$.State.RetryCount`). */
  retryCount: number;
  /** Workflow variables assigned in this block (inner blocks read the enclosing ones too). Replaced, never mutated. */
  variables?: Record<string, Json>;
  waiting?: Waiting;
  /**
   * Children of the running Parallel or Map state. A state that failed keeps them, as they ended, until it is left:
   * a redrive then runs only the children that did not succeed.
   */
  group?: GroupRun;
  /** A redriven Parallel or Map state's children as they ended: its group carries their successes over. */
  redriveGroup?: GroupRun;
  /** The Map Run the current (Distributed Map) state started; a state that failed keeps it, as it keeps its group. */
  mapRunArn?: string;
  /** A redriven Distributed Map state's Map Run, which it redrives rather than starting another. */
  redriveMapRunArn?: string;
  /** Result when the run succeeded. */
  output?: Json;
  /** Error when the run failed. */
  error?: string;
  cause?: string;
  /** The state to enter next, set by a transition and consumed by the driver loop. */
  next?: { state: string; input: Json; inputText?: string };
  /** Transient: the enclosing run (absent for the root). Not persisted. */
  parent?: BlockRun;
  /** Transient: true while a driver loop is advancing this run. Not persisted. */
  driving?: boolean;
}

/** The children of a running Parallel or Map state. */
export interface GroupRun {
  kind: 'parallel' | 'map';
  /** Inputs of each child (branch input repeated, or the selected items). */
  inputs: Json[];
  /**
   * Child runs by index: `undefined` before start and once the child succeeded. A child that failed or was aborted
   * stays, so that a redrive can continue it where it stopped.
   */
  children: (BlockRun | undefined)[];
  /** Redrive only: indices of the children that did not succeed before, to run again before those not started. */
  redrive?: number[];
  /** Outputs by index. */
  results: Json[];
  /** How many children have started / are running / have failed. */
  started: number;
  running: number;
  failed: number;
  /** 0 = unlimited. */
  maxConcurrency: number;
  /** Map only: tolerated failures. */
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
  /** The last `MapIterationSucceeded` event: a successful Map's closing events follow it. */
  lastSucceededEventId?: number;
  /** Set when a child failed beyond tolerance: the error that ends the group. */
  failure?: { error: string; cause?: string };
  /** Transient: true while the group's start loop runs. Not persisted. */
  pumping?: boolean;
}

/**
 * `T` with every field present (optional ones possibly `undefined`): what {@link createRun},
 * {@link createExecutionRecord} and a group's creation build, so that a field added to the type without being
 * created up front is a compile error rather than an object shape that changes as the run goes.
 */
export type AllFields<T> = { [K in keyof Required<T>]: T[K] };

/**
 * Creates a run positioned before its first state. Every field is present from the start, in one order, so that
 * all runs share one object shape and the interpreter's property accesses stay monomorphic as the run changes.
 */
export function createRun(
  id: string,
  blockId: string,
  index: number,
  parent: BlockRun | undefined,
  lastEventId: number,
): BlockRun {
  const run: AllFields<BlockRun> = {
    id,
    blockId,
    index,
    status: 'running',
    state: '',
    input: null,
    inputText: undefined,
    enteredEventId: 0,
    enteredAfterEventId: 0,
    // -0, not 0: a number V8 stores as a double from the start, as the epoch times it will hold (0 would start
    // the field as a small integer and change the shape of every run at its first state).
    enteredTime: -0,
    lastEventId,
    retryCounts: undefined,
    retryCount: 0,
    variables: undefined,
    waiting: undefined,
    group: undefined,
    redriveGroup: undefined,
    mapRunArn: undefined,
    redriveMapRunArn: undefined,
    output: undefined,
    error: undefined,
    cause: undefined,
    next: undefined,
    parent,
    driving: false,
  };
  return run;
}

/**
 * A record for an execution about to start: deliver `{ type: 'Start' }` to it next. `historyEventLimit` is
 * AWS's 25,000-event cap when enforced.
 */
export function createExecutionRecord(
  identity: ExecutionIdentity,
  start: { input: Json; inputText: string; startTime: number; historyEventLimit?: number },
): ExecutionRecord {
  // Every field is present from the start, in one order: all records share one object shape (see `createRun`).
  const record: AllFields<ExecutionRecord> = {
    executionArn: identity.executionArn,
    name: identity.name,
    stateMachineArn: identity.stateMachineArn,
    stateMachineName: identity.stateMachineName,
    roleArn: identity.roleArn,
    region: identity.region,
    type: identity.type,
    stateMachineAliasArn: identity.stateMachineAliasArn,
    stateMachineVersionArn: identity.stateMachineVersionArn,
    startedAsync: identity.startedAsync,
    testCase: identity.testCase,
    status: 'RUNNING',
    startTime: start.startTime,
    stopTime: undefined,
    input: start.input,
    inputText: start.inputText,
    output: undefined,
    outputText: undefined,
    error: undefined,
    cause: undefined,
    nextEventId: 1,
    nextKey: 1,
    historyEventLimit: start.historyEventLimit,
    redriveCount: undefined,
    redriveTime: undefined,
    // Created when the execution starts.
    root: undefined as never,
  };
  return record;
}

/** Restores the transient `parent` links of a record read from storage. */
export function attachParents(run: BlockRun, parent?: BlockRun): void {
  run.parent = parent;
  for (const child of run.group?.children ?? []) if (child) attachParents(child, run);
  for (const child of run.redriveGroup?.children ?? []) if (child) attachParents(child, run);
}
