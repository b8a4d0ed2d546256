// End-to-end: Step Functions Local's testing tools on `lockstep serve` as a user runs it — a mock configuration
// (SFN_MOCK_CONFIG or --mock-config) whose test cases run on `<stateMachineArn>#<TestCase>`, and WAIT_TIME_SCALE —
// through the AWS SDK. Needs `npm run build` first (`npm test` does it).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  SFNClient,
  StartExecutionCommand,
  StartSyncExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killServers, type ServeProcess, startServe } from '../support/serve-process.js';

const scratch = mkdtempSync(join(tmpdir(), 'lockstep-mock-config-'));
const ROLE = 'arn:aws:iam::123456789012:role/r';

const mockConfigFile = join(scratch, 'EnvSpecifiedMockConfig.json');
writeFileSync(
  mockConfigFile,
  JSON.stringify({
    StateMachines: {
      Orders: {
        TestCases: {
          Happy: { Charge: 'Charged', Notify: 'Notified' },
          Retry: { Charge: 'ChargedOnSecondTry', Notify: 'Notified' },
          Declined: { Charge: 'CardDeclined' },
        },
      },
      QuickOrders: { TestCases: { Happy: { Charge: 'Charged', Notify: 'Notified' } } },
    },
    MockedResponses: {
      Charged: { '0': { Return: { StatusCode: 200, Payload: { charged: 42 } } } },
      ChargedOnSecondTry: {
        '0': { Throw: { Error: 'Lambda.TooManyRequestsException', Cause: 'Rate exceeded' } },
        '1': { Return: { StatusCode: 200, Payload: { charged: 42 } } },
      },
      CardDeclined: { '0-1': { Throw: { Error: 'PaymentDeclined', Cause: 'The card expired.' } } },
      Notified: { '0': { Return: { MessageId: 'm-1' } } },
    },
  }),
);

/** Pays (after a long pause, which WAIT_TIME_SCALE=0 skips), then notifies; a declined card is caught. */
const definition = JSON.stringify({
  StartAt: 'Pause',
  States: {
    Pause: { Type: 'Wait', Seconds: 3600, Next: 'Charge' },
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'charge', 'Payload.$': '$' },
      OutputPath: '$.Payload',
      Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], IntervalSeconds: 1, MaxAttempts: 1 }],
      Catch: [{ ErrorEquals: ['PaymentDeclined'], Next: 'Declined' }],
      Next: 'Notify',
    },
    Notify: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sns:publish',
      Parameters: { TopicArn: 'arn:aws:sns:us-east-1:123456789012:orders', 'Message.$': '$' },
      End: true,
    },
    Declined: { Type: 'Pass', End: true },
  },
});

afterAll(() => {
  killServers();
  rmSync(scratch, { recursive: true, force: true });
});

/** Starts `lockstep serve` in memory on a free port, in `cwd`, with `env` added to the environment. */
const serve = (args: string[], env: Record<string, string> = {}, cwd = scratch) =>
  startServe(['--memory', ...args], { cwd, env: { ...process.env, ...env } });

