// The workshop's request-response pattern against `lockstep serve`: an `sns:publish` Task calls SNS (a double of the
// test's, at AWS_ENDPOINT_URL_SNS) and goes on with its answer at once, without waiting for any subscriber.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SnsDouble, startSnsDouble } from './sns-double.js';
import {
  createStateMachine,
  historyOf,
  readExerciseFile,
  runToCompletion,
  startWorkshopServer,
  type WorkshopServer,
} from './workshop-server.js';

let server: WorkshopServer;
let sns: SnsDouble;
let arn: string;

beforeAll(async () => {
  sns = await startSnsDouble();
  // The server calls AWS services at the endpoints its environment names, as when a user exports this first.
  process.env.AWS_ENDPOINT_URL_SNS = sns.url;
  server = await startWorkshopServer('request-response');
  arn = await createStateMachine(server.sfn, 'request-response', 'request-response.asl.json', 'request-response');
});
afterAll(async () => {
  await server?.close();
  await sns?.close();
  delete process.env.AWS_ENDPOINT_URL_SNS;
});

describe('workshop: request response', () => {
  it('publishes the message and continues with the MessageId SNS answered', async () => {
    const done = await runToCompletion(server.sfn, arn, readExerciseFile('request-response', 'input.json'));
    expect([done.status, done.output && JSON.parse(done.output)], `${done.error}: ${done.cause}`).toEqual([
      'SUCCEEDED',
      { orderId: 'order-9', messageId: '00000000-0000-4000-8000-000000000001' },
    ]);

    expect(sns.published).toEqual([
      {
        topicArn: 'arn:aws:sns:us-east-1:123456789012:order-events',
        subject: 'Order order-9 placed',
        // A JSON Message is published as its text.
        message: '{"orderId":"order-9","items":2}',
        messageId: '00000000-0000-4000-8000-000000000001',
        requestId: 'sns-request-1',
      },
    ]);

    const events = await historyOf(server.sfn, done.executionArn!);
    expect(events.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    const scheduled = events.find((e) => e.type === 'TaskScheduled')!.taskScheduledEventDetails!;
    expect([scheduled.resourceType, scheduled.resource]).toEqual(['sns', 'publish']);
    // The Task's result is SNS's answer as the AWS SDK for Java v1 shapes it: the fields, then the HTTP metadata.
    const result = JSON.parse(events.find((e) => e.type === 'TaskSucceeded')!.taskSucceededEventDetails!.output!);
    expect(Object.keys(result)).toEqual(['MessageId', 'SdkHttpMetadata', 'SdkResponseMetadata']);
    expect(result).toMatchObject({
      MessageId: '00000000-0000-4000-8000-000000000001',
      SdkHttpMetadata: {
        HttpHeaders: { 'Content-Type': 'text/xml', 'x-amzn-RequestId': 'sns-request-1' },
        HttpStatusCode: 200,
      },
      SdkResponseMetadata: { RequestId: 'sns-request-1' },
    });
    expect(result.SdkHttpMetadata.AllHttpHeaders).toMatchObject({
      'Content-Type': ['text/xml'],
      'x-amzn-RequestId': ['sns-request-1'],
    });
  });
});
