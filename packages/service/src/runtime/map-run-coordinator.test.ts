import { runExecution, type TaskHandler } from '@lockstep/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { createService, type Service } from '../service.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { Store } from '../store/store.js';

const ROLE = 'arn:aws:iam::123456789012:role/lockstep';
const PREFIX = 'arn:aws:states:us-east-1:123456789012';

let service: Service | undefined;
afterEach(async () => {
  await service?.stop();
  service = undefined;
});

/** A Distributed Map over `$.items` whose item processor calls the task handler `Work`. */
function mapMachine(settings: Record<string, unknown> = {}) {
  return JSON.stringify({
    StartAt: 'Fan',
    States: {
      Fan: {
        Type: 'Map',
        Label: 'Fan',
        ItemsPath: '$.items',
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'Work',
          States: { Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } },
        },
        ...settings,
        End: true,
      },
    },
  });
}

async function open(work: TaskHandler, store: Store = createMemoryStore(), others: Record<string, TaskHandler> = {}) {
  service = createService({ store, taskHandlers: { Work: work, ...others }, runtime: { idleMs: 5 } });
  service.start();
  return service.operations;
}

type Api = Awaited<ReturnType<typeof open>>;

async function start(api: Api, definition: string, items: unknown[]) {
  await api.CreateStateMachine({ name: 'M', definition, roleArn: ROLE });
  const started = await api.StartExecution({
    stateMachineArn: `${PREFIX}:stateMachine:M`,
    name: 'run',
    input: JSON.stringify({ items }),
  });
  return started.executionArn as string;
}

async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 2_000; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('condition never held');
}

const settled = (api: Api, executionArn: string) =>
  until(async () => {
    const described = await api.DescribeExecution({ executionArn });
    return described.status === 'RUNNING' ? undefined : described;
  });

async function history(api: Api, executionArn: string) {
  const { events } = await api.GetExecutionHistory({ executionArn, maxResults: 1000 });
  return (events as { type: string }[]).map((e) => e.type);
}

async function mapRunArnOf(api: Api, executionArn: string) {
  return until(async () => {
    const { mapRuns } = await api.ListMapRuns({ executionArn });
    return (mapRuns as { mapRunArn: string }[])[0]?.mapRunArn;
  });
}

async function children(api: Api, mapRunArn: string) {
  const { executions } = await api.ListExecutions({ mapRunArn });
  return executions as { executionArn: string; name: string; status: string }[];
}

/** A handler whose calls wait until released, counting how many wait at once. */
function gate() {
  const waiting: (() => void)[] = [];
  let most = 0;
  return {
    work: ((input: unknown) =>
      new Promise((resolve) => {
        waiting.push(() => resolve(input));
        most = Math.max(most, waiting.length);
      })) as TaskHandler,
    get waiting() {
      return waiting.length;
    },
    get most() {
      return most;
    },
    release() {
      for (const resume of waiting.splice(0)) resume();
    },
  };
}

