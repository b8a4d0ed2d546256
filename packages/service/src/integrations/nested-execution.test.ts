import { afterEach, describe, expect, it } from 'vitest';
import { createService, type Service } from '../service.js';
import { createMemoryStore } from '../store/memory-store.js';

const ROLE = 'arn:aws:iam::123456789012:role/lockstep';
const PREFIX = 'arn:aws:states:us-east-1:123456789012';

let service: Service | undefined;
afterEach(async () => {
  await service?.stop();
  service = undefined;
});

async function setUp() {
  service = createService({ store: createMemoryStore(), runtime: { idleMs: 5 } });
  service.start();
  const api = service.operations;
  const child = JSON.stringify({
    StartAt: 'Check',
    States: {
      Check: {
        Type: 'Choice',
        Choices: [{ Variable: '$.fail', IsPresent: true, Next: 'Boom' }],
        Default: 'Echo',
      },
      Echo: { Type: 'Pass', Parameters: { 'got.$': '$.value' }, End: true },
      Boom: { Type: 'Fail', Error: 'Child.Failed', Cause: 'as asked' },
    },
  });
  await api.CreateStateMachine({ name: 'child', definition: child, roleArn: ROLE });
  return api;
}

function parent(resource: string): string {
  return JSON.stringify({
    StartAt: 'Call',
    States: {
      Call: {
        Type: 'Task',
        Resource: resource,
        Parameters: { StateMachineArn: `${PREFIX}:stateMachine:child`, 'Input.$': '$' },
        End: true,
      },
    },
  });
}

