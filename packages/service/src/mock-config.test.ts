// Step Functions Local's testing tools in the service: test cases started on `<stateMachineArn>#<TestCase>` and
// WAIT_TIME_SCALE. The mock configuration here is a small stand-in for a parsed MockConfigFile.json (the file format
// itself is `@lockstep/integrations`' concern).
import type { TaskOutcome, TaskRequest } from '@lockstep/engine';
import { afterEach, describe, expect, it } from 'vitest';
import type { MockTestCases } from './runtime/transition.js';
import { createService, type Service, type ServiceOptions } from './service.js';
import { createMemoryStore } from './store/memory-store.js';
import type { Store } from './store/store.js';
import { codeAndMessage } from './test-support.js';

const ROLE = 'arn:aws:iam::123456789012:role/lockstep';
const LAMBDA = 'arn:aws:states:::lambda:invoke';
const START = Date.UTC(2024, 0, 1);

const services: Service[] = [];

afterEach(async () => {
  for (const service of services.splice(0)) await service.stop();
});

/**
 * Test cases by `<state machine>/<test case>`: each maps a state to the outcomes of its calls, in order; a call past
 * them fails with States.Runtime. Records the calls it answers.
 */
function mockConfig(cases: Record<string, Record<string, TaskOutcome[]>>) {
  const answered: [string, number][] = [];
  const config: MockTestCases = {
    testCase(machine, testCase) {
      const states = cases[`${machine}/${testCase}`];
      if (!states) throw new Error(`no test case '${testCase}' for '${machine}'`);
      return {
        mocks: (state) => state in states,
        respond(request: TaskRequest, invocation: number) {
          answered.push([request.stateName, invocation]);
          return states[request.stateName][invocation] ?? { ok: false, error: 'States.Runtime', cause: 'no answer' };
        },
      };
    },
  };
  return { config, answered };
}

const ok = (output: unknown): TaskOutcome => ({ ok: true, output: output as never });
const fail = (error: string, cause: string): TaskOutcome => ({ ok: false, error, cause });

/** A service over `store` whose clock moves only when told, run round by round with `settle`. */
function open(options: Partial<ServiceOptions> & { store?: Store } = {}) {
  let now = START;
  const service = createService({
    store: createMemoryStore(),
    clock: () => now,
    runtime: { idleMs: 5 },
    ...options,
  });
  services.push(service);
  return {
    api: service.operations,
    service,
    /** Moves the clock by `ms`, then runs everything due. */
    async settle(ms = 0) {
      now += ms;
      await service.runtime.runUntilIdle();
    },
  };
}

async function create(api: Service['operations'], name: string, definition: object, type = 'STANDARD') {
  const { stateMachineArn } = await api.CreateStateMachine({
    name,
    definition: JSON.stringify(definition),
    roleArn: ROLE,
    type,
  });
  return stateMachineArn as string;
}

async function historyTypes(api: Service['operations'], executionArn: unknown) {
  const { events } = await api.GetExecutionHistory({ executionArn });
  return (events as { type: string }[]).map((e) => e.type);
}

const retrying = {
  StartAt: 'Call',
  States: {
    Call: {
      Type: 'Task',
      Resource: LAMBDA,
      Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 10, MaxAttempts: 1 }],
      Next: 'Send',
    },
    Send: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true },
  },
};

