/**
 * Performs `task`, `mapRun` and `stopMapRun` work items: a Task (its local handler, its test case's mocked response,
 * or its integration), or a Distributed Map run (its durable coordinator, see `map-run-coordinator.ts`) and its
 * cancellation. The outcome comes back as a {@link Change} that deletes the item
 * and adds the outcome as an `event` item, both in one commit. A worker that dies mid-task leaves the item leased;
 * once the lease expires the task is performed again (the only step that can happen twice after a crash, as
 * ARCHITECTURE.md says).
 *
 * A mocked call is numbered from the execution's history, not from a counter in memory: its number is how many
 * calls of the same state were scheduled before it (the `TaskScheduled`, `LambdaFunctionScheduled` or
 * `ActivityScheduled` events of that state). The history is committed with the transition that schedules the call,
 * before the call runs, and never changes, so a call performed again after a restart gets the same number, hence
 * the same response.
 */
import { ErrorName } from '@lockstep/asl';
import {
  type EngineEvent,
  performTask,
  type TaskOutcome,
  type TaskPerformers,
  type TaskRequest,
} from '@lockstep/engine';
import type { Change, ExecutionRow, StoredHistoryEvent, WorkItem } from '../store/records.js';
import { coordinateMapRun, type MapRunHost, stopMapRun } from './map-run-coordinator.js';
import { parseRecord } from './record-codec.js';
import { type MockTestCases, testCaseOf } from './transition.js';

/** The events that schedule a call of a Task state, one per attempt. */
const SCHEDULED: ReadonlySet<string> = new Set(['TaskScheduled', 'LambdaFunctionScheduled', 'ActivityScheduled']);

/** What performing work needs. */
export interface TaskRunnerOptions {
  /** Local handlers and integrations. */
  performers: TaskPerformers;
  clock: () => number;
  random: () => number;
  /** The test cases executions started on `<stateMachineArn>#<TestCase>` run. */
  mockConfig?: MockTestCases;
  /** What Map Runs are coordinated with. */
  mapRuns: MapRunHost;
  /** Reads the execution a task of a test case belongs to. */
  getExecution(executionArn: string): Promise<ExecutionRow | undefined>;
  /** Reads an execution's whole history (the calls of a test case are numbered from it). */
  getHistory(executionArn: string): Promise<StoredHistoryEvent[]>;
  /** Receives the change that records the outcome (the item is over). */
  done(change: Change): void;
  /** Receives a change that records progress (the item goes on). */
  progress(change: Change): void;
}

/**
 * Performs one `task` or `mapRun` item; its progress and outcome reach `options.done`. Returns a function that
 * cancels the work (its task timed out, or its execution stopped).
 */
export function performWork(item: WorkItem, options: TaskRunnerOptions): () => void {
  const event = (event: EngineEvent, suffix: string): WorkItem => ({
    id: `${item.id}:${suffix}`,
    executionArn: item.executionArn,
    dueTime: options.clock(),
    payload: { kind: 'event', event },
  });
  const finish = (outcome: EngineEvent | undefined) => {
    const change: Change = { deleteWork: [item.id] };
    if (outcome) change.addWork = [event(outcome, 'outcome')];
    options.done(change);
  };
  const { payload } = item;
  if (payload.kind === 'task') {
    const { request, key } = payload;
    const perform = (mock?: TaskPerformers['mock']) =>
      performTask(
        request,
        { ...options.performers, mock, acceptsTokens: true },
        {
          // The answer of a `.sync` or `.waitForTaskToken` call: recorded at once, the item stays until the end.
          submitted: (output) =>
            options.progress({ addWork: [event({ type: 'TaskSubmitted', key, output }, 'submitted')] }),
          done: (outcome) => finish(outcome && outcomeEvent(key, outcome)),
        },
      );
    if (!options.mockConfig) return perform();
    // A test case may mock the task: that takes reading the execution first.
    let cancel: (() => void) | undefined;
    let cancelled = false;
    mockOf(item, request, options).then(
      (mock) => {
        if (cancelled) return;
        if (mock === 'closed') finish(undefined);
        else cancel = perform(mock);
      },
      (error: unknown) =>
        finish({ type: 'TaskFailed', key, error: ErrorName.Runtime, cause: (error as Error).message }),
    );
    return () => {
      cancelled = true;
      cancel?.();
    };
  }
  if (payload.kind === 'mapRun') {
    const coordination = coordinateMapRun(item.executionArn, payload.key, payload.request, options.mapRuns);
    coordination.outcome.then(finish, (error: unknown) =>
      finish({ type: 'MapRunEnded', key: payload.key, error: 'States.Runtime', cause: String(error) }),
    );
    return coordination.cancel;
  }
  if (payload.kind === 'stopMapRun') {
    stopMapRun(payload.mapRunArn, options.mapRuns).then(
      () => finish(undefined),
      // Left leased: claimed again once the lease expires.
      () => {},
    );
  }
  return () => {};
}

function outcomeEvent(key: string, outcome: TaskOutcome): EngineEvent {
  return outcome.ok
    ? { type: 'TaskSucceeded', key, output: outcome.output }
    : { type: 'TaskFailed', key, error: outcome.error, cause: outcome.cause };
}

/**
 * The test case's mock for a task whose state it mocks (its invocation number read from the history); undefined
 * when the task runs for real; `closed` when its execution ended meanwhile.
 */
async function mockOf(
  item: WorkItem,
  request: TaskRequest,
  options: TaskRunnerOptions,
): Promise<TaskPerformers['mock'] | 'closed'> {
  const row = await options.getExecution(item.executionArn);
  if (row?.status !== 'RUNNING') return 'closed';
  const responses = testCaseOf(parseRecord(row.record), options.mockConfig);
  if (!responses?.mocks(request.stateName)) return undefined;
  const invocation = invocationOf(request, await options.getHistory(item.executionArn));
  return { responses, invocations: new Map([[request.stateName, invocation]]) };
}

/**
 * How many calls of `request`'s state the history schedules before this one. This attempt is the one its
 * idempotency key names (`<executionArn>/<enteredEventId>/<retryCount>`): the `retryCount`-th call scheduled in the
 * state visit that `enteredEventId` entered. Each event is traced to its visit through `previousEventId`, which
 * chains the events of one run (branch or iteration) back to the `...StateEntered` of its current state.
 */
function invocationOf(request: TaskRequest, history: readonly StoredHistoryEvent[]): number {
  const parts = (request.idempotencyKey ?? '').split('/');
  const retryCount = Number(parts.at(-1));
  const enteredEventId = Number(parts.at(-2));
  /** Event id → id of the `...StateEntered` event of the state it belongs to (0: none). */
  const visitOf = new Map<number, number>();
  /** `...StateEntered` event id → the state's name. */
  const stateOf = new Map<number, string>();
  let calls = 0;
  let attempts = 0;
  for (const event of history) {
    if (event.type.endsWith('StateEntered')) {
      visitOf.set(event.id, event.id);
      stateOf.set(event.id, (JSON.parse(event.details ?? '{}') as { name?: string }).name ?? '');
      continue;
    }
    const visit = visitOf.get(event.previousEventId) ?? 0;
    visitOf.set(event.id, visit);
    if (!SCHEDULED.has(event.type) || stateOf.get(visit) !== request.stateName) continue;
    if (visit === enteredEventId && attempts++ === retryCount) return calls;
    calls++;
  }
  return calls;
}
