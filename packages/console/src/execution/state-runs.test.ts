import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../api/types.js';
import { analyseHistory, stateStatuses } from './state-runs.js';

/** Events from `[id, previousEventId, type, details]`, as GetExecutionHistory sends them. */
function history(rows: [number, number, string, Record<string, unknown>?][]): HistoryEvent[] {
  return rows.map(([id, previousEventId, type, details]) => {
    const key = /State(Entered|Exited)$/.test(type)
      ? `state${type.endsWith('Entered') ? 'Entered' : 'Exited'}EventDetails`
      : `${type[0].toLowerCase()}${type.slice(1)}EventDetails`;
    return { id, previousEventId, type, timestamp: 1000 + id, ...(details ? { [key]: details } : {}) };
  });
}

describe('analyseHistory', () => {
  it('shows the latest attempt of a redriven execution: a failed iteration that succeeded once redriven', () => {
    const { runs, iterations } = analyseHistory(
      history([
        [1, 0, 'ExecutionStarted', { input: '[1,2]' }],
        [2, 0, 'MapStateEntered', { name: 'M', input: '[1,2]' }],
        [3, 2, 'MapStateStarted', { length: 2 }],
        [4, 3, 'MapIterationStarted', { index: 0, name: 'M' }],
        [5, 3, 'MapIterationStarted', { index: 1, name: 'M' }],
        [6, 4, 'PassStateEntered', { name: 'Work', input: '1' }],
        [7, 6, 'PassStateExited', { name: 'Work', output: '1' }],
        [8, 7, 'MapIterationSucceeded', { index: 0, name: 'M' }],
        [9, 5, 'FailStateEntered', { name: 'Boom', input: '2' }],
        [10, 9, 'MapIterationFailed', { index: 1, name: 'M' }],
        [11, 10, 'MapStateFailed'],
        [12, 11, 'ExecutionFailed', { error: 'E' }],
        [13, 12, 'ExecutionRedriven', { redriveCount: 1 }],
        [14, 13, 'MapStateEntered', { name: 'M', input: '[1,2]' }],
        [15, 14, 'MapStateStarted', { length: 2 }],
        [16, 15, 'MapIterationStarted', { index: 1, name: 'M' }],
        [17, 16, 'PassStateEntered', { name: 'Boom', input: '2' }],
        [18, 17, 'PassStateExited', { name: 'Boom', output: '2' }],
        [19, 18, 'MapIterationSucceeded', { index: 1, name: 'M' }],
        [20, 19, 'MapStateSucceeded'],
        [21, 19, 'MapStateExited', { name: 'M', output: '[1,2]' }],
        [22, 21, 'ExecutionSucceeded', { output: '[1,2]' }],
      ]),
    );
    expect(Object.fromEntries(stateStatuses(runs))).toEqual({ M: 'succeeded', Work: 'succeeded', Boom: 'succeeded' });
    expect(iterations.get('M')).toEqual([
      { index: 0, status: 'succeeded' },
      { index: 1, status: 'succeeded' },
    ]);
    expect(runs.filter((r) => r.name === 'M').map((r) => `${r.status}:${r.redrives}`)).toEqual([
      'failed:0',
      'succeeded:1',
    ]);
  });

  it('colours a retried Parallel whose branch fails, then caught (examples/retry-catch)', () => {
    const { runs } = analyseHistory(
      history([
        [1, 0, 'ExecutionStarted', { input: '{}' }],
        [2, 0, 'ParallelStateEntered', { name: 'Charge and reserve', input: '{}' }],
        [3, 2, 'ParallelStateStarted'],
        [4, 3, 'PassStateEntered', { name: 'Charge card', input: '{}' }],
        [5, 4, 'PassStateExited', { name: 'Charge card', output: '{}' }],
        [6, 3, 'FailStateEntered', { name: 'Reserve stock', input: '{}' }],
        [7, 6, 'ParallelStateStarted'],
        [8, 7, 'FailStateEntered', { name: 'Reserve stock', input: '{}' }],
        [9, 8, 'ParallelStateFailed'],
        [10, 9, 'ParallelStateExited', { name: 'Charge and reserve', output: '{"failure":{}}' }],
        [11, 10, 'PassStateEntered', { name: 'Apologize', input: '{}' }],
        [12, 11, 'PassStateExited', { name: 'Apologize', output: '{}' }],
        [13, 12, 'ExecutionSucceeded', { output: '{}' }],
      ]),
    );
    const statuses = stateStatuses(runs);
    expect(Object.fromEntries(statuses)).toEqual({
      'Charge and reserve': 'caught',
      'Charge card': 'succeeded',
      'Reserve stock': 'failed',
      Apologize: 'succeeded',
    });
    expect(runs.find((r) => r.name === 'Charge and reserve')?.retries).toBe(1);
  });

  it("puts a failed Task's error on the Task, and a retry counts", () => {
    const { runs } = analyseHistory(
      history([
        [1, 0, 'ExecutionStarted', { input: '{}' }],
        [2, 0, 'TaskStateEntered', { name: 'Pay', input: '{"a":1}' }],
        [3, 2, 'TaskScheduled', { resourceType: 'lambda', resource: 'invoke' }],
        [4, 3, 'TaskFailed', { error: 'Boom', cause: 'first' }],
        [5, 4, 'TaskScheduled', { resourceType: 'lambda', resource: 'invoke' }],
        [6, 5, 'TaskFailed', { error: 'Boom', cause: 'second' }],
        [7, 6, 'ExecutionFailed', { error: 'Boom', cause: 'second' }],
      ]),
    );
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ name: 'Pay', status: 'failed', error: 'Boom', cause: 'second', retries: 1 });
    expect(runs[0].resource).toBe('lambda:invoke');
  });

  it('marks the state a States.Runtime error stopped in as failed, with the error (no failure event of its own)', () => {
    const { runs } = analyseHistory(
      history([
        [1, 0, 'ExecutionStarted', { input: '{}' }],
        [2, 0, 'PassStateEntered', { name: 'Greet', input: '{}' }],
        [3, 2, 'ExecutionFailed', { error: 'States.Runtime', cause: 'no $.name' }],
      ]),
    );
    expect(runs.map((r) => [r.name, r.status, r.error, r.cause])).toEqual([
      ['Greet', 'failed', 'States.Runtime', 'no $.name'],
    ]);
  });

  it("gives a Fail state the execution's error", () => {
    const { runs } = analyseHistory(
      history([
        [1, 0, 'ExecutionStarted', { input: '{}' }],
        [2, 0, 'FailStateEntered', { name: 'Nope', input: '{}' }],
        [3, 2, 'ExecutionFailed', { error: 'E', cause: 'C' }],
      ]),
    );
    expect(runs[0]).toMatchObject({ status: 'failed', error: 'E', cause: 'C' });
  });

  it('tells Map iterations apart (examples/map-inline)', () => {
    const { runs, iterations } = analyseHistory(
      history([
        [1, 0, 'ExecutionStarted', { input: '{}' }],
        [2, 0, 'MapStateEntered', { name: 'Label lines', input: '{}' }],
        [3, 2, 'MapStateStarted', { length: 2 }],
        [4, 3, 'MapIterationStarted', { index: 0, name: 'Label lines' }],
        [5, 3, 'MapIterationStarted', { index: 1, name: 'Label lines' }],
        [6, 4, 'PassStateEntered', { name: 'Label', input: '{"i":0}' }],
        [7, 6, 'PassStateExited', { name: 'Label', output: '{"n":1}' }],
        [8, 7, 'MapIterationSucceeded', { index: 0, name: 'Label lines' }],
        [9, 5, 'FailStateEntered', { name: 'Label', input: '{"i":1}' }],
        [10, 9, 'MapIterationFailed', { index: 1, name: 'Label lines' }],
        [11, 10, 'MapStateFailed'],
        [12, 11, 'ExecutionFailed', { error: 'X', cause: 'Y' }],
      ]),
    );
    expect(iterations.get('Label lines')).toEqual([
      { index: 0, status: 'succeeded' },
      { index: 1, status: 'failed' },
    ]);
    expect(runs.map((r) => [r.name, r.iteration?.index])).toEqual([
      ['Label lines', undefined],
      ['Label', 0],
      ['Label', 1],
    ]);
    expect(stateStatuses(runs, { map: 'Label lines', index: 0 }).get('Label')).toBe('succeeded');
    expect(stateStatuses(runs).get('Label')).toBe('failed');
    expect(stateStatuses(runs).get('Label lines')).toBe('failed');
  });

  it("gives a Distributed Map's run the Map Run of each attempt (one failed: MapRunFailed, then retried)", () => {
    const first = 'arn:aws:states:us-east-1:123456789012:mapRun:dmap/Items:1';
    const second = 'arn:aws:states:us-east-1:123456789012:mapRun:dmap/Items:2';
    const { runs } = analyseHistory(
      history([
        [1, 0, 'ExecutionStarted', { input: '[]' }],
        [2, 0, 'MapStateEntered', { name: 'Each', input: '[1]' }],
        [3, 2, 'MapStateStarted', { length: 1 }],
        [4, 3, 'MapRunStarted', { mapRunArn: first }],
        [5, 4, 'MapRunFailed', { error: 'States.ExceedToleratedFailureThreshold', cause: 'too many' }],
        [6, 5, 'MapStateStarted', { length: 1 }],
        [7, 6, 'MapRunStarted', { mapRunArn: second }],
        [8, 7, 'MapRunSucceeded'],
        [9, 8, 'MapStateSucceeded'],
        [10, 8, 'MapStateExited', { name: 'Each', output: '[1]' }],
        [11, 10, 'ExecutionSucceeded', { output: '[1]' }],
      ]),
    );
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ name: 'Each', status: 'succeeded', retries: 1 });
    expect(runs[0].mapRunArns).toEqual([first, second]);
  });
});
