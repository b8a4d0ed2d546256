import type { TaskHandler } from '@lockstep/engine';
import { describe, expect, it } from 'vitest';
import { failureOf, testContext } from '../test-support.js';
import { testStateOperations } from './test-state.js';

const roleArn = 'arn:aws:iam::123456789012:role/TestRole';
const lambda = 'arn:aws:states:::lambda:invoke';

function operation(taskHandlers?: Record<string, TaskHandler>) {
  return testStateOperations(testContext({ taskHandlers })).TestState;
}

const testState = operation();
const json = (value: unknown) => JSON.stringify(value);

describe('TestState', () => {
  it('reports every stage of a Pass with Parameters and ResultPath at DEBUG (recorded IO_PASS_STATE)', async () => {
    const input = {
      initialData: { fieldFromInput: 'value from input', otherField: 'other' },
      unrelatedData: { someOtherField: 1234 },
    };
    const definition = {
      Type: 'Pass',
      InputPath: '$.initialData',
      Parameters: { staticValue: 'some value', 'inputValue.$': '$.fieldFromInput' },
      ResultPath: '$.modifiedData',
      End: true,
    };
    const modified = { staticValue: 'some value', inputValue: 'value from input' };
    const output = { ...input, modifiedData: modified };
    expect(await testState({ definition: json(definition), input: json(input), inspectionLevel: 'DEBUG' })).toEqual({
      status: 'SUCCEEDED',
      output: json(output),
      inspectionData: {
        input: json(input),
        afterInputPath: json(input.initialData),
        afterParameters: json(modified),
        afterResultSelector: json(modified),
        afterResultPath: json(output),
      },
    });
    // INFO answers no inspection data.
    expect(await testState({ definition: json(definition), input: json(input) })).toEqual({
      status: 'SUCCEEDED',
      output: json(output),
    });
  });

  it('reports a Pass Result as `result`, without the InputPath and Parameters stages (recorded)', async () => {
    const definition = { Type: 'Pass', Result: { resultKey: 'result value' }, End: true };
    const result = await testState({
      definition: json(definition),
      input: '{"Value":"HelloWorld"}',
      inspectionLevel: 'TRACE',
    });
    expect(result.inspectionData).toEqual({
      input: '{"Value":"HelloWorld"}',
      result: '{"resultKey":"result value"}',
      afterResultSelector: '{"resultKey":"result value"}',
      afterResultPath: '{"resultKey":"result value"}',
    });
  });

  it("answers a Choice's next state (recorded BASE_CHOICE_STATE)", async () => {
    const definition = {
      Type: 'Choice',
      Choices: [
        { Variable: '$.value', NumericGreaterThanEquals: 30, Next: 'ValueInThirties' },
        { Variable: '$.value', NumericGreaterThanEquals: 20, Next: 'ValueInTwenties' },
      ],
      Default: 'DefaultState',
    };
    const input = '{"type":"Private","value":22}';
    expect(await testState({ definition: json(definition), input, inspectionLevel: 'DEBUG' })).toEqual({
      status: 'SUCCEEDED',
      nextState: 'ValueInTwenties',
      output: input,
      inspectionData: { input, afterInputPath: input },
    });
  });

  it('answers FAILED with the error and cause of a Fail state (recorded BASE_FAIL_STATE)', async () => {
    const definition = {
      Type: 'Fail',
      Error: 'SomeFailure',
      Cause: "This state machines raises a 'SomeFailure' failure.",
    };
    const input = '{"Value":"HelloWorld"}';
    expect(await testState({ definition: json(definition), input, inspectionLevel: 'DEBUG' })).toEqual({
      status: 'FAILED',
      error: 'SomeFailure',
      cause: "This state machines raises a 'SomeFailure' failure.",
      inspectionData: { input, afterInputPath: input },
    });
  });

  it('tests a state of a whole machine with stateName, stopping before its Next', async () => {
    const definition = {
      StartAt: 'First',
      States: {
        First: { Type: 'Pass', Next: 'Second' },
        Second: { Type: 'Pass', Result: 'second', Next: 'Third' },
        Third: { Type: 'Fail', Error: 'NotReached' },
      },
    };
    expect(await testState({ definition: json(definition), stateName: 'Second', input: '{}' })).toEqual({
      status: 'SUCCEEDED',
      output: '"second"',
      nextState: 'Third',
    });
  });

  it('runs a Task through its performer and reports the result stages', async () => {
    const test = operation({ StateName: async (input) => ({ echoed: input }) });
    const definition = {
      Type: 'Task',
      Resource: lambda,
      Parameters: { 'n.$': '$.n' },
      ResultSelector: { 'value.$': '$.echoed.n' },
      ResultPath: '$.out',
      End: true,
    };
    expect(await test({ definition: json(definition), roleArn, input: '{"n":1}', inspectionLevel: 'DEBUG' })).toEqual({
      status: 'SUCCEEDED',
      output: '{"n":1,"out":{"value":1}}',
      inspectionData: {
        input: '{"n":1}',
        afterInputPath: '{"n":1}',
        afterParameters: '{"n":1}',
        result: '{"echoed":{"n":1}}',
        afterResultSelector: '{"value":1}',
        afterResultPath: '{"n":1,"out":{"value":1}}',
      },
    });
  });

  it('fails a Task that nothing can perform, saying what is missing', async () => {
    const definition = { Type: 'Task', Resource: lambda, End: true };
    const result = await testState({ definition: json(definition), roleArn, input: '{}' });
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.Runtime');
    expect(result.cause).toMatch(/No task handler for the Task state 'StateName'/);
  });

  const failing = operation({
    StateName: async () => {
      throw Object.assign(new Error('The task failed.'), { name: 'States.TaskFailed' });
    },
  });

  it('answers RETRIABLE with the retrier and its backoff', async () => {
    const definition = {
      Type: 'Task',
      Resource: lambda,
      Retry: [
        { ErrorEquals: ['Other'], IntervalSeconds: 9 },
        { ErrorEquals: ['States.ALL'], IntervalSeconds: 3, BackoffRate: 2 },
      ],
      End: true,
    };
    expect(await failing({ definition: json(definition), roleArn, input: '{}', inspectionLevel: 'DEBUG' })).toEqual({
      status: 'RETRIABLE',
      error: 'States.TaskFailed',
      cause: 'The task failed.',
      inspectionData: {
        input: '{}',
        afterInputPath: '{}',
        afterParameters: '{}',
        errorDetails: { retryIndex: 1, retryBackoffIntervalSeconds: 3 },
      },
    });
  });

  it("answers CAUGHT_ERROR with the catcher's output and next state (recorded catch_task_failed)", async () => {
    const definition = {
      Type: 'Task',
      Resource: lambda,
      Catch: [
        { ErrorEquals: ['MockException'], Next: 'HandleMockError' },
        { ErrorEquals: ['States.TaskFailed'], ResultPath: '$.errorOutput', Next: 'HandleThreshold' },
      ],
      End: true,
    };
    const input = '{"Value":"HelloWorld"}';
    const output = '{"Value":"HelloWorld","errorOutput":{"Error":"States.TaskFailed","Cause":"The task failed."}}';
    expect(await failing({ definition: json(definition), roleArn, input, inspectionLevel: 'DEBUG' })).toEqual({
      status: 'CAUGHT_ERROR',
      error: 'States.TaskFailed',
      cause: 'The task failed.',
      nextState: 'HandleThreshold',
      output,
      inspectionData: { input, afterInputPath: input, afterParameters: input, errorDetails: { catchIndex: 1 } },
    });
  });

  it('takes variables in and reports them after the state assigns', async () => {
    const definition = { Type: 'Pass', Assign: { 'sum.$': '$x', y: 2 }, Parameters: { 'x.$': '$x' }, End: true };
    expect(
      await testState({ definition: json(definition), input: '{}', variables: '{"x":1}', inspectionLevel: 'DEBUG' }),
    ).toEqual({
      status: 'SUCCEEDED',
      output: '{"x":1}',
      inspectionData: {
        input: '{}',
        afterInputPath: '{}',
        afterParameters: '{"x":1}',
        afterResultSelector: '{"x":1}',
        afterResultPath: '{"x":1}',
        variables: '{"x":1,"sum":1,"y":2}',
      },
    });
  });

  it("answers AWS's validation errors", async () => {
    expect(await failureOf(testState({ input: '{}' }))).toMatchObject({
      code: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'definition' failed to satisfy constraint: Member must not be null",
    });
    expect(
      await failureOf(testState({ definition: json({ Type: 'Task', Resource: lambda, End: true }) })),
    ).toMatchObject({
      code: 'ValidationException',
      message: 'RoleArn must be specified when testing a Task state',
    });
    const map = { Type: 'Map', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true };
    expect(await failureOf(testState({ definition: json(map) }))).toMatchObject({
      code: 'InvalidDefinition',
      message:
        'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]',
    });
    expect(await failureOf(testState({ definition: json({ Type: 'Pass' }), inspectionLevel: 'ALL' }))).toMatchObject({
      code: 'ValidationException',
      message:
        "1 validation error detected: Value 'ALL' at 'inspectionLevel' failed to satisfy constraint: Member must satisfy enum value set: [INFO, DEBUG, TRACE]",
    });
    expect(await failureOf(testState({ definition: json({ Type: 'Pass', End: true }), input: '' }))).toMatchObject({
      code: 'InvalidExecutionInput',
    });
    expect(await failureOf(testState({ definition: '{"Type":"Pass"' }))).toMatchObject({ code: 'InvalidDefinition' });
    const machine = json({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } });
    expect(await failureOf(testState({ definition: machine, stateName: 'dne' }))).toMatchObject({
      code: 'ValidationException',
      message: 'State not found in definition',
    });
  });
});
