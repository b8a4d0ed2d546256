/**
 * boto3 (Debian's python3-boto3, /usr/bin/python3) against `lockstep serve` started from the built CLI: an activity
 * worker written as the AWS documentation writes one (activity_worker.py) completes a task, and a boto3 user
 * (boto3_user.py) creates, starts, describes, reads history and runs an Express execution synchronously.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failEveryTestIf, jsonOf, missingBoto3, PYTHON, runTool, type ToolRun } from './support/aws-tools.js';
import { type LockstepProcess, startLockstep } from './support/lockstep-process.js';
import { ARN_PREFIX, ROLE_ARN } from './support/sdk-client.js';

const WORKER = fileURLToPath(new URL('./activity_worker.py', import.meta.url));
const USER = fileURLToPath(new URL('./boto3_user.py', import.meta.url));

const missingTool = missingBoto3();
let lockstep: LockstepProcess | undefined;

beforeAll(async () => {
  if (!missingTool) lockstep = await startLockstep();
});
failEveryTestIf(missingTool);

afterAll(async () => {
  await lockstep?.stop();
});

/** `boto3_user.py <command> <args>` against the server. */
function boto3(command: string, ...args: string[]): Promise<ToolRun> {
  return runTool(PYTHON, [USER, '--endpoint-url', lockstep!.url, command, ...args]);
}

/** Creates a state machine with boto3; its ARN. */
async function createStateMachine(name: string, definition: unknown, type = 'STANDARD'): Promise<string> {
  const text = JSON.stringify(definition);
  const args = ['--name', name, '--definition', text, '--role-arn', ROLE_ARN, '--type', type];
  return jsonOf(await boto3('create-state-machine', ...args)).stateMachineArn;
}

describe('boto3 against lockstep serve', () => {
  it('runs an activity worker that completes the task with its output', async () => {
    const { activityArn } = jsonOf(await boto3('create-activity', '--name', 'greet'));
    expect(activityArn).toBe(`${ARN_PREFIX}:activity:greet`);
    const stateMachineArn = await createStateMachine('boto3-activity', {
      StartAt: 'Greet',
      States: { Greet: { Type: 'Task', Resource: activityArn, TimeoutSeconds: 60, End: true } },
    });

    // The worker polls before the task exists: its long poll is answered when the execution schedules it.
    const workerArgs = ['--endpoint-url', lockstep!.url, '--activity-arn', activityArn, '--worker-name', 'py-worker'];
    const worker = runTool(PYTHON, [WORKER, ...workerArgs, '--tasks', '1']);
    const started = jsonOf(
      await boto3('start', '--state-machine-arn', stateMachineArn, '--name', 'ada', '--input', '{"name":"Ada"}'),
    );
    expect(started.executionArn).toBe(`${ARN_PREFIX}:execution:boto3-activity:ada`);
    const workerRun = await worker;
    expect(workerRun).toMatchObject({ code: 0, stderr: '' });

    const described = jsonOf(await boto3('describe', '--execution-arn', started.executionArn, '--wait'));
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output)).toEqual({ greeting: 'Hello, Ada!', worker: 'py-worker' });

    const { events } = jsonOf(await boto3('history', '--execution-arn', started.executionArn));
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'ActivityScheduled',
      'ActivityStarted',
      'ActivitySucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events[2].activityScheduledEventDetails).toMatchObject({ resource: activityArn, input: '{"name":"Ada"}' });
    expect(events[3].activityStartedEventDetails).toEqual({ workerName: 'py-worker' });
    expect(JSON.parse(events[4].activitySucceededEventDetails.output)).toEqual(JSON.parse(described.output));
  });

  it('creates, starts, describes and pages through history as a boto3 user', async () => {
    const stateMachineArn = await createStateMachine('boto3-chain', {
      StartAt: 'First',
      States: {
        First: { Type: 'Pass', Result: 1, ResultPath: '$.first', Next: 'Second' },
        Second: { Type: 'Pass', Result: 2, ResultPath: '$.second', End: true },
      },
    });
    expect(stateMachineArn).toBe(`${ARN_PREFIX}:stateMachine:boto3-chain`);
    const { executionArn, startDate } = jsonOf(
      await boto3('start', '--state-machine-arn', stateMachineArn, '--name', 'run-1', '--input', '{"n":0}'),
    );
    expect(Date.parse(startDate)).not.toBeNaN();
    const described = jsonOf(await boto3('describe', '--execution-arn', executionArn, '--wait'));
    expect(described).toMatchObject({ status: 'SUCCEEDED', name: 'run-1', output: '{"n":0,"first":1,"second":2}' });

    const history = jsonOf(await boto3('history', '--execution-arn', executionArn, '--page-size', '2'));
    expect(history.pages).toBe(3);
    expect(history.events.map((e: Record<string, unknown>) => [e.id, e.type, e.previousEventId])).toEqual([
      [1, 'ExecutionStarted', 0],
      [2, 'PassStateEntered', 0],
      [3, 'PassStateExited', 2],
      [4, 'PassStateEntered', 3],
      [5, 'PassStateExited', 4],
      [6, 'ExecutionSucceeded', 5],
    ]);
  });

  it('reports a missing execution as a ClientError with AWS code and message', async () => {
    const missing = `${ARN_PREFIX}:execution:boto3-chain:missing`;
    const run = await boto3('describe', '--execution-arn', missing);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      Error: { Code: 'ExecutionDoesNotExist', Message: `Execution Does Not Exist: '${missing}'` },
    });
  });

  it('runs an Express execution synchronously with inject_host_prefix=False', async () => {
    const stateMachineArn = await createStateMachine(
      'boto3-express',
      { StartAt: 'Echo', States: { Echo: { Type: 'Pass', End: true } } },
      'EXPRESS',
    );
    const result = jsonOf(await boto3('start-sync', '--state-machine-arn', stateMachineArn, '--input', '{"x":1}'));
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: '{"x":1}', stateMachineArn });
  });
});
