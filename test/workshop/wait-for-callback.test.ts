// The workshop's "wait for callback" against `lockstep serve`: a Task hands `$$.Task.Token` to a Lambda function,
// which calls SendTaskSuccess (or SendTaskFailure) on the server with the AWS SDK.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStateMachine,
  historyOf,
  readExerciseFile,
  runToCompletion,
  startWorkshopServer,
  type WorkshopServer,
} from './workshop-server.js';

let server: WorkshopServer;
let arn: string;
beforeAll(async () => {
  server = await startWorkshopServer('wait-for-callback', { sfnEndpointForFunctions: true });
  arn = await createStateMachine(server.sfn, 'wait-for-callback', 'wait-for-callback.asl.json', 'wait-for-callback');
});
afterAll(() => server?.close());

describe('workshop: wait for callback', () => {
  it('continues with the output the function sent with SendTaskSuccess', async () => {
    const done = await runToCompletion(server.sfn, arn, readExerciseFile('wait-for-callback', 'input.json'));
    expect([done.status, done.output && JSON.parse(done.output)], server.output()).toEqual([
      'SUCCEEDED',
      { orderId: 'order-7', shipped: true, approvedBy: 'approve-order' },
    ]);
    const events = await historyOf(server.sfn, done.executionArn!);
    // The function sends the token back before its invocation returns, so whether `TaskSubmitted` (the invocation's
    // response) is recorded depends on that race; the events around it do not.
    expect(events.map((e) => e.type).filter((type) => type !== 'TaskSubmitted')).toEqual([
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
    expect([scheduled.resourceType, scheduled.resource]).toEqual(['lambda', 'invoke.waitForTaskToken']);
    // What the function sent, not what it returned, is the task's result.
    expect(JSON.parse(events.find((e) => e.type === 'TaskSucceeded')!.taskSucceededEventDetails!.output!)).toEqual({
      approvedBy: 'approve-order',
    });
  });

  it('fails with the error the function sent with SendTaskFailure', async () => {
    const done = await runToCompletion(server.sfn, arn, JSON.stringify({ orderId: 'order-8', amount: 5000 }));
    expect([done.status, done.error, done.cause], server.output()).toEqual([
      'FAILED',
      'OrderRejected',
      'Order order-8 is too large',
    ]);
    const events = await historyOf(server.sfn, done.executionArn!);
    expect(events.map((e) => e.type).slice(-2)).toEqual(['TaskFailed', 'ExecutionFailed']);
  });
});
