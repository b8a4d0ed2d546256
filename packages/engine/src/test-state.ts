/**
 * TestState: runs one state of a definition in isolation with the pure core and reports what AWS's TestState API
 * reports: the status (`SUCCEEDED`, `FAILED`, `RETRIABLE`, `CAUGHT_ERROR`), output, error, next state and the
 * stages of the state's data flow. The state is compiled into a machine of its own and started; a
 * {@link StateInspector} on the interpreter records the stages and stops the run before the next state. A retry is
 * not performed: the state is reported `RETRIABLE` with the retrier's index and backoff.
 */
import {
  ErrorName,
  formatInvalidDefinition,
  type Json,
  type StateDefinition,
  type StateMachineDefinition,
  validateDefinition,
} from '@lockstep/asl';
import { compileMachine } from './compile.js';
import type { CompiledMachine, CompiledState } from './compiled.js';
import { errorMatches } from './error-handling.js';
import { type BlockRun, createExecutionRecord, type ExecutionIdentity, type ExecutionRecord } from './execution.js';
import { HistoryLog } from './history-log.js';
import { Interpreter } from './interpreter.js';
import type { Command, EngineEvent } from './messages.js';
import type { TaskOutcome } from './runtime/driver.js';
import { compileCached, invalidDefinition } from './runtime/machine-cache.js';
import { performTask, type TaskPerformers } from './runtime/task-dispatch.js';
import { type ContextExtras, StateScope, type StatesValues } from './scope.js';
import type { InspectionStage, StateInspector } from './state-inspector.js';

/** The name a state tested on its own runs under (`$$.State.Name`), as AWS's recorded context shows it. */
export const TESTED_STATE_NAME = 'StateName';

/** The state a TestState request tests, and the machine it runs in. */
export interface TestedState {
  name: string;
  definition: StateDefinition;
  /** A machine starting at the state: the whole definition, or the state alone with its targets as stubs. */
  machine: CompiledMachine;
}

/**
 * Resolves the state to test: `definition` is a state's definition, or with `stateName` a whole machine's.
 * Throws `InvalidDefinition` (AWS's diagnostics) when the definition is not valid.
 */
export function resolveTestedState(definition: Record<string, unknown>, stateName?: string): TestedState {
  if (stateName !== undefined) {
    const states = definition.States as Record<string, StateDefinition> | undefined;
    const state = states && Object.hasOwn(states, stateName) ? states[stateName] : undefined;
    compileCached(definition, 'EXPRESS');
    if (!state) throw invalidDefinition(`State '${stateName}' does not exist in the definition.`);
    // Validated as written; started at the tested state (which would leave the others unreachable).
    const machine = compileMachine({ ...definition, StartAt: stateName } as unknown as StateMachineDefinition);
    return { name: stateName, definition: state, machine };
  }
  const state = definition as unknown as StateDefinition;
  // The state's transitions lead to stand-ins, so that the state validates on its own; the run stops before them.
  const States: Record<string, unknown> = {};
  for (const target of transitionTargets(state)) States[target] = { Type: 'Succeed' };
  States[TESTED_STATE_NAME] = state;
  const definitionOfOne = { StartAt: TESTED_STATE_NAME, States } as unknown as StateMachineDefinition;
  // A state tested alone need not lead to an end (its Next may be itself).
  const errors = validateDefinition(definitionOfOne, { type: 'EXPRESS' }).filter(
    (d) => d.severity === 'ERROR' && d.code !== 'MISSING_END_STATE',
  );
  if (errors.length > 0) throw invalidDefinition(formatInvalidDefinition(errors));
  return { name: TESTED_STATE_NAME, definition: state, machine: compileMachine(definitionOfOne) };
}

function transitionTargets(state: StateDefinition): string[] {
  const s = state as unknown as Record<string, unknown>;
  const targets: unknown[] = [s.Next, s.Default];
  for (const rule of (Array.isArray(s.Choices) ? s.Choices : []) as { Next?: unknown }[]) targets.push(rule?.Next);
  for (const catcher of (Array.isArray(s.Catch) ? s.Catch : []) as { Next?: unknown }[]) targets.push(catcher?.Next);
  return targets.filter((t): t is string => typeof t === 'string' && t !== TESTED_STATE_NAME);
}

/** Options of {@link testState}. */
export interface TestStateOptions {
  state: TestedState;
  input: Json;
  inputText: string;
  /** The workflow variables the state sees. */
  variables?: Record<string, Json>;
  identity: ExecutionIdentity;
  /** What performs a Task's resource (the service's integrations). */
  performers: TaskPerformers;
  /** TestState's `mock`: the Task's outcome, given instead of performing its resource. */
  mock?: TaskOutcome;
  /** TestState's `context`: the context object (`$$`) the state reads, instead of the synthetic one. */
  context?: Json;
  /** Epoch ms. */
  now: number;
  random: () => number;
}

/** How the tested state ended, as TestState names it. */
export type TestStateStatus = 'SUCCEEDED' | 'FAILED' | 'RETRIABLE' | 'CAUGHT_ERROR';

/** Which retrier or catcher handled the state's error. */
export interface ErrorHandlingDetails {
  catchIndex?: number;
  retryIndex?: number;
  retryBackoffIntervalSeconds?: number;
}

/** What {@link testState} observed. */
export interface TestStateResult {
  status: TestStateStatus;
  output?: Json;
  error?: string;
  cause?: string;
  nextState?: string;
  /** The data-flow stages the state went through, in order. */
  stages: Partial<Record<InspectionStage, Json>>;
  /** The variables after the state (with the ones given), when there are any. */
  variables?: Record<string, Json>;
  errorDetails?: ErrorHandlingDetails;
}

