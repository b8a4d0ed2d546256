import { describe, expect, it } from 'vitest';
import { validateDefinition } from './index.js';

function diagnose(definition: unknown, type?: 'STANDARD' | 'EXPRESS'): [string, string, string | undefined][] {
  return validateDefinition(definition, { type }).map((d) => [d.code, d.message, d.location]);
}

const PASS_END = { Type: 'Pass', End: true };

describe('validateDefinition: top level', () => {
  it('accepts the minimal machine', () => {
    expect(diagnose({ StartAt: 'A', States: { A: PASS_END } })).toEqual([]);
  });

  it('rejects a definition that is not an object, with no location (AWS recorded for empty text)', () => {
    expect(diagnose([])).toEqual([['SCHEMA_VALIDATION_FAILED', 'Definition must be a valid JSON object', undefined]]);
  });

  it('lists the missing top-level fields in AWS’s order (AWS recorded)', () => {
    expect(diagnose({})).toEqual([['SCHEMA_VALIDATION_FAILED', 'These fields are required: [States, StartAt]', '/']]);
    expect(diagnose({ States: { A: PASS_END } })).toEqual([
      ['SCHEMA_VALIDATION_FAILED', 'These fields are required: [StartAt]', '/'],
    ]);
    expect(diagnose({ Comment: 'BASE_INVALID_DER', StartAt: 'State_1' })).toEqual([
      ['SCHEMA_VALIDATION_FAILED', 'These fields are required: [States]', '/'],
    ]);
  });

  it('rejects unknown top-level fields', () => {
    expect(diagnose({ StartAt: 'A', States: { A: PASS_END }, Coment: 'x' })).toEqual([
      ['SCHEMA_VALIDATION_FAILED', "Field 'Coment' is not supported", '/'],
    ]);
  });

  it('checks Version, TimeoutSeconds, QueryLanguage, StartAt and States types', () => {
    const base = { StartAt: 'A', States: { A: PASS_END } };
    expect(diagnose({ ...base, Version: '2.0' })).toEqual([
      ['SCHEMA_VALIDATION_FAILED', 'Value should be one of the following: [1.0]', '/Version'],
    ]);
    expect(diagnose({ ...base, Version: '1.0', TimeoutSeconds: 60 })).toEqual([]);
    expect(diagnose({ ...base, TimeoutSeconds: 100_000_000 })).toEqual([
      ['SCHEMA_VALIDATION_FAILED', 'Maximum value is 99999999', '/TimeoutSeconds'],
    ]);
    expect(diagnose({ ...base, TimeoutSeconds: 1.5 })).toEqual([
      ['SCHEMA_VALIDATION_FAILED', 'Expected value of type [INTEGER]', '/TimeoutSeconds'],
    ]);
    expect(diagnose({ ...base, QueryLanguage: 'jsonata' })).toEqual([
      ['SCHEMA_VALIDATION_FAILED', 'Value should be one of the following: [JSONPath, JSONata]', '/QueryLanguage'],
    ]);
    expect(diagnose({ StartAt: 1, States: [] })).toEqual([
      ['SCHEMA_VALIDATION_FAILED', 'Expected value of type [STRING]', '/StartAt'],
      ['SCHEMA_VALIDATION_FAILED', 'Expected value of type [OBJECT]', '/States'],
    ]);
  });

  it('runs the graph checks only on a well-formed definition', () => {
    expect(diagnose({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nope', Foo: 1 } } })).toEqual([
      ['SCHEMA_VALIDATION_FAILED', "Field 'Foo' is not supported", '/States/A'],
    ]);
  });
});

describe('validateDefinition: accepts what AWS accepts', () => {
  it('accepts comments everywhere, unicode names and any JSON as Pass/Task Parameters', () => {
    const definition = {
      Comment: 'c',
      StartAt: 'Ünïcödé ✓',
      States: {
        'Ünïcödé ✓': { Type: 'Pass', Comment: 'c', Parameters: [1, 'two', { 'x.$': '$.a' }], Next: 'T' },
        T: {
          Type: 'Task',
          Comment: 'c',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: 'literal',
          Retry: [{ ErrorEquals: ['States.TaskFailed'], Comment: 'c' }, { ErrorEquals: ['States.ALL'] }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done', Comment: 'c', ResultPath: null }],
          End: true,
        },
        Done: { Type: 'Succeed', Comment: 'c' },
      },
    };
    expect(diagnose(definition)).toEqual([]);
  });

  it('accepts the legacy Map (Parameters, Iterator) and a distributed Map', () => {
    const definition = {
      StartAt: 'Legacy',
      States: {
        Legacy: {
          Type: 'Map',
          ItemsPath: '$.items',
          Parameters: { 'item.$': '$$.Map.Item.Value' },
          Iterator: { StartAt: 'I1', States: { I1: PASS_END } },
          Next: 'Distributed',
        },
        Distributed: {
          Type: 'Map',
          ItemReader: {
            Resource: 'arn:aws:states:::s3:getObject',
            ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', MaxItems: 10 },
            Parameters: { Bucket: 'b', 'Key.$': '$.key' },
          },
          ItemBatcher: { MaxItemsPerBatch: 10, BatchInput: { 'x.$': '$.x' } },
          ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b', Prefix: 'p' } },
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
            StartAt: 'I2',
            States: { I2: PASS_END },
          },
          Label: 'my-label',
          MaxConcurrency: 1000,
          ToleratedFailurePercentage: 0.5,
          End: true,
        },
      },
    };
    expect(diagnose(definition)).toEqual([]);
  });

  it('accepts a JSONata state inside a JSONPath machine and back (AWS recorded)', () => {
    const definition = {
      StartAt: 'Map',
      QueryLanguage: 'JSONPath',
      States: {
        Map: {
          Type: 'Map',
          QueryLanguage: 'JSONata',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            StartAt: 'Pass',
            States: { Pass: { QueryLanguage: 'JSONPath', Type: 'Pass', End: true } },
          },
          End: true,
        },
      },
    };
    expect(diagnose(definition)).toEqual([]);
  });

  it('accepts JSONata expressions where JSONata allows them', () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'W',
      States: {
        W: { Type: 'Wait', Seconds: '{% $states.input.s %}', Output: { a: '{% 1 %}' }, Next: 'T' },
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: { FunctionName: 'f', Payload: '{% $states.input %}' },
          TimeoutSeconds: '{% 10 %}',
          Assign: { x: '{% $states.result %}' },
          Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput %}', Next: 'C' }],
          Next: 'C',
        },
        C: { Type: 'Choice', Choices: [{ Condition: '{% true %}', Next: 'M' }], Default: 'M' },
        M: {
          Type: 'Map',
          Items: '{% [1,2] %}',
          MaxConcurrency: '{% 2 %}',
          ItemProcessor: { StartAt: 'P', States: { P: PASS_END } },
          Next: 'F',
        },
        F: { Type: 'Fail', Error: '{% "E" %}', Cause: 'c' },
      },
    };
    expect(diagnose(definition)).toEqual([]);
  });
});

