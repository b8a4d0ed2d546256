// A Distributed Map's ResultWriter: the results exported to S3 (a local handler of the Map's name stands for S3
// here, as the runtime performs each put as a call of that state), or transformed into the Map's result.
import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../history.js';
import { details, machineOf, processor, run } from '../test-support.js';

const DISTRIBUTED = { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' };
/** Children that fail on the item "bad" and else echo their input. */
const CHILDREN = processor(
  {
    Check: { Type: 'Choice', Choices: [{ Variable: '$', StringEquals: 'bad', Next: 'Boom' }], Default: 'Echo' },
    Boom: { Type: 'Fail', Error: 'Bad', Cause: 'bad item' },
    Echo: { Type: 'Pass', End: true },
  },
  DISTRIBUTED,
);
const TO_S3 = { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'out', 'Prefix.$': '$.prefix' } };
const RUN_ID = /^arn:aws:states:us-east-1:\d+:mapRun:[^/]+\/M:([0-9a-f-]{36})$/;

function distributedMap(fields: object, others: object = {}) {
  return machineOf('Map', 'M', { ItemsPath: '$.items', ItemProcessor: CHILDREN, ...fields }, others);
}

interface Put {
  Bucket: string;
  Key: string;
  Body: unknown;
}

/** Records the puts; fails those whose key contains `failOn`. */
function s3(failOn?: string) {
  const puts: Put[] = [];
  const handler = async (parameters: unknown) => {
    const put = parameters as Put;
    if (failOn && put.Key.includes(failOn)) {
      throw Object.assign(new Error('Access Denied'), { name: 'S3.S3Exception' });
    }
    puts.push(put);
    return { ETag: '"etag"' };
  };
  return { puts, handler };
}

const types = (history: HistoryEvent[]) => history.map((e) => e.type).filter((t) => t.startsWith('Map'));

