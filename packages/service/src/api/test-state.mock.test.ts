import type { Integration } from '@lockstep/engine';
import { describe, expect, it } from 'vitest';
import { failureOf, testContext } from '../test-support.js';
import { testStateOperations } from './test-state.js';

const lambda = 'arn:aws:states:::lambda:invoke';
const json = (value: unknown) => JSON.stringify(value);
const testState = testStateOperations(testContext()).TestState;

describe('TestState with a mock', () => {
  it('continues a mocked Task with the mock result, without a role or a performer', async () => {
    const definition = { Type: 'Task', Resource: lambda, ResultSelector: { 'p.$': '$.Payload' }, End: true };
    const mock = { result: json({ Payload: { ok: 1 } }), fieldValidationMode: 'NONE' };
    expect(await testState({ definition: json(definition), input: '{}', mock })).toEqual({
      status: 'SUCCEEDED',
      output: json({ p: { ok: 1 } }),
    });
  });

  it('fails a mocked Task with the errorOutput, so Catch decides', async () => {
    const definition = {
      Type: 'Task',
      Resource: lambda,
      Catch: [
        { ErrorEquals: ['Other'], Next: 'A' },
        { ErrorEquals: ['Boom'], Next: 'B' },
      ],
      End: true,
    };
    const mock = { errorOutput: { error: 'Boom', cause: 'bang' } };
    expect(
      await testState({ definition: json(definition), input: '{}', mock, inspectionLevel: 'DEBUG' }),
    ).toMatchObject({
      status: 'CAUGHT_ERROR',
      error: 'Boom',
      cause: 'bang',
      nextState: 'B',
      output: json({ Error: 'Boom', Cause: 'bang' }),
      inspectionData: { errorDetails: { catchIndex: 1 } },
    });
  });

  it('reads the given context object as $$', async () => {
    const definition = { Type: 'Task', Resource: lambda, Parameters: { 'id.$': '$$.Execution.Id' }, End: true };
    const context = json({ Execution: { Id: 'my-execution' } });
    const result = await testState({
      definition: json(definition),
      input: '{}',
      context,
      mock: { result: '{}' },
      inspectionLevel: 'DEBUG',
    });
    expect(result.inspectionData).toMatchObject({ afterParameters: json({ id: 'my-execution' }) });
  });

  it("answers AWS's mock validation errors (LocalStack's AWS-validated messages)", async () => {
    const task = json({ Type: 'Task', Resource: lambda, End: true });
    const pass = json({ Type: 'Pass', End: true });
    const both = { result: '{}', errorOutput: { error: 'E' } };
    await expect(testState({ definition: pass, mock: { result: '{}' } })).rejects.toMatchObject({
      message: "State type 'Pass' is not supported when a mock is specified",
    });
    await expect(testState({ definition: task, mock: both })).rejects.toMatchObject({
      message: 'A test mock should have only one of the following fields: [result, errorOutput].',
    });
    await expect(testState({ definition: task, mock: { result: '{x' } })).rejects.toMatchObject({
      message: 'Mocked result must be valid JSON',
    });
    await expect(testState({ definition: task, mock: { result: '{}' }, revealSecrets: true })).rejects.toMatchObject({
      message: 'TestState does not support RevealSecrets when a mock is specified.',
    });
  });

  it('rejects a mock with neither a result nor an errorOutput (Lockstep message)', async () => {
    const definition = json({ Type: 'Task', Resource: lambda, End: true });
    expect(await failureOf(testState({ definition, mock: { fieldValidationMode: 'NONE' } }))).toMatchObject({
      code: 'ValidationException',
      message: 'A test mock should have one of the following fields: [result, errorOutput].',
    });
  });

  it('mocks a callback Task, which only a Standard machine may have', async () => {
    const definition = json({ Type: 'Task', Resource: `${lambda}.waitForTaskToken`, End: true });
    expect(await testState({ definition, mock: { result: '{"approved":true}' } })).toEqual({
      status: 'SUCCEEDED',
      output: '{"approved":true}',
    });
  });

  it("checks the mocked result against the integration's response shape (recorded message)", async () => {
    const definition = json({ Type: 'Task', Resource: lambda, End: true });
    expect(await failureOf(testState({ definition, mock: { result: json({ StatusCode: '200' }) } }))).toMatchObject({
      code: 'ValidationException',
      message: "Mock result schema validation error: Field 'StatusCode' must be a number",
    });
    expect(
      await failureOf(testState({ definition, mock: { result: '{}', fieldValidationMode: 'LOOSE' } })),
    ).toMatchObject({
      code: 'ValidationException',
      message:
        "1 validation error detected: Value 'LOOSE' at 'mock.fieldValidationMode' failed to satisfy constraint: Member must satisfy enum value set: [STRICT, PRESENT, NONE]",
    });
  });
});

