import { type HistoryEvent, runExecution } from '@lockstep/engine';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory-store.js';
import type { StoredHistoryEvent } from '../store/records.js';
import type { Store } from '../store/store.js';
import { DurableRuntime } from './durable-runtime.js';
import { newExecution } from './new-execution.js';

const ARN = 'arn:aws:states:us-east-1:123456789012';

const definition = JSON.stringify({
  StartAt: 'Prepare',
  States: {
    Prepare: { Type: 'Pass', Parameters: { 'n.$': '$.n' }, Next: 'Pause' },
    Pause: { Type: 'Wait', Seconds: 5, Next: 'Work' },
    Work: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 2 }],
      ResultPath: '$.doubled',
      Next: 'Fan',
    },
    Fan: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'A', States: { A: { Type: 'Pass', Result: 'a', End: true } } },
        { StartAt: 'B', States: { B: { Type: 'Pass', Result: 'b', End: true } } },
      ],
      ResultPath: '$.branches',
      End: true,
    },
  },
});

/** A handler that fails its first call with `Flaky`. */
function flakyDoubler() {
  let calls = 0;
  return (input: unknown) => {
    if (calls++ === 0) throw Object.assign(new Error('try again'), { name: 'Flaky' });
    return (input as { n: number }).n * 2;
  };
}

async function start(store: Store, name: string, now: number) {
  const { row, start } = newExecution({
    identity: {
      executionArn: `${ARN}:execution:M:${name}`,
      name,
      stateMachineArn: `${ARN}:stateMachine:M`,
      stateMachineName: 'M',
      roleArn: 'arn:aws:iam::123456789012:role/r',
      region: 'us-east-1',
      type: 'STANDARD',
    },
    definition,
    input: { n: 21 },
    inputText: '{"n":21}',
    startDate: now,
  });
  await store.insertExecution(row, [start]);
  return row.executionArn;
}

/** The history without timestamps, details parsed: what must equal an in-memory run's. */
function comparable(events: (StoredHistoryEvent | HistoryEvent)[]) {
  return events.map((e) => {
    if ('details' in e || !('timestamp' in e) || typeof e.timestamp === 'number') {
      const stored = e as StoredHistoryEvent;
      return {
        id: stored.id,
        type: stored.type,
        previousEventId: stored.previousEventId,
        details: stored.details && JSON.parse(stored.details),
      };
    }
    const event = e as HistoryEvent;
    const key = Object.keys(event).find((k) => k.endsWith('EventDetails'));
    return {
      id: event.id,
      type: event.type,
      previousEventId: event.previousEventId,
      details: key ? JSON.parse(JSON.stringify(event[key as `${string}EventDetails`])) : undefined,
    };
  });
}

