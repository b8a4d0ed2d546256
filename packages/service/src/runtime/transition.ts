/**
 * One durable transition: the engine events due for an execution are applied to its stored record with the
 * pure core, and everything that follows (the new record, history events, timers, tasks, task tokens) becomes
 * one {@link Change}, committed only over the record version it was computed from.
 */
import {
  type Command,
  compileStateMachine,
  type EngineEvent,
  type ExecutionRecord,
  HistoryLog,
  parseResource,
  type RunExecutionOptions,
  scaledDueTime,
  step,
  type TaskPerformers,
  uuid,
} from '@lockstep/engine';
import type { Change, ExecutionRow, TaskTokenRecord, WorkItem } from '../store/records.js';
import { workId } from '../store/records.js';
import { toStoredEvent } from './history-rows.js';
import { parseRecord, serializeRecord } from './record-codec.js';

/** Test cases of mocked responses (a parsed `MockConfigFile.json`), as the runtimes take them. */
export type MockTestCases = NonNullable<RunExecutionOptions['mockConfig']>;

/** A test case's mocked responses. */
export type MockedResponses = NonNullable<TaskPerformers['mock']>['responses'];

/** What a transition needs beyond the execution and its events. */
export interface TransitionOptions {
  /** Scales the delay of Wait states (Step Functions Local's `WAIT_TIME_SCALE`). @default 1 */
  waitTimeScale?: number;
  /** The test cases executions started on `<stateMachineArn>#<TestCase>` run. */
  mockConfig?: MockTestCases;
}

/** Events whose `key` names a task that is over once they are applied. */
const TASK_OUTCOMES: ReadonlySet<EngineEvent['type']> = new Set(['TaskSucceeded', 'TaskFailed', 'MapRunEnded']);

/**
 * An execution as the runtime holds it between transitions: the stored version it was read at (or last
 * committed), and the engine's record.
 */
export interface LoadedExecution {
  executionArn: string;
  version: number;
  definition: string;
  record: ExecutionRecord;
}

/** An execution row as the runtime holds it (a closed one with its record too: a redrive reopens it). */
export function loadExecution(row: ExecutionRow): LoadedExecution {
  const { executionArn, version, definition } = row;
  return { executionArn, version, definition, record: parseRecord(row.record) };
}

/**
 * The change that applies `items` (event work items, due order) to the execution at `now`. It advances
 * `execution.record` in place: the caller keeps it only if the change commits.
 */
export function transitionChange(
  execution: LoadedExecution,
  items: WorkItem[],
  now: number,
  random: () => number,
  options: TransitionOptions = {},
): Change {
  const consumed = items.map((item) => item.id);
  const record = execution.record;
  // A closed execution takes only a redrive (RedriveExecution, or its Map Run's): other events find it over.
  const reopens = (item: WorkItem) => item.payload.kind === 'event' && item.payload.event.type === 'Redrive';
  if (record.status !== 'RUNNING' && !items.some(reopens)) return { deleteWork: consumed };
  const row = execution;
  const machine = compileStateMachine(row.definition, record.type);
  const log = new HistoryLog(record.nextEventId);
  const change: Change = { deleteWork: consumed, addWork: [], addTokens: [], closeTokens: [] };
  const events: EngineEvent[] = [];
  const mocked = activityMock(record, options.mockConfig);
  const scale = options.waitTimeScale ?? 1;
  for (const item of items) if (item.payload.kind === 'event') events.push(item.payload.event);
  const stored = events.length;
  // Timers already due (a `Wait` of 0 seconds, a retry without interval) fire within this transition: no
  // row to write and claim again, no second commit. These are the events past `stored`.
  const dueTimers = new Set<string>();
  const redriveCount = record.redriveCount;
  for (let i = 0; i < events.length && (record.status === 'RUNNING' || events[i].type === 'Redrive'); i++) {
    const event = events[i];
    if (i >= stored && !dueTimers.delete((event as { key: string }).key)) continue; // cancelled before it fired
    const result = step(machine, record, event, now, random, log);
    for (const c of result.commands) {
      const command = c.type === 'StartTimer' && scale !== 1 ? scaleWait(record, c, now, scale) : c;
      if (command.type === 'StartTimer' && command.dueTime <= now) {
        dueTimers.add(command.key);
        events.push({ type: 'TimerFired', key: command.key });
      } else if (command.type !== 'CancelTimer' || !dueTimers.delete(command.key)) {
        applyCommand(change, record, command, now, random, mocked);
      }
    }
    if (TASK_OUTCOMES.has(event.type) && 'key' in event) {
      change.closeTokens!.push({ executionArn: row.executionArn, key: event.key });
    }
  }
  change.execution = {
    executionArn: row.executionArn,
    expectedVersion: row.version,
    record: serializeRecord(record),
    status: record.status,
    stopDate: record.stopTime,
    outputText: record.outputText,
    error: record.error,
    cause: record.cause,
  };
  if (record.redriveCount !== redriveCount) {
    change.execution.redrive = { count: record.redriveCount!, date: record.redriveTime! };
  }
  change.events = log.toArray().map(toStoredEvent);
  return change;
}

