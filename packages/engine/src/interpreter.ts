/**
 * The interpreter: moves block runs from state to state, records AWS's history events and collects the
 * commands the runtime must perform. One instance serves one `step` call; it reads no clock and does no I/O.
 */
import { ErrorName, type Json, JsonataEvaluationError, StatesError } from '@lockstep/asl';
import type { AbortReason, CompiledMachine, CompiledState, StateSignal } from './compiled.js';
import { type BlockRun, createRun, type ExecutionRecord } from './execution.js';
import {
  errorDetails,
  historyLimitCause,
  PREFIXED_ERRORS,
  recordEvaluationFailed,
  TOO_DEEP_CAUSE,
} from './failures.js';
import { childEnded } from './group.js';
import {
  CLOSING_EVENTS,
  ENTERED_EVENT,
  EXITED_EVENT,
  executionStartedDetails,
  type HistoryEventType,
  historyText,
  NOT_TRUNCATED,
  payloadDetails,
} from './history.js';
import type { HistoryLog, PayloadFill } from './history-log.js';
import { type Command, type EngineEvent, EXECUTION_TIMEOUT_KEY } from './messages.js';
import { checkAssignedSize, checkOutputSize, stringify } from './payload.js';
import { leaveBehind, redriveExecution } from './redrive.js';
import { type ContextExtras, StateScope, type StatesValues } from './scope.js';
import { handleStateFailure } from './state-failure.js';
import type { StateInspector } from './state-inspector.js';

const NO_EXTRAS: ContextExtras = {};

/** Options of {@link Interpreter.stateFailed}. */
export interface FailureOptions {
  /** Records the state's own failure event (e.g. `MapStateFailed`) unless the state is retried. */
  beforeGivingUp?: () => void;
  /** The error is a missed heartbeat (reported as `States.Timeout`; `States.HeartbeatTimeout` matches it too). */
  heartbeat?: boolean;
}

/** Options of the `...Exited` transition. */
export interface ExitOptions {
  /** The state to go to instead of the state's own `Next` (a catcher's `Next`). */
  next?: string;
  /** Variables the state (or its catcher) assigns, applied together as it exits. */
  assigned?: Record<string, Json>;
}

/** Runs one step of one execution. */
export class Interpreter {
  readonly commands: Command[] = [];
  /** Where this step records its events. */
  readonly log: HistoryLog;
  /** The event that sibling `...StateAborted` events follow: the failing branch's last event. */
  siblingAbortPrevious = 0;
  /**
   * Set only by TestState (`testState`): observes one state's data flow and stops the run before its next
   * state. Executions leave it unset and pay one property check per transition and per recorded stage.
   */
  inspector?: StateInspector;

  constructor(
    readonly machine: CompiledMachine,
    readonly execution: ExecutionRecord,
    /** Epoch ms of this step (simulated on the virtual clock). */
    readonly now: number,
    readonly random: () => number,
    log: HistoryLog,
  ) {
    this.log = log;
  }

  /** Applies one engine event. */
  apply(event: EngineEvent): void {
    if (event.type === 'Redrive') return redriveExecution(this);
    if (this.execution.status !== 'RUNNING') return;
    switch (event.type) {
      case 'Start':
        return this.start();
      case 'Stop':
        return this.stop(event.error, event.cause);
      case 'TimerFired':
        return event.key === EXECUTION_TIMEOUT_KEY ? this.timeOut() : this.deliver(event.key, { type: 'TimerFired' });
      case 'TaskSucceeded':
      case 'TaskFailed':
      case 'TaskSubmitted':
      case 'TaskStarted':
      case 'TaskHeartbeat':
        // A task's event is its own signal (with its key besides): no copy per task.
        return this.deliver(event.key, event);
      case 'MapRunEnded':
        return this.deliver(event.key, { ...event, type: 'MapRunEnded' });
    }
  }

  // ---------------------------------------------------------------- history

  /**
   * Records an event. Its `previousEventId` is the run's last event unless `previous` says otherwise;
   * it becomes the run's last event unless `advance` is false (AWS's iteration and "succeeded" events
   * do not move the chain).
   */
  emit(
    run: BlockRun | undefined,
    type: HistoryEventType,
    details?: Record<string, unknown>,
    options?: { advance?: boolean; previous?: number },
  ): number {
    const previousEventId = options?.previous ?? run?.lastEventId ?? 0;
    if (!this.admit(type, previousEventId)) return 0;
    const id = this.log.add(type, previousEventId, this.now, details);
    if (run && options?.advance !== false) run.lastEventId = id;
    return id;
  }