describe('lockstep serve with a mock configuration (built CLI)', () => {
  let sfn: SFNClient;
  let orders: string;
  let server: ServeProcess;

  beforeAll(async () => {
    server = await serve([], { SFN_MOCK_CONFIG: mockConfigFile, WAIT_TIME_SCALE: '0' });
    const url = server.url;
    sfn = new SFNClient({
      endpoint: url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      disableHostPrefix: true,
    });
    ({ stateMachineArn: orders } = (await sfn.send(
      new CreateStateMachineCommand({ name: 'Orders', definition, roleArn: ROLE }),
    )) as { stateMachineArn: string });
  });

  /** Starts the test case and waits for the execution's end; returns it with its history. */
  async function runTestCase(testCase: string, name: string) {
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: `${orders}#${testCase}`, name, input: '{"order":7}' }),
    );
    for (let i = 0; i < 200; i++) {
      const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      if (described.status !== 'RUNNING') {
        const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
        return { described, events: events as HistoryEvent[] };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${name} did not end`);
  }

  it('says which mock configuration it serves', () => {
    expect(server.output()).toContain(`mock config: ${mockConfigFile}`);
  });

  it('runs a test case: the mocked states answer from the file, the Wait is skipped', async () => {
    const { described, events } = await runTestCase('Happy', 'happy');
    expect(described).toMatchObject({
      executionArn: `${orders.replace(':stateMachine:', ':execution:')}:happy`,
      stateMachineArn: orders,
      status: 'SUCCEEDED',
      output: '{"MessageId":"m-1"}',
    });
    expect(events.filter((e) => e.type === 'TaskSucceeded').map((e) => e.taskSucceededEventDetails)).toEqual([
      {
        resourceType: 'lambda',
        resource: 'invoke',
        output: '{"StatusCode":200,"Payload":{"charged":42}}',
        outputDetails: { truncated: false },
      },
      { resourceType: 'sns', resource: 'publish', output: '{"MessageId":"m-1"}', outputDetails: { truncated: false } },
    ]);
  });

  it('gives a retry the next mocked response', async () => {
    const { described, events } = await runTestCase('Retry', 'retry');
    expect(described.status).toBe('SUCCEEDED');
    expect(events.filter((e) => e.type === 'TaskFailed').map((e) => e.taskFailedEventDetails)).toEqual([
      { resourceType: 'lambda', resource: 'invoke', error: 'Lambda.TooManyRequestsException', cause: 'Rate exceeded' },
    ]);
  });

  it('fails a call with Throw, caught by Catch with the Error and Cause of the file', async () => {
    const { described } = await runTestCase('Declined', 'declined');
    expect(described).toMatchObject({
      status: 'SUCCEEDED',
      output: '{"Error":"PaymentDeclined","Cause":"The card expired."}',
    });
  });

  it('runs a test case of an Express state machine with StartSyncExecution', async () => {
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({ name: 'QuickOrders', definition, roleArn: ROLE, type: 'EXPRESS' }),
    );
    const result = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn: `${stateMachineArn}#Happy` }));
    expect([result.status, result.output]).toEqual(['SUCCEEDED', '{"MessageId":"m-1"}']);
  });

  it('refuses a test case the file does not define', async () => {
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn: `${orders}#Sad` }))).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "The mock configuration defines no test case 'Sad' for the state machine 'Orders'" +
        " (it defines: 'Happy', 'Retry', 'Declined').",
    });
  });
});

describe('lockstep serve finding ./MockConfigFile.json (built CLI)', () => {
  it('reads MockConfigFile.json in its working directory when SFN_MOCK_CONFIG is not set', async () => {
    const dir = mkdtempSync(join(scratch, 'cwd-'));
    writeFileSync(join(dir, 'MockConfigFile.json'), '{"StateMachines": {}, "MockedResponses": {}}');
    const server = await serve([], { SFN_MOCK_CONFIG: '' }, dir);
    expect(server.output()).toContain(`mock config: ${join(dir, 'MockConfigFile.json')})`);
    server.child.kill('SIGTERM');
  });
});

describe('lockstep serve refusing a bad mock configuration (built CLI)', () => {
  it('exits with code 2 and says where the file is wrong', async () => {
    const bad = join(scratch, 'bad.json');
    writeFileSync(bad, JSON.stringify({ StateMachines: {}, MockedResponses: { R: { '0': { Throw: 'Boom' } } } }));
    const failed = await serve(['--mock-config', bad]).then(
      () => undefined,
      (error: { code: number; output: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.output).toBe(
      `lockstep: Invalid mock configuration in ${bad}: $.MockedResponses.R['0'].Throw must be an object, not "Boom".\n`,
    );
  });

  it('exits with code 2 on a WAIT_TIME_SCALE that is not a number >= 0', async () => {
    const failed = await serve([], { WAIT_TIME_SCALE: 'fast' }).then(
      () => undefined,
      (error: { code: number; output: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.output).toContain("--wait-time-scale (WAIT_TIME_SCALE) must be a number >= 0, not 'fast'");
  });
});
