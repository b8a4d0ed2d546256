import { describe, expect, it, vi } from 'vitest';
import { activityOperations } from '../../service/src/api/activities.js';
import { connectionOperations } from '../../service/src/api/connections.js';
import type { Operation } from '../../service/src/api/context.js';
import { stateMachineOperations } from '../../service/src/api/state-machines.js';
import { tagOperations } from '../../service/src/api/tags.js';
import { testContext } from '../../service/src/test-support.js';
import { createApp } from './app.js';
import { MAX_REQUEST_BYTES } from './aws-json.js';

const ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:Machine';
const DEFINITION = '{"StartAt":"S","States":{"S":{"Type":"Succeed"}}}';

function setup(extra: Record<string, Operation> = {}) {
  const ctx = testContext();
  const logError = vi.fn();
  const operations = { ...stateMachineOperations(ctx), ...activityOperations(ctx), ...tagOperations(ctx), ...extra };
  const app = createApp(operations, { logError });
  const call = (
    target: string | undefined,
    body: string | ReadableStream<Uint8Array>,
    headers: Record<string, string> = {},
  ) =>
    app.request('/', {
      method: 'POST',
      body,
      // Streamed bodies need it (fetch's rule); harmless for the others.
      duplex: 'half',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        ...(target === undefined ? {} : { 'x-amz-target': target }),
        ...headers,
      },
    });
  const op = (name: string, body: unknown, headers?: Record<string, string>) =>
    call(`AWSStepFunctions.${name}`, JSON.stringify(body), headers);
  return { app, call, op, logError };
}

async function answer(response: Response) {
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
}