  /**
   * Records a task event whose details carry `payload`, with its text when it is known (else `fill` writes it
   * when the history is read: see {@link HistoryLog.addWithPayload}).
   */
  emitWithPayload(
    run: BlockRun,
    type: HistoryEventType,
    details: Record<string, unknown>,
    payload: Json,
    text: string | undefined,
    fill: PayloadFill,
  ): number {
    const previousEventId = run.lastEventId;
    if (!this.admit(type, previousEventId)) return 0;
    return (run.lastEventId = this.log.addWithPayload(type, previousEventId, this.now, details, payload, text, fill));
  }

  /**
   * Records a `...StateEntered`/`...StateExited` (with the state's name) or `ExecutionSucceeded` event, with its
   * payload's text when it is known (else the log writes it when the history is read).
   */
  private emitPayload(
    run: BlockRun,
    type: HistoryEventType,
    name: string | undefined,
    payload: Json,
    text: string | undefined,
  ): number {
    const previousEventId = run.lastEventId;
    if (!this.admit(type, previousEventId)) return 0;
    return (run.lastEventId = this.log.addPayload(type, previousEventId, this.now, name, payload, text));
  }

  /**
   * Takes the next event id for an event about to be recorded. False when the execution is closed or the event
   * would pass the history limit; AWS records the limit-th event as the execution's failure instead.
   */
  private admit(type: HistoryEventType, previousEventId: number): boolean {
    const ex = this.execution;
    if (ex.status !== 'RUNNING') return false;
    if (ex.nextEventId !== ex.historyEventLimit || CLOSING_EVENTS.has(type)) {
      ex.nextEventId++;
      return true;
    }
    const failure = { error: ErrorName.Runtime, cause: historyLimitCause(ex.historyEventLimit) };
    ex.nextEventId++;
    this.log.add('ExecutionFailed', previousEventId, this.now, failure);
    this.close('FAILED', failure);
    return false;
  }

  // ---------------------------------------------------------------- states

  /** The evaluation scope (context object, variables, random source, `$states`) of the run's current state. */
  scope(run: BlockRun, extras: ContextExtras = NO_EXTRAS, values?: StatesValues): StateScope {
    return new StateScope(this.execution, run, extras, this.random, this.now, values);
  }

  /** The compiled state a run is in. */
  stateOf(run: BlockRun): CompiledState {
    return this.machine.blocks.get(run.blockId)!.states.get(run.state)!;
  }

  /** Advances a run through its states until it blocks or ends. Re-entrant calls return at once. */
  drive(run: BlockRun): void {
    if (run.driving) return;
    run.driving = true;
    try {
      while (run.next && run.status === 'running' && this.execution.status === 'RUNNING') {
        if (this.inspector && !this.inspector.entering(run)) break;
        const { state, input, inputText } = run.next;
        run.next = undefined;
        this.enter(run, state, input, inputText);
      }
    } finally {
      run.driving = false;
    }
  }

  /** Positions a fresh run at its block's first state and drives it. */
  startRun(run: BlockRun, input: Json, inputText?: string): void {
    run.next = { state: this.machine.blocks.get(run.blockId)!.startAt, input, inputText };
    this.drive(run);
  }

  private enter(run: BlockRun, name: string, input: Json, inputText: string | undefined): void {
    const state = this.machine.blocks.get(run.blockId)!.states.get(name)!;
    run.state = name;
    run.input = input;
    run.inputText = inputText;
    run.retryCounts = undefined;
    run.retryCount = 0;
    run.waiting = undefined;
    run.enteredTime = this.now;
    run.enteredAfterEventId = run.lastEventId;
    run.enteredEventId = this.emitPayload(run, ENTERED_EVENT[state.type], name, input, inputText);
    try {
      state.start(this, run);
    } catch (e) {
      this.failed(run, state, e);
    }
  }

  /** Runs a piece of a state's work; a thrown `StatesError` becomes the state's failure with AWS's prefix. */
  attempt(run: BlockRun, state: CompiledState, work: () => void): void {
    try {
      work();
    } catch (e) {
      this.failed(run, state, e);
    }
  }