describe('test cases (<stateMachineArn>#<TestCase>)', () => {
  it('runs a test case: its mocked states answer from it, the others run for real', async () => {
    const mocks = mockConfig({ 'orders/Happy': { Call: [ok({ Payload: 'mocked' })] } });
    const { api, settle } = open({ mockConfig: mocks.config, taskHandlers: { Send: (input) => ({ sent: input }) } });
    const stateMachineArn = await create(api, 'orders', retrying);
    const { executionArn } = await api.StartExecution({ stateMachineArn: `${stateMachineArn}#Happy`, name: 'e1' });
    expect(executionArn).toBe('arn:aws:states:us-east-1:123456789012:execution:orders:e1');
    await settle();
    const described = await api.DescribeExecution({ executionArn });
    expect(described).toMatchObject({ stateMachineArn, status: 'SUCCEEDED', output: '{"sent":{"Payload":"mocked"}}' });
    expect(mocks.answered).toEqual([['Call', 0]]);
  });

  it('gives a retry after a restart the next response: calls are numbered from the history', async () => {
    const store = createMemoryStore();
    const mocks = mockConfig({ 'orders/Retry': { Call: [fail('Flaky', 'once'), ok('second')], Send: [ok('sent')] } });
    const first = open({ store, mockConfig: mocks.config });
    const stateMachineArn = await create(first.api, 'orders', retrying);
    const { executionArn } = await first.api.StartExecution({ stateMachineArn: `${stateMachineArn}#Retry` });
    await first.settle();
    expect(await historyTypes(first.api, executionArn)).toContain('TaskFailed');
    await first.service.stop();

    // A new service over the same store: nothing of the first one's memory is left.
    const second = open({ store, mockConfig: mocks.config });
    await second.settle(10_000);
    const described = await second.api.DescribeExecution({ executionArn });
    expect(described).toMatchObject({ status: 'SUCCEEDED', output: '"sent"' });
    expect(mocks.answered).toEqual([
      ['Call', 0],
      ['Call', 1],
      ['Send', 0],
    ]);
  });

  it('numbers the calls of a state across its visits and Map iterations', async () => {
    const mocks = mockConfig({
      'loop/Count': { Call: [ok('first'), ok('second')], Item: [ok('a'), ok('b'), ok('c')] },
    });
    const { api, settle } = open({ mockConfig: mocks.config });
    const stateMachineArn = await create(api, 'loop', {
      StartAt: 'Call',
      States: {
        Call: { Type: 'Task', Resource: LAMBDA, ResultPath: '$.last', Next: 'Again?' },
        'Again?': {
          Type: 'Choice',
          Choices: [{ Variable: '$.last', StringEquals: 'first', Next: 'Call' }],
          Default: 'Each',
        },
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrency: 1,
          ItemProcessor: {
            StartAt: 'Item',
            States: { Item: { Type: 'Task', Resource: LAMBDA, Retry: [{ ErrorEquals: ['X'] }], End: true } },
          },
          ResultPath: '$.items',
          End: true,
        },
      },
    });
    const { executionArn } = await api.StartExecution({
      stateMachineArn: `${stateMachineArn}#Count`,
      input: '{"items":[1,2,3]}',
    });
    await settle();
    expect(await api.DescribeExecution({ executionArn })).toMatchObject({
      status: 'SUCCEEDED',
      output: '{"items":["a","b","c"],"last":"second"}',
    });
  });

  it('fails a mocked activity at once, as Step Functions Local does', async () => {
    const mocks = mockConfig({ 'work/T': { Work: [ok(1)] } });
    const { api, settle } = open({
      mockConfig: {
        testCase: (machine, testCase) => {
          const responses = mocks.config.testCase(machine, testCase);
          return {
            mocks: responses.mocks,
            respond: () => fail('States.Runtime', 'Activity state cannot be mocked.'),
          };
        },
      },
    });
    const { activityArn } = await api.CreateActivity({ name: 'a' });
    const stateMachineArn = await create(api, 'work', {
      StartAt: 'Work',
      States: { Work: { Type: 'Task', Resource: activityArn, End: true } },
    });
    const { executionArn } = await api.StartExecution({ stateMachineArn: `${stateMachineArn}#T` });
    await settle();
    expect(await api.DescribeExecution({ executionArn })).toMatchObject({
      status: 'FAILED',
      error: 'States.Runtime',
      cause: 'Activity state cannot be mocked.',
    });
  });

  it('runs a test case of an Express state machine through StartSyncExecution and StartExecution', async () => {
    const mocks = mockConfig({ 'fast/T': { Call: [ok('one'), ok('two')] } });
    const { api } = open({ mockConfig: mocks.config });
    const definition = { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: LAMBDA, End: true } } };
    const stateMachineArn = await create(api, 'fast', definition, 'EXPRESS');
    const synced = await api.StartSyncExecution({ stateMachineArn: `${stateMachineArn}#T` });
    expect(synced).toMatchObject({ status: 'SUCCEEDED', output: '"one"', stateMachineArn });
    await api.StartExecution({ stateMachineArn: `${stateMachineArn}#T` });
    // Each execution counts from 0: nothing carries over from one to the next.
    expect(mocks.answered).toEqual([
      ['Call', 0],
      ['Call', 0],
    ]);
  });

  it('refuses a test case the configuration does not define', async () => {
    const { api } = open({ mockConfig: mockConfig({}).config });
    const stateMachineArn = await create(api, 'orders', retrying);
    expect(await codeAndMessage(api.StartExecution({ stateMachineArn: `${stateMachineArn}#Nope` }))).toEqual([
      'ValidationException',
      "no test case 'Nope' for 'orders'",
    ]);
    expect(await codeAndMessage(api.StartSyncExecution({ stateMachineArn: `${stateMachineArn}#Nope` }))).toEqual([
      'ValidationException',
      "no test case 'Nope' for 'orders'",
    ]);
  });

  it('takes the ARN whole without a mock configuration, as AWS does', async () => {
    const { api } = open();
    const stateMachineArn = await create(api, 'orders', retrying);
    expect(await codeAndMessage(api.StartExecution({ stateMachineArn: `${stateMachineArn}#Happy` }))).toEqual([
      'StateMachineDoesNotExist',
      `State Machine Does Not Exist: '${stateMachineArn}#Happy'`,
    ]);
  });
});