describe('the AWS JSON 1.0 app', () => {
  it('answers operations with their result', async () => {
    const { op } = setup();
    const created = await op('CreateStateMachine', {
      name: 'Machine',
      definition: DEFINITION,
      roleArn: 'arn:aws:iam::1:role/r',
    });
    expect(created.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await answer(created)).toEqual({
      status: 200,
      type: 'application/x-amz-json-1.0',
      body: { stateMachineArn: ARN, creationDate: 1704067200 },
    });
    expect(await answer(await op('DeleteStateMachine', { stateMachineArn: ARN }))).toEqual({
      status: 200,
      type: 'application/x-amz-json-1.0',
      body: {},
    });
  });

  it('routes on the target header only, whatever the host', async () => {
    const { op } = setup();
    const response = await op('ListStateMachines', {}, { host: 'sync-localhost:8083' });
    expect(await answer(response)).toMatchObject({ status: 200, body: { stateMachines: [] } });
  });

  it("answers service errors with AWS's __type, message and members", async () => {
    const { op } = setup();
    expect(await answer(await op('DescribeStateMachine', { stateMachineArn: ARN }))).toEqual({
      status: 400,
      type: 'application/x-amz-json-1.0',
      body: {
        __type: 'com.amazonaws.swf.service.v2.model#StateMachineDoesNotExist',
        message: `State Machine Does Not Exist: '${ARN}'`,
      },
    });
    expect((await answer(await op('ListTagsForResource', { resourceArn: ARN }))).body).toEqual({
      __type: 'com.amazonaws.swf.service.v2.model#ResourceNotFound',
      message: `Resource not found: '${ARN}'`,
      resourceName: ARN,
    });
  });

  it('answers constraint violations in the validation namespace, other ValidationExceptions in the service one', async () => {
    const { op } = setup();
    expect((await answer(await op('ListStateMachines', { maxResults: 1001 }))).body).toEqual({
      __type: 'com.amazon.coral.validate#ValidationException',
      message:
        "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
    });
    const noPublish = { name: 'M', definition: DEFINITION, roleArn: 'arn:aws:iam::1:role/r', versionDescription: 'd' };
    expect((await answer(await op('CreateStateMachine', noPublish))).body).toEqual({
      __type: 'com.amazonaws.swf.service.v2.model#ValidationException',
      message: 'Version description can only be set when publish is true',
    });
  });

  it('answers unknown or missing targets with UnknownOperationException', async () => {
    const { call } = setup();
    const unknown = {
      status: 400,
      type: 'application/x-amz-json-1.0',
      body: { __type: 'com.amazon.coral.service#UnknownOperationException' },
    };
    expect(await answer(await call('AWSStepFunctions.Frobnicate', '{}'))).toEqual(unknown);
    expect(await answer(await call('AWSStepFunctions.toString', '{}'))).toEqual(unknown);
    expect(await answer(await call('DynamoDB_20120810.ListTables', '{}'))).toEqual(unknown);
    expect(await answer(await call(undefined, '{}'))).toEqual(unknown);
  });

  it('answers other methods and paths with UnknownOperationException', async () => {
    const { app } = setup();
    for (const response of [await app.request('/'), await app.request('/other', { method: 'POST', body: '{}' })]) {
      expect(await answer(response)).toMatchObject({
        status: 400,
        body: { __type: 'com.amazon.coral.service#UnknownOperationException' },
      });
    }
  });

  it('answers bodies that are not JSON objects with SerializationException', async () => {
    const { call, op } = setup();
    const serialization = { status: 400, body: { __type: 'com.amazon.coral.service#SerializationException' } };
    for (const body of ['{"name":', '', '[]', '"x"', 'null']) {
      expect(await answer(await call('AWSStepFunctions.ListStateMachines', body))).toMatchObject(serialization);
    }
    expect((await answer(await op('ListStateMachines', { maxResults: 'ten' }))).body).toEqual({
      __type: 'com.amazon.coral.service#SerializationException',
      message: 'class java.lang.String can not be converted to an Integer',
    });
  });

  it('refuses bodies over 1 MiB, declared or streamed', async () => {
    const { call } = setup();
    const big = `{"name":"${'x'.repeat(MAX_REQUEST_BYTES)}"}`;
    const tooLarge = {
      status: 413,
      body: { __type: 'com.amazon.coral.service#RequestEntityTooLargeException', message: 'Request entity too large' },
    };
    const declared = { 'content-length': String(big.length) };
    expect(await answer(await call('AWSStepFunctions.CreateActivity', big, declared))).toMatchObject(tooLarge);
    expect(await answer(await call('AWSStepFunctions.CreateActivity', big))).toMatchObject(tooLarge);
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        if (sent > 1000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await call('AWSStepFunctions.CreateActivity', stream, {});
    expect(await answer(response)).toMatchObject(tooLarge);
    // Reading stopped at the limit, not at the end of the 64 MB stream.
    expect(sent).toBeLessThan(20);
  });

  it('answers unexpected failures with InternalFailure, logged once', async () => {
    const boom = new Error('boom');
    const { op, logError } = setup({
      Explode: async () => {
        throw boom;
      },
    });
    expect(await answer(await op('Explode', {}))).toEqual({
      status: 500,
      type: 'application/x-amz-json-1.0',
      body: { __type: 'com.amazon.coral.service#InternalFailure' },
    });
    expect(logError).toHaveBeenCalledTimes(1);
    expect(logError).toHaveBeenCalledWith('Explode failed unexpectedly', boom);
  });
});

describe('EventBridge operations (AWSEvents targets)', () => {
  function eventsSetup() {
    const ctx = testContext();
    const app = createApp(stateMachineOperations(ctx), { eventsOperations: connectionOperations(ctx) });
    const call = (target: string, body: unknown) =>
      app.request('/', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
      });
    return { app, call };
  }
  /** The body of an answer, as an object. */
  const bodyOf = async (response: Response) => (await response.json()) as Record<string, unknown>;

  it('routes AWSEvents.<Operation> to the events operations, answered in AWS JSON 1.1', async () => {
    const { call } = eventsSetup();
    const created = await answer(
      await call('AWSEvents.CreateConnection', {
        Name: 'api',
        AuthorizationType: 'API_KEY',
        AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'k', ApiKeyValue: 'v' } },
      }),
    );
    expect(created).toMatchObject({ status: 200, type: 'application/x-amz-json-1.1' });
    expect((created.body as Record<string, unknown>).ConnectionArn).toMatch(
      /^arn:aws:events:us-east-1:123456789012:connection\/api\//,
    );
    expect((await bodyOf(await call('AWSEvents.DescribeConnection', { Name: 'api' }))).Name).toBe('api');
  });

  it("answers EventBridge's errors with a bare __type", async () => {
    const { call } = eventsSetup();
    expect(await answer(await call('AWSEvents.DescribeConnection', { Name: 'nope' }))).toEqual({
      status: 400,
      type: 'application/x-amz-json-1.1',
      body: {
        __type: 'ResourceNotFoundException',
        message: "Failed to describe the connection(s). Connection 'nope' does not exist.",
      },
    });
    expect(await answer(await call('AWSEvents.PutRule', {}))).toEqual({
      status: 400,
      type: 'application/x-amz-json-1.1',
      body: { __type: 'UnknownOperationException' },
    });
  });

  it('keeps the two operation maps apart', async () => {
    const { call } = eventsSetup();
    expect((await bodyOf(await call('AWSEvents.ListStateMachines', {}))).__type).toBe('UnknownOperationException');
    expect(await answer(await call('AWSStepFunctions.ListConnections', {}))).toEqual({
      status: 400,
      type: 'application/x-amz-json-1.0',
      body: { __type: 'com.amazon.coral.service#UnknownOperationException' },
    });
    expect((await answer(await call('AWSStepFunctions.ListStateMachines', {}))).status).toBe(200);
  });

  it('leaves AWSEvents targets unknown without events operations', async () => {
    const { call } = setup();
    expect((await answer(await call('AWSEvents.ListConnections', '{}'))).body).toEqual({
      __type: 'com.amazon.coral.service#UnknownOperationException',
    });
  });
});
