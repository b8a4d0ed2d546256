import { describe, expect, it } from 'vitest';
import { testStateValidation } from '../test-state/request.js';
import { readItemReaderData as readWith } from './item-reader-data.js';

const readItemReaderData = (reader: Record<string, unknown>, data: string) =>
  readWith(reader, data, { name: 'mapItemReaderData', invalid: testStateValidation });

const reader = (ReaderConfig?: object) => ({ Resource: 'arn:aws:states:::s3:getObject', ReaderConfig });

describe('readItemReaderData', () => {
  it('reads a JSON array, at ItemsPointer when given, keeping MaxItems', () => {
    expect(readItemReaderData(reader({ InputType: 'JSON' }), '[1,2,3]')).toEqual([1, 2, 3]);
    expect(
      readItemReaderData(reader({ InputType: 'JSON', ItemsPointer: '/data/items' }), '{"data":{"items":["a"]}}'),
    ).toEqual(['a']);
    expect(readItemReaderData(reader({ InputType: 'JSON', MaxItems: 2 }), '[1,2,3]')).toEqual([1, 2]);
    expect(readItemReaderData(reader(), '[{"Key":"k"}]')).toEqual([{ Key: 'k' }]);
  });

  it('reads JSON Lines', () => {
    expect(readItemReaderData(reader({ InputType: 'JSONL' }), '{"a":1}\n{"a":2}\n')).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('reads CSV rows keyed by the first row or by the given headers', () => {
    const csv = 'id,name\n1,"Smith, J"\n2,"say ""hi"""\n';
    expect(readItemReaderData(reader({ InputType: 'CSV' }), csv)).toEqual([
      { id: '1', name: 'Smith, J' },
      { id: '2', name: 'say "hi"' },
    ]);
    const given = reader({
      InputType: 'CSV',
      CSVHeaderLocation: 'GIVEN',
      CSVHeaders: ['a', 'b'],
      CSVDelimiter: 'PIPE',
    });
    expect(readItemReaderData(given, 'x|y')).toEqual([{ a: 'x', b: 'y' }]);
  });

  it('rejects data that is not what the reader reads', () => {
    expect(() => readItemReaderData(reader({ InputType: 'JSON' }), '{"a":1}')).toThrow(
      'mapItemReaderData must hold a JSON array of items.',
    );
    expect(() => readItemReaderData(reader({ InputType: 'JSON' }), '[1,')).toThrow(
      'mapItemReaderData is not valid JSON.',
    );
  });
});