describe('waitTimeScale (WAIT_TIME_SCALE)', () => {
  const waitThenRetry = {
    StartAt: 'Pause',
    States: {
      Pause: { Type: 'Wait', Seconds: 100, Next: 'Call' },
      Call: {
        Type: 'Task',
        Resource: LAMBDA,
        Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 10, MaxAttempts: 1 }],
        End: true,
      },
    },
  };

  it('scales the delay of Wait states, not retry intervals', async () => {
    let calls = 0;
    const { api, settle } = open({
      waitTimeScale: 0.5,
      taskHandlers: {
        Call: () => {
          if (calls++ === 0) throw Object.assign(new Error('once'), { name: 'Flaky' });
          return 'done';
        },
      },
    });
    const stateMachineArn = await create(api, 'slow', waitThenRetry);
    const { executionArn } = await api.StartExecution({ stateMachineArn });
    await settle();
    await settle(49_999);
    expect(calls).toBe(0);
    await settle(1);
    expect(calls).toBe(1);
    await settle(9_999);
    expect(calls).toBe(1);
    await settle(1);
    expect(await api.DescribeExecution({ executionArn })).toMatchObject({ status: 'SUCCEEDED', output: '"done"' });
  });

  it('skips Wait states at 0, in Express executions too', async () => {
    const { api, settle } = open({ waitTimeScale: 0, taskHandlers: { Call: () => 'done' } });
    const standard = await create(api, 'standard', waitThenRetry);
    const { executionArn } = await api.StartExecution({ stateMachineArn: standard });
    await settle();
    expect(await api.DescribeExecution({ executionArn })).toMatchObject({ status: 'SUCCEEDED' });
    const express = await create(api, 'express', waitThenRetry, 'EXPRESS');
    expect(await api.StartSyncExecution({ stateMachineArn: express })).toMatchObject({ status: 'SUCCEEDED' });
  });

  it('refuses a negative scale', () => {
    expect(() => createService({ store: createMemoryStore(), waitTimeScale: -1 })).toThrow(
      'createService: waitTimeScale must be a number >= 0, not -1.',
    );
  });
});
