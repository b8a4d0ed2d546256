/**
 * A Distributed Map's `ItemReader` reading from S3 (a real S3-compatible server, s3rver) through the AWS SDK
 * integration: an object as JSON, JSON Lines or CSV (with `MaxItems`), and a bucket listing.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { runExecution } from '@lockstep/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsSdkIntegration } from './aws-sdk-integration.js';
import { type LocalS3, S3RVER_CREDENTIALS, startLocalS3 } from './s3rver.test-support.js';

let s3: LocalS3;
let integration: ReturnType<typeof awsSdkIntegration>;

beforeAll(async () => {
  s3 = await startLocalS3(['items']);
  integration = awsSdkIntegration({
    region: 'us-east-1',
    credentials: S3RVER_CREDENTIALS,
    endpoints: { s3: s3.endpoint },
  });
  // The objects' text is written as is, with the S3 client.
  const put = (Key: string, Body: string) => s3.client.send(new PutObjectCommand({ Bucket: 'items', Key, Body }));
  await put('orders.json', '[{"id":1},{"id":2},{"id":3}]');
  await put('orders.jsonl', '{"id":1}\n{"id":2}\n');
  await put('orders.csv', 'id,city\n1,Paris\n2,"Lyon, FR"\n');
  for (let i = 0; i < 5; i++) await put(`listing/part-${i}`, 'x');
});

afterAll(() => s3.close());

/** Runs a Distributed Map whose children echo their input, reading with `reader`. */
function runMap(reader: object, extra: object = {}) {
  const definition = {
    StartAt: 'Map',
    States: {
      Map: {
        Type: 'Map',
        ItemReader: reader,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'Echo',
          States: { Echo: { Type: 'Pass', End: true } },
        },
        End: true,
        ...extra,
      },
    },
  };
  return runExecution({ definition, input: { key: 'orders.json' }, integrations: [integration] });
}

describe('ItemReader (Distributed Map) from S3', () => {
  it('reads a JSON array object (Parameters over the input)', async () => {
    const r = await runMap({
      Resource: 'arn:aws:states:::s3:getObject',
      ReaderConfig: { InputType: 'JSON' },
      Parameters: { Bucket: 'items', 'Key.$': '$.key' },
    });
    expect([r.status, r.output]).toEqual(['SUCCEEDED', [{ id: 1 }, { id: 2 }, { id: 3 }]]);
    expect(r.history.find((e) => e.type === 'MapStateStarted')?.mapStateStartedEventDetails).toEqual({ length: 3 });
  });

  it('reads JSON Lines and CSV (with MaxItems, and ItemBatcher after)', async () => {
    const lines = await runMap({
      Resource: 'arn:aws:states:::s3:getObject',
      ReaderConfig: { InputType: 'JSONL' },
      Parameters: { Bucket: 'items', Key: 'orders.jsonl' },
    });
    expect(lines.output).toEqual([{ id: 1 }, { id: 2 }]);
    const csv = await runMap(
      {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', MaxItems: 2 },
        Parameters: { Bucket: 'items', Key: 'orders.csv' },
      },
      { ItemBatcher: { MaxItemsPerBatch: 5 } },
    );
    expect(csv.output).toEqual([
      {
        Items: [
          { id: '1', city: 'Paris' },
          { id: '2', city: 'Lyon, FR' },
        ],
      },
    ]);
  });

  // s3rver answers ListObjectsV2 with MaxKeys with an internal error: paging is tested in the engine.
  it('lists a prefix, one item per object', async () => {
    const r = await runMap({
      Resource: 'arn:aws:states:::s3:listObjectsV2',
      Parameters: { Bucket: 'items', Prefix: 'listing/' },
    });
    expect([r.status, r.error, r.cause]).toEqual(['SUCCEEDED', undefined, undefined]);
    const items = r.output as { Key: string; Size: number; Etag: string; LastModified: number }[];
    expect(items.map((item) => item.Key)).toEqual([0, 1, 2, 3, 4].map((i) => `listing/part-${i}`));
    expect(Object.keys(items[0])).toEqual(['Etag', 'Key', 'LastModified', 'Size', 'StorageClass']);
    expect(items[0]).toMatchObject({ Size: 1, StorageClass: 'STANDARD' });
    expect(Number.isInteger(items[0].LastModified)).toBe(true);
  });

  it('fails the Map with States.ItemReaderFailed when the object cannot be read or parsed', async () => {
    const missing = await runMap({
      Resource: 'arn:aws:states:::s3:getObject',
      Parameters: { Bucket: 'items', Key: 'absent.json' },
    });
    expect([missing.status, missing.error]).toEqual(['FAILED', 'States.ItemReaderFailed']);
    expect(missing.cause).toContain('The specified key does not exist.');
    const notArray = await runMap({
      Resource: 'arn:aws:states:::s3:getObject',
      ReaderConfig: { InputType: 'JSON' },
      Parameters: { Bucket: 'items', Key: 'orders.jsonl' },
    });
    expect([notArray.error, notArray.cause]).toEqual([
      'States.ItemReaderFailed',
      'the object s3://items/orders.jsonl is not valid JSON.',
    ]);
  });
});