describe('durable Distributed Map runs', () => {
  it("runs each item as a stored child execution and gives the parent the in-memory run's history", async () => {
    const api = await open((input) => ({ doubled: (input as number) * 2 }));
    const definition = mapMachine();
    const executionArn = await start(api, definition, [1, 2, 3]);
    const described = await settled(api, executionArn);
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output as string)).toEqual([{ doubled: 2 }, { doubled: 4 }, { doubled: 6 }]);
    const inMemory = await runExecution({
      definition,
      input: { items: [1, 2, 3] },
      taskHandlers: { Work: (input) => ({ doubled: (input as number) * 2 }) },
    });
    expect(await history(api, executionArn)).toEqual(inMemory.history.map((e) => e.type));

    const mapRunArn = await mapRunArnOf(api, executionArn);
    expect(mapRunArn).toMatch(/^arn:aws:states:us-east-1:123456789012:mapRun:M\/Fan:[0-9a-f-]{36}$/);
    const listed = await children(api, mapRunArn);
    expect(listed.map((c) => c.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    expect(new Set(listed.map((c) => c.name)).size).toBe(3);
    const child = await api.DescribeExecution({ executionArn: listed[0].executionArn });
    expect(child).toMatchObject({
      stateMachineArn: `${PREFIX}:stateMachine:M/Fan`,
      mapRunArn,
      status: 'SUCCEEDED',
    });
    expect(listed[0].executionArn).toBe(`${PREFIX}:execution:M/Fan:${listed[0].name}`);
    expect(await history(api, listed[0].executionArn)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    // The children are listed by their run only.
    const { executions } = await api.ListExecutions({ stateMachineArn: `${PREFIX}:stateMachine:M` });
    expect((executions as unknown[]).length).toBe(1);
    expect(await api.DescribeMapRun({ mapRunArn })).toMatchObject({ status: 'SUCCEEDED', executionArn });
  });

  const failing: TaskHandler = (input) => {
    if (input === 'bad') throw Object.assign(new Error('no'), { name: 'Bad' });
    return input;
  };

  it('fails the run when the failures exceed the tolerance, with the in-memory error and cause', async () => {
    const api = await open(failing);
    const executionArn = await start(api, mapMachine({ ToleratedFailureCount: 1 }), ['a', 'bad', 'b', 'bad']);
    const described = await settled(api, executionArn);
    expect(described).toMatchObject({
      status: 'FAILED',
      error: 'States.ExceedToleratedFailureThreshold',
      cause: 'The specified tolerated failure threshold was exceeded',
    });
    expect(await history(api, executionArn)).toContain('MapRunFailed');
    const mapRunArn = await mapRunArnOf(api, executionArn);
    expect(await api.DescribeMapRun({ mapRunArn })).toMatchObject({ status: 'FAILED', toleratedFailureCount: 1 });
  });

  it('succeeds with null for the failed items under the tolerance', async () => {
    const api = await open(failing);
    const executionArn = await start(api, mapMachine({ ToleratedFailurePercentage: 50 }), ['a', 'bad', 'b']);
    const described = await settled(api, executionArn);
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output as string)).toEqual(['a', null, 'b']);
    const mapRunArn = await mapRunArnOf(api, executionArn);
    const counts = (await api.DescribeMapRun({ mapRunArn })).executionCounts;
    expect(counts).toMatchObject({ succeeded: 2, failed: 1, total: 3, pending: 0, running: 0 });
  });

  it('starts at most MaxConcurrency children at a time, and all of them with UpdateMapRun to 0', async () => {
    const tasks = gate();
    const api = await open(tasks.work);
    const executionArn = await start(api, mapMachine({ MaxConcurrency: 2 }), [1, 2, 3, 4, 5, 6]);
    const mapRunArn = await mapRunArnOf(api, executionArn);
    await until(async () => (tasks.waiting === 2 ? true : undefined));
    expect((await children(api, mapRunArn)).length).toBe(2);
    expect((await api.DescribeMapRun({ mapRunArn })).itemCounts).toMatchObject({ pending: 4, running: 2 });
    tasks.release();
    await until(async () => (tasks.waiting === 2 && (await children(api, mapRunArn)).length === 4 ? true : undefined));
    expect(tasks.most).toBe(2);

    await api.UpdateMapRun({ mapRunArn, maxConcurrency: 0 });
    await until(async () => (tasks.waiting === 4 ? true : undefined));
    expect((await api.DescribeMapRun({ mapRunArn })).maxConcurrency).toBe(0);
    tasks.release();
    expect((await settled(api, executionArn)).status).toBe('SUCCEEDED');
  });

  it('honours a tolerance raised by UpdateMapRun while the run goes on', async () => {
    const tasks = gate();
    const api = await open(async (input) => {
      await tasks.work(input, {});
      return failing(input, {});
    });
    const executionArn = await start(api, mapMachine({ MaxConcurrency: 1 }), ['bad', 'a']);
    const mapRunArn = await mapRunArnOf(api, executionArn);
    await api.UpdateMapRun({ mapRunArn, toleratedFailureCount: 1 });
    while ((await api.DescribeExecution({ executionArn })).status === 'RUNNING') {
      tasks.release();
      await new Promise((r) => setTimeout(r, 5));
    }
    expect((await api.DescribeExecution({ executionArn })).status).toBe('SUCCEEDED');
  });

  it('aborts the running children and the run when the parent is stopped', async () => {
    const tasks = gate();
    const api = await open(tasks.work);
    const executionArn = await start(api, mapMachine({ MaxConcurrency: 2 }), [1, 2, 3]);
    const mapRunArn = await mapRunArnOf(api, executionArn);
    await until(async () => (tasks.waiting === 2 ? true : undefined));
    await api.StopExecution({ executionArn });
    const aborted = await until(async () => {
      const listed = await children(api, mapRunArn);
      return listed.every((c) => c.status === 'ABORTED') ? listed : undefined;
    });
    expect(aborted.length).toBe(2);
    const run = await until(async () => {
      const described = await api.DescribeMapRun({ mapRunArn });
      return described.status === 'RUNNING' ? undefined : described;
    });
    expect(run).toMatchObject({ status: 'ABORTED', itemCounts: { aborted: 2, pending: 1, total: 3 } });
    expect((await api.DescribeExecution({ executionArn })).status).toBe('ABORTED');
  });
});

