import { describe, expect, it } from 'vitest';
import { runTestState } from './test-state.test-support.js';

const lambda = { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true };
const processor = { StartAt: 'Inner', States: { Inner: { Type: 'Pass', End: true } } };

async function rejection(definition: object, request: Parameters<typeof runTestState>[2]): Promise<unknown> {
  return runTestState(definition, {}, request).then(
    () => undefined,
    (e: Error) => ({ name: e.name, message: e.message }),
  );
}

describe('TestState request checks', () => {
  // Recorded: LocalStack's AWS-validated test_state_mock_validation snapshots.
  it.each([
    ['Pass', { Type: 'Pass', End: true }],
    ['Succeed', { Type: 'Succeed' }],
    ['Fail', { Type: 'Fail', Error: 'E' }],
  ])('rejects a mock for a %s state (recorded)', async (type, definition) => {
    expect(await rejection(definition, { mock: { errorOutput: { error: 'Error', cause: 'Cause' } } })).toEqual({
      name: 'ValidationException',
      message: `State type '${type}' is not supported when a mock is specified`,
    });
  });

  it('rejects a Map or Parallel without a mock (recorded)', async () => {
    expect(await rejection({ Type: 'Map', ItemProcessor: processor, End: true }, {})).toEqual({
      name: 'InvalidDefinition',
      message:
        'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]',
    });
  });

  it("rejects a Map's mocked result of the wrong type (recorded)", async () => {
    expect(
      await rejection({ Type: 'Map', ItemProcessor: processor, End: true }, { mock: { result: { a: 1 } } }),
    ).toEqual({
      name: 'ValidationException',
      message: 'Mocked result must be an array.',
    });
    const writer = {
      Type: 'Map',
      ItemProcessor: { ...processor, ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } },
      ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b', Prefix: 'p' } },
      End: true,
    };
    expect(await rejection(writer, { mock: { result: [1] } })).toEqual({
      name: 'ValidationException',
      message: 'Mocked result must be a JSON object.',
    });
  });

  it("checks a mocked Task result against the integration's response shape", async () => {
    expect(await rejection(lambda, { mock: { result: { StatusCode: '200' } } })).toEqual({
      name: 'ValidationException',
      message: "Mock result schema validation error: Field 'StatusCode' must be a number",
    });
    expect(await rejection(lambda, { mock: { result: { StatusCode: '200' }, fieldValidationMode: 'NONE' } })).toBe(
      undefined,
    );
  });

  // Lockstep's messages: AWS's are not recorded.
  it('rejects state configuration the tested state cannot use', async () => {
    const map = { Type: 'Map', ItemProcessor: processor, End: true };
    const mockedError = { errorOutput: { error: 'E' } };
    expect(await rejection(lambda, { mock: mockedError, stateConfiguration: { errorCausedByState: 'X' } })).toEqual({
      name: 'ValidationException',
      message: 'errorCausedByState can only be specified when testing a Map or Parallel state.',
    });
    expect(await rejection(map, { mock: mockedError, stateConfiguration: { errorCausedByState: 'Nope' } })).toEqual({
      name: 'ValidationException',
      message: "State 'Nope' does not exist in the Map or Parallel state.",
    });
    expect(await rejection(map, { mock: { result: [] }, stateConfiguration: { errorCausedByState: 'Inner' } })).toEqual(
      { name: 'ValidationException', message: 'errorCausedByState can only be specified with a mocked errorOutput.' },
    );
    expect(await rejection(lambda, { mock: mockedError, stateConfiguration: { mapIterationFailureCount: 1 } })).toEqual(
      {
        name: 'ValidationException',
        message: 'mapIterationFailureCount can only be specified when testing a Map state.',
      },
    );
    expect(await rejection(map, { mock: { result: [] }, stateConfiguration: { mapItemReaderData: '[]' } })).toEqual({
      name: 'ValidationException',
      message: 'mapItemReaderData can only be specified when testing a Map state with an ItemReader.',
    });
  });

  it('lets a mock stand for a callback, a job or an activity, which TestState cannot run otherwise', async () => {
    const callback = { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', End: true };
    expect(await runTestState(callback, {}, { mock: { result: { approved: true } } })).toMatchObject({
      status: 'SUCCEEDED',
      output: { approved: true },
    });
    const activity = { Type: 'Task', Resource: 'arn:aws:states:us-east-1:123456789012:activity:a', End: true };
    expect(await runTestState(activity, {}, { mock: { result: 'done' } })).toMatchObject({ output: 'done' });
    // A job's result is what AWS polls: DescribeExecution for a nested execution.
    const job = { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', End: true };
    expect(await rejection(job, { mock: { result: { ExecutionArn: 'arn' } } })).toEqual({
      name: 'ValidationException',
      message: "Mock result schema validation error: Required field 'StateMachineArn' is missing",
    });
  });
});
