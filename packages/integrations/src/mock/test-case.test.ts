import { readFileSync } from 'node:fs';
import { type HistoryEvent, type Integration, type RunExecutionOptions, runExecution } from '@lockstep/engine';
import { describe, expect, it } from 'vitest';
import { parseMockConfig } from './mock-config.js';

/** The developer guide's mock configuration and state machine ("sfn-local-test-sm-exec"). */
const guideConfig = parseMockConfig(readFileSync(new URL('./guide-example.mock-config.json', import.meta.url), 'utf8'));
const guideMachine = {
  Comment: 'This state machine is called: LambdaSQSIntegration',
  StartAt: 'LambdaState',
  States: {
    LambdaState: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { 'Payload.$': '$', FunctionName: 'HelloWorldFunction' },
      Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }],
      Next: 'SQSState',
    },
    SQSState: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage',
      Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/myQueue', 'MessageBody.$': '$' },
      End: true,
    },
  },
};

const LAMBDA_RESULT = { StatusCode: 200, Payload: { StatusCode: 200, body: 'Hello from Lambda!' } };
const SQS_RESULT = {
  MD5OfMessageBody: '3bcb6e8e-7h85-4375-b0bc-1a59812c6e51',
  MessageId: '3bcb6e8e-8b51-4375-b0bc-1a59812c6e51',
};

/** An integration of every resource that records what it is asked and answers `{ real: <state> }`. */
function realServices() {
  const calls: { state: string; input: unknown }[] = [];
  const integration: Integration = {
    handles: () => true,
    patterns: ['request-response', 'sync', 'waitForTaskToken'],
    invoke(request, callbacks) {
      calls.push({ state: request.stateName, input: request.input });
      callbacks.succeed({ real: request.stateName });
      return () => {};
    },
  };
  return { integration, calls };
}

/** Runs `definition` as the test case `testCase` of `config` (state machine `M` unless told otherwise). */
function runCase(
  definition: object,
  config: RunExecutionOptions['mockConfig'],
  testCase: string,
  options: Partial<RunExecutionOptions> = {},
) {
  return runExecution({ definition, mockConfig: config, testCase, stateMachineName: 'M', ...options });
}

/** The `[type, details]` of the events of `types`. */
function eventsOf(history: HistoryEvent[], ...types: string[]): [string, unknown][] {
  return history
    .filter((e) => types.includes(e.type))
    .map((e) => {
      const key = Object.keys(e).find((k) => k.endsWith('EventDetails'));
      return [e.type, key === undefined ? undefined : (e as unknown as Record<string, unknown>)[key]];
    });
}

