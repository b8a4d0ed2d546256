/**
 * Whole executions through `runExecution` with the Lambda integration, compared with the histories AWS
 * recorded (LocalStack's snapshot tests, error_handling/test_task_service_lambda and test_task_lambda). The
 * recorded function is a Python one; an HTTP endpoint answering Lambda's Python error document stands in for it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type HistoryEvent, runExecution } from '@lockstep/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from './lambda.test-support.js';
import { type LambdaIntegration, lambdaIntegration } from './lambda-integration.js';

/** The recordings' placeholders, used as the names in these executions. */
const FUNCTION = '<lambda_function_name>';
const RECORDED = { region: '<region>', roleArn: 'snf_role_arn', accountId: '111111111111' };

/** Lambda's error document of the recorded Python function (`raise Exception("Some exception was raised.")`). */
const PYTHON_ERROR =
  '{"errorMessage": "Some exception was raised.", "errorType": "Exception", "requestId": "<uuid:1>", ' +
  '"stackTrace": ["  File \\"/var/task/handler.py\\", line 2, in handler\\n    raise Exception(\\"Some exception was raised.\\")\\n"]}';
const ERROR_DOCUMENT = JSON.parse(PYTHON_ERROR);
const COMPACT_CAUSE = JSON.stringify(ERROR_DOCUMENT);

/** task_service_lambda_invoke_catch_relevant.json5 and task_lambda_invoke_catch_relevant.json5 (Resource set). */
function catchRelevant(resource: string) {
  const handler = (name: string) => ({ Type: 'Pass', ResultPath: `$.${name}`, End: true });
  return {
    StartAt: 'Start',
    States: {
      Start: {
        Type: 'Task',
        Resource: resource,
        Parameters: { 'FunctionName.$': '$.FunctionName', 'Payload.$': '$.Payload' },
        Catch: [
          { ErrorEquals: ['Lambda.Unknown'], Next: 'EndWithLambdaUnknownHandler' },
          { ErrorEquals: ['States.TaskFailed'], Next: 'EndWithStateTaskFailedHandler' },
          { ErrorEquals: ['States.ALL'], Next: 'EndWithAllHandler' },
        ],
        Next: 'EndWithFinal',
      },
      EndWithLambdaUnknownHandler: handler('lambda_unknown'),
      EndWithStateTaskFailedHandler: handler('task_failed_error'),
      EndWithAllHandler: handler('all_error'),
      EndWithFinal: handler('final'),
    },
  };
}

/** A history as LocalStack's snapshots show it: no timestamps, JSON text parsed, ARNs and request ids masked. */
function asRecorded(history: HistoryEvent[]): unknown[] {
  const parsed = history.map(({ timestamp: _, ...event }) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(event)) {
      out[key] = value && typeof value === 'object' ? parseJsonMembers(value as Record<string, unknown>) : value;
    }
    return out;
  });
  return JSON.parse(
    JSON.stringify(parsed)
      .replaceAll('arn:aws:lambda:', 'arn:<partition>:lambda:')
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<request_id>'),
  );
}

function parseJsonMembers(details: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    out[key] = value;
    if (typeof value === 'string' && ['input', 'output', 'parameters', 'cause'].includes(key)) {
      try {
        out[key] = JSON.parse(value);
      } catch {
        // Not JSON (a plain cause): kept as text.
      }
    }
  }
  return out;
}

