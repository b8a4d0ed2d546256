import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../api/types.js';
import { pendingTasks } from './pending-tasks.js';

const ACTIVITY = 'arn:aws:states:us-east-1:123456789012:activity:approve';
const EXECUTION = 'arn:aws:states:us-east-1:123456789012:execution:m:e';

let nextId = 1;
function event(type: string, previousEventId: number, details?: Record<string, unknown>): HistoryEvent {
  const key = type.endsWith('StateEntered')
    ? 'stateEnteredEventDetails'
    : `${type[0].toLowerCase()}${type.slice(1)}EventDetails`;
  return { id: nextId++, previousEventId, type, timestamp: 1_700_000_000 + nextId, ...(details && { [key]: details }) };
}

/** A Task state entering and scheduling an activity task; returns its events. */
function scheduled(state: string, previous: number, input: string): HistoryEvent[] {
  const entered = event('TaskStateEntered', previous, { name: state, input: '{}' });
  return [entered, event('ActivityScheduled', entered.id, { resource: ACTIVITY, input })];
}

describe('pendingTasks', () => {
  it('lists a scheduled task as waiting, a started one with its worker, and not an ended one', () => {
    nextId = 1;
    const started = event('ExecutionStarted', 0);
    const parallel = event('ParallelStateEntered', started.id, { name: 'Both' });
    const waiting = scheduled('Ask Alice', parallel.id, '{"who":"alice"}');
    const taken = scheduled('Ask Bob', parallel.id, '{"who":"bob"}');
    const bobStarted = event('ActivityStarted', taken[1].id, { workerName: 'bob-laptop' });
    const done = scheduled('Ask Carol', parallel.id, '{}');
    const carolStarted = event('ActivityStarted', done[1].id, { workerName: 'w' });
    const carolSucceeded = event('ActivitySucceeded', carolStarted.id, { output: '{}' });
    const events = [started, parallel, ...waiting, ...taken, bobStarted, ...done, carolStarted, carolSucceeded];
    expect(pendingTasks(EXECUTION, events)).toEqual([
      {
        activityArn: ACTIVITY,
        executionArn: EXECUTION,
        stateName: 'Ask Alice',
        scheduled: waiting[1].timestamp,
        input: '{"who":"alice"}',
      },
      {
        activityArn: ACTIVITY,
        executionArn: EXECUTION,
        stateName: 'Ask Bob',
        scheduled: taken[1].timestamp,
        input: '{"who":"bob"}',
        workerName: 'bob-laptop',
      },
    ]);
  });

  it('drops a task that timed out before a worker took it', () => {
    nextId = 1;
    const started = event('ExecutionStarted', 0);
    const task = scheduled('Ask', started.id, '{}');
    const timedOut = event('ActivityTimedOut', task[1].id, { error: 'States.Timeout' });
    expect(pendingTasks(EXECUTION, [started, ...task, timedOut])).toEqual([]);
  });
});
