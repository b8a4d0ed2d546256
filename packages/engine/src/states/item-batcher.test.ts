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

describe('Distributed Map fields Lockstep does not support yet', () => {
  it.each([
    ['ItemReader', { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b', Key: 'k.json' } }],
    ['ResultWriter', { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b', Prefix: 'out' } }],
  ])('fails the state with States.Runtime saying so, rather than running on other items (%s)', async (field, value) => {
    const r = await run(distributedMap({ [field]: value }), [1]);
    expect([r.status, r.error, r.cause]).toEqual([
      'FAILED',
      'States.Runtime',
      `An error occurred while executing the state 'M' (entered at the event id #2). Lockstep does not support a Distributed Map's ${field} yet (${value.Resource}).`,
    ]);
  });
});