  private failed(run: BlockRun, state: CompiledState, e: unknown): void {
    if (e instanceof RangeError) {
      // A value built at run time (e.g. by a long ResultPath) nested too deeply to be processed.
      return this.stateFailed(run, state, ErrorName.Runtime, this.prefixed(run, TOO_DEEP_CAUSE));
    }
    if (!(e instanceof StatesError)) throw e;
    const cause = PREFIXED_ERRORS.has(e.error) ? this.prefixed(run, e.cause) : e.cause;
    if (e instanceof JsonataEvaluationError) recordEvaluationFailed(this, run, state, e, cause);
    // States.Runtime ends the execution at once: AWS records no failure event of the state for it.
    const beforeGivingUp = state.beforeGivingUp && e.error !== ErrorName.Runtime ? state.beforeGivingUp : undefined;
    this.stateFailed(run, state, e.error, cause, beforeGivingUp && { beforeGivingUp: () => beforeGivingUp(this, run) });
  }

  /** AWS's prefix for errors the service raises while running a state. */
  prefixed(run: BlockRun, cause: string | undefined): string {
    const prefix = `An error occurred while executing the state '${run.state}' (entered at the event id #${run.enteredEventId}).`;
    return cause === undefined ? prefix : `${prefix} ${cause}`;
  }

  /**
   * Leaves the current state with `output`: records `...StateExited` and goes to `Next` (or the catcher's
   * `Next`), or ends the block.
   */
  exit(run: BlockRun, state: CompiledState, output: Json, options?: ExitOptions): void {
    // States that pass their input through (Choice, Wait, Succeed, many Pass) reuse its text, if it was written.
    const outputText = output === run.input ? run.inputText : checkOutputSize(output, state.name);
    const assigned = options?.assigned;
    if (assigned) this.exitAssigning(run, state, outputText ?? stringify(output), assigned);
    else this.emitPayload(run, EXITED_EVENT[state.type], state.name, output, outputText);
    run.waiting = undefined;
    // A Parallel or Map state that failed and was caught leaves its children (or Map Run) behind.
    leaveBehind(run);
    const next = options?.next ?? state.next;
    if (next !== undefined) {
      run.next = { state: next, input: output, inputText: outputText };
      this.drive(run);
    } else {
      this.endRun(run, output, outputText);
    }
  }

  /** Applies a state's assignments and records its `...StateExited` with `assignedVariables` (values as JSON text). */
  private exitAssigning(run: BlockRun, state: CompiledState, outputText: string, assigned: Record<string, Json>): void {
    const variables = { ...run.variables };
    const texts: Record<string, string> = {};
    for (const [name, value] of Object.entries(assigned)) {
      variables[name] = value;
      texts[name] = stringify(value);
    }
    checkAssignedSize(texts, state.name);
    run.variables = variables;
    this.emit(run, EXITED_EVENT[state.type], {
      name: state.name,
      output: historyText(outputText),
      outputDetails: payloadDetails(outputText),
      assignedVariables: texts,
      assignedVariablesDetails: NOT_TRUNCATED,
    });
  }

  /** Handles an error of the current state: Retry, then Catch, else the run fails (see `state-failure.ts`). */
  stateFailed(
    run: BlockRun,
    state: CompiledState,
    error: string | undefined,
    cause: string | undefined,
    options?: FailureOptions,
  ): void {
    handleStateFailure(this, run, state, error, cause, options);
  }

  // ---------------------------------------------------------------- runs

  /** Ends a run successfully: the execution succeeds, or the enclosing Parallel/Map learns of it. */
  endRun(run: BlockRun, output: Json, outputText: string | undefined): void {
    run.status = 'succeeded';
    run.output = output;
    if (run.parent) return childEnded(this, run);
    // The execution's output is stored as text: written once here, for the record and the event.
    const text = outputText ?? stringify(output);
    this.emitPayload(run, 'ExecutionSucceeded', undefined, output, text);
    this.close('SUCCEEDED', { output, outputText: text });
  }

  /** Ends a run with an error: the execution fails, or the enclosing Parallel/Map learns of it. */
  failRun(run: BlockRun, error: string | undefined, cause: string | undefined): void {
    run.status = 'failed';
    run.error = error;
    run.cause = cause;
    // States.Runtime ends the whole execution: enclosing Parallel/Map states record no failure of their own.
    if (run.parent && error !== ErrorName.Runtime) return childEnded(this, run);
    this.emit(run, 'ExecutionFailed', errorDetails(error, cause));
    this.close('FAILED', { error, cause });
  }