describe('ResultWriter to S3', () => {
  it('puts SUCCEEDED_0.json then manifest.json under <Prefix>/<run id>/; the result is where the manifest is', async () => {
    const { puts, handler } = s3();
    const r = await run(
      distributedMap({ ResultWriter: TO_S3 }),
      { prefix: 'jobs', items: [1, 2] },
      {
        taskHandlers: { M: handler },
      },
    );
    expect(r.status).toBe('SUCCEEDED');
    const output = r.output as { MapRunArn: string; ResultWriterDetails: unknown };
    const id = RUN_ID.exec(output.MapRunArn)?.[1];
    expect(output).toEqual({
      MapRunArn: output.MapRunArn,
      ResultWriterDetails: { Bucket: 'out', Key: `jobs/${id}/manifest.json` },
    });
    expect(puts.map((p) => [p.Bucket, p.Key])).toEqual([
      ['out', `jobs/${id}/SUCCEEDED_0.json`],
      ['out', `jobs/${id}/manifest.json`],
    ]);
    // NONE (the default when exporting): each child as AWS describes it.
    const entries = puts[0].Body as Record<string, unknown>[];
    expect(entries.map((e) => [e.Input, e.Output, e.Status])).toEqual([
      ['1', '1', 'SUCCEEDED'],
      ['2', '2', 'SUCCEEDED'],
    ]);
    expect(entries[0]).toMatchObject({ Name: expect.any(String), RedriveStatus: 'NOT_REDRIVABLE' });
    expect(puts[1].Body).toEqual({
      DestinationBucket: 'out',
      MapRunArn: output.MapRunArn,
      ResultFiles: {
        FAILED: [],
        PENDING: [],
        SUCCEEDED: [{ Key: `jobs/${id}/SUCCEEDED_0.json`, Size: JSON.stringify(entries).length }],
      },
    });
    expect(types(r.history)).toEqual([
      'MapStateEntered',
      'MapStateStarted',
      'MapRunStarted',
      'MapRunSucceeded',
      'MapStateSucceeded',
      'MapStateExited',
    ]);
  });

  it('writes the tolerated failures to FAILED_0.json, and applies the Transformation to the succeeded ones', async () => {
    const { puts, handler } = s3();
    const writer = { ...TO_S3, WriterConfig: { OutputType: 'JSON', Transformation: 'COMPACT' } };
    const r = await run(
      distributedMap({ ResultWriter: writer, ToleratedFailureCount: 1 }),
      { prefix: 'p/', items: ['a', 'bad', 'c'] },
      { taskHandlers: { M: handler } },
    );
    expect(r.status).toBe('SUCCEEDED');
    expect(puts.map((p) => p.Key.replace(/^p\/[0-9a-f-]+\//, ''))).toEqual([
      'SUCCEEDED_0.json',
      'FAILED_0.json',
      'manifest.json',
    ]);
    expect(puts[0].Body).toEqual(['a', 'c']);
    expect(puts[1].Body).toEqual([
      expect.objectContaining({
        Cause: 'bad item',
        Error: 'Bad',
        Input: '"bad"',
        RedriveStatus: 'REDRIVABLE_BY_MAP_RUN',
        Status: 'FAILED',
      }),
    ]);
  });

  it('writes the results of a failed Map Run (never-started children as PENDING) before it fails', async () => {
    const { puts, handler } = s3();
    const r = await run(
      distributedMap({ ResultWriter: TO_S3, MaxConcurrency: 1 }),
      { prefix: 'p', items: ['bad', 'b'] },
      { taskHandlers: { M: handler } },
    );
    expect([r.status, r.error]).toEqual(['FAILED', 'States.ExceedToleratedFailureThreshold']);
    expect(puts.map((p) => p.Key.split('/').at(-1))).toEqual(['FAILED_0.json', 'PENDING_0.json', 'manifest.json']);
    expect(puts[1].Body).toEqual([{ Input: '"b"', InputDetails: { Included: true }, Status: 'PENDING' }]);
    expect(types(r.history)).toEqual([
      'MapStateEntered',
      'MapStateStarted',
      'MapRunStarted',
      'MapRunFailed',
      'MapStateFailed',
    ]);
  });

  it('fails the Map Run and the state with States.ResultWriterFailed when a put fails, which Catch handles', async () => {
    const { handler } = s3('manifest');
    const catcher = [{ ErrorEquals: ['States.ResultWriterFailed'], Next: 'Fallback' }];
    const machine = distributedMap({ ResultWriter: TO_S3, Catch: catcher }, { Fallback: { Type: 'Pass', End: true } });
    const r = await run(machine, { prefix: 'p', items: [1] }, { taskHandlers: { M: handler } });
    expect(r.output).toEqual({ Error: 'States.ResultWriterFailed', Cause: 'Access Denied' });
    const failed = r.history.find((e) => e.type === 'MapRunFailed')!;
    expect(details(failed)).toEqual({ error: 'States.ResultWriterFailed', cause: 'Access Denied' });
  });

  it('reads Bucket and Prefix from JSONata Arguments', async () => {
    const { puts, handler } = s3();
    const machine = {
      QueryLanguage: 'JSONata',
      ...machineOf('Map', 'M', {
        Items: '{% $states.input.items %}',
        ItemProcessor: processor({ Echo: { Type: 'Pass', End: true } }, DISTRIBUTED),
        ResultWriter: {
          Resource: 'arn:aws:states:::s3:putObject',
          Arguments: { Bucket: '{% $states.input.bucket %}', Prefix: 'j' },
        },
      }),
    };
    const r = await run(machine, { bucket: 'b2', items: [1] }, { taskHandlers: { M: handler } });
    expect(r.status).toBe('SUCCEEDED');
    expect(puts.map((p) => [p.Bucket, p.Key.split('/')[0]])).toEqual([
      ['b2', 'j'],
      ['b2', 'j'],
    ]);
  });

  it('fails the state with States.Runtime saying so for OutputType JSONL, which Lockstep cannot write yet', async () => {
    const writer = { ...TO_S3, WriterConfig: { OutputType: 'JSONL', Transformation: 'NONE' } };
    const r = await run(distributedMap({ ResultWriter: writer }), { prefix: 'p', items: [1] });
    expect([r.error, r.cause]).toEqual([
      'States.Runtime',
      "An error occurred while executing the state 'M' (entered at the event id #2). Lockstep does not support a Distributed Map's ResultWriter of OutputType JSONL yet.",
    ]);
  });
});

describe('ResultWriter with WriterConfig alone', () => {
  const outputs = async (transformation: string) => {
    const writer = { WriterConfig: { OutputType: 'JSON', Transformation: transformation } };
    const machine = machineOf('Map', 'M', {
      ItemProcessor: processor({ Echo: { Type: 'Pass', End: true } }, DISTRIBUTED),
      ResultWriter: writer,
    });
    return (await run(machine, [[1, 2], [3], 4])).output;
  };

  it('is the transformed results: COMPACT the outputs, FLATTEN the arrays spread, NONE the entries', async () => {
    expect(await outputs('COMPACT')).toEqual([[1, 2], [3], 4]);
    expect(await outputs('FLATTEN')).toEqual([1, 2, 3, 4]);
    const entries = (await outputs('NONE')) as Record<string, unknown>[];
    expect(entries.map((e) => [e.Output, e.Status])).toEqual([
      ['[1,2]', 'SUCCEEDED'],
      ['[3]', 'SUCCEEDED'],
      ['4', 'SUCCEEDED'],
    ]);
  });
});
