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

/** The change that applies `items` (event work items, due order) to the execution `row` at `now`. */
export function transitionChange(row: ExecutionRow, items: WorkItem[], now: number, random: () => number): Change {
  const consumed = items.map((item) => item.id);
  if (row.status !== 'RUNNING') return { deleteWork: consumed };
  const record = parseRecord(row.record);
  const machine = compileStateMachine(row.definition, record.type);
  const log = new HistoryLog(record.nextEventId);
  const change: Change = { deleteWork: consumed, addWork: [], addTokens: [], closeTokens: [] };
  for (const item of items) {
    if (item.payload.kind !== 'event') continue;
    const event = item.payload.event;
    const result = step(machine, record, event, now, random, log);
    for (const command of result.commands) applyCommand(change, record, command, now, random);
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
