import { describe, expect, it } from 'vitest';
import { branch, details, machineOf, processor, run, shape } from '../test-support.js';

describe('Map state (inline)', () => {
  it("records AWS's iteration events and previousEventIds (MaxConcurrency 1)", async () => {
    const r = await run(
      machineOf('Map', 'M', { MaxConcurrency: 1, ItemProcessor: processor({ P: { Type: 'Pass', End: true } }) }),
      [1, 2],
    );
    expect(r.output).toEqual([1, 2]);
    expect(shape(r.history)).toEqual([
      '1:ExecutionStarted<-0',
      '2:MapStateEntered<-0',
      '3:MapStateStarted<-2',
      '4:MapIterationStarted<-3',
      '5:PassStateEntered<-4',
      '6:PassStateExited<-5',
      '7:MapIterationSucceeded<-6',
      '8:MapIterationStarted<-6',
      '9:PassStateEntered<-8',
      '10:PassStateExited<-9',
      '11:MapIterationSucceeded<-10',
      '12:MapStateSucceeded<-11',
      '13:MapStateExited<-11',
      '14:ExecutionSucceeded<-13',
    ]);
    expect(details(r.history[2])).toEqual({ length: 2 });
    expect(details(r.history[3])).toEqual({ index: 0, name: 'M' });
  });

  it('fails after MapStateSucceeded when its own ResultSelector fails, as a Parallel does', async () => {
    const r = await run(
      machineOf('Map', 'M', {
        ItemProcessor: processor({ P: { Type: 'Pass', End: true } }),
        ResultSelector: { 'm.$': '$.x' },
      }),
      [1],
    );
    expect(shape(r.history).slice(-3)).toEqual([
      '7:MapIterationSucceeded<-6',
      '8:MapStateSucceeded<-7',
      '9:ExecutionFailed<-8',
    ]);
  });

  it('starts every iteration before running them when concurrency is unlimited', async () => {
    const r = await run(
      machineOf('Map', 'M', { ItemProcessor: processor({ P: { Type: 'Pass', End: true } }) }),
      [1, 2],
    );
    expect(shape(r.history).slice(3, 6)).toEqual([
      '4:MapIterationStarted<-3',
      '5:MapIterationStarted<-3',
      '6:PassStateEntered<-4',
    ]);
  });

  it('selects items with ItemsPath and shapes each with ItemSelector and $$.Map.Item', async () => {
    const r = await run(
      machineOf('Map', 'M', {
        ItemsPath: '$.items',
        ItemSelector: { 'v.$': '$$.Map.Item.Value', 'i.$': '$$.Map.Item.Index', 'k.$': '$.k' },
        ItemProcessor: processor({ P: { Type: 'Pass', End: true } }),
        ResultPath: '$.out',
      }),
      { items: ['a', 'b'], k: 0 },
    );
    expect(r.output).toEqual({
      items: ['a', 'b'],
      k: 0,
      out: [
        { v: 'a', i: 0, k: 0 },
        { v: 'b', i: 1, k: 0 },
      ],
    });
  });

  it('accepts the legacy Iterator and Parameters fields', async () => {
    const r = await run(
      machineOf('Map', 'M', {
        Parameters: { 'x.$': '$$.Map.Item.Value' },
        Iterator: branch({ P: { Type: 'Pass', End: true } }),
      }),
      [7],
    );
    expect(r.output).toEqual([{ x: 7 }]);
  });

  it('fails with the failing iteration error, aborting running iterations', async () => {
    const r = await run(
      machineOf('Map', 'M', {
        ItemProcessor: processor({
          C: { Type: 'Choice', Choices: [{ Variable: '$', NumericEquals: 1, Next: 'F' }], Default: 'W' },
          W: { Type: 'Wait', Seconds: 5, End: true },
          F: { Type: 'Fail', Error: 'E', Cause: 'c' },
        }),
      }),
      [0, 1],
    );
    expect([r.status, r.error, r.cause]).toEqual(['FAILED', 'E', 'c']);
    expect(r.history.map((e) => e.type).slice(-5)).toEqual([
      'MapIterationFailed',
      'WaitStateAborted',
      'MapIterationAborted',
      'MapStateFailed',
      'ExecutionFailed',
    ]);
  });

  it('fails with States.Runtime when MaxConcurrencyPath is not an integer', async () => {
    const r = await run(
      machineOf('Map', 'MapState', {
        ItemsPath: '$.v',
        MaxConcurrencyPath: '$.m',
        ItemProcessor: processor({ P: { Type: 'Pass', End: true } }),
      }),
      { v: [1], m: 'NoNumber' },
    );
    expect(r.cause).toBe(
      'An error occurred while executing the state \'MapState\' (entered at the event id #2). The MaxConcurrencyPath field refers to value "NoNumber" which is not a valid integer: $.m',
    );
  });

  it('tolerates failures up to ToleratedFailureCount, then fails with ExceedToleratedFailureThreshold', async () => {
    const def = (count: number) =>
      machineOf('Map', 'M', {
        ToleratedFailureCount: count,
        ItemProcessor: processor({
          C: { Type: 'Choice', Choices: [{ Variable: '$', NumericLessThan: 2, Next: 'F' }], Default: 'P' },
          F: { Type: 'Fail', Error: 'E' },
          P: { Type: 'Pass', End: true },
        }),
      });
    expect((await run(def(2), [0, 1, 2])).status).toBe('SUCCEEDED');
    const failed = await run(def(1), [0, 1, 2]);
    expect([failed.error, failed.cause]).toEqual([
      'States.ExceedToleratedFailureThreshold',
      'The specified tolerated failure threshold was exceeded',
    ]);
  });
});

describe('Map state (distributed)', () => {
  it('runs items as child executions and records only the Map Run events', async () => {
    const r = await run(
      machineOf('Map', 'M', {
        ItemProcessor: processor(
          { P: { Type: 'Pass', Parameters: { 'v.$': '$' }, End: true } },
          { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        ),
      }),
      [1, 2],
    );
    expect(r.output).toEqual([{ v: 1 }, { v: 2 }]);
    expect(shape(r.history)).toEqual([
      '1:ExecutionStarted<-0',
      '2:MapStateEntered<-0',
      '3:MapStateStarted<-2',
      '4:MapRunStarted<-3',
      '5:MapRunSucceeded<-4',
      '6:MapStateSucceeded<-5',
      '7:MapStateExited<-5',
      '8:ExecutionSucceeded<-7',
    ]);
    expect(details(r.history[3]).mapRunArn).toMatch(
      /^arn:aws:states:us-east-1:111111111111:mapRun:StateMachine\/M:[0-9a-f-]{36}$/,
    );
  });

  it('puts null where a tolerated failure left no output', async () => {
    const r = await run(
      machineOf('Map', 'M', {
        ToleratedFailureCount: 1,
        ItemProcessor: processor(
          {
            Check: { Type: 'Choice', Choices: [{ Variable: '$', NumericEquals: 2, Next: 'Boom' }], Default: 'Ok' },
            Ok: { Type: 'Pass', End: true },
            Boom: { Type: 'Fail', Error: 'Item.Failed' },
          },
          { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        ),
      }),
      [1, 2, 3],
    );
    expect(r.output).toStrictEqual([1, null, 3]);
  });
});
