/**
 * A Standard execution about to start, as stored: its row (definition pinned, the engine's record) and the
 * work item that starts it.
 */
import type { Json } from '@lockstep/asl';
import { createExecutionRecord, type ExecutionIdentity } from '@lockstep/engine';
import type { ExecutionRow, WorkItem } from '../store/records.js';
import { workId } from '../store/records.js';
import { serializeRecord } from './record-codec.js';

/** What starting an execution takes. */
export interface NewExecution {
  identity: ExecutionIdentity;
  /** The definition text the execution runs. */
  definition: string;
  input: Json;
  inputText: string;
  /** Epoch ms. */
  startDate: number;
  /** AWS's 25,000-event cap, when enforced. */
  historyEventLimit?: number;
}

/** The row to insert and the `Start` work item, due at the start date. */
export function newExecution(execution: NewExecution): { row: ExecutionRow; start: WorkItem } {
  const { identity, input, inputText, startDate } = execution;
  const record = createExecutionRecord(identity, {
    input,
    inputText,
    startTime: startDate,
    historyEventLimit: execution.historyEventLimit,
  });
  const row: ExecutionRow = {
    executionArn: identity.executionArn,
    stateMachineArn: identity.stateMachineArn,
    name: identity.name,
    status: 'RUNNING',
    startDate,
    inputText,
    definition: execution.definition,
    record: serializeRecord(record),
    version: 0,
  };
  if (identity.stateMachineVersionArn !== undefined) row.stateMachineVersionArn = identity.stateMachineVersionArn;
  if (identity.stateMachineAliasArn !== undefined) row.stateMachineAliasArn = identity.stateMachineAliasArn;
  const start: WorkItem = {
    id: workId(identity.executionArn, 'start'),
    executionArn: identity.executionArn,
    dueTime: startDate,
    payload: { kind: 'event', event: { type: 'Start' } },
  };
  return { row, start };
}
