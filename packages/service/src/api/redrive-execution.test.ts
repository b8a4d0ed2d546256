/**
 * RedriveExecution over the API and the durable runtime: the execution continues at the failed state with the same
 * ARN, its history goes on after `ExecutionRedriven`, DescribeExecution and ListExecutions show the redrive, and the
 * requests AWS refuses get `ExecutionNotRedrivable` with AWS's reasons.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createService, type Service } from '../service.js';
import { createMemoryStore } from '../store/memory-store.js';
import { codeAndMessage } from '../test-support.js';

const ROLE = 'arn:aws:iam::123456789012:role/lockstep';

let service: Service | undefined;

afterEach(async () => {
  await service?.stop();
  service = undefined;
});

/** A service whose `Work` task fails until `fix()` is called, and a state machine that runs it after a Pass. */
async function open() {
  let fixed = false;
  const calls: unknown[] = [];
  service = createService({
    store: createMemoryStore(),
    runtime: { idleMs: 5 },
    taskHandlers: {
      Work: async (input) => {
        calls.push(input);
        if (!fixed) throw Object.assign(new Error('not yet'), { name: 'Broken' });
        return { worked: input };
      },
    },
  });
  service.start();
  const api = service.operations;
  const definition = JSON.stringify({
    StartAt: 'Prepare',
    States: {
      Prepare: { Type: 'Pass', Parameters: { 'n.$': '$.n' }, Next: 'Work' },
      Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true },
    },
  });
  const { stateMachineArn } = await api.CreateStateMachine({ name: 'redrive', definition, roleArn: ROLE });
  return { api, stateMachineArn: stateMachineArn as string, calls, fix: () => (fixed = true) };
}

type Api = Awaited<ReturnType<typeof open>>['api'];

async function closed(api: Api, executionArn: string) {
  for (let i = 0; i < 2000; i++) {
    const described = await api.DescribeExecution({ executionArn });
    if (described.status !== 'RUNNING') return described;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the execution never closed');
}

describe('RedriveExecution', () => {
  it('continues a failed execution at the failed state, with the same ARN and history', async () => {
    const { api, stateMachineArn, calls, fix } = await open();
    const { executionArn } = await api.StartExecution({ stateMachineArn, input: '{"n":7}' });
    const failed = await closed(api, executionArn as string);
    expect(failed).toMatchObject({ status: 'FAILED', error: 'Broken', redriveCount: 0, redriveStatus: 'REDRIVABLE' });

    fix();
    const { redriveDate } = await api.RedriveExecution({ executionArn });
    expect(typeof redriveDate).toBe('number');
    const succeeded = await closed(api, executionArn as string);
    expect(succeeded).toMatchObject({
      status: 'SUCCEEDED',
      output: '{"worked":{"n":7}}',
      redriveCount: 1,
      redriveDate,
      redriveStatus: 'NOT_REDRIVABLE',
      redriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven',
    });
    expect(succeeded.error).toBeUndefined();
    expect(calls).toEqual([{ n: 7 }, { n: 7 }]);

    const { events } = await api.GetExecutionHistory({ executionArn, maxResults: 100 });
    const types = (events as { type: string }[]).map((e) => e.type);
    expect(types).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskFailed',
      'ExecutionFailed',
      'ExecutionRedriven',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect((events as Record<string, unknown>[])[8]).toMatchObject({
      id: 9,
      previousEventId: 8,
      executionRedrivenEventDetails: { redriveCount: 1 },
    });

    const listed = await api.ListExecutions({ stateMachineArn, redriveFilter: 'REDRIVEN' });
    expect(listed.executions).toEqual([expect.objectContaining({ executionArn, redriveCount: 1, redriveDate })]);
    expect((await api.ListExecutions({ stateMachineArn, redriveFilter: 'NOT_REDRIVEN' })).executions).toEqual([]);
  });

  it("stores a redriven Parallel's earlier children while the state waits to be retried", async () => {
    const { api } = await open();
    // Redriven, the Parallel fails before its branches start, and waits a second for its retry: the branches it is
    // to carry over are in the stored record meanwhile.
    const definition = JSON.stringify({
      QueryLanguage: 'JSONata',
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Arguments: "{% $states.context.Execution.RedriveCount > 0 ? $error('not now') : {} %}",
          Branches: [
            { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
            { StartAt: 'B', States: { B: { Type: 'Fail', Error: 'E' } } },
          ],
          Retry: [{ ErrorEquals: ['States.QueryEvaluationError'], IntervalSeconds: 1, MaxAttempts: 1 }],
          End: true,
        },
      },
    });
    const { stateMachineArn } = await api.CreateStateMachine({ name: 'redrive-retry', definition, roleArn: ROLE });
    const { executionArn } = await api.StartExecution({ stateMachineArn });
    expect(await closed(api, executionArn as string)).toMatchObject({ status: 'FAILED', error: 'E' });
    await api.RedriveExecution({ executionArn });
    expect(await closed(api, executionArn as string)).toMatchObject({
      status: 'FAILED',
      error: 'States.QueryEvaluationError',
      redriveCount: 1,
    });
  });

  it('answers a repeated request with the same clientToken as the first', async () => {
    const { api, stateMachineArn } = await open();
    const { executionArn } = await api.StartExecution({ stateMachineArn, input: '{"n":1}' });
    await closed(api, executionArn as string);
    const first = await api.RedriveExecution({ executionArn, clientToken: 'once' });
    expect(await api.RedriveExecution({ executionArn, clientToken: 'once' })).toEqual(first);
    await closed(api, executionArn as string);
    // A new token redrives again (the task still fails).
    await api.RedriveExecution({ executionArn, clientToken: 'twice' });
    expect(await closed(api, executionArn as string)).toMatchObject({ status: 'FAILED', redriveCount: 2 });
  });

  it('refuses executions that are running or succeeded, and unknown ones', async () => {
    const { api, stateMachineArn, fix } = await open();
    fix();
    const { executionArn } = await api.StartExecution({ stateMachineArn, input: '{"n":1}' });
    await closed(api, executionArn as string);
    expect(await codeAndMessage(api.RedriveExecution({ executionArn }))).toEqual([
      'ExecutionNotRedrivable',
      'Execution is SUCCEEDED and cannot be redriven',
    ]);
    const missing = `${executionArn}-missing`;
    expect(await codeAndMessage(api.RedriveExecution({ executionArn: missing }))).toEqual([
      'ExecutionDoesNotExist',
      `Execution Does Not Exist: '${missing}'`,
    ]);
    expect(await codeAndMessage(api.RedriveExecution({ executionArn, clientToken: '' }))).toEqual([
      'ValidationException',
      "1 validation error detected: Value '' at 'clientToken' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ]);
  });
});
