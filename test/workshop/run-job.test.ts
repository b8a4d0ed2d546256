// The workshop's "run a job" against `lockstep serve`: a parent runs a child state machine with
// `states:startExecution.sync:2`, waits for it, and uses its output.
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
  server = await startWorkshopServer('run-job', { args: ['--wait-time-scale', '0'] });
});
afterAll(() => server?.close());

describe('workshop: run a job (.sync)', () => {
  it('runs the job as a nested execution and uses its output', async () => {
    const jobArn = await createStateMachine(server.sfn, 'run-job', 'job.asl.json', 'workshop-job');
    expect(jobArn).toBe('arn:aws:states:us-east-1:123456789012:stateMachine:workshop-job');
    const arn = await createStateMachine(server.sfn, 'run-job', 'run-job.asl.json', 'workshop-run-job');
    const done = await runToCompletion(server.sfn, arn, readExerciseFile('run-job', 'input.json'));
    expect([done.status, JSON.parse(done.output!)]).toEqual([
      'SUCCEEDED',
      { notification: 'Done: Job job-42 processed 1200 records' },
    ]);

    const events = await historyOf(server.sfn, done.executionArn!);
    expect(events.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    const scheduled = events.find((e) => e.type === 'TaskScheduled')!.taskScheduledEventDetails!;
    expect([scheduled.resourceType, scheduled.resource]).toEqual(['states', 'startExecution.sync:2']);
    const succeeded = JSON.parse(events.find((e) => e.type === 'TaskSucceeded')!.taskSucceededEventDetails!.output!);
    expect(succeeded).toMatchObject({
      StateMachineArn: jobArn,
      Status: 'SUCCEEDED',
      Output: { jobId: 'job-42', result: 'Job job-42 processed 1200 records' },
    });
    // `.sync:2` gives the child's input and output as JSON; its input carries the parent's execution ARN, as
    // the console links them on AWS.
    expect(succeeded.Input).toMatchObject({ AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: done.executionArn });
  });
});
