/**
 * Performs `task` and `mapRun` work items: a Task (its local handler or its integration), or a Distributed Map
 * run in memory. The outcome comes back as a {@link Change} that deletes the item and adds the outcome as an
 * `event` item, both in one commit. A worker that dies mid-task leaves the item leased; once the lease expires the task is
 * performed again (the only step that can happen twice after a crash, as ARCHITECTURE.md says).
 */
import {
  compileStateMachine,
  type EngineEvent,
  performTask,
  runMapRun,
  type TaskOutcome,
  type TaskPerformers,
} from '@lockstep/engine';
import type { Change, ExecutionRow, WorkItem } from '../store/records.js';
import { parseRecord } from './record-codec.js';

/** What performing work needs. */
export interface TaskRunnerOptions {
  /** Local handlers and integrations. */
  performers: TaskPerformers;
  clock: () => number;
  random: () => number;
  /** Reads the execution a map run belongs to. */
  getExecution(executionArn: string): Promise<ExecutionRow | undefined>;
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
    return performTask(
      request,
      { ...options.performers, acceptsTokens: true },
      {
        // The answer of a `.sync` or `.waitForTaskToken` call: recorded at once, the item stays until the end.
        submitted: (output) =>
          options.progress({ addWork: [event({ type: 'TaskSubmitted', key, output }, 'submitted')] }),
        done: (outcome) => finish(outcome && outcomeEvent(key, outcome)),
      },
    );
  }
  if (payload.kind === 'mapRun') {
    runMap(item, payload.key, payload.request, options).then(finish, (error: unknown) =>
      finish({ type: 'MapRunEnded', key: payload.key, error: 'States.Runtime', cause: String(error) }),
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
 * A Distributed Map run, in memory: its child executions are not durable yet, so a crash runs the whole map
 * run again (its parent execution, and the Map state's outcome, stay exactly once).
 */
async function runMap(
  item: WorkItem,
  key: string,
  request: Extract<WorkItem['payload'], { kind: 'mapRun' }>['request'],
  options: TaskRunnerOptions,
): Promise<EngineEvent | undefined> {
  const row = await options.getExecution(item.executionArn);
  if (row?.status !== 'RUNNING') return undefined;
  const parent = parseRecord(row.record);
  const machine = compileStateMachine(row.definition, parent.type);
  return runMapRun(machine, request, key, {
    parent,
    clock: 'real',
    random: options.random,
    invokeTask: (taskRequest, report) => performTask(taskRequest, options.performers, report),
  });
}