describe('DurableRuntime', () => {
  it('runs an execution from the store to the same history as the in-memory runtime', async () => {
    let now = 1_000_000;
    const store = createMemoryStore();
    const runtime = new DurableRuntime({
      store,
      clock: () => now,
      random: () => 0.5,
      taskHandlers: { Work: flakyDoubler() },
    });
    const arn = await start(store, 'e1', now);
    await runtime.runUntilIdle();
    expect((await store.getExecution(arn))!.status).toBe('RUNNING');
    now += 5_000; // the Wait
    await runtime.runUntilIdle();
    now += 2_000; // the retry backoff
    await runtime.runUntilIdle();
    const row = (await store.getExecution(arn))!;
    expect([row.status, row.outputText, row.version > 0]).toEqual([
      'SUCCEEDED',
      '{"n":21,"doubled":42,"branches":["a","b"]}',
      true,
    ]);

    const expected = await runExecution({
      definition,
      input: { n: 21 },
      name: 'e1',
      stateMachineName: 'M',
      accountId: '123456789012',
      roleArn: 'arn:aws:iam::123456789012:role/r',
      random: () => 0.5,
      taskHandlers: { Work: flakyDoubler() },
    });
    const history = (await store.getHistory(arn, { limit: 1000 })).items;
    expect(comparable(history)).toEqual(comparable(expected.history));
  });

  it('applies a transition once even when a crashed worker computed it before', async () => {
    let now = 0;
    const store = createMemoryStore();
    const arn = await start(store, 'e2', now);
    // A worker claims the Start item and dies before committing: the lease keeps it from others...
    await store.claimWork(now, 10, 60_000);
    const other = new DurableRuntime({ store, clock: () => now, taskHandlers: { Work: () => 1 } });
    await other.runUntilIdle();
    expect((await store.getHistory(arn, { limit: 10 })).items).toEqual([]);
    // ...until the lease expires: then the transition runs, once.
    now += 60_001;
    await other.runUntilIdle();
    const types = (await store.getHistory(arn, { limit: 100 })).items.map((e) => e.type);
    expect(types.slice(0, 4)).toEqual(['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'WaitStateEntered']);
    expect(new Set(types.filter((t) => t === 'ExecutionStarted')).size).toBe(1);
  });

  it('fires timers that are already due within the transition that starts them', async () => {
    const store = createMemoryStore();
    const runtime = new DurableRuntime({ store, clock: () => 0 });
    const { row, start: startItem } = newExecution({
      identity: {
        executionArn: `${ARN}:execution:Z:z`,
        name: 'z',
        stateMachineArn: `${ARN}:stateMachine:Z`,
        stateMachineName: 'Z',
        roleArn: 'arn:aws:iam::123456789012:role/r',
        region: 'us-east-1',
        type: 'STANDARD',
      },
      definition: JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 0, End: true } } }),
      input: {},
      inputText: '{}',
      startDate: 0,
    });
    await store.insertExecution(row, [startItem]);
    await runtime.runUntilIdle();
    const done = (await store.getExecution(row.executionArn))!;
    // One transition: started, waited 0 seconds, succeeded.
    expect([done.status, done.version]).toEqual(['SUCCEEDED', 1]);
    expect(await store.nextDueTime(0)).toBeUndefined();
  });

  it('puts the work of a round whose commit failed back at once, task outcomes included', async () => {
    const now = 0;
    const store = createMemoryStore();
    let failures = 1;
    const flaky: Store = Object.create(store, {
      commit: {
        value: (changes: Parameters<Store['commit']>[0]) => {
          // The round that records the task's outcome fails once.
          if (failures > 0 && changes.some((c) => c.addWork?.some((w) => w.id.endsWith(':outcome')))) {
            failures--;
            return Promise.reject(new Error('disk full'));
          }
          return store.commit(changes);
        },
      },
    });
    const runtime = new DurableRuntime({ store: flaky, clock: () => now, taskHandlers: { Work: () => 7 } });
    const definition = JSON.stringify({
      StartAt: 'Work',
      States: { Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } },
    });
    const { row, start: startItem } = newExecution({
      identity: {
        executionArn: `${ARN}:execution:F:f`,
        name: 'f',
        stateMachineArn: `${ARN}:stateMachine:F`,
        stateMachineName: 'F',
        roleArn: 'arn:aws:iam::123456789012:role/r',
        region: 'us-east-1',
        type: 'STANDARD',
      },
      definition,
      input: {},
      inputText: '{}',
      startDate: 0,
    });
    await flaky.insertExecution(row, [startItem]);
    await expect(runtime.runUntilIdle()).rejects.toThrow('disk full');
    // No lease to wait for: the same instant, the next rounds finish the execution.
    await runtime.runUntilIdle();
    expect((await store.getExecution(row.executionArn))?.outputText).toBe('7');
  });

  it('delivers a Stop and resolves once it is applied', async () => {
    const store = createMemoryStore();
    const runtime = new DurableRuntime({ store, idleMs: 5 });
    const arn = await start(store, 'e3', Date.now());
    runtime.start();
    try {
      await runtime.deliver(arn, { type: 'Stop', error: 'E', cause: 'C' }, { applied: true });
      const row = (await store.getExecution(arn))!;
      expect([row.status, row.error, row.cause]).toEqual(['ABORTED', 'E', 'C']);
    } finally {
      await runtime.stop();
    }
  });
});