/** Runs the tested state once. */
export async function testState(options: TestStateOptions): Promise<TestStateResult> {
  const { state, now, random } = options;
  const execution = createExecutionRecord(options.identity, {
    input: options.input,
    inputText: options.inputText,
    startTime: now,
  });
  const inspector = new Recorder(state.name, options.variables);
  const log = new HistoryLog(1);
  const apply = (event: EngineEvent): Command[] => {
    const it =
      options.context === undefined
        ? new Interpreter(state.machine, execution, now, random, log)
        : new GivenContextInterpreter(options.context, state.machine, execution, now, random, log);
    it.inspector = inspector;
    it.apply(event);
    return it.commands;
  };
  let commands = apply({ type: 'Start' });
  while (execution.status === 'RUNNING' && !execution.root.next) {
    const run = execution.root;
    const waiting = run.waiting;
    const invoke = commands.find((c) => c.type === 'InvokeTask');
    if (waiting?.kind === 'task' && invoke?.type === 'InvokeTask') {
      const outcome = options.mock ?? (await perform(invoke.request, options.performers));
      commands = apply(
        outcome.ok
          ? { type: 'TaskSucceeded', key: invoke.key, output: outcome.output }
          : { type: 'TaskFailed', key: invoke.key, error: outcome.error, cause: outcome.cause },
      );
    } else if (waiting?.kind === 'timer' && waiting.purpose === 'retry') {
      const timer = commands.find((c) => c.type === 'StartTimer' && c.key === waiting.key);
      const delayMs = timer?.type === 'StartTimer' ? timer.dueTime - now : 0;
      return retriable(inspector, compiledState(state), run, delayMs);
    } else if (waiting?.kind === 'timer') {
      // A Wait state's delay is not waited for.
      commands = apply({ type: 'TimerFired', key: waiting.key });
    } else {
      throw new Error(`TestState: the state '${state.name}' waits for something TestState cannot provide.`);
    }
  }
  return finished(inspector, compiledState(state), execution);
}

/** An interpreter whose states read a given context object as `$$`. */
class GivenContextInterpreter extends Interpreter {
  constructor(
    private readonly context: Json,
    ...args: ConstructorParameters<typeof Interpreter>
  ) {
    super(...args);
  }

  override scope(run: BlockRun, extras?: ContextExtras, values?: StatesValues): StateScope {
    return new GivenContextScope(this.context, this.execution, run, extras ?? {}, this.random, this.now, values);
  }
}

class GivenContextScope extends StateScope {
  constructor(
    private readonly given: Json,
    ...args: ConstructorParameters<typeof StateScope>
  ) {
    super(...args);
  }

  override get context(): Json {
    return this.given;
  }
}

function compiledState(state: TestedState): CompiledState {
  return state.machine.root.states.get(state.name)!;
}

function perform(request: Parameters<typeof performTask>[0], performers: TaskPerformers): Promise<TaskOutcome> {
  return new Promise((resolve) => {
    performTask(request, performers, {
      submitted: () => {},
      done: (outcome) =>
        resolve(outcome ?? { ok: false, error: ErrorName.Runtime, cause: 'TestState does not wait for task tokens.' }),
    });
  });
}

function retriable(inspector: Recorder, state: CompiledState, run: BlockRun, delayMs: number): TestStateResult {
  const error = inspector.error ?? '';
  const retryIndex = state.retriers.findIndex((r) => errorMatches(r.errorEquals, error));
  return {
    ...inspector.observed(run),
    status: 'RETRIABLE',
    error: inspector.error,
    cause: inspector.cause,
    errorDetails: { retryIndex, retryBackoffIntervalSeconds: delayMs / 1000 },
  };
}

function finished(inspector: Recorder, state: CompiledState, execution: ExecutionRecord): TestStateResult {
  const run = execution.root;
  const observed = inspector.observed(run);
  if (execution.status === 'FAILED') {
    return { ...observed, status: 'FAILED', error: execution.error, cause: execution.cause };
  }
  const next = run.next;
  const output = next ? next.input : execution.output;
  const nextState = next?.state;
  if (inspector.failedWith) {
    const error = inspector.error ?? '';
    const catchIndex = state.catchers.findIndex((c) => errorMatches(c.errorEquals, error));
    return {
      ...observed,
      status: 'CAUGHT_ERROR',
      output,
      error: inspector.error,
      cause: inspector.cause,
      nextState,
      errorDetails: { catchIndex },
    };
  }
  return { ...observed, status: 'SUCCEEDED', output, nextState };
}

/** Records the stages of the one state run and stops the run before its next state. */
class Recorder implements StateInspector {
  readonly stages: Partial<Record<InspectionStage, Json>> = {};
  failedWith = false;
  error?: string;
  cause?: string;
  private entered = false;

  constructor(
    private readonly name: string,
    private readonly variables: Record<string, Json> | undefined,
  ) {}

  stage(name: InspectionStage, value: Json): void {
    this.stages[name] = value;
  }

  failed(error: string | undefined, cause: string | undefined): void {
    this.failedWith = true;
    this.error = error;
    this.cause = cause;
  }

  entering(run: BlockRun): boolean {
    if (this.entered || run.next?.state !== this.name) return false;
    this.entered = true;
    if (this.variables) run.variables = this.variables;
    return true;
  }

  observed(run: BlockRun): Pick<TestStateResult, 'stages' | 'variables'> {
    const variables = run.variables;
    return variables && Object.keys(variables).length > 0
      ? { stages: this.stages, variables }
      : { stages: this.stages };
  }
}
