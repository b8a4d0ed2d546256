/**
 * The tasks of activities that are still open, read from the histories of running executions: no API operation lists
 * them without taking them (GetActivityTask hands a task to whoever calls it), but a running execution's history says
 * which activity tasks it scheduled (`ActivityScheduled`), which a worker took (`ActivityStarted`, which follows its
 * scheduled event) and which ended.
 */
import type { HistoryEvent } from '../api/types.js';

/** An open activity task. */
export interface PendingTask {
  activityArn: string;
  executionArn: string;
  /** The Task state that scheduled it. */
  stateName: string;
  /** Epoch seconds it was scheduled. */
  scheduled: number;
  /** The task's input (JSON text), as the worker receives it. */
  input?: string;
  /** The worker that took it; undefined while it waits for one. */
  workerName?: string;
}

const ENDED = new Set(['ActivitySucceeded', 'ActivityFailed', 'ActivityTimedOut', 'ActivityScheduleFailed']);

/** The open activity tasks of one running execution's history (events in id order). */
export function pendingTasks(executionArn: string, events: readonly HistoryEvent[]): PendingTask[] {
  const open = new Map<number, PendingTask>();
  /** The state each event belongs to: a state's events follow its Entered event. */
  let stateName = '';
  const stateOf = new Map<number, string>();
  for (const event of events) {
    const entered = event.stateEnteredEventDetails as { name?: string } | undefined;
    stateName = entered?.name ?? stateOf.get(event.previousEventId) ?? stateName;
    stateOf.set(event.id, stateName);
    if (event.type === 'ActivityScheduled') {
      const details = event.activityScheduledEventDetails as { resource: string; input?: string };
      open.set(event.id, {
        activityArn: details.resource,
        executionArn,
        stateName,
        scheduled: event.timestamp,
        input: details.input,
      });
    } else if (event.type === 'ActivityStarted') {
      const task = open.get(event.previousEventId);
      if (!task) continue;
      // Later events of the task follow its Started event.
      open.delete(event.previousEventId);
      const details = event.activityStartedEventDetails as { workerName?: string } | undefined;
      open.set(event.id, { ...task, workerName: details?.workerName ?? '' });
    } else if (ENDED.has(event.type) || event.type.endsWith('StateExited') || event.type.endsWith('StateAborted')) {
      open.delete(event.previousEventId);
    }
  }
  return [...open.values()];
}
