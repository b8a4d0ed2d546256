/**
 * The AWS CLI v2 (Debian's `awscli`, /usr/bin/aws) against `lockstep serve` started from the built CLI, changing
 * nothing but `--endpoint-url`: create a state machine, start and describe an execution, read its history, list,
 * an error, and StartSyncExecution with its `sync-` host prefix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWS_CLI, failEveryTestIf, jsonOf, missingAwsCli, runTool } from './support/aws-tools.js';
import { type LockstepProcess, startLockstep } from './support/lockstep-process.js';
import { ARN_PREFIX, ROLE_ARN } from './support/sdk-client.js';

const missingTool = missingAwsCli();
let lockstep: LockstepProcess | undefined;

beforeAll(async () => {
  if (!missingTool) lockstep = await startLockstep();
});
failEveryTestIf(missingTool);

afterAll(async () => {
  await lockstep?.stop();
});

/** `aws stepfunctions <args>` against `endpoint` (the server's printed URL unless given). */
function aws(args: string[], options: { endpoint?: string; env?: Record<string, string> } = {}) {
  const endpoint = options.endpoint ?? lockstep!.url;
  return runTool(AWS_CLI, ['--endpoint-url', endpoint, '--output', 'json', 'stepfunctions', ...args], options.env);
}

const greeter = JSON.stringify({
  StartAt: 'Greet',
  States: {
    Greet: { Type: 'Pass', Parameters: { 'greeting.$': "States.Format('Hello, {}!', $.name)" }, Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
});

describe('AWS CLI v2 against lockstep serve', () => {
  it('creates a state machine, runs an execution to SUCCEEDED and reads its history', async () => {
    const created = jsonOf(
      await aws(['create-state-machine', '--name', 'cli-greeter', '--definition', greeter, '--role-arn', ROLE_ARN]),
    );
    expect(created.stateMachineArn).toBe(`${ARN_PREFIX}:stateMachine:cli-greeter`);
    expect(Date.parse(created.creationDate)).not.toBeNaN();

    const started = jsonOf(
      await aws([
        'start-execution',
        '--state-machine-arn',
        created.stateMachineArn,
        '--name',
        'run-1',
        '--input',
        '{"name":"CLI"}',
      ]),
    );
    const executionArn = `${ARN_PREFIX}:execution:cli-greeter:run-1`;
    expect(started.executionArn).toBe(executionArn);

    let described = jsonOf(await aws(['describe-execution', '--execution-arn', executionArn]));
    for (let i = 0; i < 20 && described.status === 'RUNNING'; i++) {
      described = jsonOf(await aws(['describe-execution', '--execution-arn', executionArn]));
    }
    expect(described).toMatchObject({
      executionArn,
      stateMachineArn: created.stateMachineArn,
      name: 'run-1',
      status: 'SUCCEEDED',
      input: '{"name":"CLI"}',
      output: '{"greeting":"Hello, CLI!"}',
    });

    const { events } = jsonOf(await aws(['get-execution-history', '--execution-arn', executionArn]));
    expect(events.map((e: Record<string, unknown>) => [e.id, e.type, e.previousEventId])).toEqual([
      [1, 'ExecutionStarted', 0],
      [2, 'PassStateEntered', 0],
      [3, 'PassStateExited', 2],
      [4, 'SucceedStateEntered', 3],
      [5, 'SucceedStateExited', 4],
      [6, 'ExecutionSucceeded', 5],
    ]);
    expect(events[0].executionStartedEventDetails).toMatchObject({ input: '{"name":"CLI"}', roleArn: ROLE_ARN });
    expect(events[5].executionSucceededEventDetails).toMatchObject({ output: '{"greeting":"Hello, CLI!"}' });

    const reversed = jsonOf(
      await aws(['get-execution-history', '--execution-arn', executionArn, '--reverse-order', '--max-items', '2']),
    );
    expect(reversed.events.map((e: Record<string, unknown>) => e.id)).toEqual([6, 5]);
    expect(typeof reversed.NextToken).toBe('string');
  });

  it('lists state machines', async () => {
    await aws(['create-state-machine', '--name', 'cli-listed', '--definition', greeter, '--role-arn', ROLE_ARN]);
    const { stateMachines } = jsonOf(await aws(['list-state-machines']));
    expect(stateMachines).toContainEqual(
      expect.objectContaining({
        stateMachineArn: `${ARN_PREFIX}:stateMachine:cli-listed`,
        name: 'cli-listed',
        type: 'STANDARD',
      }),
    );
  });

  it('reports a missing execution as AWS does: exit code 254 and ExecutionDoesNotExist', async () => {
    const missing = `${ARN_PREFIX}:execution:cli-greeter:missing`;
    const run = await aws(['describe-execution', '--execution-arn', missing]);
    expect(run.code).toBe(254);
    expect(run.stderr.trim()).toBe(
      `An error occurred (ExecutionDoesNotExist) when calling the DescribeExecution operation: Execution Does Not Exist: '${missing}'`,
    );
  });

  /**
   * The CLI puts AWS's `sync-` host prefix on StartSyncExecution even for an IP endpoint, and has no option to turn it
   * off. What works where `sync-localhost` does not resolve (as here): an HTTP proxy that is Lockstep itself, with the
   * endpoint `http://localhost:<port>`; the CLI then asks the proxy for `http://sync-localhost:<port>/`.
   */
  describe('start-sync-execution', () => {
    const expressArn = `${ARN_PREFIX}:stateMachine:cli-express`;
    const viaProxy = () => ({ HTTP_PROXY: lockstep!.url });
    let created: Promise<unknown> | undefined;
    const startSync = async (endpoint: string, env?: Record<string, string>) => {
      const args = ['--definition', greeter, '--role-arn', ROLE_ARN, '--type', 'EXPRESS'];
      created ??= aws(['create-state-machine', '--name', 'cli-express', ...args]).then(jsonOf);
      await created;
      return aws(['start-sync-execution', '--state-machine-arn', expressArn, '--input', '{"name":"Sync"}'], {
        endpoint,
        env,
      });
    };

    it('is sent to sync-127.0.0.1, which does not resolve', async () => {
      const run = await startSync(lockstep!.url, { AWS_MAX_ATTEMPTS: '1', AWS_RETRY_MODE: 'standard' });
      expect(run.code).toBe(255);
      expect(run.stderr).toContain(`Could not connect to the endpoint URL: "http://sync-127.0.0.1:${lockstep!.port}/"`);
    });

    it('runs through HTTP_PROXY=<lockstep> with the endpoint http://localhost:<port>', async () => {
      const result = jsonOf(await startSync(`http://localhost:${lockstep!.port}`, viaProxy()));
      expect(result).toMatchObject({
        stateMachineArn: expressArn,
        status: 'SUCCEEDED',
        output: '{"greeting":"Hello, Sync!"}',
        billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: 100 },
      });
      expect(result.executionArn).toMatch(new RegExp(`^${ARN_PREFIX}:express:cli-express:`));
    });

    // The CLI then sends the request line `POST http://sync-127.0.0.1:<port>/ HTTP/1.1`, whose host no URL allows
    // (a host ending in a number must be an IPv4 address): the server routes it by its path alone.
    it('runs through HTTP_PROXY=<lockstep> with the endpoint http://127.0.0.1:<port>', async () => {
      const result = jsonOf(await startSync(lockstep!.url, viaProxy()));
      expect(result).toMatchObject({ status: 'SUCCEEDED', output: '{"greeting":"Hello, Sync!"}' });
    });
  });
});