// Recorded: LocalStack's AWS-validated test_state_configuration snapshots (same templates and requests).
describe('TestState of a mocked Map', () => {
  const VALUES = json({ Values: ['first', 'second', 'third'] });
  const processor = (startAt: string) => ({
    ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
    StartAt: startAt,
    States: { [startAt]: { Type: 'Pass', End: true } },
  });

  it('reports the limits and the handling of an exceeded tolerance (BASE_MAP_STATE_CATCH, DEBUG)', async () => {
    const definition = {
      Type: 'Map',
      QueryLanguage: 'JSONata',
      Items: '{% $states.input.Values %}',
      ItemProcessor: processor('TestState'),
      Catch: [
        { ErrorEquals: ['MockException'], Output: '{% $states %}', Next: 'HandleMockError' },
        {
          ErrorEquals: ['States.ExceedToleratedFailureThreshold'],
          Output: '{% $states.errorOutput %}',
          Next: 'HandleThreshold',
        },
      ],
      ToleratedFailureCount: 1,
      End: true,
    };
    const request = {
      definition: json(definition),
      input: VALUES,
      inspectionLevel: 'DEBUG',
      mock: { result: '[0, 0, 1]' },
      stateConfiguration: { mapIterationFailureCount: 2 },
    };
    expect(await testState(request)).toEqual({
      status: 'CAUGHT_ERROR',
      error: 'States.ExceedToleratedFailureThreshold',
      cause: 'The specified tolerated failure threshold was exceeded',
      nextState: 'HandleThreshold',
      output: json({
        Error: 'States.ExceedToleratedFailureThreshold',
        Cause: 'The specified tolerated failure threshold was exceeded',
      }),
      inspectionData: { input: VALUES, maxConcurrency: 0, toleratedFailureCount: 1, errorDetails: { catchIndex: 1 } },
    });
  });

  it('fails with the error of a state inside, after ItemsPath (BASE_MAP_STATE_MACHINE, TRACE)', async () => {
    const definition = {
      StartAt: 'State0',
      States: {
        State0: {
          Type: 'Map',
          ItemsPath: '$.Values',
          ItemProcessor: processor('HandleItem'),
          ToleratedFailureCount: 2,
          End: true,
        },
      },
    };
    const request = {
      stateName: 'State0',
      definition: json(definition),
      input: VALUES,
      inspectionLevel: 'TRACE',
      mock: { errorOutput: { error: 'MockException', cause: 'Mock the error cause.' } },
      stateConfiguration: { mapIterationFailureCount: 0, errorCausedByState: 'HandleItem' },
    };
    expect(await testState(request)).toEqual({
      status: 'FAILED',
      error: 'MockException',
      cause: 'Mock the error cause.',
      inspectionData: {
        input: VALUES,
        afterInputPath: VALUES,
        afterItemsPath: json(['first', 'second', 'third']),
        maxConcurrency: 0,
        toleratedFailureCount: 2,
      },
    });
  });

  it("answers AWS's validation errors for the mock and the state configuration", async () => {
    const map = json({ Type: 'Map', ItemProcessor: processor('P'), End: true });
    expect(await failureOf(testState({ definition: map, mock: { result: '{"a":1}' } }))).toMatchObject({
      code: 'ValidationException',
      message: 'Mocked result must be an array.',
    });
    expect(
      await failureOf(
        testState({ definition: map, mock: { result: '[]' }, stateConfiguration: { retrierRetryCount: -1 } }),
      ),
    ).toMatchObject({
      code: 'ValidationException',
      message:
        "1 validation error detected: Value '-1' at 'stateConfiguration.retrierRetryCount' failed to satisfy constraint: Member must have value greater than or equal to 0",
    });
    const parallel = json({
      Type: 'Parallel',
      Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', End: true } } }],
      End: true,
    });
    expect(await failureOf(testState({ definition: parallel }))).toMatchObject({
      code: 'InvalidDefinition',
      message:
        'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]',
    });
  });
});

describe('TestState at TRACE', () => {
  const exchange = {
    request: {
      protocol: 'HTTP/1.1',
      method: 'GET',
      url: 'https://api.example/items?q=1',
      headers: [
        ['Accept', 'a'],
        ['Accept', 'b'],
        ['User-Agent', 'Amazon|StepFunctions|HttpInvoke|us-east-1'],
      ] as const,
    },
    response: {
      protocol: 'HTTP/1.1',
      statusCode: 200,
      statusMessage: 'OK',
      headers: { 'X-Id': ['7'] },
      body: '{"ok":true}',
    },
  };
  const http: Integration = {
    patterns: ['request-response'],
    handles: (resource) => resource.resourceType === 'http',
    invoke(request, callbacks) {
      request.httpTrace?.record(exchange);
      callbacks.succeed({ StatusCode: 200 });
      return () => {};
    },
  };
  const traced = testStateOperations(testContext({ integrations: [http] })).TestState;
  const definition = json({ Type: 'Task', Resource: 'arn:aws:states:::http:invoke', Parameters: {}, End: true });
  const roleArn = 'arn:aws:iam::123456789012:role/TestRole';

  it("adds the HTTP Task's request and response, as strings", async () => {
    const result = await traced({ definition, roleArn, input: '{}', inspectionLevel: 'TRACE' });
    expect(result.inspectionData).toMatchObject({
      request: {
        protocol: 'HTTP/1.1',
        method: 'GET',
        url: 'https://api.example/items?q=1',
        headers: json({ Accept: ['a', 'b'], 'User-Agent': ['Amazon|StepFunctions|HttpInvoke|us-east-1'] }),
      },
      response: {
        protocol: 'HTTP/1.1',
        statusCode: '200',
        statusMessage: 'OK',
        headers: json({ 'X-Id': ['7'] }),
        body: '{"ok":true}',
      },
    });
    const debug = await traced({ definition, roleArn, input: '{}', inspectionLevel: 'DEBUG' });
    expect(debug.inspectionData).not.toHaveProperty('request');
  });
});
