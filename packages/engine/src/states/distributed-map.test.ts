// The items of a Distributed Map: where they come from (its input, or S3 through ItemReader) and how they are batched.
import { describe, expect, it } from 'vitest';
import { machineOf, processor, run } from '../test-support.js';

const DISTRIBUTED = { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' };

/** A Distributed Map whose children echo their input, with `fields` (ItemBatcher, ItemSelector...). */
function distributedMap(fields: object, language?: 'JSONata') {
  const machine = machineOf('Map', 'M', {
    ...fields,
    ItemProcessor: processor({ Echo: { Type: 'Pass', End: true } }, DISTRIBUTED),
  }) as Record<string, unknown>;
  return language ? { ...machine, QueryLanguage: language } : machine;
}

describe('ItemBatcher (Distributed Map)', () => {
  it('gives each child execution a batch of at most MaxItemsPerBatch items, in order', async () => {
    const r = await run(distributedMap({ ItemBatcher: { MaxItemsPerBatch: 2 } }), [1, 2, 3, 4, 5]);
    expect(r.output).toEqual([{ Items: [1, 2] }, { Items: [3, 4] }, { Items: [5] }]);
  });

  it('adds BatchInput, a payload template over the state input, to every batch', async () => {
    const batcher = { MaxItemsPerBatchPath: '$.size', BatchInput: { 'source.$': '$.source', fixed: true } };
    const r = await run(distributedMap({ ItemsPath: '$.items', ItemBatcher: batcher }), {
      size: 3,
      source: 'orders.csv',
      items: ['a', 'b', 'c', 'd'],
    });
    expect(r.output).toEqual([
      { BatchInput: { source: 'orders.csv', fixed: true }, Items: ['a', 'b', 'c'] },
      { BatchInput: { source: 'orders.csv', fixed: true }, Items: ['d'] },
    ]);
  });

  it('batches the selected items (ItemSelector first)', async () => {
    const r = await run(
      distributedMap({ ItemSelector: { 'n.$': '$$.Map.Item.Value' }, ItemBatcher: { MaxItemsPerBatch: 2 } }),
      [7, 8, 9],
    );
    expect(r.output).toEqual([{ Items: [{ n: 7 }, { n: 8 }] }, { Items: [{ n: 9 }] }]);
  });

  it('keeps each batch within MaxInputBytesPerBatch of JSON; an item too large alone gets a batch of its own', async () => {
    // {"Items":[1,2,3]} is 17 bytes; with ,"twenty-chars-long!!" it would be 40.
    const items = [1, 2, 3, 'twenty-chars-long!!!', 4];
    const r = await run(distributedMap({ ItemBatcher: { MaxInputBytesPerBatch: 30 } }), items);
    expect(r.output).toEqual([{ Items: [1, 2, 3] }, { Items: ['twenty-chars-long!!!'] }, { Items: [4] }]);
  });

  it('reads its limits and BatchInput from JSONata expressions', async () => {
    const batcher = {
      MaxItemsPerBatch: '{% $states.input.size %}',
      BatchInput: { total: '{% $count($states.input.items) %}' },
    };
    const r = await run(distributedMap({ Items: '{% $states.input.items %}', ItemBatcher: batcher }, 'JSONata'), {
      size: 2,
      items: [1, 2, 3],
    });
    expect(r.output).toEqual([
      { BatchInput: { total: 3 }, Items: [1, 2] },
      { BatchInput: { total: 3 }, Items: [3] },
    ]);
  });

  // The message follows AWS's for the other ...Path number fields (MaxConcurrencyPath); this one is not recorded.
  it('fails with States.Runtime when MaxItemsPerBatchPath selects no positive integer', async () => {
    const fields = { ItemsPath: '$.items', ItemBatcher: { MaxItemsPerBatchPath: '$.size' } };
    const r = await run(distributedMap(fields), { size: 0, items: [1] });
    expect([r.error, r.cause]).toEqual([
      'States.Runtime',
      'An error occurred while executing the state \'M\' (entered at the event id #2). The MaxItemsPerBatchPath field refers to value "0" which is not a valid positive integer: $.size',
    ]);
  });
});

describe('ItemReader (Distributed Map)', () => {
  // The runtime performs each read as a call of the Map state's name: a local handler stands for S3 here.
  const page = (keys: string[], next?: string) => ({
    Contents: keys.map((Key) => ({
      ETag: `"${Key}"`,
      Key,
      LastModified: '2024-01-01T00:00:00Z',
      Size: 1,
      StorageClass: 'STANDARD',
    })),
    IsTruncated: next !== undefined,
    ...(next === undefined ? {} : { NextContinuationToken: next }),
  });
  const pages: Record<string, ReturnType<typeof page>> = {
    first: page(['a', 'b'], 'p2'),
    p2: page(['c', 'd'], 'p3'),
    p3: page(['e']),
  };
  const listing = { Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'b', Prefix: 'in/' } };

  it('lists page after page, each object an item shaped as AWS gives it, and asks for no page past MaxItems', async () => {
    const calls: unknown[] = [];
    const handler = async (parameters: unknown) => {
      calls.push(parameters);
      return pages[(parameters as { ContinuationToken?: string }).ContinuationToken ?? 'first'];
    };
    const all = await run(distributedMap({ ItemReader: listing }), {}, { taskHandlers: { M: handler } });
    expect((all.output as { Key: string }[]).map((item) => item.Key)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect((all.output as object[])[0]).toEqual({
      Etag: '"a"',
      Key: 'a',
      LastModified: 1704067200,
      Size: 1,
      StorageClass: 'STANDARD',
    });
    expect(calls).toEqual([
      { Bucket: 'b', Prefix: 'in/' },
      { Bucket: 'b', Prefix: 'in/', ContinuationToken: 'p2' },
      { Bucket: 'b', Prefix: 'in/', ContinuationToken: 'p3' },
    ]);
    calls.length = 0;
    const three = { ...listing, ReaderConfig: { MaxItems: 3 } };
    const some = await run(distributedMap({ ItemReader: three }), {}, { taskHandlers: { M: handler } });
    expect((some.output as { Key: string }[]).map((item) => item.Key)).toEqual(['a', 'b', 'c']);
    expect(calls).toHaveLength(2);
  });

  it('reads an object named by JSONata Arguments', async () => {
    const reader = {
      Resource: 'arn:aws:states:::s3:getObject',
      ReaderConfig: { InputType: 'JSON' },
      Arguments: { Bucket: 'b', Key: '{% $states.input.key %}' },
    };
    const seen: unknown[] = [];
    const handler = async (parameters: unknown) => {
      seen.push(parameters);
      return { Body: '[1,2]' };
    };
    const r = await run(
      distributedMap({ ItemReader: reader }, 'JSONata'),
      { key: 'k.json' },
      { taskHandlers: { M: handler } },
    );
    expect([r.output, seen]).toEqual([[1, 2], [{ Bucket: 'b', Key: 'k.json' }]]);
  });

  it('fails the Map with States.ItemReaderFailed when the read fails, which Catch can handle', async () => {
    const failing = async () => {
      throw Object.assign(new Error('The specified key does not exist.'), { name: 'S3.NoSuchKeyException' });
    };
    const catcher = [{ ErrorEquals: ['States.ItemReaderFailed'], Next: 'Fallback' }];
    const machine = distributedMap({ ItemReader: listing, Catch: catcher }) as { States: Record<string, unknown> };
    machine.States.Fallback = { Type: 'Pass', End: true };
    const r = await run(machine, {}, { taskHandlers: { M: failing } });
    expect(r.output).toEqual({ Error: 'States.ItemReaderFailed', Cause: 'The specified key does not exist.' });
  });
});

describe('Distributed Map fields Lockstep does not support yet', () => {
  it.each([
    [
      'ItemReader of arn:aws:states:::athena:startQueryExecution',
      { ItemReader: { Resource: 'arn:aws:states:::athena:startQueryExecution' } },
    ],
    [
      'ItemReader of InputType MANIFEST',
      { ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'MANIFEST' } } },
    ],
    [
      'ResultWriter of OutputType JSONL',
      {
        ResultWriter: {
          Resource: 'arn:aws:states:::s3:putObject',
          Parameters: { Bucket: 'b' },
          WriterConfig: { OutputType: 'JSONL' },
        },
      },
    ],
  ])('fails the state with States.Runtime saying so, rather than running on other items (%s)', async (what, fields) => {
    const r = await run(distributedMap(fields), [1]);
    expect([r.status, r.error, r.cause]).toEqual([
      'FAILED',
      'States.Runtime',
      `An error occurred while executing the state 'M' (entered at the event id #2). Lockstep does not support a Distributed Map's ${what} yet.`,
    ]);
  });
});
