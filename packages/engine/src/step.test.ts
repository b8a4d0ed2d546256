import { describe, expect, it } from 'vitest';
import { compileMachine } from './compile.js';
import type { ExecutionRecord } from './execution.js';
import type { Command } from './messages.js';
import { step } from './step.js';
import { shape } from './test-support.js';

const machine = compileMachine({
  StartAt: 'Work',
  TimeoutSeconds: 60,
  States: {
    Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', TimeoutSeconds: 5, Next: 'Pause' },
    Pause: { Type: 'Wait', Seconds: 10, End: true },
  },
});

function newRecord(): ExecutionRecord {
  return {
    executionArn: 'arn:aws:states:us-east-1:111111111111:execution:M:e',
    name: 'e',
    stateMachineArn: 'arn:aws:states:us-east-1:111111111111:stateMachine:M',
    stateMachineName: 'M',
    roleArn: 'arn:aws:iam::111111111111:role/r',
    region: 'us-east-1',
    type: 'STANDARD',
    status: 'RUNNING',
    startTime: 0,
    input: { a: 1 },
    inputText: '{"a":1}',
    nextEventId: 1,
    nextKey: 1,
    root: undefined as never,
  };
}

const random = () => 0.5;
const keyOf = (commands: Command[], type: Command['type']) => commands.find((c) => c.type === type)!.key;

describe('step (the pure core)', () => {
  it('names the alias and the version an execution started through in ExecutionStarted', () => {
    const record = {
      ...newRecord(),
      stateMachineAliasArn: 'arn:aws:states:us-east-1:111111111111:stateMachine:M:PROD',
      stateMachineVersionArn: 'arn:aws:states:us-east-1:111111111111:stateMachine:M:2',
    };
    const [started] = step(machine, record, { type: 'Start' }, 1_000, random).events;
    expect(started.executionStartedEventDetails).toEqual({
      input: '{"a":1}',
      inputDetails: { truncated: false },
      roleArn: 'arn:aws:iam::111111111111:role/r',
      stateMachineAliasArn: 'arn:aws:states:us-east-1:111111111111:stateMachine:M:PROD',
      stateMachineVersionArn: 'arn:aws:states:us-east-1:111111111111:stateMachine:M:2',
    });
  });

  it('returns commands instead of doing I/O, and resumes on their outcomes', () => {
    const started = step(machine, newRecord(), { type: 'Start' }, 1_000, random);
    expect(started.commands.map((c) => c.type)).toEqual(['StartTimer', 'StartTimer', 'InvokeTask']);
    const invoke = started.commands.find((c) => c.type === 'InvokeTask')!;
    expect(invoke.type === 'InvokeTask' && invoke.request).toMatchObject({
      stateName: 'Work',
      input: { a: 1 },
      timeoutSeconds: 5,
    });
    expect(shape(started.events)).toEqual([
      '1:ExecutionStarted<-0',
      '2:TaskStateEntered<-0',
      '3:TaskScheduled<-2',
      '4:TaskStarted<-3',
    ]);

    const done = step(
      machine,
      started.execution,
      { type: 'TaskSucceeded', key: invoke.key, output: 'ok' },
      2_000,
      random,
    );
    expect(done.events.map((e) => e.type)).toEqual(['TaskSucceeded', 'TaskStateExited', 'WaitStateEntered']);
    const wait = done.commands.find((c) => c.type === 'StartTimer')!;
    expect(wait.type === 'StartTimer' && wait.dueTime).toBe(12_000);

    const fired = step(machine, done.execution, { type: 'TimerFired', key: wait.key }, 12_000, random);
    expect(fired.events.map((e) => e.type)).toEqual(['WaitStateExited', 'ExecutionSucceeded']);
    expect(fired.execution.status).toBe('SUCCEEDED');
    expect(fired.commands).toEqual([{ type: 'CancelTimer', key: 'execution-timeout' }]);
  });

  it('ignores outcomes for keys that are no longer awaited', () => {
    const started = step(machine, newRecord(), { type: 'Start' }, 0, random);
    const stale = step(machine, started.execution, { type: 'TaskSucceeded', key: '0:999', output: 1 }, 1, random);
    expect(stale.events).toEqual([]);
    expect(stale.execution.status).toBe('RUNNING');
  });

  it('times the task out when its timer fires first', () => {
    const started = step(machine, newRecord(), { type: 'Start' }, 0, random);
    const timeoutKey = started.commands.filter((c) => c.type === 'StartTimer')[1].key;
    const timedOut = step(machine, started.execution, { type: 'TimerFired', key: timeoutKey }, 5_000, random);
    expect(timedOut.events.map((e) => e.type)).toEqual(['TaskTimedOut', 'ExecutionFailed']);
    expect(timedOut.commands.map((c) => c.type)).toContain('CancelTask');
  });

  it('records only ExecutionAborted (following event 0) when stopped', () => {
    const started = step(machine, newRecord(), { type: 'Start' }, 0, random);
    const stopped = step(machine, started.execution, { type: 'Stop', error: 'E', cause: 'C' }, 1, random);
    expect(shape(stopped.events)).toEqual(['5:ExecutionAborted<-0']);
    expect(stopped.execution).toMatchObject({ status: 'ABORTED', error: 'E', cause: 'C' });
  });

  it('records ExecutionTimedOut without error or cause on the execution when TimeoutSeconds elapses', () => {
    const started = step(machine, newRecord(), { type: 'Start' }, 0, random);
    const out = step(
      machine,
      started.execution,
      { type: 'TimerFired', key: keyOf(started.commands, 'StartTimer') },
      60_000,
      random,
    );
    expect(out.events.map((e) => [e.type, e.previousEventId, e.executionTimedOutEventDetails])).toEqual([
      ['ExecutionTimedOut', 0, { error: 'States.Timeout' }],
    ]);
    expect(out.execution.status).toBe('TIMED_OUT');
    expect(out.execution.error).toBeUndefined();
  });

  it('fails the execution as AWS does when its history reaches the event limit', () => {
    const record = { ...newRecord(), historyEventLimit: 3 };
    const started = step(machine, record, { type: 'Start' }, 0, random);
    expect(shape(started.events)).toEqual(['1:ExecutionStarted<-0', '2:TaskStateEntered<-0', '3:ExecutionFailed<-2']);
    expect(started.execution).toMatchObject({
      status: 'FAILED',
      error: 'States.Runtime',
      cause: 'The execution reached the maximum number of history events (3).',
    });
  });
});