/**
 * The mocked responses of the test case an execution runs, if it runs one; throws when the configuration does
 * not define it (the configuration changed since the execution started).
 */
export function testCaseOf(
  record: ExecutionRecord,
  mockConfig: MockTestCases | undefined,
): MockedResponses | undefined {
  const testCase = record.testCase;
  if (testCase === undefined || mockConfig === undefined) return undefined;
  // A Map Run's child runs `<machine>/<label>` (names cannot hold a `/`): its tasks are mocked by its machine's test case.
  return mockConfig.testCase(record.stateMachineName.split('/')[0], testCase);
}

/**
 * The test case's answers for its mocked activity states, which never reach the task runner (an activity task
 * waits for a worker): Step Functions Local fails them at once.
 */
function activityMock(record: ExecutionRecord, mockConfig: MockTestCases | undefined) {
  try {
    return testCaseOf(record, mockConfig);
  } catch {
    // The task runner reports the missing test case when a task of the execution runs.
    return undefined;
  }
}

/** A Wait state's timer, its delay scaled as Step Functions Local's `WAIT_TIME_SCALE` does; other timers as they are. */
function scaleWait(
  record: ExecutionRecord,
  command: Extract<Command, { type: 'StartTimer' }>,
  now: number,
  scale: number,
): Command {
  const dueTime = scaledDueTime(record, command.key, command.dueTime, now, scale);
  return dueTime === command.dueTime ? command : { ...command, dueTime };
}

/** What a command of the core asks of the store. */
function applyCommand(
  change: Change,
  record: ExecutionRecord,
  command: Command,
  now: number,
  random: () => number,
  mocked: MockedResponses | undefined,
) {
  const arn = record.executionArn;
  switch (command.type) {
    case 'StartTimer':
      change.addWork!.push({
        id: workId(arn, command.key),
        executionArn: arn,
        dueTime: command.dueTime,
        payload: { kind: 'event', event: { type: 'TimerFired', key: command.key } },
      });
      return;
    case 'CancelTimer':
      change.deleteWork!.push(workId(arn, command.key));
      return;
    case 'CancelTask':
      change.deleteWork!.push(workId(arn, command.key));
      change.closeTokens!.push({ executionArn: arn, key: command.key });
      if (command.mapRunArn !== undefined) {
        const stop = { kind: 'stopMapRun', mapRunArn: command.mapRunArn } as const;
        change.addWork!.push({
          id: workId(arn, `${command.key}:stop`),
          executionArn: arn,
          dueTime: now,
          payload: stop,
        });
      }
      return;
    case 'StartMapRun':
      change.addWork!.push({
        id: workId(arn, command.key),
        executionArn: arn,
        dueTime: now,
        payload: { kind: 'mapRun', key: command.key, request: command.request },
      });
      return;
    case 'InvokeTask': {
      const { request, key } = command;
      const activity = parseResource(request.resource).kind === 'activity';
      if (activity && mocked?.mocks(request.stateName)) {
        const outcome = mocked.respond(request, 0);
        const event: EngineEvent = outcome.ok
          ? { type: 'TaskSucceeded', key, output: outcome.output }
          : { type: 'TaskFailed', key, error: outcome.error, cause: outcome.cause };
        change.addWork!.push({
          id: workId(arn, key),
          executionArn: arn,
          dueTime: now,
          payload: { kind: 'event', event },
        });
        return;
      }
      const token: TaskTokenRecord | undefined = activity
        ? {
            // An activity task waits for a worker: its token is what the worker reports back with.
            taskToken: uuid(random),
            executionArn: arn,
            key,
            activityArn: request.resource,
            inputText: JSON.stringify(request.input),
            createdDate: now,
            status: 'queued',
          }
        : request.taskToken === undefined
          ? undefined
          : { taskToken: request.taskToken, executionArn: arn, key, createdDate: now, status: 'started' };
      if (token) change.addTokens!.push(token);
      if (token?.activityArn === undefined) {
        change.addWork!.push({
          id: workId(arn, key),
          executionArn: arn,
          dueTime: now,
          payload: { kind: 'task', key, request },
        });
      }
      return;
    }
  }
}