describe('durable Distributed Map runs with a ResultWriter', () => {
  const failing: TaskHandler = (input) => {
    if (input === 'bad') throw Object.assign(new Error('no'), { name: 'Bad' });
    return input;
  };
  const writer = { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'out', Prefix: 'jobs' } };

  /** The Map's puts, performed as its tasks (a local handler of its name stands for S3). */
  function s3() {
    const puts: { Bucket: string; Key: string; Body: unknown }[] = [];
    const Fan: TaskHandler = (input) => {
      puts.push(input as (typeof puts)[number]);
      return { ETag: '"etag"' };
    };
    return { puts, Fan };
  }

  it("exports the stored children's results, the failed ones to FAILED_0.json, and counts them written", async () => {
    const { puts, Fan } = s3();
    const api = await open(failing, createMemoryStore(), { Fan });
    const definition = mapMachine({ ResultWriter: writer, ToleratedFailureCount: 1 });
    const executionArn = await start(api, definition, ['a', 'bad']);
    const described = await settled(api, executionArn);
    expect(described.status).toBe('SUCCEEDED');
    const mapRunArn = await mapRunArnOf(api, executionArn);
    const id = mapRunArn.split(':').at(-1);
    expect(JSON.parse(described.output as string)).toEqual({
      MapRunArn: mapRunArn,
      ResultWriterDetails: { Bucket: 'out', Key: `jobs/${id}/manifest.json` },
    });
    expect(puts.map((p) => p.Key)).toEqual([
      `jobs/${id}/SUCCEEDED_0.json`,
      `jobs/${id}/FAILED_0.json`,
      `jobs/${id}/manifest.json`,
    ]);
    const listed = await children(api, mapRunArn);
    const byStatus = (status: string) => listed.find((c) => c.status === status)!;
    const child = await api.DescribeExecution({ executionArn: byStatus('SUCCEEDED').executionArn });
    expect(puts[0].Body).toEqual([
      {
        ExecutionArn: child.executionArn,
        Input: '"a"',
        InputDetails: { Included: true },
        Name: child.name,
        Output: '"a"',
        OutputDetails: { Included: true },
        RedriveCount: 0,
        RedriveStatus: 'NOT_REDRIVABLE',
        RedriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven',
        StartDate: new Date((child.startDate as number) * 1000).toISOString(),
        StateMachineArn: `${PREFIX}:stateMachine:M/Fan`,
        Status: 'SUCCEEDED',
        StopDate: new Date((child.stopDate as number) * 1000).toISOString(),
      },
    ]);
    expect(puts[1].Body).toEqual([
      expect.objectContaining({ ExecutionArn: byStatus('FAILED').executionArn, Error: 'Bad', Cause: 'no' }),
    ]);
    // The same history as in memory: the puts record no events.
    const inMemory = await runExecution({
      definition,
      input: { items: ['a', 'bad'] },
      taskHandlers: { Work: failing, Fan },
    });
    expect(await history(api, executionArn)).toEqual(inMemory.history.map((e) => e.type));
    const counts = (await api.DescribeMapRun({ mapRunArn })).executionCounts;
    expect(counts).toMatchObject({ succeeded: 1, failed: 1, resultsWritten: 2 });
  });

  it('exports the children never started as PENDING when the run fails, then fails', async () => {
    const { puts, Fan } = s3();
    const api = await open(failing, createMemoryStore(), { Fan });
    const executionArn = await start(api, mapMachine({ ResultWriter: writer, MaxConcurrency: 1 }), ['bad', 'b']);
    const described = await settled(api, executionArn);
    expect([described.status, described.error]).toEqual(['FAILED', 'States.ExceedToleratedFailureThreshold']);
    expect(puts.map((p) => p.Key.split('/').at(-1))).toEqual(['FAILED_0.json', 'PENDING_0.json', 'manifest.json']);
    expect(puts[1].Body).toEqual([{ Input: '"b"', InputDetails: { Included: true }, Status: 'PENDING' }]);
  });

  it('redrives a failed run with its parent: only the children that did not succeed run again', async () => {
    let fixed = false;
    const calls: number[] = [];
    const api = await open((input) => {
      calls.push(input as number);
      if (input === 2 && !fixed) throw Object.assign(new Error('not yet'), { name: 'Broken' });
      return (input as number) * 10;
    });
    const executionArn = await start(api, mapMachine(), [1, 2, 3]);
    expect(await settled(api, executionArn)).toMatchObject({
      status: 'FAILED',
      error: 'States.ExceedToleratedFailureThreshold',
    });
    const mapRunArn = await mapRunArnOf(api, executionArn);
    expect(await api.DescribeMapRun({ mapRunArn })).toMatchObject({ status: 'FAILED', redriveCount: 0 });

    fixed = true;
    await api.RedriveExecution({ executionArn });
    const redriven = await settled(api, executionArn);
    expect(redriven).toMatchObject({ status: 'SUCCEEDED', output: '[10,20,30]', redriveCount: 1 });
    expect(calls.sort()).toEqual([1, 2, 2, 3]);
    expect(await api.DescribeMapRun({ mapRunArn })).toMatchObject({
      status: 'SUCCEEDED',
      redriveCount: 1,
      executionCounts: expect.objectContaining({ succeeded: 3, failed: 0, total: 3 }),
    });
    const again = (await children(api, mapRunArn)).map((c) => c as { status: string; redriveCount?: number });
    expect(again.map((c) => `${c.status}:${c.redriveCount ?? 0}`).sort()).toEqual([
      'SUCCEEDED:0',
      'SUCCEEDED:0',
      'SUCCEEDED:1',
    ]);
    const types = await history(api, executionArn);
    expect(types.slice(types.indexOf('ExecutionRedriven'))).toEqual([
      'ExecutionRedriven',
      'MapStateEntered',
      'MapStateStarted',
      'MapRunRedriven',
      'MapRunSucceeded',
      'MapStateSucceeded',
      'MapStateExited',
      'ExecutionSucceeded',
    ]);
  });
});
