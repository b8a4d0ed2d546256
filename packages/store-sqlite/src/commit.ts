/**
 * Applying a batch of changes: the hot path of the durable runtime (hundreds of changes per call, each an
 * execution update, a few history events and work items), run inside the caller's transaction.
 */
import type { Change, WorkItem } from '@lockstep/service';
import type { Statements } from './statements.js';

/**
 * Applies `changes` in order and returns, per change, whether it applied. A change over an execution starts
 * with the version-guarded update: when the stored version is not `expectedVersion` the update touches no
 * row and the change is skipped before anything of it is written, so no savepoint is needed. Changes of one
 * batch over the same execution chain naturally: each sees the version the previous one wrote.
 *
 * A statement that fails (a duplicate history event id, a duplicate task token) is a caller's bug: it throws,
 * and the caller's transaction rolls the whole batch back.
 */
export function applyChanges(sql: Statements, changes: readonly Change[]): boolean[] {
  const applied = new Array<boolean>(changes.length);
  for (let index = 0; index < changes.length; index++) applied[index] = applyChange(sql, changes[index]);
  return applied;
}

function applyChange(sql: Statements, change: Change): boolean {
  const execution = change.execution;
  if (execution !== undefined) {
    const executionId = sql.updateExecution.get(
      execution.record,
      execution.status,
      execution.stopDate,
      execution.outputText,
      execution.error,
      execution.cause,
      execution.executionArn,
      execution.expectedVersion,
    );
    if (executionId === undefined) return false;
    const redrive = execution.redrive;
    if (redrive !== undefined) sql.upsertRedrive.run(executionId, redrive.count, redrive.date, redrive.clientToken);
    if (change.events !== undefined) {
      for (const event of change.events) {
        sql.insertEvent.run(executionId, event.id, event.previousEventId, event.timestamp, event.type, event.details);
      }
    }
  } else if (change.events !== undefined && change.events.length > 0) {
    throw new TypeError('A change with history events must update their execution.');
  }
  if (change.deleteWork !== undefined) {
    for (const id of change.deleteWork) sql.deleteWork.run(id);
  }
  if (change.addWork !== undefined) {
    for (const item of change.addWork) addWorkItem(sql, item);
  }
  if (change.addTokens !== undefined) {
    for (const token of change.addTokens) {
      sql.insertToken.run(
        token.taskToken,
        token.executionArn,
        token.key,
        token.activityArn,
        token.inputText,
        token.createdDate,
        token.status,
        token.workerName,
      );
    }
  }
  if (change.closeTokens !== undefined) {
    for (const { executionArn, key } of change.closeTokens) sql.closeTokens.run(executionArn, key);
  }
  return true;
}

/** Adds a work item, or replaces the item with its id (lease included: the new item is free to claim). */
export function addWorkItem(sql: Statements, item: WorkItem): void {
  sql.upsertWork.run(item.id, item.executionArn, item.dueTime, JSON.stringify(item.payload));
}
