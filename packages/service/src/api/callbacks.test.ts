/**
 * The callback rules of `.waitForTaskToken` tasks over the API: a token belongs to one attempt of one state entry (a
 * redrive's included), HeartbeatSeconds expires a task that hears nothing, SendTaskHeartbeat keeps it alive, and a
 * token whose task is over gets AWS's `TaskTimedOut`. Timings use AWS's smallest values (1 s): the tests wait for
 * events, never for a clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createService, type Service } from '../service.js';
import { createMemoryStore } from '../store/memory-store.js';
import { codeAndMessage } from '../test-support.js';

const ROLE = 'arn:aws:iam::123456789012:role/lockstep';
const TASK_TIMED_OUT = ['TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'"];

interface Event {
  id: number;
  type: string;
  taskScheduledEventDetails?: { parameters: string };
  taskTimedOutEventDetails?: { error?: string; cause?: string };
}

let service: Service | undefined;

afterEach(async () => {
  await service?.stop();
  service = undefined;
});

function open() {
  service = createService({ store: createMemoryStore(), runtime: { idleMs: 5 } });
  service.start();
  return service.operations;
}

type Api = ReturnType<typeof open>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls the history until `ready` holds. */
async function historyWhen(api: Api, executionArn: string, ready: (events: Event[]) => boolean): Promise<Event[]> {
  for (let i = 0; i < 1000; i++) {
    const { events } = await api.GetExecutionHistory({ executionArn, maxResults: 1000 });
    if (ready(events as Event[])) return events as Event[];
    await sleep(5);
  }
  throw new Error('the history never got there');
}

/** The tokens the task sent so far, one per attempt, from its TaskScheduled events. */
const tokensOf = (events: Event[]) =>
  events
    .filter((e) => e.type === 'TaskScheduled')
    .map((e) => JSON.parse(e.taskScheduledEventDetails!.parameters).token as string);

async function start(api: Api, task: Record<string, unknown>): Promise<string> {
  const definition = JSON.stringify({
    StartAt: 'Approve',
    States: {
      Approve: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
        Parameters: { 'token.$': '$$.Task.Token' },
        End: true,
        ...task,
      },
    },
  });
  const name = `callbacks-${Math.random().toString(36).slice(2)}`;
  const { stateMachineArn } = await api.CreateStateMachine({ name, definition, roleArn: ROLE });
  return (await api.StartExecution({ stateMachineArn })).executionArn as string;
}

describe('callbacks (.waitForTaskToken)', () => {
  // AWS records a missed heartbeat as States.Timeout (recorded), which a States.HeartbeatTimeout retrier also matches.
  it('times out a task that hears nothing for HeartbeatSeconds; its token is then over', async () => {
    const api = open();
    const executionArn = await start(api, { HeartbeatSeconds: 1 });
    const [token] = tokensOf(await historyWhen(api, executionArn, (events) => tokensOf(events).length === 1));
    const events = await historyWhen(api, executionArn, (list) => list.some((e) => e.type === 'ExecutionFailed'));
    expect(events.find((e) => e.type === 'TaskTimedOut')?.taskTimedOutEventDetails).toEqual({
      error: 'States.Timeout',
      resourceType: 'sqs',
      resource: 'sendMessage.waitForTaskToken',
    });
    expect(await api.DescribeExecution({ executionArn })).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(await codeAndMessage(api.SendTaskSuccess({ taskToken: token, output: '{}' }))).toEqual(TASK_TIMED_OUT);
    expect(await codeAndMessage(api.SendTaskHeartbeat({ taskToken: token }))).toEqual(TASK_TIMED_OUT);
  });

  it('gives a redriven task a token of its own: the failed attempt’s token stays over', async () => {
    const api = open();
    const executionArn = await start(api, { HeartbeatSeconds: 1 });
    await historyWhen(api, executionArn, (list) => list.some((e) => e.type === 'ExecutionFailed'));
    await api.RedriveExecution({ executionArn });
    const [old, fresh] = tokensOf(await historyWhen(api, executionArn, (events) => tokensOf(events).length === 2));
    expect(fresh).not.toBe(old);
    expect(await codeAndMessage(api.SendTaskSuccess({ taskToken: old, output: '{}' }))).toEqual(TASK_TIMED_OUT);
    await api.SendTaskSuccess({ taskToken: fresh, output: '{"approved":true}' });
    await historyWhen(api, executionArn, (list) => list.some((e) => e.type === 'ExecutionSucceeded'));
    expect(await api.DescribeExecution({ executionArn })).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1 });
  });

  it('keeps a task alive past HeartbeatSeconds while heartbeats come', async () => {
    const api = open();
    const executionArn = await start(api, { HeartbeatSeconds: 1 });
    const [token] = tokensOf(await historyWhen(api, executionArn, (events) => tokensOf(events).length === 1));
    // Heartbeats well within a HeartbeatSeconds of each other, together spanning more than one.
    for (let i = 0; i < 5; i++) {
      await api.SendTaskHeartbeat({ taskToken: token });
      await sleep(300);
    }
    await api.SendTaskSuccess({ taskToken: token, output: '{"approved":true}' });
    const events = await historyWhen(api, executionArn, (list) => list.some((e) => e.type === 'ExecutionSucceeded'));
    expect(events.map((e) => e.type)).not.toContain('TaskTimedOut');
    expect(await api.DescribeExecution({ executionArn })).toMatchObject({
      status: 'SUCCEEDED',
      output: '{"approved":true}',
    });
  });

  it('gives each attempt its own token: a retried attempt’s token is over', async () => {
    const api = open();
    const retry = [{ ErrorEquals: ['States.Timeout'], IntervalSeconds: 1, MaxAttempts: 1 }];
    const executionArn = await start(api, { TimeoutSeconds: 1, Retry: retry });
    const events = await historyWhen(api, executionArn, (list) => tokensOf(list).length === 2);
    const [first, second] = tokensOf(events);
    expect(first).not.toBe(second);
    expect(events.find((e) => e.type === 'TaskTimedOut')?.taskTimedOutEventDetails?.error).toBe('States.Timeout');
    expect(await codeAndMessage(api.SendTaskSuccess({ taskToken: first, output: '"late"' }))).toEqual(TASK_TIMED_OUT);
    await api.SendTaskSuccess({ taskToken: second, output: '"on time"' });
    await historyWhen(api, executionArn, (list) => list.some((e) => e.type === 'ExecutionSucceeded'));
    expect(await api.DescribeExecution({ executionArn })).toMatchObject({ status: 'SUCCEEDED', output: '"on time"' });
    // A token serves once: its task is over after the first answer.
    expect(await codeAndMessage(api.SendTaskFailure({ taskToken: second, error: 'Again' }))).toEqual(TASK_TIMED_OUT);
  });

  it('closes the tokens of a stopped execution', async () => {
    const api = open();
    const executionArn = await start(api, {});
    const [token] = tokensOf(await historyWhen(api, executionArn, (events) => tokensOf(events).length === 1));
    await api.StopExecution({ executionArn });
    expect(await codeAndMessage(api.SendTaskSuccess({ taskToken: token, output: '{}' }))).toEqual(TASK_TIMED_OUT);
  });
});