describe('activity tasks', () => {
  const activity = compileMachine({
    StartAt: 'Work',
    States: {
      Work: {
        Type: 'Task',
        Resource: 'arn:aws:states:us-east-1:111111111111:activity:worker',
        HeartbeatSeconds: 30,
        End: true,
      },
    },
  });

  it('start when a worker takes them, and restart their heartbeat clock on each heartbeat', () => {
    const record = newRecord();
    const started = step(activity, record, { type: 'Start' }, 0, random);
    const invoke = started.commands.find((c) => c.type === 'InvokeTask')!;
    expect(invoke.type === 'InvokeTask' && invoke.request.awaitsStart).toBe(true);
    expect(started.events.map((e) => e.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'ActivityScheduled']);
    const firstHeartbeat = keyOf(started.commands, 'StartTimer');

    const taken = step(activity, record, { type: 'TaskStarted', key: invoke.key, workerName: 'w1' }, 1000, random);
    expect(taken.events.map((e) => [e.type, e.activityStartedEventDetails])).toEqual([
      ['ActivityStarted', { workerName: 'w1' }],
    ]);

    const beat = step(activity, record, { type: 'TaskHeartbeat', key: invoke.key }, 20_000, random);
    expect(beat.events).toEqual([]);
    expect(beat.commands).toEqual([
      { type: 'CancelTimer', key: firstHeartbeat },
      { type: 'StartTimer', key: expect.any(String), dueTime: 50_000 },
    ]);
    // The old heartbeat timer no longer counts; the new one does.
    expect(step(activity, record, { type: 'TimerFired', key: firstHeartbeat }, 30_000, random).events).toEqual([]);
    const missed = step(
      activity,
      record,
      { type: 'TimerFired', key: keyOf(beat.commands, 'StartTimer') },
      50_000,
      random,
    );
    expect(missed.events.map((e) => e.type)).toEqual(['ActivityTimedOut', 'ExecutionFailed']);
  });
});
