// The workshop's error handling against `lockstep serve`: a function throwing CustomError retried twice with
// backoff, then caught; a function outliving the Task's TimeoutSeconds, caught as States.Timeout.
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
beforeAll(async () => {
  server = await startWorkshopServer('error-handling');
});
afterAll(() => server?.close());

describe('workshop: error handling', () => {
  it('retries CustomError twice, 1 s then 2 s apart, then catches it', async () => {
    const arn = await createStateMachine(server.sfn, 'error-handling', 'custom-error.asl.json', 'custom-error');
    const done = await runToCompletion(server.sfn, arn, readExerciseFile('error-handling', 'input.json'));
    expect([done.status, done.output && JSON.parse(done.output)], server.output()).toEqual([
      'SUCCEEDED',
      { recovered: 'This is a fallback from a custom Lambda function exception', error: 'CustomError' },
    ]);

    const events = await historyOf(server.sfn, done.executionArn!);
    const failures = events.filter((e) => e.type === 'LambdaFunctionFailed');
    expect(failures.map((e) => e.lambdaFunctionFailedEventDetails!.error)).toEqual([
      'CustomError',
      'CustomError',
      'CustomError',
    ]);
    expect(JSON.parse(failures[0].lambdaFunctionFailedEventDetails!.cause!)).toMatchObject({
      errorType: 'CustomError',
      errorMessage: 'This is a custom error!',
    });
    expect(events.filter((e) => e.type === 'LambdaFunctionScheduled')).toHaveLength(3);
    // The retries wait IntervalSeconds, then IntervalSeconds × BackoffRate (timestamps are whole milliseconds).
    const scheduledAt = events.filter((e) => e.type === 'LambdaFunctionScheduled').map((e) => e.timestamp!.getTime());
    const failedAt = failures.map((e) => e.timestamp!.getTime());
    expect(scheduledAt[1] - failedAt[0]).toBeGreaterThanOrEqual(1000);
    expect(scheduledAt[2] - failedAt[1]).toBeGreaterThanOrEqual(2000);
    expect(events.map((e) => e.type).slice(-4)).toEqual([
      'TaskStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events.at(-3)!.stateEnteredEventDetails!.name).toBe('Custom error fallback');
  });

  it('catches a function outliving TimeoutSeconds as States.Timeout', async () => {
    const arn = await createStateMachine(server.sfn, 'error-handling', 'timeout.asl.json', 'timeout');
    const done = await runToCompletion(server.sfn, arn, readExerciseFile('error-handling', 'timeout.input.json'));
    expect([done.status, done.output && JSON.parse(done.output)], server.output()).toEqual([
      'SUCCEEDED',
      { recovered: 'This is a fallback from a timeout error', error: 'States.Timeout' },
    ]);
    const events = await historyOf(server.sfn, done.executionArn!);
    const timedOut = events.find((e) => e.type === 'TaskTimedOut');
    expect(timedOut?.taskTimedOutEventDetails).toMatchObject({
      resourceType: 'lambda',
      resource: 'invoke',
      error: 'States.Timeout',
    });
    expect(events.find((e) => e.type === 'PassStateEntered')!.stateEnteredEventDetails!.name).toBe('Timeout fallback');
  });
});