const INPUT = { FunctionName: FUNCTION, Payload: null };
const started = (name: string) => [
  {
    executionStartedEventDetails: { input: INPUT, inputDetails: { truncated: false }, roleArn: 'snf_role_arn' },
    id: 1,
    previousEventId: 0,
    type: 'ExecutionStarted',
  },
  {
    id: 2,
    previousEventId: 0,
    stateEnteredEventDetails: { input: INPUT, inputDetails: { truncated: false }, name },
    type: 'TaskStateEntered',
  },
];
const caught = (error: string, cause: string) => {
  const output = { Error: error, Cause: cause };
  return [
    {
      id: 6,
      previousEventId: 5,
      stateExitedEventDetails: { name: 'Start', output, outputDetails: { truncated: false } },
      type: 'TaskStateExited',
    },
    {
      id: 7,
      previousEventId: 6,
      stateEnteredEventDetails: {
        input: output,
        inputDetails: { truncated: false },
        name: 'EndWithStateTaskFailedHandler',
      },
      type: 'PassStateEntered',
    },
    {
      id: 8,
      previousEventId: 7,
      stateExitedEventDetails: {
        name: 'EndWithStateTaskFailedHandler',
        output: { ...output, task_failed_error: output },
        outputDetails: { truncated: false },
      },
      type: 'PassStateExited',
    },
    {
      executionSucceededEventDetails: {
        output: { ...output, task_failed_error: output },
        outputDetails: { truncated: false },
      },
      id: 9,
      previousEventId: 8,
      type: 'ExecutionSucceeded',
    },
  ];
};