describe("the developer guide's test cases, with runExecution", () => {
  const run = (testCase: string, options: Partial<RunExecutionOptions> = {}) =>
    runCase(guideMachine, guideConfig, testCase, { stateMachineName: 'LambdaSQSIntegration', ...options });

  it('HappyPath: both states answer from the file and call no service', async () => {
    const services = realServices();
    const r = await run('HappyPath', { integrations: [services.integration] });
    expect(r.status).toBe('SUCCEEDED');
    expect(r.output).toEqual(SQS_RESULT);
    expect(services.calls).toEqual([]);
    expect(eventsOf(r.history, 'TaskSucceeded')).toEqual([
      [
        'TaskSucceeded',
        {
          resourceType: 'lambda',
          resource: 'invoke',
          output: JSON.stringify(LAMBDA_RESULT),
          outputDetails: { truncated: false },
        },
      ],
      [
        'TaskSucceeded',
        {
          resourceType: 'sqs',
          resource: 'sendMessage',
          output: JSON.stringify(SQS_RESULT),
          outputDetails: { truncated: false },
        },
      ],
    ]);
  });

  it('RetryPath: each retry consumes the next response, "1-2" answering two calls', async () => {
    const r = await run('RetryPath');
    expect(r.status).toBe('SUCCEEDED');
    expect(eventsOf(r.history, 'TaskFailed', 'TaskSucceeded')).toEqual([
      [
        'TaskFailed',
        {
          resourceType: 'lambda',
          resource: 'invoke',
          error: 'Lambda.ResourceNotReadyException',
          cause: 'Lambda resource is not ready.',
        },
      ],
      [
        'TaskFailed',
        { resourceType: 'lambda', resource: 'invoke', error: 'Lambda.TimeoutException', cause: 'Lambda timed out.' },
      ],
      [
        'TaskFailed',
        { resourceType: 'lambda', resource: 'invoke', error: 'Lambda.TimeoutException', cause: 'Lambda timed out.' },
      ],
      ['TaskSucceeded', expect.objectContaining({ resource: 'invoke', output: JSON.stringify(LAMBDA_RESULT) })],
      ['TaskSucceeded', expect.objectContaining({ resource: 'sendMessage', output: JSON.stringify(SQS_RESULT) })],
    ]);
    // The retries waited 2, 4 and 8 seconds (of simulated time).
    expect(r.stopDate.getTime() - r.startDate.getTime()).toBe(14_000);
  });

  it('HybridPath: the state the test case does not mock runs for real, with the mocked result as input', async () => {
    const services = realServices();
    const r = await run('HybridPath', { integrations: [services.integration] });
    expect(r.output).toEqual({ real: 'SQSState' });
    expect(services.calls).toEqual([
      {
        state: 'SQSState',
        input: {
          QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/myQueue',
          MessageBody: LAMBDA_RESULT,
        },
      },
    ]);
  });

  it('counts calls per execution: a second run of the test case starts from invocation 0 again', async () => {
    const first = await run('RetryPath');
    const second = await run('RetryPath');
    expect([first.status, second.status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(eventsOf(second.history, 'TaskFailed').length).toBe(3);
  });

  it('refuses, before starting, a test case the file does not define', async () => {
    await expect(run('SadPath')).rejects.toThrow("defines no test case 'SadPath' for the state machine");
    await expect(run('HappyPath', { stateMachineName: 'Other' })).rejects.toThrow(
      "The mock configuration has no test cases for the state machine 'Other'",
    );
  });
});

describe('mocked responses in runExecution', () => {
  const CALL = 'arn:aws:states:::lambda:invoke';

  it('fails a call with Throw as a task failure that Catch handles with its Error and Cause', async () => {
    const config = parseMockConfig({
      StateMachines: { M: { TestCases: { Sad: { Call: 'Declined' } } } },
      MockedResponses: { Declined: { '0': { Throw: { Error: 'PaymentDeclined', Cause: 'card expired' } } } },
    });
    const definition = {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: CALL,
          Catch: [{ ErrorEquals: ['PaymentDeclined'], Next: 'Handled' }],
          End: true,
        },
        Handled: { Type: 'Pass', End: true },
      },
    };
    const r = await runCase(definition, config, 'Sad');
    expect(r.output).toEqual({ Error: 'PaymentDeclined', Cause: 'card expired' });
    expect(eventsOf(r.history, 'TaskFailed')).toEqual([
      ['TaskFailed', { resourceType: 'lambda', resource: 'invoke', error: 'PaymentDeclined', cause: 'card expired' }],
    ]);
  });

  it('reports a Throw of a Lambda function ARN as LambdaFunctionFailed', async () => {
    const config = parseMockConfig({
      StateMachines: { M: { TestCases: { Sad: { Call: 'Boom' } } } },
      MockedResponses: { Boom: { '0': { Throw: { Error: 'Boom', Cause: 'it broke' } } } },
    });
    const definition = {
      StartAt: 'Call',
      States: { Call: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:111111111111:function:f', End: true } },
    };
    const r = await runCase(definition, config, 'Sad');
    expect([r.status, r.error, r.cause]).toEqual(['FAILED', 'Boom', 'it broke']);
    expect(eventsOf(r.history, 'LambdaFunctionFailed')).toEqual([
      ['LambdaFunctionFailed', { error: 'Boom', cause: 'it broke' }],
    ]);
  });

  it('fails the execution with States.Runtime, which nothing catches, on a call no entry covers', async () => {
    const config = parseMockConfig({
      StateMachines: { M: { TestCases: { Short: { Call: 'Once' } } } },
      MockedResponses: { Once: { '0': { Throw: { Error: 'Flaky', Cause: 'try again' } } } },
    });
    const definition = {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: CALL,
          Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 1, MaxAttempts: 2 }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', End: true },
      },
    };
    const r = await runCase(definition, config, 'Short');
    expect([r.status, r.error, r.cause]).toEqual([
      'FAILED',
      'States.Runtime',
      "The mocked response 'Once' of the state 'Call' (test case 'Short') has no response for invocation 1;" +
        ' it defines the invocations: 0.',
    ]);
  });

  it('numbers calls per state across visits, loops and Map iterations', async () => {
    const config = parseMockConfig({
      StateMachines: { M: { TestCases: { Count: { Call: 'Counting', Item: 'Items' } } } },
      MockedResponses: {
        Counting: { '0': { Return: 'first' }, '1': { Return: 'second' } },
        Items: { '0-1': { Return: 'early' }, '2': { Return: 'late' } },
      },
    });
    const definition = {
      StartAt: 'Call',
      States: {
        Call: { Type: 'Task', Resource: CALL, ResultPath: '$.last', Next: 'Again?' },
        'Again?': {
          Type: 'Choice',
          Choices: [{ Variable: '$.last', StringEquals: 'first', Next: 'Call' }],
          Default: 'Each',
        },
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrency: 1,
          ItemProcessor: { StartAt: 'Item', States: { Item: { Type: 'Task', Resource: CALL, End: true } } },
          ResultPath: '$.items',
          End: true,
        },
      },
    };
    const r = await runCase(definition, config, 'Count', { input: { items: [1, 2, 3] } });
    expect(r.output).toEqual({ last: 'second', items: ['early', 'early', 'late'] });
  });

  it('answers a .waitForTaskToken call from the file at once', async () => {
    const config = parseMockConfig({
      StateMachines: { M: { TestCases: { T: { Wait: 'Done' } } } },
      MockedResponses: { Done: { '0': { Return: { approved: true } } } },
    });
    const definition = {
      StartAt: 'Wait',
      States: {
        Wait: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
          Parameters: { QueueUrl: 'q', MessageBody: { 'token.$': '$$.Task.Token' } },
          End: true,
        },
      },
    };
    const r = await runCase(definition, config, 'T');
    expect(r.output).toEqual({ approved: true });
    expect(r.history.map((e) => e.type)).not.toContain('TaskSubmitted');
  });

  it('refuses to mock an activity, as Step Functions Local does', async () => {
    const config = parseMockConfig({
      StateMachines: { M: { TestCases: { T: { Work: 'Done' } } } },
      MockedResponses: { Done: { '0': { Return: 1 } } },
    });
    const definition = {
      StartAt: 'Work',
      States: { Work: { Type: 'Task', Resource: 'arn:aws:states:us-east-1:111111111111:activity:a', End: true } },
    };
    const r = await runCase(definition, config, 'T');
    expect([r.status, r.error, r.cause]).toEqual([
      'FAILED',
      'States.Runtime',
      'Activity state cannot be mocked. Please remove mocks mapped for all activity state in the mock config file.',
    ]);
  });

  it('lets a local task handler win over the mocked response', async () => {
    const config = parseMockConfig({
      StateMachines: { M: { TestCases: { T: { Call: 'Mocked' } } } },
      MockedResponses: { Mocked: { '0': { Return: 'mocked' } } },
    });
    const definition = { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: CALL, End: true } } };
    const r = await runCase(definition, config, 'T', { taskHandlers: { Call: () => 'local' } });
    expect(r.output).toBe('local');
  });
});
