import { describe, expect, it } from 'vitest';
import { branch, machineOf, run, shape } from '../test-support.js';

describe('Parallel state', () => {
  it('runs every branch on the same input and outputs their results in order', async () => {
    const r = await run(
      machineOf('Parallel', 'P', {
        Branches: [
          branch({ A: { Type: 'Pass', Parameters: { 'b.$': '$.x' }, End: true } }),
          branch({ B: { Type: 'Wait', Seconds: 10, Next: 'B2' }, B2: { Type: 'Pass', Result: 2, End: true } }),
        ],
        ResultPath: '$.out',
      }),
      { x: 1 },
    );
    expect(r.output).toEqual({ x: 1, out: [{ b: 1 }, 2] });
    expect(r.history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'ParallelStateEntered',
      'ParallelStateStarted',
      'PassStateEntered',
      'PassStateExited',
      'WaitStateEntered',
      'WaitStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ParallelStateSucceeded',
      'ParallelStateExited',
      'ExecutionSucceeded',
    ]);
  });

  // 3P-measured on AWS by floci (its AslExecutorBranchHistoryEventsTest, read off us-east-1 for its issue 2868).
  it('fails after ParallelStateSucceeded when its own ResultSelector fails', async () => {
    const r = await run(
      machineOf('Parallel', 'P', {
        Branches: [branch({ Ok: { Type: 'Pass', End: true } })],
        ResultSelector: { 'm.$': '$.nope' },
      }),
      { x: 'a' },
    );
    expect(r.history.map((e) => [e.type, e.id, e.previousEventId])).toEqual([
      ['ExecutionStarted', 1, 0],
      ['ParallelStateEntered', 2, 0],
      ['ParallelStateStarted', 3, 2],
      ['PassStateEntered', 4, 3],
      ['PassStateExited', 5, 4],
      ['ParallelStateSucceeded', 6, 5],
      ['ExecutionFailed', 7, 6],
    ]);
    expect(r.cause).toBe(
      "An error occurred while executing the state 'P' (entered at the event id #2). The JSONPath '$.nope' " +
        'specified for the field \'m.$\' could not be found in the input \'[{"x":"a"}]\'',
    );
  });

  it("propagates a failing branch's own error and aborts the running siblings", async () => {
    const r = await run(
      machineOf(
        'Parallel',
        'P',
        {
          Branches: [
            branch({ Slow: { Type: 'Wait', Seconds: 100, End: true } }),
            branch({ Boom: { Type: 'Fail', Error: 'FailureType', Cause: 'broken' } }),
          ],
          Catch: [{ ErrorEquals: ['FailureType'], Next: 'Caught' }],
        },
        { Caught: { Type: 'Pass', End: true } },
      ),
    );
    expect(r.output).toEqual({ Error: 'FailureType', Cause: 'broken' });
    expect(r.history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'ParallelStateEntered',
      'ParallelStateStarted',
      'WaitStateEntered',
      'FailStateEntered',
      'WaitStateAborted',
      'ParallelStateFailed',
      'ParallelStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('retries the whole Parallel', async () => {
    let calls = 0;
    const r = await run(
      machineOf('Parallel', 'P', {
        Branches: [branch({ T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } })],
        Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }],
      }),
      {},
      {
        taskHandlers: {
          T: () => {
            if (++calls < 2) throw new Error('flaky');
            return 'ok';
          },
        },
      },
    );
    expect(r.output).toEqual(['ok']);
    expect(r.history.filter((e) => e.type === 'ParallelStateStarted')).toHaveLength(2);
    expect(shape(r.history).at(-1)).toMatch(/ExecutionSucceeded/);
  });
});
