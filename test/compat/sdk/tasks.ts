/**
 * Work done outside through the SDK: activities (Create, Describe, List, Delete, GetActivityTask) and task tokens
 * (SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat), for activity workers and `.waitForTaskToken` callbacks.
 */
import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  DeleteActivityCommand,
  DescribeActivityCommand,
  DescribeExecutionCommand,
  GetActivityTaskCommand,
  GetExecutionHistoryCommand,
  ListActivitiesCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { ARN_PREFIX, eventually, failureOf, ROLE_ARN } from '../support/sdk-client.js';
import type { SdkSuiteContext } from './context.js';

/** What AWS answers for a token whose task is over. */
const TASK_TIMED_OUT = {
  name: 'TaskTimedOut',
  message: "Task Timed Out: 'Provided task does not exist anymore'",
  status: 400,
};

/** Describes the activity and task token operations against `ctx`'s server. */
export function describeTasks(ctx: SdkSuiteContext): void {
  const createActivity = async (name: string) => (await ctx.sfn.send(new CreateActivityCommand({ name }))).activityArn!;

  /** Starts an execution of a one-Task machine and returns its ARN. */
  async function startTask(name: string, task: Record<string, unknown>, input = '{}'): Promise<string> {
    const definition = JSON.stringify({ StartAt: 'Work', States: { Work: { Type: 'Task', ...task, End: true } } });
    const { stateMachineArn } = await ctx.sfn.send(
      new CreateStateMachineCommand({ name, definition, roleArn: ROLE_ARN }),
    );
    const { executionArn } = await ctx.sfn.send(new StartExecutionCommand({ stateMachineArn, input }));
    return executionArn!;
  }

  const settled = (executionArn: string) =>
    eventually(
      () => ctx.sfn.send(new DescribeExecutionCommand({ executionArn })),
      (described) => described.status !== 'RUNNING',
    );
  const history = async (executionArn: string) =>
    (await ctx.sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events!;

  describe('activities', () => {
    it('creates an activity (again idempotently), describes, lists and deletes it', async () => {
      const created = await ctx.sfn.send(new CreateActivityCommand({ name: 'pack' }));
      expect(created.activityArn).toBe(`${ARN_PREFIX}:activity:pack`);
      expect(created.creationDate).toBeInstanceOf(Date);
      expect(await ctx.sfn.send(new CreateActivityCommand({ name: 'pack' }))).toMatchObject({
        activityArn: created.activityArn,
        creationDate: created.creationDate,
      });
      expect(await ctx.sfn.send(new DescribeActivityCommand({ activityArn: created.activityArn }))).toMatchObject({
        activityArn: created.activityArn,
        name: 'pack',
        creationDate: created.creationDate,
        encryptionConfiguration: { type: 'AWS_OWNED_KEY' },
      });
      const listed = await ctx.sfn.send(new ListActivitiesCommand({}));
      expect(listed.activities!.map((a) => a.name)).toContain('pack');
      await ctx.sfn.send(new DeleteActivityCommand({ activityArn: created.activityArn }));
      await ctx.sfn.send(new DeleteActivityCommand({ activityArn: created.activityArn }));
      const describeDeleted = new DescribeActivityCommand({ activityArn: created.activityArn });
      expect(await failureOf(ctx.sfn.send(describeDeleted))).toEqual({
        name: 'ActivityDoesNotExist',
        message: `Activity Does Not Exist: '${created.activityArn}'`,
        status: 400,
      });
    });

    it('refuses bad names, bad ARNs, bad page sizes and foreign tokens', async () => {
      expect(await failureOf(ctx.sfn.send(new CreateActivityCommand({ name: 'pack it' })))).toMatchObject({
        name: 'InvalidName',
        message: "Invalid Name: 'pack it'",
      });
      expect(await failureOf(ctx.sfn.send(new DeleteActivityCommand({ activityArn: 'pack' })))).toMatchObject({
        name: 'InvalidArn',
        message: "Invalid Arn: 'Invalid ARN prefix: pack'",
      });
      expect(await failureOf(ctx.sfn.send(new ListActivitiesCommand({ maxResults: 1001 })))).toMatchObject({
        name: 'ValidationException',
        message:
          "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
      });
      expect(await failureOf(ctx.sfn.send(new ListActivitiesCommand({ nextToken: 'not-a-token' })))).toMatchObject({
        name: 'InvalidToken',
        message: "Invalid Token: 'Invalid token'",
      });
    });
  });

  describe('activity workers', () => {
    it('hands the task to a worker, takes its heartbeat and its result', async () => {
      const activityArn = await createActivity('approve');
      const executionArn = await startTask(
        'approval',
        { Resource: activityArn, HeartbeatSeconds: 60 },
        '{"amount":10}',
      );
      const task = await eventually(
        () => ctx.sfn.send(new GetActivityTaskCommand({ activityArn, workerName: 'clerk-1' })),
        (answer) => answer.taskToken !== undefined,
      );
      expect(task.input).toBe('{"amount":10}');
      await ctx.sfn.send(new SendTaskHeartbeatCommand({ taskToken: task.taskToken }));
      await ctx.sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '{"approved":true}' }));
      expect(await settled(executionArn)).toMatchObject({ status: 'SUCCEEDED', output: '{"approved":true}' });
      const events = await history(executionArn);
      expect(events.map((e) => e.type)).toEqual([
        'ExecutionStarted',
        'TaskStateEntered',
        'ActivityScheduled',
        'ActivityStarted',
        'ActivitySucceeded',
        'TaskStateExited',
        'ExecutionSucceeded',
      ]);
      expect(events[2].activityScheduledEventDetails).toMatchObject({ resource: activityArn, heartbeatInSeconds: 60 });
      expect(events[3].activityStartedEventDetails).toEqual({ workerName: 'clerk-1' });

      const used = task.taskToken!;
      expect(await failureOf(ctx.sfn.send(new SendTaskSuccessCommand({ taskToken: used, output: '{}' })))).toEqual(
        TASK_TIMED_OUT,
      );
      expect(await failureOf(ctx.sfn.send(new SendTaskFailureCommand({ taskToken: used })))).toEqual(TASK_TIMED_OUT);
      expect(await failureOf(ctx.sfn.send(new SendTaskHeartbeatCommand({ taskToken: used })))).toEqual(TASK_TIMED_OUT);
    });

    it('answers an empty poll when no task comes, and ActivityDoesNotExist for an unknown activity', async () => {
      const activityArn = await createActivity('idle');
      const empty = await ctx.sfn.send(new GetActivityTaskCommand({ activityArn, workerName: 'bored' }));
      expect(empty.taskToken).toBeUndefined();
      expect(empty.input).toBeUndefined();
      const missing = `${ARN_PREFIX}:activity:never-created`;
      expect(await failureOf(ctx.sfn.send(new GetActivityTaskCommand({ activityArn: missing })))).toEqual({
        name: 'ActivityDoesNotExist',
        message: `Activity Does Not Exist: '${missing}'`,
        status: 400,
      });
    });

    it('refuses a token it never issued and output that is not JSON', async () => {
      const invalidToken = { name: 'InvalidToken', message: "Invalid Token: 'Invalid token'", status: 400 };
      const bogus = 'not-a-task-token';
      expect(await failureOf(ctx.sfn.send(new SendTaskSuccessCommand({ taskToken: bogus, output: '{}' })))).toEqual(
        invalidToken,
      );
      expect(await failureOf(ctx.sfn.send(new SendTaskFailureCommand({ taskToken: bogus })))).toEqual(invalidToken);
      expect(await failureOf(ctx.sfn.send(new SendTaskHeartbeatCommand({ taskToken: bogus })))).toEqual(invalidToken);
      const badOutput = new SendTaskSuccessCommand({ taskToken: bogus, output: 'not json' });
      expect(await failureOf(ctx.sfn.send(badOutput))).toMatchObject({ name: 'InvalidOutput' });
    });
  });

  describe('callbacks (.waitForTaskToken)', () => {
    const callback = {
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Parameters: {
        QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/approvals',
        MessageBody: { 'order.$': '$', 'token.$': '$$.Task.Token' },
      },
    };

    /** The token the Task sent, as a callback's recipient reads it: from the TaskScheduled event's parameters. */
    async function scheduledToken(executionArn: string): Promise<string> {
      const events = await eventually(
        () => history(executionArn),
        (list) => list.some((e) => e.type === 'TaskScheduled'),
      );
      const scheduled = events.find((e) => e.type === 'TaskScheduled')!.taskScheduledEventDetails!;
      expect(scheduled).toMatchObject({ resource: 'sendMessage.waitForTaskToken', resourceType: 'sqs' });
      return JSON.parse(scheduled.parameters!).MessageBody.token;
    }

    it('resumes with the output of SendTaskSuccess', async () => {
      const executionArn = await startTask('callback-success', callback, '{"id":1}');
      const taskToken = await scheduledToken(executionArn);
      await ctx.sfn.send(new SendTaskHeartbeatCommand({ taskToken }));
      await ctx.sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{"approved":"yes"}' }));
      expect(await settled(executionArn)).toMatchObject({ status: 'SUCCEEDED', output: '{"approved":"yes"}' });
      const succeeded = (await history(executionArn)).find((e) => e.type === 'TaskSucceeded');
      expect(succeeded?.taskSucceededEventDetails).toMatchObject({ output: '{"approved":"yes"}' });
      expect(await failureOf(ctx.sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' })))).toEqual(
        TASK_TIMED_OUT,
      );
    });

    // AWS records TaskSubmitted once the service answered the call (reference 7.3: ... TaskStarted -> TaskSubmitted ->
    // TaskSucceeded). This server has no SQS to call: the task waits for its token without a call, and so without
    // TaskSubmitted. (With an integration, TaskSubmitted carries the call's answer: see the integrations' tests.)
    it('records the events of a callback whose service was not called', async () => {
      const executionArn = await startTask('callback-events', callback);
      const taskToken = await scheduledToken(executionArn);
      await ctx.sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }));
      await settled(executionArn);
      expect((await history(executionArn)).map((e) => e.type)).toEqual([
        'ExecutionStarted',
        'TaskStateEntered',
        'TaskScheduled',
        'TaskStarted',
        'TaskSucceeded',
        'TaskStateExited',
        'ExecutionSucceeded',
      ]);
    });

    it('fails with the error and cause of SendTaskFailure', async () => {
      const executionArn = await startTask('callback-failure', callback);
      const taskToken = await scheduledToken(executionArn);
      await ctx.sfn.send(new SendTaskFailureCommand({ taskToken, error: 'Rejected', cause: 'over budget' }));
      expect(await settled(executionArn)).toMatchObject({ status: 'FAILED', error: 'Rejected', cause: 'over budget' });
      const failed = (await history(executionArn)).find((e) => e.type === 'TaskFailed');
      expect(failed?.taskFailedEventDetails).toMatchObject({ error: 'Rejected', cause: 'over budget' });
    });
  });
}
