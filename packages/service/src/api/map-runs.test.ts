import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createService, type Service } from '../service.js';
import { createMemoryStore } from '../store/memory-store.js';
import { codeAndMessage } from '../test-support.js';

const ROLE = 'arn:aws:iam::123456789012:role/lockstep';
const PREFIX = 'arn:aws:states:us-east-1:123456789012';

const definition = JSON.stringify({
  StartAt: 'Fan',
  States: {
    Fan: {
      Type: 'Map',
      MaxConcurrency: 1,
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
        StartAt: 'Echo',
        States: { Echo: { Type: 'Pass', End: true } },
      },
      End: true,
    },
  },
});

let service: Service;
let api: Service['operations'];
let executionArn: string;
let mapRunArn: string;

beforeEach(async () => {
  service = createService({ store: createMemoryStore(), runtime: { idleMs: 5 } });
  service.start();
  api = service.operations;
  await api.CreateStateMachine({ name: 'M', definition, roleArn: ROLE });
  const started = await api.StartExecution({ stateMachineArn: `${PREFIX}:stateMachine:M`, input: '["a","b"]' });
  executionArn = started.executionArn as string;
  for (;;) {
    const described = await api.DescribeExecution({ executionArn });
    if (described.status !== 'RUNNING') break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const { mapRuns } = await api.ListMapRuns({ executionArn });
  mapRunArn = (mapRuns as { mapRunArn: string }[])[0].mapRunArn;
});

afterEach(async () => {
  await service.stop();
});

describe('DescribeMapRun', () => {
  it("describes an ended run in AWS's shape", async () => {
    const described = await api.DescribeMapRun({ mapRunArn });
    const counts = {
      pending: 0,
      running: 0,
      succeeded: 2,
      failed: 0,
      timedOut: 0,
      aborted: 0,
      total: 2,
      resultsWritten: 2,
      failuresNotRedrivable: 0,
      pendingRedrive: 0,
    };
    expect(described).toEqual({
      mapRunArn,
      executionArn,
      status: 'SUCCEEDED',
      startDate: expect.any(Number),
      stopDate: expect.any(Number),
      maxConcurrency: 1,
      toleratedFailurePercentage: 0,
      toleratedFailureCount: 0,
      itemCounts: counts,
      executionCounts: counts,
      redriveCount: 0,
    });
    expect(mapRunArn).toMatch(/^arn:aws:states:us-east-1:123456789012:mapRun:M\/Fan:[0-9a-f-]{36}$/);
  });

  it('counts the items of batched children apart from the children', async () => {
    const batched = JSON.parse(definition);
    batched.States.Fan.ItemBatcher = { MaxItemsPerBatch: 2 };
    await api.CreateStateMachine({ name: 'B', definition: JSON.stringify(batched), roleArn: ROLE });
    const started = await api.StartExecution({ stateMachineArn: `${PREFIX}:stateMachine:B`, input: '[1,2,3,4,5]' });
    const arn = started.executionArn as string;
    while ((await api.DescribeExecution({ executionArn: arn })).status === 'RUNNING') {
      await new Promise((r) => setTimeout(r, 5));
    }
    const run = (await api.ListMapRuns({ executionArn: arn })).mapRuns as { mapRunArn: string }[];
    const described = await api.DescribeMapRun({ mapRunArn: run[0].mapRunArn });
    expect(described.itemCounts).toMatchObject({ succeeded: 5, total: 5, pending: 0 });
    expect(described.executionCounts).toMatchObject({ succeeded: 3, total: 3, pending: 0 });
    const { executions } = await api.ListExecutions({ mapRunArn: run[0].mapRunArn });
    expect((executions as { itemCount: number }[]).map((e) => e.itemCount).sort()).toEqual([1, 2, 2]);
  });

  it("counts a ResultWriter's results written: the failed children's too", async () => {
    const written = JSON.parse(definition);
    written.States.Fan.ToleratedFailureCount = 1;
    written.States.Fan.ResultWriter = { WriterConfig: { OutputType: 'JSON', Transformation: 'COMPACT' } };
    written.States.Fan.ItemProcessor.States = {
      Check: { Type: 'Choice', Choices: [{ Variable: '$', StringEquals: 'bad', Next: 'Boom' }], Default: 'Echo' },
      Boom: { Type: 'Fail', Error: 'Bad' },
      Echo: { Type: 'Pass', End: true },
    };
    written.States.Fan.ItemProcessor.StartAt = 'Check';
    await api.CreateStateMachine({ name: 'W', definition: JSON.stringify(written), roleArn: ROLE });
    const started = await api.StartExecution({ stateMachineArn: `${PREFIX}:stateMachine:W`, input: '["a","bad"]' });
    const arn = started.executionArn as string;
    while ((await api.DescribeExecution({ executionArn: arn })).status === 'RUNNING') {
      await new Promise((r) => setTimeout(r, 5));
    }
    const output = JSON.parse((await api.DescribeExecution({ executionArn: arn })).output as string);
    expect(output).toEqual(['a', expect.objectContaining({ Error: 'Bad', Input: '"bad"', Status: 'FAILED' })]);
    const run = (await api.ListMapRuns({ executionArn: arn })).mapRuns as { mapRunArn: string }[];
    const described = await api.DescribeMapRun({ mapRunArn: run[0].mapRunArn });
    expect(described.executionCounts).toMatchObject({ succeeded: 1, failed: 1, resultsWritten: 2 });
    // Without a ResultWriter (the run of beforeEach), the succeeded ones only, as AWS recorded.
    expect((await api.DescribeMapRun({ mapRunArn })).itemCounts).toMatchObject({ resultsWritten: 2, succeeded: 2 });
  });

  it("answers AWS's errors for a missing, malformed, foreign or unknown ARN", async () => {
    expect(await codeAndMessage(api.DescribeMapRun({}))).toEqual([
      'ValidationException',
      "1 validation error detected: Value null at 'mapRunArn' failed to satisfy constraint: Member must not be null",
    ]);
    expect(await codeAndMessage(api.DescribeMapRun({ mapRunArn: 'nope' }))).toEqual([
      'InvalidArn',
      "Invalid Arn: 'Invalid ARN prefix: nope'",
    ]);
    expect(await codeAndMessage(api.DescribeMapRun({ mapRunArn: executionArn }))).toEqual([
      'InvalidArn',
      "Invalid Arn: 'Resource type not valid in this context: execution'",
    ]);
    const unknown = `${PREFIX}:mapRun:M/Fan:00000000-0000-4000-a000-000000000000`;
    expect(await codeAndMessage(api.DescribeMapRun({ mapRunArn: unknown }))).toEqual([
      'ResourceNotFound',
      `Resource not found: '${unknown}'`,
    ]);
  });
});

describe('ListMapRuns', () => {
  it("lists an execution's runs with their children's state machine", async () => {
    const { mapRuns, nextToken } = await api.ListMapRuns({ executionArn, maxResults: 1 });
    expect(mapRuns).toEqual([
      {
        executionArn,
        mapRunArn,
        stateMachineArn: `${PREFIX}:stateMachine:M/Fan`,
        startDate: expect.any(Number),
        stopDate: expect.any(Number),
      },
    ]);
    expect(nextToken).toBeUndefined();
  });

  it('answers ExecutionDoesNotExist for an unknown execution', async () => {
    const unknown = `${PREFIX}:execution:M:missing`;
    expect(await codeAndMessage(api.ListMapRuns({ executionArn: unknown }))).toEqual([
      'ExecutionDoesNotExist',
      `Execution Does Not Exist: '${unknown}'`,
    ]);
  });
});

describe('UpdateMapRun', () => {
  it('changes the settings DescribeMapRun shows', async () => {
    expect(
      await api.UpdateMapRun({
        mapRunArn,
        maxConcurrency: 5,
        toleratedFailureCount: 2,
        toleratedFailurePercentage: 7.5,
      }),
    ).toEqual({});
    expect(await api.DescribeMapRun({ mapRunArn })).toMatchObject({
      maxConcurrency: 5,
      toleratedFailureCount: 2,
      toleratedFailurePercentage: 7.5,
    });
  });

  it("answers AWS's validation errors", async () => {
    expect(await codeAndMessage(api.UpdateMapRun({ mapRunArn, maxConcurrency: -1 }))).toEqual([
      'ValidationException',
      "1 validation error detected: Value '-1' at 'maxConcurrency' failed to satisfy constraint: Member must have value greater than or equal to 0",
    ]);
    expect(await codeAndMessage(api.UpdateMapRun({ mapRunArn, toleratedFailurePercentage: 101 }))).toEqual([
      'ValidationException',
      "1 validation error detected: Value '101' at 'toleratedFailurePercentage' failed to satisfy constraint: Member must have value less than or equal to 100",
    ]);
    const unknown = `${PREFIX}:mapRun:M/Fan:none`;
    expect(await codeAndMessage(api.UpdateMapRun({ mapRunArn: unknown, maxConcurrency: 1 }))).toEqual([
      'ResourceNotFound',
      `Resource not found: '${unknown}'`,
    ]);
  });
});

describe('ListExecutions and DescribeExecution of a Map Run', () => {
  it('lists the children by run, with the run and their item count, and describes them with the run', async () => {
    const { executions } = await api.ListExecutions({ mapRunArn });
    const listed = executions as Record<string, unknown>[];
    expect(listed).toHaveLength(2);
    expect(listed[0]).toEqual({
      executionArn: expect.stringMatching(/^arn:aws:states:us-east-1:123456789012:execution:M\/Fan:[0-9a-f-]{36}$/),
      stateMachineArn: `${PREFIX}:stateMachine:M/Fan`,
      name: expect.any(String),
      status: 'SUCCEEDED',
      startDate: expect.any(Number),
      stopDate: expect.any(Number),
      redriveCount: 0,
      mapRunArn,
      itemCount: 1,
    });
    const child = await api.DescribeExecution({ executionArn: listed[0].executionArn as string });
    expect(child).toMatchObject({ mapRunArn, stateMachineArn: `${PREFIX}:stateMachine:M/Fan` });
    expect(JSON.parse(child.input as string)).toEqual(expect.any(String));
    expect(await api.ListExecutions({ mapRunArn, statusFilter: 'PENDING_REDRIVE' })).toEqual({ executions: [] });
    expect(await api.ListExecutions({ mapRunArn, statusFilter: 'FAILED' })).toEqual({ executions: [] });
  });

  it('answers ResourceNotFound for an unknown run and refuses a state machine ARN with it', async () => {
    const unknown = `${PREFIX}:mapRun:M/Fan:none`;
    expect(await codeAndMessage(api.ListExecutions({ mapRunArn: unknown }))).toEqual([
      'ResourceNotFound',
      `Resource not found: '${unknown}'`,
    ]);
    const both = api.ListExecutions({ mapRunArn, stateMachineArn: `${PREFIX}:stateMachine:M` });
    expect((await codeAndMessage(both))[0]).toBe('ValidationException');
  });
});
