import { describe, expect, it } from 'vitest';
import { runTestState } from './test-state.test-support.js';

const VALUES = { Values: ['first', 'second', 'third'] };
const THRESHOLD = {
  error: 'States.ExceedToleratedFailureThreshold',
  cause: 'The specified tolerated failure threshold was exceeded',
};

/** A Distributed Map's item processor, as LocalStack's AWS-validated templates have it. */
const processor = (startAt: string, state: object) => ({
  ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
  StartAt: startAt,
  States: { [startAt]: state },
});
const lambdaTask = {
  Type: 'Task',
  QueryLanguage: 'JSONata',
  Resource: 'arn:aws:states:::lambda:invoke',
  Arguments: { FunctionName: 'foo', Payload: 'bar' },
  End: true,
};

// Recorded: LocalStack's AWS-validated test_state_configuration snapshots (templates of the same names).
describe('a mocked Map (recorded)', () => {
  const BASE_MAP_STATE_CATCH = {
    Type: 'Map',
    QueryLanguage: 'JSONata',
    Items: '{% $states.input.Values %}',
    ItemProcessor: processor('TestState', lambdaTask),
    Catch: [
      { ErrorEquals: ['MockException'], Output: '{% $states %}', Next: 'HandleMockError' },
      { ErrorEquals: ['States.ExceedToleratedFailureThreshold'], Output: '{% $states %}', Next: 'HandleThreshold' },
    ],
    ToleratedFailureCount: 1,
    End: true,
  };

  it('takes the mocked result when the failed iterations are tolerated', async () => {
    const result = await runTestState(BASE_MAP_STATE_CATCH, VALUES, {
      mock: { result: [1, 1, 1] },
      stateConfiguration: { mapIterationFailureCount: 0 },
    });
    expect(result).toEqual({
      status: 'SUCCEEDED',
      output: [1, 1, 1],
      stages: {},
      map: { maxConcurrency: 0, toleratedFailureCount: 1 },
    });
  });

  it('fails with States.ExceedToleratedFailureThreshold beyond the tolerance, which Catch handles', async () => {
    const result = await runTestState(BASE_MAP_STATE_CATCH, VALUES, {
      mock: { result: [0, 0, 1] },
      stateConfiguration: { mapIterationFailureCount: 2 },
    });
    expect(result).toMatchObject({
      status: 'CAUGHT_ERROR',
      ...THRESHOLD,
      nextState: 'HandleThreshold',
      output: { input: VALUES, errorOutput: { Error: THRESHOLD.error, Cause: THRESHOLD.cause } },
      errorDetails: { catchIndex: 1 },
      map: { maxConcurrency: 0, toleratedFailureCount: 1 },
    });
  });

  const MAP_TASK_STATE = {
    Type: 'Map',
    QueryLanguage: 'JSONata',
    Items: '{% $states.input.Values %}',
    ItemProcessor: processor('TestState', lambdaTask),
    Output: {
      result: "{% $map($states.result, function($v) { $v = 1 ? 'pass' : 'failed' }) %}",
      successCount: '{% $count($states.result[$ = 1]) %}',
      failedCount: '{% $count($states.result[$ = 0]) %}',
    },
    ToleratedFailureCount: 1,
    Retry: [
      { ErrorEquals: ['MockException'], MaxAttempts: 3 },
      { ErrorEquals: ['States.ExceedToleratedFailureThreshold'], MaxAttempts: 2 },
    ],
    Catch: [
      {
        ErrorEquals: ['States.ExceedToleratedFailureThreshold'],
        Output: '{% $states %}',
        Next: 'HandleThresholdExceeded',
      },
      { ErrorEquals: ['MockException'], Output: '{% $states %}', Next: 'HandleMockException' },
    ],
    End: true,
  };

  it("shapes the mocked result with the Map's Output", async () => {
    const result = await runTestState(MAP_TASK_STATE, VALUES, {
      mock: { result: [1, 1, 1] },
      stateConfiguration: { mapIterationFailureCount: 0 },
    });
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { result: ['pass', 'pass', 'pass'], successCount: 3, failedCount: 0 },
    });
  });

  it('answers RETRIABLE when a retrier matches the exceeded threshold', async () => {
    const result = await runTestState(MAP_TASK_STATE, VALUES, {
      mock: { result: [0, 0, 1] },
      stateConfiguration: { mapIterationFailureCount: 2 },
    });
    expect(result).toEqual({
      status: 'RETRIABLE',
      ...THRESHOLD,
      stages: {},
      errorDetails: { retryIndex: 1, retryBackoffIntervalSeconds: 1 },
      map: { maxConcurrency: 0, toleratedFailureCount: 1 },
    });
  });

  it('ignores failed iterations when the Map declares no tolerance', async () => {
    const BASE_MAP_STATE = {
      Type: 'Map',
      QueryLanguage: 'JSONata',
      Items: '{% $states.input.Values %}',
      ItemProcessor: processor('TestState', lambdaTask),
      Output: '{% $states.result %}',
      End: true,
    };
    const result = await runTestState(BASE_MAP_STATE, VALUES, {
      mock: { result: [0, 0, 1] },
      stateConfiguration: { mapIterationFailureCount: 2 },
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: [0, 0, 1] });
  });

  const BASE_MAP_STATE_MACHINE = {
    StartAt: 'State0',
    States: {
      State0: {
        Type: 'Map',
        ItemsPath: '$.Values',
        ItemProcessor: processor('HandleItem', { Type: 'Pass', End: true }),
        ToleratedFailureCount: 2,
        End: true,
      },
    },
  };

  it.each([0, 2])('fails with the error of the state inside whatever the tolerance (%i failures)', async (failures) => {
    const result = await runTestState(BASE_MAP_STATE_MACHINE, VALUES, {
      stateName: 'State0',
      mock: { errorOutput: { error: 'MockException', cause: 'Mock the error cause.' } },
      stateConfiguration: { mapIterationFailureCount: failures, errorCausedByState: 'HandleItem' },
    });
    expect(result).toEqual({
      status: 'FAILED',
      error: 'MockException',
      cause: 'Mock the error cause.',
      stages: { afterInputPath: VALUES, afterItemsPath: VALUES.Values },
      map: { maxConcurrency: 0, toleratedFailureCount: 2 },
    });
  });

  it("reads the ItemReader's items from mapItemReaderData", async () => {
    const MAP_ITEM_READER_STATE_MACHINE = {
      QueryLanguage: 'JSONata',
      StartAt: 'State0',
      States: {
        State0: {
          Type: 'Map',
          MaxConcurrency: 1,
          ItemReader: {
            ReaderConfig: { InputType: 'JSON' },
            Resource: 'arn:aws:states:::s3:getObject',
            Arguments: { Bucket: '{% $states.input.Bucket %}', Key: '{% $states.input.Key %}' },
          },
          ItemProcessor: processor('HandleItem', { Type: 'Pass', End: true }),
          End: true,
        },
      },
    };
    const result = await runTestState(
      MAP_ITEM_READER_STATE_MACHINE,
      { Bucket: 'test-bucket', Key: 'test-key' },
      { stateName: 'State0', mock: { result: [1, 4, 9] }, stateConfiguration: { mapItemReaderData: '[1,2,3]' } },
    );
    expect(result).toEqual({ status: 'SUCCEEDED', output: [1, 4, 9], stages: {}, map: { maxConcurrency: 1 } });
  });
});

