import { describe, expect, it } from 'vitest';
import { branch, details, machineOf, processor, run, shape } from './test-support.js';

/** A task handler that fails until `fixed` says otherwise, counting its calls per input. */
function flaky() {
  const calls: unknown[] = [];
  const state = { fixed: false };
  const handler = async (input: unknown) => {
    calls.push(input);
    if (!state.fixed) throw Object.assign(new Error('not yet'), { name: 'Flaky' });
    return { done: input };
  };
  return { calls, state, handler };
}

describe('redrive (RedriveExecution)', () => {
  it('continues a failed execution at the failed state, with its input, after ExecutionRedriven', async () => {
    const task = flaky();
    const r = await run(
      branch({
        Prepare: { Type: 'Pass', Result: { n: 1 }, Next: 'Work' },
        Work: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { 'n.$': '$.n', 'redrives.$': '$$.Execution.RedriveCount' },
          End: true,
        },
      }),
      {},
      { taskHandlers: { Work: task.handler } },
    );
    expect(r.status).toBe('FAILED');
    expect(shape(r.history).slice(-2)).toEqual(['7:TaskFailed<-6', '8:ExecutionFailed<-7']);

    task.state.fixed = true;
    const again = await r.redrive();
    expect(again.status).toBe('SUCCEEDED');
    expect(again.output).toEqual({ done: { n: 1, redrives: 1 } });
    expect(again.error).toBeUndefined();
    expect(shape(again.history).slice(8)).toEqual([
      '9:ExecutionRedriven<-8',
      '10:TaskStateEntered<-9',
      '11:TaskScheduled<-10',
      '12:TaskStarted<-11',
      '13:TaskSucceeded<-12',
      '14:TaskStateExited<-13',
      '15:ExecutionSucceeded<-14',
    ]);
    expect(details(again.history[8])).toEqual({ redriveCount: 1 });
    expect(details(again.history[9])).toMatchObject({ name: 'Work', input: '{"n":1}' });
    // The Pass state before it did not run again.
    expect(again.history.filter((e) => e.type === 'PassStateEntered')).toHaveLength(1);
  });

  it('gives the context object RedriveCount and RedriveTime', async () => {
    const r = await run(
      branch({
        Look: { Type: 'Pass', Parameters: { 'context.$': '$$.Execution' }, Next: 'Gate' },
        Gate: {
          Type: 'Choice',
          Choices: [{ Variable: '$.context.RedriveCount', NumericEquals: 0, Next: 'Boom' }],
          Default: 'Done',
        },
        Boom: { Type: 'Fail', Error: 'E' },
        Done: { Type: 'Pass', End: true },
      }),
    );
    expect(r.status).toBe('FAILED');
    // The Fail state runs again, and fails again: the redrive is counted.
    const again = await r.redrive();
    expect(again.status).toBe('FAILED');
    const third = await again.redrive();
    expect(third.history.filter((e) => e.type === 'ExecutionRedriven').map(details)).toEqual([
      { redriveCount: 1 },
      { redriveCount: 2 },
    ]);
    expect(third.history.filter((e) => e.type === 'FailStateEntered')).toHaveLength(3);
  });

  it('runs only the failed branches of a Parallel state again, keeping the results of the others', async () => {
    const task = flaky();
    const r = await run(
      machineOf('Parallel', 'P', {
        Branches: [
          branch({ Fine: { Type: 'Pass', Result: 'fine', End: true } }),
          branch({
            Before: { Type: 'Pass', Result: 'x', Next: 'Work' },
            Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true },
          }),
        ],
      }),
      {},
      { taskHandlers: { Work: task.handler } },
    );
    expect(r.status).toBe('FAILED');
    task.state.fixed = true;
    const again = await r.redrive();
    expect(again.status).toBe('SUCCEEDED');
    expect(again.output).toEqual(['fine', { done: 'x' }]);
    const redriven = again.history.slice(again.history.findIndex((e) => e.type === 'ExecutionRedriven'));
    expect(redriven.map((e) => e.type)).toEqual([
      'ExecutionRedriven',
      'ParallelStateEntered',
      'ParallelStateStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'ParallelStateSucceeded',
      'ParallelStateExited',
      'ExecutionSucceeded',
    ]);
    expect(task.calls).toEqual(['x', 'x']);
  });

  it('does not carry over the children of a Parallel state that failed and was caught', async () => {
    const task = flaky();
    const r = await run(
      branch({
        First: {
          Type: 'Parallel',
          Branches: [
            branch({ A: { Type: 'Pass', Result: 'a', End: true } }),
            branch({ B: { Type: 'Fail', Error: 'E' } }),
          ],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Second' }],
          Next: 'Second',
        },
        Second: {
          Type: 'Parallel',
          Branches: [
            branch({ Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } }),
            branch({ C: { Type: 'Pass', Result: 'c', End: true } }),
          ],
          End: true,
        },
      }),
      {},
      { taskHandlers: { Work: task.handler } },
    );
    expect(r.status).toBe('FAILED');
    task.state.fixed = true;
    const again = await r.redrive();
    expect(again.output).toEqual([{ done: { Error: 'E', Cause: null } }, 'c']);
  });

  it('runs only the failed iterations of a Map state again, in a nested Parallel too', async () => {
    const task = flaky();
    const failOn = new Set([1, 3]);
    const handler = async (input: unknown) => {
      const { v } = input as { v: number };
      return failOn.has(v) ? task.handler(input) : v * 10;
    };
    const r = await run(
      machineOf('Parallel', 'P', {
        Branches: [
          branch({
            M: {
              Type: 'Map',
              ItemProcessor: processor({
                Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true },
              }),
              ItemSelector: { 'v.$': '$$.Map.Item.Value' },
              ToleratedFailureCount: 1,
              End: true,
            },
          }),
        ],
      }),
      [0, 1, 2, 3],
      { taskHandlers: { Work: handler } },
    );
    expect(r.status).toBe('FAILED');
    expect(r.error).toBe('States.ExceedToleratedFailureThreshold');
    task.state.fixed = true;
    const again = await r.redrive();
    expect(again.status).toBe('SUCCEEDED');
    expect(again.output).toEqual([[0, { done: { v: 1 } }, 20, { done: { v: 3 } }]]);
    const redriven = again.history.slice(again.history.findIndex((e) => e.type === 'ExecutionRedriven'));
    expect(redriven.filter((e) => e.type === 'MapIterationStarted').map(details)).toEqual([
      { index: 1, name: 'M' },
      { index: 3, name: 'M' },
    ]);
    expect(details(redriven.find((e) => e.type === 'MapStateStarted')!)).toEqual({ length: 4 });
  });

  it("redrives a Distributed Map state's Map Run: only its children that did not succeed run again", async () => {
    const task = flaky();
    const handler = async (input: unknown) => ((input as number) === 2 ? task.handler(input) : (input as number) * 10);
    const r = await run(
      machineOf('Map', 'M', {
        ItemProcessor: processor(
          { Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } },
          { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        ),
      }),
      [1, 2, 3],
      { taskHandlers: { Work: handler } },
    );
    expect(r.status).toBe('FAILED');
    const started = details(r.history.find((e) => e.type === 'MapRunStarted')!);
    task.state.fixed = true;
    const again = await r.redrive();
    expect(again.status).toBe('SUCCEEDED');
    expect(again.output).toEqual([10, { done: 2 }, 30]);
    expect(task.calls).toEqual([2, 2]);
    const redriven = again.history.slice(again.history.findIndex((e) => e.type === 'ExecutionRedriven'));
    expect(redriven.map((e) => e.type)).toEqual([
      'ExecutionRedriven',
      'MapStateEntered',
      'MapStateStarted',
      'MapRunRedriven',
      'MapRunSucceeded',
      'MapStateSucceeded',
      'MapStateExited',
      'ExecutionSucceeded',
    ]);
    expect(details(redriven[3])).toEqual({ mapRunArn: started.mapRunArn, redriveCount: 1 });
  });

  it('starts the execution timeout again: TimeoutSeconds counts from the redrive', async () => {
    const r = await run({
      TimeoutSeconds: 15,
      ...branch({
        First: { Type: 'Wait', Seconds: 10, Next: 'Second' },
        Second: { Type: 'Wait', Seconds: 10, End: true },
      }),
    });
    expect(r.status).toBe('TIMED_OUT');
    const again = await r.redrive();
    expect(again.status).toBe('SUCCEEDED');
    const redriven = again.history.slice(again.history.findIndex((e) => e.type === 'ExecutionRedriven'));
    expect(redriven.map((e) => e.type)).toEqual([
      'ExecutionRedriven',
      'WaitStateEntered',
      'WaitStateExited',
      'ExecutionSucceeded',
    ]);
    expect(again.stopDate.getTime() - r.stopDate.getTime()).toBe(10_000);
  });

  it('refuses to redrive a succeeded execution', async () => {
    const r = await run(machineOf('Pass', 'P'));
    await expect(r.redrive()).rejects.toThrow('redrive: the execution is SUCCEEDED and cannot be redriven.');
  });
});
