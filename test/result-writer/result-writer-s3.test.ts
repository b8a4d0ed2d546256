/**
 * A Distributed Map's `ResultWriter` exporting its results to S3 (a real S3-compatible server, s3rver) through the
 * AWS SDK integration, in memory (`runExecution`) and in the durable service: the objects written under
 * `<Prefix>/<map run id>/`, read back with the S3 client, and the Map's output naming the manifest.
 */
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { runExecution } from '@lockstep/engine';
import { awsSdkIntegration } from '@lockstep/integrations';
import { createMemoryStore, createService } from '@lockstep/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LocalS3,
  S3RVER_CREDENTIALS,
  startLocalS3,
} from '../../packages/integrations/src/aws-sdk/s3rver.test-support.js';

const PREFIX = 'arn:aws:states:us-east-1:123456789012';

let s3: LocalS3;
let integration: ReturnType<typeof awsSdkIntegration>;

beforeAll(async () => {
  s3 = await startLocalS3(['results']);
  integration = awsSdkIntegration({
    region: 'us-east-1',
    credentials: S3RVER_CREDENTIALS,
    endpoints: { s3: s3.endpoint },
  });
});

afterAll(() => s3.close());

/** A Distributed Map over `$.items` whose children fail on "bad" (one tolerated) and else echo, writing to S3. */
function definition(writer: object = {}) {
  return {
    StartAt: 'Map',
    States: {
      Map: {
        Type: 'Map',
        ItemsPath: '$.items',
        ToleratedFailureCount: 1,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'Check',
          States: {
            Check: { Type: 'Choice', Choices: [{ Variable: '$', StringEquals: 'bad', Next: 'Boom' }], Default: 'Echo' },
            Boom: { Type: 'Fail', Error: 'Bad', Cause: 'a bad item' },
            Echo: { Type: 'Pass', End: true },
          },
        },
        ResultWriter: {
          Resource: 'arn:aws:states:::s3:putObject',
          Parameters: { Bucket: 'results', 'Prefix.$': '$.prefix' },
          ...writer,
        },
        End: true,
      },
    },
  };
}

async function text(Key: string): Promise<string> {
  const object = await s3.client.send(new GetObjectCommand({ Bucket: 'results', Key }));
  return object.Body!.transformToString();
}

async function keys(prefix: string): Promise<string[]> {
  const listed = await s3.client.send(new ListObjectsV2Command({ Bucket: 'results', Prefix: prefix }));
  return (listed.Contents ?? []).map((object) => object.Key!).sort();
}

interface WriterOutput {
  MapRunArn: string;
  ResultWriterDetails: { Bucket: string; Key: string };
}

/** Checks what a run with the items ["a", "bad", "c"] wrote under `prefix`, COMPACT or not. */
async function expectExported(output: WriterOutput, prefix: string, compact: boolean) {
  const id = output.MapRunArn.split(':').at(-1);
  const folder = `${prefix}/${id}/`;
  expect(output.ResultWriterDetails).toEqual({ Bucket: 'results', Key: `${folder}manifest.json` });
  expect(await keys(folder)).toEqual([`${folder}FAILED_0.json`, `${folder}SUCCEEDED_0.json`, `${folder}manifest.json`]);
  const succeeded = await text(`${folder}SUCCEEDED_0.json`);
  const failed = await text(`${folder}FAILED_0.json`);
  expect(JSON.parse(await text(`${folder}manifest.json`))).toEqual({
    DestinationBucket: 'results',
    MapRunArn: output.MapRunArn,
    ResultFiles: {
      FAILED: [{ Key: `${folder}FAILED_0.json`, Size: Buffer.byteLength(failed) }],
      PENDING: [],
      SUCCEEDED: [{ Key: `${folder}SUCCEEDED_0.json`, Size: Buffer.byteLength(succeeded) }],
    },
  });
  const entries = JSON.parse(succeeded) as Record<string, unknown>[];
  if (compact) expect(entries).toEqual(['a', 'c']);
  else
    expect(entries.map((e) => [e.Input, e.Output, e.Status])).toEqual([
      ['"a"', '"a"', 'SUCCEEDED'],
      ['"c"', '"c"', 'SUCCEEDED'],
    ]);
  expect(JSON.parse(failed)).toEqual([
    expect.objectContaining({ Cause: 'a bad item', Error: 'Bad', Input: '"bad"', Status: 'FAILED' }),
  ]);
}

describe('ResultWriter to S3 (s3rver)', () => {
  it('exports the results in memory, as the manifest and one file per status', async () => {
    const r = await runExecution({
      definition: definition(),
      input: { prefix: 'memory', items: ['a', 'bad', 'c'] },
      integrations: [integration],
    });
    expect(r.status).toBe('SUCCEEDED');
    await expectExported(r.output as WriterOutput, 'memory', false);
  });

  it('exports the results from the durable service, transformed by WriterConfig', async () => {
    const service = createService({ store: createMemoryStore(), integrations: [integration], runtime: { idleMs: 5 } });
    service.start();
    try {
      const api = service.operations;
      const writer = { WriterConfig: { OutputType: 'JSON', Transformation: 'COMPACT' } };
      const roleArn = 'arn:aws:iam::123456789012:role/lockstep';
      await api.CreateStateMachine({ name: 'W', definition: JSON.stringify(definition(writer)), roleArn });
      const input = JSON.stringify({ prefix: 'durable', items: ['a', 'bad', 'c'] });
      const { executionArn } = await api.StartExecution({ stateMachineArn: `${PREFIX}:stateMachine:W`, input });
      let described = await api.DescribeExecution({ executionArn });
      while (described.status === 'RUNNING') {
        await new Promise((resolve) => setTimeout(resolve, 5));
        described = await api.DescribeExecution({ executionArn });
      }
      expect(described.status).toBe('SUCCEEDED');
      const output = JSON.parse(described.output as string) as WriterOutput;
      await expectExported(output, 'durable', true);
      const run = await api.DescribeMapRun({ mapRunArn: output.MapRunArn });
      expect(run.executionCounts).toMatchObject({ succeeded: 2, failed: 1, resultsWritten: 3 });
    } finally {
      await service.stop();
    }
  });

  it('fails the Map with States.ResultWriterFailed when the bucket does not exist', async () => {
    const missing = { Parameters: { Bucket: 'no-such-bucket', Prefix: 'p' } };
    const r = await runExecution({
      definition: definition(missing),
      input: { prefix: 'x', items: ['a'] },
      integrations: [integration],
    });
    expect([r.status, r.error]).toEqual(['FAILED', 'States.ResultWriterFailed']);
    expect(r.cause).toContain('bucket does not exist');
  });
});