describe('a mocked Map', () => {
  it('applies ItemsPath and ItemSelector to the input and ResultSelector, ResultPath, OutputPath to the mock', async () => {
    const definition = {
      Type: 'Map',
      ItemsPath: '$.items',
      ItemSelector: { 'v.$': '$$.Map.Item.Value', 'i.$': '$$.Map.Item.Index' },
      ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
      ResultSelector: { 'n.$': 'States.ArrayLength($)' },
      ResultPath: '$.out',
      OutputPath: '$.out',
      Next: 'After',
    };
    const input = { items: [1, 2], meta: 'm' };
    expect(await runTestState(definition, input, { mock: { result: [10, 20] } })).toEqual({
      status: 'SUCCEEDED',
      output: { n: 2 },
      nextState: 'After',
      stages: {
        afterInputPath: input,
        afterItemsPath: [1, 2],
        afterItemSelector: [
          { v: 1, i: 0 },
          { v: 2, i: 1 },
        ],
        afterResultSelector: { n: 2 },
        afterResultPath: { ...input, out: { n: 2 } },
      },
      map: { maxConcurrency: 0 },
    });
  });

  it("shows a Distributed Map's ItemBatcher stage: the batches its child executions receive", async () => {
    const definition = {
      Type: 'Map',
      ItemsPath: '$.items',
      ItemBatcher: { MaxItemsPerBatch: 2, BatchInput: { 'tag.$': '$.tag' } },
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'P',
        States: { P: { Type: 'Pass', End: true } },
      },
      End: true,
    };
    const result = await runTestState(definition, { items: [1, 2, 3], tag: 't' }, { mock: { result: [] } });
    expect(result.stages.afterItemBatcher).toEqual([
      { BatchInput: { tag: 't' }, Items: [1, 2] },
      { BatchInput: { tag: 't' }, Items: [3] },
    ]);
  });

  it('fails as the Map would when its items are not an array', async () => {
    const definition = {
      Type: 'Map',
      ItemsPath: '$.items',
      ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
      End: true,
    };
    expect(await runTestState(definition, { items: 'no' }, { mock: { result: [] } })).toMatchObject({
      status: 'FAILED',
      error: 'States.Runtime',
      cause: expect.stringContaining('Map state input must be an array but was: "no"'),
    });
  });

  it('rejects a failure count above the number of iterations', async () => {
    const definition = {
      Type: 'Map',
      ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
      End: true,
    };
    await expect(
      runTestState(definition, [1], { mock: { result: [] }, stateConfiguration: { mapIterationFailureCount: 2 } }),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Map iteration failure count must be less than or equal to the number of Map iterations',
    });
  });
});

