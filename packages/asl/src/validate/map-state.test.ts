import { describe, expect, it } from 'vitest';
import { validateDefinition } from './index.js';

const PROCESSOR = { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } };

function diagnose(map: Record<string, unknown>, language?: 'JSONata'): [string, string, string | undefined][] {
  const definition = {
    StartAt: 'M',
    ...(language ? { QueryLanguage: language } : {}),
    States: { M: { Type: 'Map', End: true, ...map } },
  };
  return validateDefinition(definition).map((d) => [d.code, d.message, d.location]);
}

const schema = (message: string, location: string) => ['SCHEMA_VALIDATION_FAILED', message, location];

describe('checkMapState: processor', () => {
  it('requires ItemProcessor or Iterator, not both', () => {
    expect(diagnose({})).toEqual([schema('These fields are required: [ItemProcessor]', '/States/M')]);
    expect(diagnose({ ItemProcessor: PROCESSOR, Iterator: PROCESSOR })).toEqual([
      schema('There should only be one of the following fields: [ItemProcessor, Iterator]', '/States/M'),
    ]);
    expect(diagnose({ Iterator: PROCESSOR })).toEqual([]);
  });

  it('checks the processor block and ProcessorConfig', () => {
    expect(diagnose({ ItemProcessor: { ...PROCESSOR, QueryLanguage: 'JSONPath' } })).toEqual([
      schema("Field 'QueryLanguage' is not supported", '/States/M/ItemProcessor'),
    ]);
    expect(diagnose({ ItemProcessor: { ...PROCESSOR, ProcessorConfig: { Mode: 'PARALLEL' } } })).toEqual([
      schema(
        'Value should be one of the following: [INLINE, DISTRIBUTED]',
        '/States/M/ItemProcessor/ProcessorConfig/Mode',
      ),
    ]);
    expect(diagnose({ ItemProcessor: { ...PROCESSOR, ProcessorConfig: { Mode: 'DISTRIBUTED' } } })).toEqual([
      schema('These fields are required: [ExecutionType]', '/States/M/ItemProcessor/ProcessorConfig'),
    ]);
    expect(diagnose({ ItemProcessor: { ...PROCESSOR, ProcessorConfig: { Mode: 'INLINE', Foo: 1 } } })).toEqual([
      schema("Field 'Foo' is not supported", '/States/M/ItemProcessor/ProcessorConfig'),
    ]);
  });
});

describe('checkMapState: items and limits', () => {
  it('checks ItemsPath and ItemSelector in JSONPath, Items in JSONata', () => {
    expect(diagnose({ ItemProcessor: PROCESSOR, ItemsPath: 'items' })).toEqual([
      schema("Value is not a Reference Path: Reference path didn't start with '$'", '/States/M/ItemsPath'),
    ]);
    expect(diagnose({ ItemProcessor: PROCESSOR, ItemsPath: '$$.Execution.Input.items' })).toEqual([]);
    // Only ItemsPath may read the context object (AWS, measured by floci: issue 3733); variables are fine.
    expect(diagnose({ ItemProcessor: PROCESSOR, MaxConcurrencyPath: '$$.Execution.Input.n' })).toEqual([
      schema('Value is not a Reference Path', '/States/M/MaxConcurrencyPath'),
    ]);
    expect(diagnose({ ItemProcessor: PROCESSOR, MaxConcurrencyPath: '$limit' })).toEqual([]);
    expect(diagnose({ ItemProcessor: PROCESSOR, ItemSelector: { 'v.$': 'x' } })).toEqual([
      schema(
        "The value for the field 'v.$' must be a valid JSONPath or a valid intrinsic function call",
        '/States/M/ItemSelector',
      ),
    ]);
    expect(diagnose({ ItemProcessor: PROCESSOR, Items: 5 }, 'JSONata')).toEqual([
      schema('Expected value of type [ARRAY]', '/States/M/Items'),
    ]);
    expect(
      diagnose(
        { ItemProcessor: PROCESSOR, Items: [1, 2], ItemSelector: '{% $states.context.Map.Item.Value %}' },
        'JSONata',
      ),
    ).toEqual([]);
  });

  it('bounds MaxConcurrency and the tolerated failures, exclusive with their *Path', () => {
    expect(diagnose({ ItemProcessor: PROCESSOR, MaxConcurrency: -1 })).toEqual([
      schema('Minimum value is 0', '/States/M/MaxConcurrency'),
    ]);
    // A NUMBER field's bounds print as Java doubles (AWS, recorded by floci: issue 3733).
    expect(diagnose({ ItemProcessor: PROCESSOR, ToleratedFailurePercentage: 101 })).toEqual([
      schema('Maximum value is 100.0', '/States/M/ToleratedFailurePercentage'),
    ]);
    expect(diagnose({ ItemProcessor: PROCESSOR, ToleratedFailurePercentage: -1 })).toEqual([
      schema('Minimum value is 0.0', '/States/M/ToleratedFailurePercentage'),
    ]);
    expect(diagnose({ ItemProcessor: PROCESSOR, ToleratedFailureCount: 1.5 })).toEqual([
      schema('Expected value of type [INTEGER]', '/States/M/ToleratedFailureCount'),
    ]);
    expect(diagnose({ ItemProcessor: PROCESSOR, MaxConcurrency: 1, MaxConcurrencyPath: '$.m' })).toEqual([
      schema('There should only be one of the following fields: [MaxConcurrency, MaxConcurrencyPath]', '/States/M'),
    ]);
    expect(
      diagnose({ ItemProcessor: PROCESSOR, ToleratedFailureCountPath: '$.c', ToleratedFailurePercentagePath: '$.p' }),
    ).toEqual([]);
  });
});

