/**
 * TestState: runs one state of a definition in isolation with the pure core and reports what AWS's TestState API
 * reports: the status (`SUCCEEDED`, `FAILED`, `RETRIABLE`, `CAUGHT_ERROR`), output, error, next state and the
 * stages of the state's data flow. The state is compiled into a machine of its own and started; a
 * {@link Recorder} on the interpreter records the stages and stops the run before the next state. A retry is
 * not performed: the state is reported `RETRIABLE` with the retrier's index and backoff. A `mock` replaces the
 * work of a Task, Map or Parallel state (a Map or Parallel runs only with one, see `test-state/group-mock.ts`);
 * `stateConfiguration` sets the retry attempt and the Map's failures and reader data; at TRACE an HTTP Task reports
 * its HTTP exchange.
 */
import { ErrorName, type Json } from '@lockstep/asl';
import type { CompiledState } from './compiled.js';
import { errorMatches } from './error-handling.js';
import { type BlockRun, createExecutionRecord, type ExecutionIdentity, type ExecutionRecord } from './execution.js';
import { HistoryLog } from './history-log.js';
import type { HttpExchange, HttpTrace, Integration } from './integration.js';
import type { Command, EngineEvent } from './messages.js';
import type { TaskOutcome } from './runtime/driver.js';
import { invalidDefinition } from './runtime/machine-cache.js';
import { performTask, type TaskPerformers } from './runtime/task-dispatch.js';
import type { InspectionStage } from './state-inspector.js';
import { type GroupEvaluation, groupOutcome, replaceState, withMapEvaluation } from './test-state/group-mock.js';
import { TestStateInterpreter } from './test-state/interpreter.js';
import { checkMockedResult } from './test-state/mock-result-check.js';
import { Recorder } from './test-state/recorder.js';
import { checkTestStateRequest, type TestStateConfiguration, type TestStateMock } from './test-state/request.js';
import { isGroupState, type TestedState } from './test-state/tested-state.js';

export type { FieldValidationMode, TestStateConfiguration, TestStateMock } from './test-state/request.js';
export { resolveTestedState, TESTED_STATE_NAME, type TestedState } from './test-state/tested-state.js';

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
  /** TestState's `mock`: the outcome of the state's work, given instead of performing it. */
  mock?: TestStateMock;
  /** TestState's `stateConfiguration`. */
  stateConfiguration?: TestStateConfiguration;
  /** TestState's `context`: the context object (`$$`) the state reads, instead of the synthetic one. */
  context?: Json;
  /** Inspection level TRACE: an HTTP Task reports its exchange (with the connection's secrets if revealed). */
  trace?: { revealSecrets: boolean };
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

/** What a mocked Map evaluated, as its `inspectionData` reports it. */
export interface MapInspection {
  maxConcurrency: number;
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
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
  /** A mocked Map's limits. */
  map?: MapInspection;
  /** At TRACE, the HTTP request an HTTP Task sent and the response it got. */
  http?: HttpExchange;
}

/**
 * The stages AWS reports for a mocked Map or Parallel (its stand-in Task records a Task's): recorded, a JSONPath
 * Map's `afterInputPath` and `afterItemsPath`, a JSONata Map's none; LocalStack's AWS-validated Parallel support,
 * no `afterInputPath`, `afterParameters` or `afterArguments` for a Parallel. Neither reports `result`.
 */
const GROUP_STAGES: Record<'Map' | 'Parallel', readonly InspectionStage[]> = {
  Map: [
    'afterInputPath',
    'afterItemsPath',
    'afterItemSelector',
    'afterItemBatcher',
    'afterResultSelector',
    'afterResultPath',
  ],
  Parallel: ['afterResultSelector', 'afterResultPath'],
};

/**
 * Runs the tested state once. Throws an `Error` named `ValidationException` (a mock or state configuration that
 * does not fit the state) or `InvalidDefinition` (a Map or Parallel without a mock), with AWS's messages.
 */
