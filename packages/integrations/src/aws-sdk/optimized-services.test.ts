import { createHash } from 'node:crypto';
import { runExecution } from '@lockstep/engine';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { awsSdkIntegration } from './aws-sdk-integration.js';
import {
  type FakeAwsService,
  invokeOnce,
  jsonAnswer,
  jsonError,
  outputOf,
  queryAnswer,
  queryError,
  startFakeAwsService,
} from './fake-aws-service.test-support.js';

const SNS_NS = 'http://sns.amazonaws.com/doc/2010-03-31/';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

let fake: FakeAwsService;
let integration: ReturnType<typeof awsSdkIntegration>;

beforeAll(async () => {
  fake = await startFakeAwsService();
  const endpoints = { sqs: fake.endpoint, sns: fake.endpoint, dynamodb: fake.endpoint, eventbridge: fake.endpoint };
  integration = awsSdkIntegration({
    region: 'us-east-1',
    credentials,
    endpoints,
    clientOptions: { '*': { maxAttempts: 1 } },
  });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

describe('sqs:sendMessage', () => {
  it('sends a JSON MessageBody as its text, leaves out what it does not take, returns the Java SDK v1 output', async () => {
    fake.respond((request) => {
      const body = JSON.parse(request.body) as { MessageBody: string };
      return jsonAnswer({ MD5OfMessageBody: md5(body.MessageBody), MessageId: 'msg-1' }, 'req-sqs-1');
    });
    const queueUrl = `${fake.endpoint}/111111111111/orders`;
    const outcome = await invokeOnce(integration, 'arn:aws:states:::sqs:sendMessage', {
      QueueUrl: queueUrl,
      MessageBody: { order: 42 },
      MessageSystemAttributes: { AWSTraceHeader: { DataType: 'String', StringValue: 't' } },
    });
    expect(fake.requests[0].target).toBe('AmazonSQS.SendMessage');
    expect(JSON.parse(fake.requests[0].body)).toEqual({ QueueUrl: queueUrl, MessageBody: '{"order":42}' });
    expect(outcome.kind).toBe('succeed');
    const output = outputOf(outcome);
    const length = String(JSON.stringify({ MD5OfMessageBody: md5('{"order":42}'), MessageId: 'msg-1' }).length);
    // Node's server adds `Connection` and `Keep-Alive`; Java's HashMap order puts `Keep-Alive` first.
    expect(JSON.stringify(output)).toBe(
      JSON.stringify({
        MD5OfMessageBody: md5('{"order":42}'),
        MessageId: 'msg-1',
        SdkHttpMetadata: {
          AllHttpHeaders: {
            'Keep-Alive': ['timeout=5'],
            'x-amzn-RequestId': ['req-sqs-1'],
            Connection: ['keep-alive'],
            'Content-Length': [length],
            'Content-Type': ['application/x-amz-json-1.0'],
          },
          HttpHeaders: {
            Connection: 'keep-alive',
            'Content-Length': length,
            'Content-Type': 'application/x-amz-json-1.0',
            'Keep-Alive': 'timeout=5',
            'x-amzn-RequestId': 'req-sqs-1',
          },
          HttpStatusCode: 200,
        },
        SdkResponseMetadata: { RequestId: 'req-sqs-1' },
      }),
    );
  });

  it('names a missing queue the Java SDK v1 way, with its error code and message format', async () => {
    fake.respond(() =>
      jsonError('com.amazonaws.sqs#QueueDoesNotExist', 'The specified queue does not exist.', 'req-sqs-2', {
        queryError: 'AWS.SimpleQueueService.NonExistentQueue;Sender',
      }),
    );
    const outcome = await invokeOnce(integration, 'arn:aws:states:::sqs:sendMessage', {
      QueueUrl: `${fake.endpoint}/111111111111/missing`,
      MessageBody: 'hello',
    });
    expect(outcome).toEqual({
      kind: 'fail',
      error: 'SQS.QueueDoesNotExistException',
      cause:
        'The specified queue does not exist. (Service: AmazonSQS; Status Code: 400; Error Code: ' +
        'AWS.SimpleQueueService.NonExistentQueue; Request ID: req-sqs-2; Proxy: null)',
    });
  });

  it('reports the answer of a .waitForTaskToken call as submitted', async () => {
    fake.respond((request) => {
      const body = JSON.parse(request.body) as { MessageBody: string };
      return jsonAnswer({ MD5OfMessageBody: md5(body.MessageBody), MessageId: 'msg-2' }, 'req-sqs-3');
    });
    const outcome = await invokeOnce(integration, 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', {
      QueueUrl: `${fake.endpoint}/111111111111/orders`,
      MessageBody: { TaskToken: 'token-1' },
    });
    expect(outcome.kind).toBe('submitted');
    expect(outputOf(outcome).MessageId).toBe('msg-2');
  });
});

describe('sns:publish', () => {
  it('sends a JSON Message as its text and sorts SequenceNumber after the metadata', async () => {
    fake.respond(() =>
      queryAnswer(
        'Publish',
        '<MessageId>m-1</MessageId><SequenceNumber>10000000000000000001</SequenceNumber>',
        'req-sns-1',
        SNS_NS,
      ),
    );
    const outcome = await invokeOnce(integration, 'arn:aws:states:::sns:publish', {
      TopicArn: 'arn:aws:sns:us-east-1:111111111111:orders.fifo',
      Message: { order: 42 },
      MessageGroupId: 'g',
    });
    const form = new URLSearchParams(fake.requests[0].body);
    expect([form.get('Action'), form.get('Message'), form.get('MessageGroupId')]).toEqual([
      'Publish',
      '{"order":42}',
      'g',
    ]);
    expect(outcome.kind).toBe('succeed');
    const output = outputOf(outcome);
    expect(Object.keys(output)).toEqual(['MessageId', 'SdkHttpMetadata', 'SdkResponseMetadata', 'SequenceNumber']);
    expect(output.SdkResponseMetadata).toEqual({ RequestId: 'req-sns-1' });
  });

  it('names a missing topic SNS.NotFoundException with the Java SDK v1 cause', async () => {
    fake.respond(() => queryError('NotFound', 'Topic does not exist', 'req-sns-2', 404, SNS_NS));
    const outcome = await invokeOnce(integration, 'arn:aws:states:::sns:publish', {
      TopicArn: 'arn:aws:sns:us-east-1:111111111111:gone',
      Message: 'hello',
    });
    expect(outcome).toEqual({
      kind: 'fail',
      error: 'SNS.NotFoundException',
      cause:
        'Topic does not exist (Service: AmazonSNS; Status Code: 404; Error Code: NotFound; Request ID: req-sns-2; Proxy: null)',
    });
  });
});

describe('dynamodb', () => {
  it('returns getItem with the model member names and the metadata', async () => {
    fake.respond(() => jsonAnswer({ Item: { id: { S: 'id1' }, flag: { BOOL: true } } }, 'req-ddb-1'));
    const outcome = await invokeOnce(integration, 'arn:aws:states:::dynamodb:getItem', {
      TableName: 'orders',
      Key: { id: { S: 'id1' } },
    });
    expect(fake.requests[0].target).toBe('DynamoDB_20120810.GetItem');
    const output = outputOf(outcome);
    expect(Object.keys(output)).toEqual(['Item', 'SdkHttpMetadata', 'SdkResponseMetadata']);
    expect(output.Item).toEqual({ id: { S: 'id1' }, flag: { BOOL: true } });
  });

  it.each([
    [
      'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
      'The conditional request failed',
      'DynamoDB.ConditionalCheckFailedException',
      'ConditionalCheckFailedException',
    ],
    // Not in the model: the Java SDK v1 raises its service-wide exception.
    [
      'com.amazon.coral.validate#ValidationException',
      'One or more parameter values were invalid',
      'DynamoDB.AmazonDynamoDBException',
      'ValidationException',
    ],
  ])('names %s as AWS does', async (type, message, error, code) => {
    fake.respond(() => jsonError(type, message, 'req-ddb-2'));
    const outcome = await invokeOnce(integration, 'arn:aws:states:::dynamodb:putItem', {
      TableName: 'orders',
      Item: { id: { S: 'id1' } },
      ConditionExpression: 'attribute_not_exists(id)',
    });
    expect(outcome).toEqual({
      kind: 'fail',
      error,
      cause: `${message} (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ${code}; Request ID: req-ddb-2; Proxy: null)`,
    });
  });

  it('offers no .waitForTaskToken', async () => {
    const outcome = await invokeOnce(integration, 'arn:aws:states:::dynamodb:getItem.waitForTaskToken', {
      TableName: 't',
    });
    expect(outcome).toEqual({
      kind: 'fail',
      error: 'States.Runtime',
      cause:
        "The resource 'arn:aws:states:::dynamodb:getItem.waitForTaskToken' does not support the waitForTaskToken integration pattern.",
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('is retried on a service error, then caught, in an execution', async () => {
    let calls = 0;
    fake.respond(() => {
      calls += 1;
      return calls < 3
        ? jsonError(
            'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
            'Rate exceeded',
            `req-${calls}`,
          )
        : jsonError(
            'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
            'The conditional request failed',
            'req-3',
          );
    });
    const definition = {
      StartAt: 'Put',
      States: {
        Put: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:putItem',
          Parameters: { TableName: 'orders', 'Item.$': '$.item', ConditionExpression: 'attribute_not_exists(id)' },
          Retry: [
            { ErrorEquals: ['DynamoDB.ProvisionedThroughputExceededException'], IntervalSeconds: 1, MaxAttempts: 3 },
          ],
          Catch: [{ ErrorEquals: ['DynamoDB.ConditionalCheckFailedException'], ResultPath: '$.error', Next: 'Exists' }],
          End: true,
        },
        Exists: { Type: 'Pass', End: true },
      },
    };
    const result = await runExecution({
      definition,
      input: { item: { id: { S: 'id1' } } },
      integrations: [integration],
    });
    expect(calls).toBe(3);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({
      item: { id: { S: 'id1' } },
      error: {
        Error: 'DynamoDB.ConditionalCheckFailedException',
        Cause:
          'The conditional request failed (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ' +
          'ConditionalCheckFailedException; Request ID: req-3; Proxy: null)',
      },
    });
  });
});

describe('events:putEvents', () => {
  it("sends Detail as text, adds the state machine's and execution's ARNs to Resources, returns no metadata", async () => {
    fake.respond(() =>
      jsonAnswer({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] }, 'req-eb-1', 'application/x-amz-json-1.1'),
    );
    const outcome = await invokeOnce(integration, 'arn:aws:states:::events:putEvents', {
      Entries: [{ Detail: { Message: 'Hello' }, DetailType: 'greeting', Source: 'my.source', Resources: ['arn:x'] }],
    });
    expect(fake.requests[0].target).toBe('AWSEvents.PutEvents');
    expect(JSON.parse(fake.requests[0].body)).toEqual({
      Entries: [
        {
          Detail: '{"Message":"Hello"}',
          DetailType: 'greeting',
          Source: 'my.source',
          Resources: [
            'arn:x',
            'arn:aws:states:us-east-1:111111111111:stateMachine:Machine',
            'arn:aws:states:us-east-1:111111111111:execution:Machine:run-1',
          ],
        },
      ],
    });
    expect(outcome).toEqual({ kind: 'succeed', output: { Entries: [{ EventId: 'e-1' }], FailedEntryCount: 0 } });
    expect(Object.keys(outputOf(outcome))).toEqual(['Entries', 'FailedEntryCount']);
  });

  it('fails with EventBridge.FailedEntry and the response as cause when an entry failed (recorded)', async () => {
    const answer = {
      FailedEntryCount: 1,
      Entries: [{ ErrorMessage: 'Detail is malformed.', ErrorCode: 'MalformedDetail' }],
    };
    fake.respond(() => jsonAnswer(answer, 'req-eb-2', 'application/x-amz-json-1.1'));
    const outcome = await invokeOnce(integration, 'arn:aws:states:::events:putEvents.waitForTaskToken', {
      Entries: [{ Detail: '"jsonstring"', DetailType: 'greeting', Source: 'my.source' }],
    });
    expect(outcome).toEqual({
      kind: 'fail',
      error: 'EventBridge.FailedEntry',
      cause: '{"Entries":[{"ErrorCode":"MalformedDetail","ErrorMessage":"Detail is malformed."}],"FailedEntryCount":1}',
    });
  });
});

describe('endpoints', () => {
  it('follows AWS_ENDPOINT_URL_<SERVICE> when nothing is configured', async () => {
    const previous = process.env.AWS_ENDPOINT_URL_DYNAMODB;
    process.env.AWS_ENDPOINT_URL_DYNAMODB = fake.endpoint;
    try {
      fake.respond(() => jsonAnswer({}, 'req-env'));
      const fromEnvironment = awsSdkIntegration({ region: 'us-east-1', credentials });
      const outcome = await invokeOnce(fromEnvironment, 'arn:aws:states:::dynamodb:deleteItem', {
        TableName: 'orders',
        Key: { id: { S: 'id1' } },
      });
      expect(outcome.kind).toBe('succeed');
      expect(fake.requests[0].target).toBe('DynamoDB_20120810.DeleteItem');
    } finally {
      if (previous === undefined) delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
      else process.env.AWS_ENDPOINT_URL_DYNAMODB = previous;
    }
  });
});
