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
  step,
  uuid,
} from '@lockstep/engine';
import type { Change, ExecutionRow, TaskTokenRecord, WorkItem } from '../store/records.js';
import { workId } from '../store/records.js';
import { toStoredEvent } from './history-rows.js';
import { parseRecord, serializeRecord } from './record-codec.js';

/** Events whose `key` names a task that is over once they are applied. */
const TASK_OUTCOMES: ReadonlySet<EngineEvent['type']> = new Set(['TaskSucceeded', 'TaskFailed', 'MapRunEnded']);

/**
 * An execution as the runtime holds it between transitions: the stored version it was read at (or last
 * committed), and the engine's record (for a running execution).
 */
export interface LoadedExecution {
  executionArn: string;
  version: number;
  definition: string;
  /** Absent when the execution is closed. */
  record?: ExecutionRecord;
}

/** An execution row as the runtime holds it. */
export function loadExecution(row: ExecutionRow): LoadedExecution {
  const { executionArn, version, definition } = row;
  return row.status === 'RUNNING'
    ? { executionArn, version, definition, record: parseRecord(row.record) }
    : { executionArn, version, definition };
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
): Change {
  const consumed = items.map((item) => item.id);
  const record = execution.record;
  if (!record) return { deleteWork: consumed };
  const row = execution;
  const machine = compileStateMachine(row.definition, record.type);
  const log = new HistoryLog(record.nextEventId);
  const change: Change = { deleteWork: consumed, addWork: [], addTokens: [], closeTokens: [] };
  const events: EngineEvent[] = [];
  for (const item of items) if (item.payload.kind === 'event') events.push(item.payload.event);
  const stored = events.length;
  // Timers already due (a `Wait` of 0 seconds, a retry without interval) fire within this transition: no
  // row to write and claim again, no second commit. These are the events past `stored`.
  const dueTimers = new Set<string>();
  for (let i = 0; i < events.length && record.status === 'RUNNING'; i++) {
    const event = events[i];
    if (i >= stored && !dueTimers.delete((event as { key: string }).key)) continue; // cancelled before it fired
    const result = step(machine, record, event, now, random, log);
    for (const command of result.commands) {
      if (command.type === 'StartTimer' && command.dueTime <= now) {
        dueTimers.add(command.key);
        events.push({ type: 'TimerFired', key: command.key });
      } else if (command.type !== 'CancelTimer' || !dueTimers.delete(command.key)) {
        applyCommand(change, record, command, now, random);
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
  change.events = log.toArray().map(toStoredEvent);
  return change;
}

/** What a command of the core asks of the store. */
function applyCommand(change: Change, record: ExecutionRecord, command: Command, now: number, random: () => number) {
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
      const token: TaskTokenRecord | undefined =
        parseResource(request.resource).kind === 'activity'
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
