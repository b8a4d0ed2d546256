import { afterEach, describe, expect, it } from 'vitest';
import { createService, type Service, type ServiceOptions } from './service.js';
import { createMemoryStore } from './store/memory-store.js';
import { codeAndMessage } from './test-support.js';

const ROLE = 'arn:aws:iam::123456789012:role/lockstep';
const PREFIX = 'arn:aws:states:us-east-1:123456789012';

let service: Service | undefined;

afterEach(async () => {
  await service?.stop();
  service = undefined;
});

function open(options: Partial<ServiceOptions> = {}) {
  service = createService({ store: createMemoryStore(), runtime: { idleMs: 5 }, ...options });
  service.start();
  return service.operations;
}

/** Polls DescribeExecution until the execution is no longer running. */
async function settled(api: ReturnType<typeof open>, executionArn: string) {
  for (let i = 0; i < 500; i++) {
    const described = await api.DescribeExecution({ executionArn });
    if (described.status !== 'RUNNING') return described;
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error('execution did not end');
}

const definition = JSON.stringify({
  StartAt: 'Greet',
  States: {
    Greet: { Type: 'Pass', Parameters: { 'greeting.$': "States.Format('Hello, {}!', $.name)" }, End: true },
  },
});

describe('the service', () => {
  it('creates a state machine, runs an execution durably, and shows its history', async () => {
    const api = open();
    const { stateMachineArn } = await api.CreateStateMachine({ name: 'hello', definition, roleArn: ROLE });
    expect(stateMachineArn).toBe(`${PREFIX}:stateMachine:hello`);
    const started = await api.StartExecution({ stateMachineArn, name: 'run-1', input: '{"name":"Ada"}' });
    expect(started.executionArn).toBe(`${PREFIX}:execution:hello:run-1`);
    const described = await settled(api, started.executionArn as string);
    expect(described).toMatchObject({ status: 'SUCCEEDED', output: '{"greeting":"Hello, Ada!"}', name: 'run-1' });
    const { events } = await api.GetExecutionHistory({ executionArn: started.executionArn });
    expect((events as { type: string }[]).map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    expect((events as Record<string, unknown>[])[0]).toMatchObject({
      id: 1,
      previousEventId: 0,
      executionStartedEventDetails: { input: '{"name":"Ada"}', inputDetails: { truncated: false }, roleArn: ROLE },
    });
    const listed = await api.ListExecutions({ stateMachineArn });
    expect((listed.executions as { name: string }[]).map((e) => e.name)).toEqual(['run-1']);
  });

  it('keeps Standard execution names idempotent while running with the same input', async () => {
    const api = open();
    const waiting = JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } });
    const { stateMachineArn } = await api.CreateStateMachine({ name: 'slow', definition: waiting, roleArn: ROLE });
    const first = await api.StartExecution({ stateMachineArn, name: 'same', input: '{}' });
    expect(await api.StartExecution({ stateMachineArn, name: 'same', input: '{}' })).toEqual(first);
    expect(await codeAndMessage(api.StartExecution({ stateMachineArn, name: 'same', input: '{"x":1}' }))).toEqual([
      'ExecutionAlreadyExists',
      `Execution Already Exists: '${PREFIX}:execution:slow:same'`,
    ]);
    const stopped = await api.StopExecution({ executionArn: first.executionArn, error: 'Halt', cause: 'test' });
    expect(typeof stopped.stopDate).toBe('number');
    expect(await api.DescribeExecution({ executionArn: first.executionArn })).toMatchObject({
      status: 'ABORTED',
      error: 'Halt',
      cause: 'test',
    });
  });

  it('refuses bad input and unknown resources with AWS errors', async () => {
    const api = open();
    const { stateMachineArn } = await api.CreateStateMachine({ name: 'm', definition, roleArn: ROLE });
    expect(await codeAndMessage(api.StartExecution({ stateMachineArn, input: '' }))).toEqual([
      'InvalidExecutionInput',
      "Invalid State Machine Execution Input: 'Invalid execution input.'",
    ]);
    expect(await codeAndMessage(api.StartExecution({ stateMachineArn: `${PREFIX}:stateMachine:nope` }))).toEqual([
      'StateMachineDoesNotExist',
      `State Machine Does Not Exist: '${PREFIX}:stateMachine:nope'`,
    ]);
    expect(await codeAndMessage(api.DescribeExecution({ executionArn: `${PREFIX}:execution:m:nope` }))).toEqual([
      'ExecutionDoesNotExist',
      `Execution Does Not Exist: '${PREFIX}:execution:m:nope'`,
    ]);
    expect(await codeAndMessage(api.StartSyncExecution({ stateMachineArn }))).toEqual([
      'StateMachineTypeNotSupported',
      'This operation is not supported by this type of state machine',
    ]);
  });

  it('hands activity tasks to workers and takes their results', async () => {
    const api = open();
    const { activityArn } = await api.CreateActivity({ name: 'approve' });
    const machine = JSON.stringify({
      StartAt: 'Ask',
      States: { Ask: { Type: 'Task', Resource: activityArn, HeartbeatSeconds: 60, End: true } },
    });
    const { stateMachineArn } = await api.CreateStateMachine({ name: 'approval', definition: machine, roleArn: ROLE });
    const { executionArn } = await api.StartExecution({ stateMachineArn, input: '{"amount":10}' });
    const task = await api.GetActivityTask({ activityArn, workerName: 'clerk' });
    expect(task.input).toBe('{"amount":10}');
    await api.SendTaskHeartbeat({ taskToken: task.taskToken });
    await api.SendTaskSuccess({ taskToken: task.taskToken, output: '{"approved":true}' });
    expect(await settled(api, executionArn as string)).toMatchObject({
      status: 'SUCCEEDED',
      output: '{"approved":true}',
    });
    const { events } = await api.GetExecutionHistory({ executionArn });
    const started = (events as Record<string, unknown>[]).find((e) => e.type === 'ActivityStarted');
    expect(started?.activityStartedEventDetails).toEqual({ workerName: 'clerk' });
    expect(await codeAndMessage(api.SendTaskSuccess({ taskToken: task.taskToken, output: '{}' }))).toEqual([
      'TaskTimedOut',
      "Task Timed Out: 'Provided task does not exist anymore'",
    ]);
  });

  it('answers an empty GetActivityTask when no task comes in time', async () => {
    const api = open({ activityPollMs: 20 });
    const { activityArn } = await api.CreateActivity({ name: 'idle' });
    expect(await api.GetActivityTask({ activityArn })).toEqual({});
  });

  it('waits for a callback token and fails the task with SendTaskFailure', async () => {
    const api = open();
    const machine = JSON.stringify({
      StartAt: 'Wait for approval',
      States: {
        'Wait for approval': {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
          Parameters: { 'token.$': '$$.Task.Token' },
          End: true,
        },
      },
    });
    const { stateMachineArn } = await api.CreateStateMachine({ name: 'callback', definition: machine, roleArn: ROLE });
    const { executionArn } = await api.StartExecution({ stateMachineArn });
    let token: string | undefined;
    for (let i = 0; i < 200 && !token; i++) {
      const { events } = await api.GetExecutionHistory({ executionArn });
      const scheduled = (events as { type: string; taskScheduledEventDetails?: { parameters: string } }[]).find(
        (e) => e.type === 'TaskScheduled',
      );
      token = scheduled && JSON.parse(scheduled.taskScheduledEventDetails!.parameters).token;
      await new Promise((r) => setTimeout(r, 2));
    }
    await api.SendTaskFailure({ taskToken: token, error: 'Rejected', cause: 'no' });
    expect(await settled(api, executionArn as string)).toMatchObject({
      status: 'FAILED',
      error: 'Rejected',
      cause: 'no',
    });
  });

  it('runs Express executions synchronously in memory', async () => {
    const api = open();
    const { stateMachineArn } = await api.CreateStateMachine({
      name: 'fast',
      definition,
      roleArn: ROLE,
      type: 'EXPRESS',
    });
    const result = await api.StartSyncExecution({ stateMachineArn, name: 'quick', input: '{"name":"Bo"}' });
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: '{"greeting":"Hello, Bo!"}',
      name: 'quick',
      inputDetails: { included: true },
      billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: 100 },
    });
    expect(result.executionArn).toMatch(new RegExp(`^${PREFIX}:express:fast:quick:[0-9a-f-]{36}$`));
    expect(await codeAndMessage(api.DescribeExecution({ executionArn: result.executionArn }))).toEqual([
      'InvalidArn',
      "Invalid Arn: 'Resource type not valid in this context: express'",
    ]);
  });
});