let server: Server;
let lambda: LambdaIntegration;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'x-amz-function-error': 'Unhandled' }).end(PYTHON_ERROR));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  lambda = lambdaIntegration({
    baseDir: FIXTURES,
    functionsDir: '.',
    functions: { [FUNCTION]: { type: 'http', url }, Sleeper: { module: 'sleep.mjs', timeoutSeconds: 30 } },
    log: () => {},
  });
});
afterAll(async () => {
  await lambda.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('recorded executions', () => {
  it('lambda:invoke: a function error caught by States.TaskFailed (test_raise_exception_catch)', async () => {
    const result = await runExecution({
      definition: catchRelevant('arn:aws:states:::lambda:invoke'),
      input: INPUT,
      integrations: [lambda],
      ...RECORDED,
    });
    const resource = { resource: 'invoke', resourceType: 'lambda' };
    expect(asRecorded(result.history)).toEqual([
      ...started('Start'),
      {
        id: 3,
        previousEventId: 2,
        taskScheduledEventDetails: { parameters: INPUT, region: '<region>', ...resource },
        type: 'TaskScheduled',
      },
      { id: 4, previousEventId: 3, taskStartedEventDetails: resource, type: 'TaskStarted' },
      {
        id: 5,
        previousEventId: 4,
        taskFailedEventDetails: { cause: ERROR_DOCUMENT, error: 'Exception', ...resource },
        type: 'TaskFailed',
      },
      ...caught('Exception', COMPACT_CAUSE),
    ]);
  });

  it('lambda:invoke: a missing function caught by States.TaskFailed (test_no_such_function_catch)', async () => {
    const input = { FunctionName: `no_such_${FUNCTION}`, Payload: null };
    const result = await runExecution({
      definition: catchRelevant('arn:aws:states:::lambda:invoke'),
      input,
      integrations: [lambda],
      ...RECORDED,
    });
    const cause =
      `Function not found: arn:<partition>:lambda:<region>:111111111111:function:no_such_${FUNCTION} ` +
      '(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: <request_id>; Proxy: null)';
    const events = asRecorded(result.history) as Record<string, any>[];
    expect(events[4]).toEqual({
      id: 5,
      previousEventId: 4,
      taskFailedEventDetails: {
        cause,
        error: 'Lambda.ResourceNotFoundException',
        resource: 'invoke',
        resourceType: 'lambda',
      },
      type: 'TaskFailed',
    });
    expect(events.at(-1)).toEqual({
      executionSucceededEventDetails: {
        output: {
          Error: 'Lambda.ResourceNotFoundException',
          Cause: cause,
          task_failed_error: { Error: 'Lambda.ResourceNotFoundException', Cause: cause },
        },
        outputDetails: { truncated: false },
      },
      id: 9,
      previousEventId: 8,
      type: 'ExecutionSucceeded',
    });
  });

  it("legacy function ARN: a function error caught with Lambda's raw document (test_task_lambda raise_exception_catch)", async () => {
    const arn = `arn:<partition>:lambda:<region>:111111111111:function:${FUNCTION}`;
    const result = await runExecution({
      definition: catchRelevant(arn),
      input: INPUT,
      integrations: [lambda],
      ...RECORDED,
    });
    expect(asRecorded(result.history)).toEqual([
      ...started('Start'),
      {
        id: 3,
        lambdaFunctionScheduledEventDetails: { input: INPUT, inputDetails: { truncated: false }, resource: arn },
        previousEventId: 2,
        type: 'LambdaFunctionScheduled',
      },
      { id: 4, previousEventId: 3, type: 'LambdaFunctionStarted' },
      {
        id: 5,
        lambdaFunctionFailedEventDetails: { cause: ERROR_DOCUMENT, error: 'Exception' },
        previousEventId: 4,
        type: 'LambdaFunctionFailed',
      },
      ...caught('Exception', PYTHON_ERROR),
    ]);
  });
});

describe('error handling with local functions', () => {
  it('retries a CustomError twice, then catches it (the workshop’s error-handling exercise)', async () => {
    const definition = {
      StartAt: 'Throw',
      States: {
        Throw: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'custom-error', 'Payload.$': '$' },
          Retry: [{ ErrorEquals: ['CustomError'], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 2 }],
          Catch: [{ ErrorEquals: ['CustomError'], ResultPath: '$.error', Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', End: true },
      },
    };
    const result = await runExecution({ definition, input: { order: 1 }, integrations: [lambda] });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.history.map((e) => e.type).filter((t) => t.startsWith('Task'))).toEqual([
      'TaskStateEntered',
      ...Array(3).fill(['TaskScheduled', 'TaskStarted', 'TaskFailed']).flat(),
      'TaskStateExited',
    ]);
    const output = result.output as { order: number; error: { Error: string; Cause: string } };
    expect(output.error.Error).toBe('CustomError');
    expect(JSON.parse(output.error.Cause)).toMatchObject({
      errorType: 'CustomError',
      errorMessage: 'This is a custom error!',
    });
  });

  it('catches a function outliving TimeoutSeconds as States.Timeout', async () => {
    const definition = {
      StartAt: 'Sleep',
      States: {
        Sleep: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'Sleeper', Payload: { ms: 10_000 } },
          TimeoutSeconds: 1,
          Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'TimedOut' }],
          End: true,
        },
        TimedOut: { Type: 'Pass', End: true },
      },
    };
    const before = Date.now();
    const result = await runExecution({ definition, input: {}, integrations: [lambda], clock: 'real' });
    expect(Date.now() - before).toBeLessThan(5000);
    expect(result.history.map((e) => e.type)).toContain('TaskTimedOut');
    expect(result.output).toMatchObject({ Error: 'States.Timeout' });
  });

  it("catches a function's own timeout (Sandbox.Timedout) with States.ALL", async () => {
    const definition = {
      StartAt: 'Sleep',
      States: {
        Sleep: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:111111111111:function:sleep',
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }],
          End: true,
        },
        Failed: { Type: 'Pass', End: true },
      },
    };
    const quick = lambdaIntegration({ baseDir: FIXTURES, functionsDir: '.', timeoutSeconds: 0.2 });
    try {
      const result = await runExecution({ definition, input: { ms: 5000 }, integrations: [quick] });
      expect(result.history.map((e) => e.type)).toContain('LambdaFunctionFailed');
      expect(result.output).toMatchObject({ Error: 'Sandbox.Timedout' });
    } finally {
      await quick.close();
    }
  });

  it('records TaskSubmitted with the envelope for .waitForTaskToken, then waits for the token', async () => {
    const definition = {
      StartAt: 'Callback',
      States: {
        Callback: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: { FunctionName: 'identity', Payload: { 'token.$': '$$.Task.Token' } },
          TimeoutSeconds: 60,
          End: true,
        },
      },
    };
    const result = await runExecution({ definition, input: {}, integrations: [lambda] });
    const types = result.history.map((e) => e.type);
    expect(types.slice(2, 6)).toEqual(['TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskTimedOut']);
    const submitted = result.history[4] as unknown as { taskSubmittedEventDetails: { output: string } };
    const envelope = JSON.parse(submitted.taskSubmittedEventDetails.output);
    expect(envelope).toMatchObject({ StatusCode: 200, ExecutedVersion: '$LATEST' });
    expect(envelope.Payload.token).toEqual(expect.any(String));
  });
});
