import { describe, expect, it } from 'vitest';
import type { Integration } from '../integration.js';
import { details, machineOf, run } from '../test-support.js';
import { performTask } from './task-dispatch.js';

/** An integration of the `sqs` resources that answers as told, recording its requests and cancellations. */
function fakeSqs(behaviour: 'answer' | 'sync' | 'fail' | 'hang') {
  const seen: { input: unknown; idempotencyKey: string; pattern: string }[] = [];
  let cancelled = 0;
  const integration: Integration = {
    handles: (resource) => resource.resourceType === 'sqs',
    patterns: ['request-response', 'sync', 'waitForTaskToken'],
    invoke(request, callbacks) {
      seen.push({
        input: request.input,
        idempotencyKey: request.idempotencyKey,
        pattern: request.resourceInfo.pattern,
      });
      if (behaviour === 'answer') callbacks.succeed({ MessageId: 'm-1' });
      if (behaviour === 'fail') callbacks.fail('SQS.QueueDoesNotExistException', 'no queue');
      if (behaviour === 'sync') {
        callbacks.submitted({ JobId: 'j-1' });
        setTimeout(() => callbacks.succeed({ Status: 'DONE' }), 1);
      }
      return () => cancelled++;
    },
  };
  return { integration, seen, cancelled: () => cancelled };
}

const SEND = 'arn:aws:states:::sqs:sendMessage';

describe('performing a Task through an integration', () => {
  it('passes the effective input and an idempotency key per attempt, and takes the result', async () => {
    const sqs = fakeSqs('answer');
    const r = await run(
      machineOf('Task', 'Send', { Resource: SEND, Parameters: { 'body.$': '$.b' } }),
      { b: 1 },
      {
        integrations: [sqs.integration],
      },
    );
    expect(r.output).toEqual({ MessageId: 'm-1' });
    expect(sqs.seen).toEqual([
      { input: { body: 1 }, idempotencyKey: `${r.executionArn}/2/0`, pattern: 'request-response' },
    ]);
  });

  it("reports the integration's error as the task's", async () => {
    const r = await run(
      machineOf('Task', 'Send', { Resource: SEND }),
      {},
      { integrations: [fakeSqs('fail').integration] },
    );
    expect([r.error, r.cause]).toEqual(['SQS.QueueDoesNotExistException', 'no queue']);
  });

  it('records TaskSubmitted with the answer of a .sync call, then the job result', async () => {
    const r = await run(
      machineOf('Task', 'Job', { Resource: `${SEND}.sync` }),
      {},
      {
        integrations: [fakeSqs('sync').integration],
      },
    );
    expect(r.history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(details(r.history[4])).toEqual({
      resourceType: 'sqs',
      resource: 'sendMessage.sync',
      output: '{"JobId":"j-1"}',
      outputDetails: { truncated: false },
    });
    expect(r.output).toEqual({ Status: 'DONE' });
  });

  it('cancels a call that outlives its TimeoutSeconds', async () => {
    const sqs = fakeSqs('hang');
    const r = await run(
      machineOf('Task', 'Send', { Resource: SEND, TimeoutSeconds: 5 }),
      {},
      {
        integrations: [sqs.integration],
      },
    );
    expect(r.error).toBe('States.Timeout');
    expect(sqs.cancelled()).toBe(1);
  });

  it('lets a local handler win over the integration', async () => {
    const sqs = fakeSqs('answer');
    const r = await run(
      machineOf('Task', 'Send', { Resource: SEND }),
      {},
      {
        integrations: [sqs.integration],
        taskHandlers: { Send: () => 'local' },
      },
    );
    expect([r.output, sqs.seen.length]).toEqual(['local', 0]);
  });

  it('refuses a pattern the integration does not offer', async () => {
    const only: Integration = { ...fakeSqs('answer').integration, patterns: ['request-response'] };
    const r = await run(machineOf('Task', 'Send', { Resource: `${SEND}.sync` }), {}, { integrations: [only] });
    expect([r.error, r.cause]).toEqual([
      'States.Runtime',
      "The resource 'arn:aws:states:::sqs:sendMessage.sync' does not support the sync integration pattern.",
    ]);
  });
});

describe('the mock layer (a test case of mocked responses)', () => {
  /** Mocked responses for `mocked` states: call n answers `{ call: n }`. */
  function responses(...mocked: string[]) {
    return {
      mocks: (stateName: string) => mocked.includes(stateName),
      respond: (_request: unknown, invocation: number) => ({ ok: true as const, output: { call: invocation } }),
    };
  }

  it('answers the states it mocks instead of their integration, numbering calls per state', () => {
    const sqs = fakeSqs('answer');
    const mock = { responses: responses('A'), invocations: new Map<string, number>() };
    const outcomes: unknown[] = [];
    const perform = (stateName: string) =>
      performTask(
        { stateName, resource: SEND, input: {}, context: {} },
        { mock, integrations: [sqs.integration] },
        { submitted() {}, done: (outcome) => outcomes.push(outcome) },
      );
    perform('A');
    perform('B');
    perform('A');
    expect(outcomes).toEqual([
      { ok: true, output: { call: 0 } },
      { ok: true, output: { MessageId: 'm-1' } },
      { ok: true, output: { call: 1 } },
    ]);
    expect([...mock.invocations]).toEqual([['A', 2]]);
    expect(sqs.seen.length).toBe(1);
  });

  it('lets a local handler win over the mock', () => {
    const outcomes: unknown[] = [];
    performTask(
      { stateName: 'A', resource: SEND, input: {}, context: {} },
      { taskHandlers: { A: () => 'local' }, mock: { responses: responses('A'), invocations: new Map() } },
      { submitted() {}, done: (o) => outcomes.push(o) },
    );
    expect(outcomes).toEqual([{ ok: true, output: 'local' }]);
  });
});
