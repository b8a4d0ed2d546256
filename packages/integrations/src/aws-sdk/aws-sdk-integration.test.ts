import { runExecution } from '@lockstep/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsSdkIntegration } from './aws-sdk-integration.js';
import {
  type FakeAwsService,
  invokeOnce,
  jsonAnswer,
  jsonError,
  outputOf,
  startFakeAwsService,
} from './fake-aws-service.test-support.js';
import { type LocalS3, S3RVER_CREDENTIALS, startLocalS3 } from './s3rver.test-support.js';

const credentials = S3RVER_CREDENTIALS;
const quiet = { '*': { maxAttempts: 1 } };

let s3: LocalS3;
let integration: ReturnType<typeof awsSdkIntegration>;
let fake: FakeAwsService;
let onFake: ReturnType<typeof awsSdkIntegration>;

beforeAll(async () => {
  s3 = await startLocalS3(['docs']);
  integration = awsSdkIntegration({
    region: 'us-east-1',
    credentials,
    endpoints: { s3: s3.endpoint },
    clientOptions: quiet,
  });
  fake = await startFakeAwsService();
  onFake = awsSdkIntegration({ region: 'us-east-1', credentials, endpoint: fake.endpoint, clientOptions: quiet });
});
afterAll(async () => {
  await s3.close();
  await fake.close();
});