  // ---------------------------------------------------------------- commands

  /** Issues a new unique key for a task or timer of `run`. */
  newKey(run: BlockRun): string {
    return `${run.id}:${this.execution.nextKey++}`;
  }

  /** Starts a timer for `run` and returns its key. */
  startTimer(run: BlockRun, delaySeconds: number): string {
    const key = this.newKey(run);
    this.commands.push({ type: 'StartTimer', key, dueTime: this.now + Math.max(0, delaySeconds) * 1000 });
    return key;
  }

  // ---------------------------------------------------------------- execution

  private start(): void {
    const ex = this.execution;
    this.emit(undefined, 'ExecutionStarted', executionStartedDetails(ex));
    if (this.machine.timeoutSeconds !== undefined) {
      this.commands.push({
        type: 'StartTimer',
        key: EXECUTION_TIMEOUT_KEY,
        dueTime: this.now + this.machine.timeoutSeconds * 1000,
      });
    }
    ex.root = createRun('0', this.machine.root.id, 0, undefined, 0);
    this.startRun(ex.root, ex.input, ex.inputText);
  }

  private deliver(key: string, signal: StateSignal): void {
    const run = this.findRun(key.slice(0, key.lastIndexOf(':')));
    const waiting = run?.waiting;
    if (run?.status !== 'running' || !waiting || waiting.kind === 'children') return;
    const state = this.stateOf(run);
    if (waiting.kind === 'timer' && waiting.key === key && waiting.purpose === 'retry') {
      run.waiting = undefined;
      this.attempt(run, state, () => state.start(this, run));
    } else if (waiting.key === key) {
      this.attempt(run, state, () => state.resume!(this, run, signal));
    } else if (waiting.kind === 'task' && (waiting.timeoutKey === key || waiting.heartbeatKey === key)) {
      const heartbeat = waiting.heartbeatKey === key;
      this.attempt(run, state, () => state.resume!(this, run, { type: 'TaskTimedOut', heartbeat }));
    } else {
      return;
    }
    this.drive(run);
  }

  /** Finds a running run by id (`0`, `0.3`, `0.3.1`). */
  private findRun(id: string): BlockRun | undefined {
    // Most runs in flight are the root run's: no path to split.
    if (id === this.execution.root?.id) return this.execution.root;
    const path = id.split('.');
    let run: BlockRun | undefined = this.execution.root;
    for (let i = 1; i < path.length && run; i++) run = run.group?.children[Number(path[i])];
    return run;
  }

  /** StopExecution: AWS records only `ExecutionAborted` (no `...StateAborted` for running states). */
  private stop(error: string | undefined, cause: string | undefined): void {
    this.abortRun(this.execution.root, 'stop');
    this.emit(undefined, 'ExecutionAborted', errorDetails(error, cause), { previous: 0 });
    this.close('ABORTED', { error, cause });
  }

  /** The execution's `TimeoutSeconds` elapsed: only `ExecutionTimedOut`, and no error or cause on the execution. */
  private timeOut(): void {
    this.abortRun(this.execution.root, 'stop');
    this.emit(undefined, 'ExecutionTimedOut', { error: ErrorName.Timeout }, { previous: 0 });
    this.close('TIMED_OUT', {});
  }

  /**
   * Aborts a run's running state (and its children, depth first): cancels its tasks and timers, and, when a
   * sibling branch or iteration failed, records the `...StateAborted` events AWS records then.
   */
  abortRun(run: BlockRun, reason: AbortReason): void {
    if (run.status !== 'running') return;
    run.status = 'failed';
    if (run.state) this.stateOf(run).abort?.(this, run, reason);
  }

  private close(status: ExecutionRecord['status'], result: Partial<ExecutionRecord>): void {
    const ex = this.execution;
    // The history-limit failure closes the execution mid-step; whatever the step was doing then is moot.
    if (ex.status !== 'RUNNING') return;
    Object.assign(ex, result);
    ex.status = status;
    ex.stopTime = this.now;
    if (this.machine.timeoutSeconds !== undefined && status !== 'TIMED_OUT') {
      this.commands.push({ type: 'CancelTimer', key: EXECUTION_TIMEOUT_KEY });
    }
  }
}