describe('validateDefinition: accepts the paths AWS accepts', () => {
  it.each([
    '$.items[?(@.x > 1)]',
    '$.[0]',
    '$..a',
    "$['a b'].c",
    '$.a[0,1]',
    '$.a[-2:]',
    '$.a.length()',
    '$$.Map.Item.Value',
    '$myVar.field',
  ])('accepts %j as a payload path and InputPath', (path) => {
    const definition = {
      StartAt: 'P',
      States: { P: { Type: 'Pass', InputPath: path, Parameters: { 'v.$': path }, End: true } },
    };
    expect(diagnose(definition)).toEqual([]);
  });

  it.each(['$', '$.a.b', "$['a']", '$.a[0]'])('accepts %j as a ResultPath', (path) => {
    expect(diagnose({ StartAt: 'P', States: { P: { Type: 'Pass', ResultPath: path, End: true } } })).toEqual([]);
  });

  it.each(['$.items[*]', '$..a', '$.a[0,1]'])('refuses the indefinite %j as a ResultPath', (path) => {
    expect(diagnose({ StartAt: 'P', States: { P: { Type: 'Pass', ResultPath: path, End: true } } })).toEqual([
      [
        'SCHEMA_VALIDATION_FAILED',
        "The value for the field 'ResultPath' must be a valid JSONPath",
        '/States/P/ResultPath',
      ],
    ]);
  });

  it('accepts variables and context paths in the *Path fields', () => {
    const definition = {
      StartAt: 'W',
      States: {
        W: { Type: 'Wait', SecondsPath: '$wait', Next: 'M' },
        M: {
          Type: 'Map',
          ItemsPath: '$$.Execution.Input.items',
          MaxConcurrencyPath: '$limits.max',
          ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } },
          End: true,
        },
      },
    };
    expect(diagnose(definition)).toEqual([]);
  });
});