async function runParent(api: Service['operations'], resource: string, input: object) {
  const name = `parent-${resource.split(':').pop()!.replace(/[.:]/g, '-')}-${JSON.stringify(input).length}`;
  await api.CreateStateMachine({ name, definition: parent(resource), roleArn: ROLE });
  const { executionArn } = await api.StartExecution({
    stateMachineArn: `${PREFIX}:stateMachine:${name}`,
    input: JSON.stringify(input),
  });
  for (let i = 0; i < 400; i++) {
    const described = await api.DescribeExecution({ executionArn });
    if (described.status !== 'RUNNING') {
      const { events } = await api.GetExecutionHistory({ executionArn });
      return { described, types: (events as { type: string }[]).map((e) => e.type) };
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('parent did not end');
}

describe('nested executions (states:startExecution)', () => {
  it('.sync waits for the child and outputs its DescribeExecution, Output as JSON text', async () => {
    const api = await setUp();
    const { described, types } = await runParent(api, 'arn:aws:states:::states:startExecution.sync', { value: 7 });
    expect(types).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    const output = JSON.parse(described.output as string);
    expect(output).toMatchObject({ Status: 'SUCCEEDED', Output: '{"got":7}', Input: '{"value":7}' });
    expect(output.ExecutionArn).toMatch(new RegExp(`^${PREFIX}:execution:child:`));
  });

  it('.sync:2 parses the child input and output', async () => {
    const api = await setUp();
    const { described } = await runParent(api, 'arn:aws:states:::states:startExecution.sync:2', { value: 1 });
    expect(JSON.parse(described.output as string)).toMatchObject({ Output: { got: 1 }, Input: { value: 1 } });
  });

  it('fails with States.TaskFailed and the child description when the child fails', async () => {
    const api = await setUp();
    const { described } = await runParent(api, 'arn:aws:states:::states:startExecution.sync', { fail: true });
    expect(described.error).toBe('States.TaskFailed');
    expect(JSON.parse(described.cause as string)).toMatchObject({
      Status: 'FAILED',
      Error: 'Child.Failed',
      Cause: 'as asked',
    });
  });

  it('request-response answers with the child ARN and start date at once', async () => {
    const api = await setUp();
    const { described } = await runParent(api, 'arn:aws:states:::states:startExecution', { value: 2 });
    const output = JSON.parse(described.output as string);
    expect(Object.keys(output)).toEqual(['ExecutionArn', 'StartDate', 'SdkHttpMetadata', 'SdkResponseMetadata']);
    expect(output.SdkHttpMetadata.HttpStatusCode).toBe(200);
    expect(typeof output.StartDate).toBe('number');
  });

  it('stops a .sync child when the parent is stopped', async () => {
    const api = await setUp();
    const slow = JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } });
    await api.CreateStateMachine({ name: 'slow', definition: slow, roleArn: ROLE });
    const definition = parent('arn:aws:states:::states:startExecution.sync').replace(
      ':stateMachine:child',
      ':stateMachine:slow',
    );
    await api.CreateStateMachine({ name: 'waiter', definition, roleArn: ROLE });
    const { executionArn } = await api.StartExecution({ stateMachineArn: `${PREFIX}:stateMachine:waiter` });
    let children: { executionArn: string; status: string }[] = [];
    for (let i = 0; i < 200 && children.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 5));
      children = (await api.ListExecutions({ stateMachineArn: `${PREFIX}:stateMachine:slow` })).executions as never;
    }
    await api.StopExecution({ executionArn });
    let status = 'RUNNING';
    for (let i = 0; i < 200 && status === 'RUNNING'; i++) {
      await new Promise((r) => setTimeout(r, 5));
      status = (await api.DescribeExecution({ executionArn: children[0].executionArn })).status as string;
    }
    expect(status).toBe('ABORTED');
  });

  it('times out a .sync task that outlives TimeoutSeconds, and stops its child', async () => {
    const api = await setUp();
    const slow = JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } });
    await api.CreateStateMachine({ name: 'slow', definition: slow, roleArn: ROLE });
    const definition = JSON.stringify({
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.sync',
          Parameters: { StateMachineArn: `${PREFIX}:stateMachine:slow` },
          TimeoutSeconds: 1,
          End: true,
        },
      },
    });
    await api.CreateStateMachine({ name: 'impatient', definition, roleArn: ROLE });
    const { executionArn } = await api.StartExecution({ stateMachineArn: `${PREFIX}:stateMachine:impatient` });
    let described = await api.DescribeExecution({ executionArn });
    for (let i = 0; i < 400 && described.status === 'RUNNING'; i++) {
      await new Promise((r) => setTimeout(r, 5));
      described = await api.DescribeExecution({ executionArn });
    }
    expect(described).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    const { events } = await api.GetExecutionHistory({ executionArn });
    expect((events as { type: string }[]).map((e) => e.type)).toContain('TaskTimedOut');
    const [child] = (await api.ListExecutions({ stateMachineArn: `${PREFIX}:stateMachine:slow` })).executions as {
      executionArn: string;
    }[];
    let status = 'RUNNING';
    for (let i = 0; i < 200 && status === 'RUNNING'; i++) {
      status = (await api.DescribeExecution({ executionArn: child.executionArn })).status as string;
      if (status === 'RUNNING') await new Promise((r) => setTimeout(r, 5));
    }
    expect(status).toBe('ABORTED');
  });

  it('reports a missing child state machine as StepFunctions.StateMachineDoesNotExistException', async () => {
    const api = await setUp();
    const definition = parent('arn:aws:states:::states:startExecution').replace(
      ':stateMachine:child',
      ':stateMachine:none',
    );
    await api.CreateStateMachine({ name: 'orphan', definition, roleArn: ROLE });
    const { executionArn } = await api.StartExecution({ stateMachineArn: `${PREFIX}:stateMachine:orphan` });
    let described: Record<string, unknown> = {};
    for (let i = 0; i < 200 && described.status !== 'FAILED'; i++) {
      await new Promise((r) => setTimeout(r, 5));
      described = await api.DescribeExecution({ executionArn });
    }
    expect(described.error).toBe('StepFunctions.StateMachineDoesNotExistException');
    expect(described.cause).toMatch(
      new RegExp(
        `^State Machine Does Not Exist: '${PREFIX}:stateMachine:none' \\(Service: AWSStepFunctions; Status Code: 400; Error Code: StateMachineDoesNotExist; Request ID: [0-9a-f-]+; Proxy: null\\)$`,
      ),
    );
  });
});