export async function testState(options: TestStateOptions): Promise<TestStateResult> {
  const { state, now, random, mock } = options;
  const config = options.stateConfiguration;
  const definition = state.definition;
  checkTestStateRequest(definition, mock, config);
  const group = isGroupState(definition) ? definition : undefined;
  if (group && !mock) {
    throw invalidDefinition(
      'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]',
    );
  }
  if (mock && 'result' in mock && definition.Type === 'Task') {
    checkMockedResult(definition.Resource, mock.result, mock.fieldValidationMode);
  }
  const evaluation: GroupEvaluation = {};
  const compiled = compiledState(state);
  const machine =
    group?.Type === 'Map'
      ? replaceState(state.machine, state.name, withMapEvaluation(compiled, group, state.language, config, evaluation))
      : state.machine;
  const execution = createExecutionRecord(options.identity, {
    input: options.input,
    inputText: options.inputText,
    startTime: now,
  });
  const inspector = new Recorder(state.name, options.variables, {
    retrierCount: compiled.retriers.length,
    retryCount: config?.retrierRetryCount,
  });
  let http: HttpExchange | undefined;
  const performers = options.trace
    ? tracing(options.performers, { revealSecrets: options.trace.revealSecrets, record: (e) => (http = e) })
    : options.performers;
  const log = new HistoryLog(1);
  const testContext = { given: options.context, inMapIteration: state.inMapIteration };
  const apply = (event: EngineEvent): Command[] => {
    const it = new TestStateInterpreter(testContext, machine, execution, now, random, log);
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
      const outcome = mock
        ? group
          ? groupOutcome(mock, evaluation, config)
          : mockedTaskOutcome(mock)
        : await perform(invoke.request, performers);
      commands = apply(
        outcome.ok
          ? { type: 'TaskSucceeded', key: invoke.key, output: outcome.output }
          : { type: 'TaskFailed', key: invoke.key, error: outcome.error, cause: outcome.cause },
      );
    } else if (waiting?.kind === 'timer' && waiting.purpose === 'retry') {
      const timer = commands.find((c) => c.type === 'StartTimer' && c.key === waiting.key);
      const delayMs = timer?.type === 'StartTimer' ? timer.dueTime - now : 0;
      return withExtras(retriable(inspector, compiled, run, delayMs, group?.Type), evaluation, http);
    } else if (waiting?.kind === 'timer') {
      // A Wait state's delay is not waited for.
      commands = apply({ type: 'TimerFired', key: waiting.key });
    } else {
      throw new Error(`TestState: the state '${state.name}' waits for something TestState cannot provide.`);
    }
  }
  return withExtras(finished(inspector, compiled, execution, group?.Type), evaluation, http);
}

function compiledState(state: TestedState): CompiledState {
  return state.machine.root.states.get(state.name)!;
}

function mockedTaskOutcome(mock: TestStateMock): TaskOutcome {
  return 'result' in mock ? { ok: true, output: mock.result } : { ok: false, ...mock.errorOutput };
}

/** The performers, with integrations that report their HTTP exchange to `trace`. */
function tracing(performers: TaskPerformers, trace: HttpTrace): TaskPerformers {
  const integrations = performers.integrations?.map(
    (integration): Integration => ({
      patterns: integration.patterns,
      handles: (resource) => integration.handles(resource),
      invoke: (request, callbacks) => integration.invoke({ ...request, httpTrace: trace }, callbacks),
    }),
  );
  return { ...performers, integrations };
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

function retriable(
  inspector: Recorder,
  state: CompiledState,
  run: BlockRun,
  delayMs: number,
  group: 'Map' | 'Parallel' | undefined,
): TestStateResult {
  return {
    ...observed(inspector, run, group),
    status: 'RETRIABLE',
    error: inspector.error,
    cause: inspector.cause,
    errorDetails: { retryIndex: retryIndex(state, inspector.error), retryBackoffIntervalSeconds: delayMs / 1000 },
  };
}

function finished(
  inspector: Recorder,
  state: CompiledState,
  execution: ExecutionRecord,
  group: 'Map' | 'Parallel' | undefined,
): TestStateResult {
  const run = execution.root;
  const seen = observed(inspector, run, group);
  // A retrier that matched the error but had no attempt left is reported with the outcome.
  const exhausted = inspector.failedWith ? retryIndex(state, inspector.error) : -1;
  const retried = exhausted >= 0 ? { retryIndex: exhausted } : undefined;
  if (execution.status === 'FAILED') {
    const failed: TestStateResult = { ...seen, status: 'FAILED', error: execution.error, cause: execution.cause };
    return retried ? { ...failed, errorDetails: retried } : failed;
  }
  const next = run.next;
  const output = next ? next.input : execution.output;
  const nextState = next?.state;
  if (inspector.failedWith) {
    const error = inspector.error ?? '';
    const catchIndex = state.catchers.findIndex((c) => errorMatches(c.errorEquals, error));
    return {
      ...seen,
      status: 'CAUGHT_ERROR',
      output,
      error: inspector.error,
      cause: inspector.cause,
      nextState,
      errorDetails: { ...retried, catchIndex },
    };
  }
  return { ...seen, status: 'SUCCEEDED', output, nextState };
}

function retryIndex(state: CompiledState, error: string | undefined): number {
  return state.retriers.findIndex((r) => errorMatches(r.errorEquals, error ?? ''));
}

/** The stages AWS reports for the state, and the variables after it when there are any. */
function observed(
  inspector: Recorder,
  run: BlockRun,
  group: 'Map' | 'Parallel' | undefined,
): Pick<TestStateResult, 'stages' | 'variables'> {
  let stages = inspector.stages;
  if (group) {
    const kept = GROUP_STAGES[group];
    stages = Object.fromEntries(Object.entries(stages).filter(([name]) => kept.includes(name as InspectionStage)));
  }
  const variables = run.variables;
  return variables && Object.keys(variables).length > 0 ? { stages, variables } : { stages };
}

/** Adds what a mocked Map evaluated and what an HTTP Task exchanged. */
function withExtras(
  result: TestStateResult,
  evaluation: GroupEvaluation,
  http: HttpExchange | undefined,
): TestStateResult {
  const map = evaluation.map;
  if (map) result.map = { maxConcurrency: map.maxConcurrency, ...map.tolerance };
  if (http) result.http = http;
  return result;
}