describe('checkMapState: distributed', () => {
  it('checks ItemReader, ItemBatcher and ResultWriter shapes and enumerations', () => {
    expect(
      diagnose({
        ItemProcessor: PROCESSOR,
        ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'XML' } },
      }),
    ).toEqual([
      schema(
        'Value should be one of the following: [CSV, JSON, JSONL, PARQUET, MANIFEST]',
        '/States/M/ItemReader/ReaderConfig/InputType',
      ),
    ]);
    expect(diagnose({ ItemProcessor: PROCESSOR, ItemBatcher: { MaxInputBytesPerBatch: 300_000 } })).toEqual([
      schema('Maximum value is 262144', '/States/M/ItemBatcher/MaxInputBytesPerBatch'),
    ]);
    // Every Map number's minimum is 0 (AWS, measured by floci: issue 3733).
    expect(diagnose({ ItemProcessor: PROCESSOR, ItemBatcher: { MaxItemsPerBatch: 0 } })).toEqual([]);
    expect(diagnose({ ItemProcessor: PROCESSOR, ItemBatcher: { MaxItemsPerBatch: -1 } })).toEqual([
      schema('Minimum value is 0', '/States/M/ItemBatcher/MaxItemsPerBatch'),
    ]);
    expect(
      diagnose({
        ItemProcessor: PROCESSOR,
        ResultWriter: { WriterConfig: { OutputType: 'CSV', Transformation: 'COMPACT' } },
      }),
    ).toEqual([
      schema('Value should be one of the following: [JSON, JSONL]', '/States/M/ResultWriter/WriterConfig/OutputType'),
    ]);
    expect(
      diagnose({
        ItemProcessor: PROCESSOR,
        ItemReader: { ReaderConfig: { MaxItemsPath: '$.n' }, Parameters: { 'Bucket.$': '$.b' } },
      }),
    ).toEqual([]);
  });

  // AWS (measured by floci, issue 3733) refuses a number with its ...Path twin, and a twin in a JSONata machine.
  it('refuses a number of ItemReader or ItemBatcher with its ...Path twin, and the twins in JSONata', () => {
    const reader = (config: Record<string, unknown>) => ({
      Resource: 'arn:aws:states:::s3:getObject',
      ReaderConfig: { InputType: 'JSON', ...config },
      Parameters: { Bucket: 'b', Key: 'k' },
    });
    expect(diagnose({ ItemProcessor: PROCESSOR, ItemReader: reader({ MaxItems: 5, MaxItemsPath: '$.n' }) })).toEqual([
      schema(
        'There should only be one of the following fields: [MaxItems, MaxItemsPath]',
        '/States/M/ItemReader/ReaderConfig',
      ),
    ]);
    expect(
      diagnose({ ItemProcessor: PROCESSOR, ItemBatcher: { MaxItemsPerBatch: 5, MaxItemsPerBatchPath: '$.n' } }),
    ).toEqual([
      schema(
        'There should only be one of the following fields: [MaxItemsPerBatch, MaxItemsPerBatchPath]',
        '/States/M/ItemBatcher',
      ),
    ]);
    const jsonPathOnly = (field: string) =>
      `The QueryLanguage is set to 'JSONata', but field '${field}' is only supported for the 'JSONPath' QueryLanguage`;
    expect(diagnose({ ItemProcessor: PROCESSOR, ItemBatcher: { MaxItemsPerBatchPath: '$.n' } }, 'JSONata')).toEqual([
      schema(jsonPathOnly('MaxItemsPerBatchPath'), '/States/M/ItemBatcher'),
    ]);
    expect(
      diagnose(
        {
          ItemProcessor: PROCESSOR,
          ItemReader: { ...reader({ MaxItemsPath: '$.n' }), Parameters: undefined, Arguments: { Bucket: 'b' } },
        },
        'JSONata',
      ),
    ).toEqual([schema(jsonPathOnly('MaxItemsPath'), '/States/M/ItemReader/ReaderConfig')]);
  });

  it.each([
    ['', 'Label cannot be empty'],
    ['x'.repeat(41), 'Label cannot exceed 40 characters'],
    ['a?b', "Label contains invalid character: '?'"],
    ['a b', "Label contains invalid character: ' '"],
    ['a\u0001', "Label contains invalid character: '\\x01'"],
  ])('refuses the Label %j', (label, message) => {
    expect(diagnose({ ItemProcessor: PROCESSOR, Label: label })).toEqual([
      ['INVALID_LABEL_NAME', message, '/States/M/Label'],
    ]);
  });

  it('accepts a 40-character label', () => {
    expect(diagnose({ ItemProcessor: PROCESSOR, Label: 'L'.repeat(40) })).toEqual([]);
  });
});