describe('a mocked Parallel', () => {
  const branch = (name: string) => ({ StartAt: name, States: { [name]: { Type: 'Pass', End: true } } });

  it('takes one result per branch through ResultSelector and ResultPath, reporting only those stages', async () => {
    const definition = {
      Type: 'Parallel',
      InputPath: '$.p',
      Branches: [branch('A'), branch('B')],
      ResultSelector: { 'first.$': '$[0]' },
      ResultPath: '$.r',
      End: true,
    };
    const input = { p: { x: 1 } };
    const output = { p: { x: 1 }, r: { first: 'a' } };
    expect(await runTestState(definition, input, { mock: { result: ['a', 'b'] } })).toEqual({
      status: 'SUCCEEDED',
      output,
      stages: { afterResultSelector: { first: 'a' }, afterResultPath: output },
    });
  });

  it('rejects a mocked result that is not one item per branch', async () => {
    const definition = { Type: 'Parallel', Branches: [branch('A'), branch('B')], End: true };
    await expect(runTestState(definition, {}, { mock: { result: ['a'] } })).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Mocked result must contain the same number of items as number of Parallel branches.',
    });
  });

  it('is caught by its Catch when the mocked error comes from a state inside', async () => {
    const definition = {
      Type: 'Parallel',
      Branches: [branch('A'), branch('B')],
      Catch: [{ ErrorEquals: ['States.TaskFailed'], ResultPath: '$.error', Next: 'Handle' }],
      End: true,
    };
    const result = await runTestState(
      definition,
      { data: 1 },
      {
        mock: { errorOutput: { error: 'States.TaskFailed', cause: 'bad' } },
        stateConfiguration: { errorCausedByState: 'B' },
      },
    );
    expect(result).toEqual({
      status: 'CAUGHT_ERROR',
      error: 'States.TaskFailed',
      cause: 'bad',
      nextState: 'Handle',
      output: { data: 1, error: { Error: 'States.TaskFailed', Cause: 'bad' } },
      stages: {},
      errorDetails: { catchIndex: 0 },
    });
  });
});
