/**
 * Performs `task` and `mapRun` work items: a Task's local handler, or a Distributed Map run in memory. The
 * outcome comes back as a {@link Change} that deletes the item and adds the outcome as an `event` item, both
 * in one commit. A worker that dies mid-task leaves the item leased; once the lease expires the task is
 * performed again (the only step that can happen twice after a crash, as ARCHITECTURE.md says).
 */
import {
  compileStateMachine,
  type EngineEvent,
  invokeTaskHandler,
  runMapRun,
  type TaskHandler,
  type TaskOutcome,
} from '@lockstep/engine';
import type { Change, ExecutionRow, WorkItem } from '../store/records.js';
import { parseRecord } from './record-codec.js';

/** What performing work needs. */
export interface TaskRunnerOptions {
  taskHandlers?: Record<string, TaskHandler>;
  clock: () => number;
  random: () => number;
  /** Reads the execution a map run belongs to. */
  getExecution(executionArn: string): Promise<ExecutionRow | undefined>;
  /** Receives the change that records the outcome. */
  done(change: Change): void;
}

/** Performs one `task` or `mapRun` item; its outcome reaches `options.done`. */
export function performWork(item: WorkItem, options: TaskRunnerOptions): void {
  const finish = (event: EngineEvent | undefined) => {
    const change: Change = { deleteWork: [item.id] };
    if (event) {
      change.addWork = [
        {
          id: `${item.id}:outcome`,
          executionArn: item.executionArn,
          dueTime: options.clock(),
          payload: { kind: 'event', event },
        },
      ];
    }
    options.done(change);
  };
  const { payload } = item;
  if (payload.kind === 'task') {
    const { request, key } = payload;
    // A callback task without a local handler waits for SendTaskSuccess/Failure with its token.
    if (request.taskToken !== undefined && !options.taskHandlers?.[request.stateName]) return finish(undefined);
    invokeTaskHandler(options.taskHandlers, request, (outcome: TaskOutcome) => finish(outcomeEvent(key, outcome)));
    return;
  }
  if (payload.kind === 'mapRun') {
    runMap(item, payload.key, payload.request, options).then(finish, (error: unknown) =>
      finish({ type: 'MapRunEnded', key: payload.key, error: 'States.Runtime', cause: String(error) }),
    );
  }
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
    invokeTask: (taskRequest, done) => invokeTaskHandler(options.taskHandlers, taskRequest, done),
  });
}