describe('aws-sdk:s3 against s3rver', () => {
  it('writes any Body as its JSON text, as AWS does (recorded ETag of "text data")', async () => {
    const put = await invokeOnce(integration, 'arn:aws:states:::aws-sdk:s3:putObject', {
      Bucket: 'docs',
      Key: 'text',
      Body: 'text data',
    });
    // md5('"text data"'), the ETag AWS recorded: the string was stored with its quotes.
    expect(put).toEqual({ kind: 'succeed', output: { ETag: '"2b5df3712557f503a9977a8ea893b2c9"' } });
    await invokeOnce(integration, 'arn:aws:states:::aws-sdk:s3:putObject', {
      Bucket: 'docs',
      Key: 'dict',
      Body: { Dict: 'Value' },
    });
    const get = await invokeOnce(integration, 'arn:aws:states:::aws-sdk:s3:getObject', { Bucket: 'docs', Key: 'dict' });
    expect(get.kind).toBe('succeed');
    expect(outputOf(get).Body).toBe('{"Dict":"Value"}');
  });

  it('returns GetObject with sorted members, dates as Java instants and the Body as text, last', async () => {
    await invokeOnce(integration, 'arn:aws:states:::aws-sdk:s3:putObject', { Bucket: 'docs', Key: 'k', Body: [1] });
    const get = await invokeOnce(integration, 'arn:aws:states:::aws-sdk:s3:getObject', { Bucket: 'docs', Key: 'k' });
    const output = outputOf(get);
    expect(Object.keys(output)).toEqual([
      'AcceptRanges',
      'ContentLength',
      'ContentType',
      'ETag',
      'LastModified',
      'Metadata',
      'Body',
    ]);
    expect(output).toMatchObject({ AcceptRanges: 'bytes', ContentLength: 3, Metadata: {}, Body: '[1]' });
    expect(output.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('names a missing key S3.NoSuchKeyException, the cause in the Java SDK v2 format', async () => {
    const get = await invokeOnce(integration, 'arn:aws:states:::aws-sdk:s3:getObject', { Bucket: 'docs', Key: 'nope' });
    // s3rver sends no request id; the Java SDK prints null.
    expect(get).toEqual({
      kind: 'fail',
      error: 'S3.NoSuchKeyException',
      cause: 'The specified key does not exist. (Service: S3, Status Code: 404, Request ID: null)',
    });
  });

  it('retries and catches the service error in an execution', async () => {
    const definition = {
      StartAt: 'Read',
      States: {
        Read: {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:s3:getObject',
          Parameters: { Bucket: 'docs', 'Key.$': '$.key' },
          Retry: [{ ErrorEquals: ['S3.NoSuchKeyException'], IntervalSeconds: 1, MaxAttempts: 2 }],
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'Missing' }],
          End: true,
        },
        Missing: { Type: 'Pass', End: true },
      },
    };
    const result = await runExecution({ definition, input: { key: 'absent' }, integrations: [integration] });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({
      key: 'absent',
      failure: {
        Error: 'S3.NoSuchKeyException',
        Cause: 'The specified key does not exist. (Service: S3, Status Code: 404, Request ID: null)',
      },
    });
    expect(result.history.filter((event) => event.type === 'TaskFailed')).toHaveLength(3);
  });

  it('reports the answer of a .waitForTaskToken call as submitted', async () => {
    const put = await invokeOnce(integration, 'arn:aws:states:::aws-sdk:s3:putObject.waitForTaskToken', {
      Bucket: 'docs',
      Key: 'token',
      Body: { TaskToken: 't' },
    });
    expect(put.kind).toBe('submitted');
  });
});

describe('aws-sdk failures before the call', () => {
  it('names the package to install when the client package is missing', async () => {
    const result = await runExecution({
      definition: {
        StartAt: 'List',
        States: { List: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:secretsmanager:listSecrets', End: true } },
      },
      integrations: [integration],
    });
    expect([result.status, result.error, result.cause]).toEqual([
      'FAILED',
      'States.Runtime',
      "The AWS SDK client package '@aws-sdk/client-secrets-manager' for the service 'secretsmanager' is not installed. " +
        'Install it in the project: npm install @aws-sdk/client-secrets-manager',
    ]);
  });

  it('fails an action the client package does not have', async () => {
    const outcome = await invokeOnce(integration, 'arn:aws:states:::aws-sdk:s3:getObjekt', {
      Bucket: 'docs',
      Key: 'k',
    });
    expect(outcome).toEqual({
      kind: 'fail',
      error: 'States.Runtime',
      cause:
        "The package '@aws-sdk/client-s3' has no action 'getObjekt' for the service 's3' (a newer version of the package may have it).",
    });
  });

  it('fails parameters the action does not take', async () => {
    const outcome = await invokeOnce(integration, 'arn:aws:states:::aws-sdk:s3:getObject', {
      Bucket: 'docs',
      Kee: 'k',
    });
    expect(outcome).toEqual({
      kind: 'fail',
      error: 'States.Runtime',
      cause:
        'The Parameters \'{"Bucket":"docs","Kee":"k"}\' could not be used to start the Task: ' +
        '[The field "Kee" is not supported by Step Functions]',
    });
  });

  it('names an unreachable endpoint <Service>.SdkClientException', async () => {
    const unreachable = awsSdkIntegration({
      region: 'us-east-1',
      credentials,
      endpoint: 'http://127.0.0.1:1',
      clientOptions: quiet,
    });
    const outcome = await invokeOnce(unreachable, 'arn:aws:states:::aws-sdk:s3:getObject', {
      Bucket: 'docs',
      Key: 'k',
    });
    expect(outcome).toMatchObject({
      kind: 'fail',
      error: 'S3.SdkClientException',
      cause: expect.stringMatching(/^Unable to execute HTTP request: /),
    });
  });
});

describe('aws-sdk against JSON-protocol services', () => {
  it("returns DynamoDB items with the Java SDK v2's names (Bool, Nul, Ss) and takes either spelling", async () => {
    fake.respond(() =>
      jsonAnswer({ Item: { id: { S: 'a' }, on: { BOOL: true }, gone: { NULL: true }, tags: { SS: ['x'] } } }, 'req-1'),
    );
    const outcome = await invokeOnce(onFake, 'arn:aws:states:::aws-sdk:dynamodb:getItem', {
      TableName: 't',
      Key: { id: { S: 'a' } },
      ConsistentRead: true,
    });
    expect(JSON.parse(fake.requests.at(-1)?.body ?? '')).toEqual({
      TableName: 't',
      Key: { id: { S: 'a' } },
      ConsistentRead: true,
    });
    expect(outcome).toEqual({
      kind: 'succeed',
      output: { Item: { id: { S: 'a' }, on: { Bool: true }, gone: { Nul: true }, tags: { Ss: ['x'] } } },
    });
    fake.respond(() => jsonAnswer({}, 'req-2'));
    await invokeOnce(onFake, 'arn:aws:states:::aws-sdk:dynamodb:putItem', {
      TableName: 't',
      Item: { on: { Bool: false }, gone: { NULL: true }, tags: { Ss: ['x'] } },
    });
    expect(JSON.parse(fake.requests.at(-1)?.body ?? '').Item).toEqual({
      on: { BOOL: false },
      gone: { NULL: true },
      tags: { SS: ['x'] },
    });
  });

  it('names errors the model does not declare <Prefix>.<Prefix>Exception', async () => {
    fake.respond(() =>
      jsonError(
        'com.amazon.coral.validate#ValidationException',
        'The provided key element does not match the schema',
        'req-3',
      ),
    );
    const outcome = await invokeOnce(onFake, 'arn:aws:states:::aws-sdk:dynamodb:getItem', { TableName: 't', Key: {} });
    expect(outcome).toEqual({
      kind: 'fail',
      error: 'DynamoDb.DynamoDbException',
      cause:
        'The provided key element does not match the schema (Service: DynamoDb, Status Code: 400, Request ID: req-3)',
    });
  });

  it('reproduces the recorded Sfn.InvalidTokenException', async () => {
    fake.respond(() => jsonError('InvalidToken', "Invalid Token: 'Invalid token'", 'req-4'));
    const outcome = await invokeOnce(onFake, 'arn:aws:states:::aws-sdk:sfn:sendTaskSuccess', {
      Output: 'ParameterOutput',
      TaskToken: 'NoSuchTaskToken',
    });
    expect(fake.requests.at(-1)?.target).toBe('AWSStepFunctions.SendTaskSuccess');
    // Step Functions' model names these members in camelCase: the Pascal-case parameters map onto them.
    expect(JSON.parse(fake.requests.at(-1)?.body ?? '')).toEqual({
      output: 'ParameterOutput',
      taskToken: 'NoSuchTaskToken',
    });
    expect(outcome).toEqual({
      kind: 'fail',
      error: 'Sfn.InvalidTokenException',
      cause: "Invalid Token: 'Invalid token' (Service: Sfn, Status Code: 400, Request ID: req-4)",
    });
  });

  it('returns dates as Java instants', async () => {
    fake.respond(() =>
      jsonAnswer(
        { executionArn: 'arn:aws:states:us-east-1:111111111111:execution:M:e', startDate: 1_700_000_000.5 },
        'req-5',
      ),
    );
    const outcome = await invokeOnce(onFake, 'arn:aws:states:::aws-sdk:sfn:startExecution', {
      StateMachineArn: 'arn:aws:states:us-east-1:111111111111:stateMachine:M',
      Input: { a: 1 },
    });
    expect(JSON.parse(fake.requests.at(-1)?.body ?? '')).toEqual({
      stateMachineArn: 'arn:aws:states:us-east-1:111111111111:stateMachine:M',
      input: '{"a":1}',
    });
    expect(outcome).toEqual({
      kind: 'succeed',
      output: {
        ExecutionArn: 'arn:aws:states:us-east-1:111111111111:execution:M:e',
        StartDate: '2023-11-14T22:13:20.500Z',
      },
    });
  });

  it('fills an idempotency token the parameters leave out from the attempt, the same on every call', async () => {
    fake.respond(() => jsonAnswer({}, 'req-6'));
    const parameters = { TransactItems: [{ Put: { TableName: 't', Item: { id: { S: 'a' } } } }] };
    await invokeOnce(onFake, 'arn:aws:states:::aws-sdk:dynamodb:transactWriteItems', parameters);
    await invokeOnce(onFake, 'arn:aws:states:::aws-sdk:dynamodb:transactWriteItems', parameters);
    const tokens = fake.requests.slice(-2).map((request) => JSON.parse(request.body).ClientRequestToken);
    expect(tokens[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(tokens[1]).toBe(tokens[0]);
  });
});
