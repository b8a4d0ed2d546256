/**
 * The timeout path of the integrations that call out: a call that outlives the Task's `TimeoutSeconds` fails the
 * state with `States.Timeout` (caught here), and the call is abandoned: its request is aborted, so a service that
 * never answers holds nothing open. The services never answer; the execution's clock is real and the smallest
 * timeout AWS allows (1 s) ends each test.
 */
import type { ServerResponse } from 'node:http';
import { type ExecutionResult, runExecution } from '@lockstep/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { awsSdkIntegration } from './aws-sdk/aws-sdk-integration.js';
import { type LocalServer, startApi } from './http/http.test-support.js';
import { httpIntegration } from './http/http-integration.js';

let servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

/** A server that takes requests and never answers; `closed` resolves when the client gives a request up. */
async function silentServer(): Promise<LocalServer & { closed: Promise<void> }> {
  let gaveUp: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    gaveUp = resolve;
  });
  const server = await startApi((_request, response: ServerResponse) => {
    response.on('close', () => gaveUp());
  });
  servers.push(server);
  return { ...server, closed };
}

/** Runs `task` (a Task state's fields) with a 1-second timeout, caught, and returns the result. */
function runTimingOut(task: Record<string, unknown>, integrations: Parameters<typeof runExecution>[0]['integrations']) {
  const definition = {
    StartAt: 'Call',
    States: {
      Call: {
        Type: 'Task',
        TimeoutSeconds: 1,
        Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.failure', Next: 'TimedOut' }],
        End: true,
        ...task,
      },
      TimedOut: { Type: 'Pass', End: true },
    },
  };
  return runExecution({ definition, input: {}, clock: 'real', integrations });
}

function expectTimedOut(result: ExecutionResult, resourceType: string, resource: string): void {
  expect(result.status).toBe('SUCCEEDED');
  expect(result.output).toEqual({ failure: { Error: 'States.Timeout', Cause: null } });
  expect(result.history.find((event) => event.type === 'TaskTimedOut')?.taskTimedOutEventDetails).toEqual({
    resourceType,
    resource,
    error: 'States.Timeout',
  });
}

describe('a Task outliving TimeoutSeconds', () => {
  it('HTTP Task: times out and aborts the request', async () => {
    const api = await silentServer();
    const connection = 'arn:aws:events:us-east-1:111111111111:connection/slow/1';
    const integration = httpIntegration({
      connections: {
        [connection]: {
          authorizationType: 'API_KEY',
          authParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'key' } },
        },
      },
    });
    const result = await runTimingOut(
      {
        Resource: 'arn:aws:states:::http:invoke',
        Parameters: {
          ApiEndpoint: `${api.url}/slow`,
          Method: 'GET',
          Authentication: { ConnectionArn: connection },
        },
      },
      [integration],
    );
    expectTimedOut(result, 'http', 'invoke');
    await api.closed;
    expect(api.requests.map((request) => request.url)).toEqual(['/slow']);
  });

  it('AWS SDK: times out and aborts the call', async () => {
    const service = await silentServer();
    const integration = awsSdkIntegration({
      endpoint: service.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const result = await runTimingOut(
      {
        Resource: 'arn:aws:states:::aws-sdk:dynamodb:describeTable',
        Parameters: { TableName: 'orders' },
      },
      [integration],
    );
    expectTimedOut(result, 'aws-sdk:dynamodb', 'describeTable');
    await service.closed;
    expect(service.requests.map((request) => request.headers['x-amz-target'])).toEqual([
      'DynamoDB_20120810.DescribeTable',
    ]);
  });
});
