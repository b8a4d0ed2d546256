import { describe, expect, it } from 'vitest';
import { validateDefinition } from './index.js';

function diagnose(
  states: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): [string, string, string | undefined][] {
  const definition = { StartAt: Object.keys(states)[0], States: states, ...extra };
  return validateDefinition(definition).map((d) => [d.code, d.message, d.location]);
}

const schema = (message: string, location: string) => ['SCHEMA_VALIDATION_FAILED', message, location];

describe('checkState: type and fields', () => {
  it('requires an object with a known Type', () => {
    expect(diagnose({ A: 'x' })).toEqual([schema('Expected value of type [OBJECT]', '/States/A')]);
    expect(diagnose({ A: { End: true } })).toEqual([schema('These fields are required: [Type]', '/States/A')]);
    expect(diagnose({ A: { Type: 'Foo' } })).toEqual([
      schema(
        'Value should be one of the following: [Choice, Fail, Map, Parallel, Pass, Succeed, Task, Wait]',
        '/States/A/Type',
      ),
    ]);
  });

  it('refuses fields the type does not have, at the state (AWS measured for TimeoutSeconds, Retry, Catch)', () => {
    expect(
      diagnose({
        M: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Succeed' } } },
          TimeoutSeconds: 5,
          End: true,
        },
      }),
    ).toEqual([schema("Field 'TimeoutSeconds' is not supported", '/States/M')]);
    expect(diagnose({ P: { Type: 'Pass', Retry: [], Catch: [], End: true } })).toEqual([
      schema("Field 'Retry' is not supported", '/States/P'),
      schema("Field 'Catch' is not supported", '/States/P'),
    ]);
    expect(diagnose({ S: { Type: 'Succeed', End: true, Next: 'S' } })).toEqual([
      schema("Field 'End' is not supported", '/States/S'),
      schema("Field 'Next' is not supported", '/States/S'),
    ]);
    expect(diagnose({ F: { Type: 'Fail', InputPath: '$' } })).toEqual([
      schema("Field 'InputPath' is not supported", '/States/F'),
    ]);
  });

  it('requires exactly one of Next and End: true', () => {
    const both = schema('Exactly one of these fields is required: [Next, End]', '/States/A');
    expect(diagnose({ A: { Type: 'Pass' } })).toEqual([both]);
    expect(diagnose({ A: { Type: 'Pass', End: false } })).toEqual([both]);
    expect(diagnose({ A: { Type: 'Pass', End: true, Next: 'A' } })).toEqual([both]);
    expect(diagnose({ A: { Type: 'Pass', End: 'yes' } })).toEqual([
      schema('Expected value of type [BOOLEAN]', '/States/A/End'),
      both,
    ]);
  });
});

describe('checkState: query language', () => {
  it('refuses a JSONPath state in a JSONata machine, alone (AWS recorded)', () => {
    expect(
      diagnose(
        { Pass: { Type: 'Pass', End: true, QueryLanguage: 'JSONPath', InputPath: '$' } },
        { QueryLanguage: 'JSONata' },
      ),
    ).toEqual([
      schema("'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", '/States/Pass'),
    ]);
  });

  it('refuses the fields of the other language (AWS measured message)', () => {
    expect(diagnose({ P: { Type: 'Pass', Output: {}, End: true } })).toEqual([
      schema(
        "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage",
        '/States/P',
      ),
    ]);
    expect(diagnose({ P: { Type: 'Pass', QueryLanguage: 'JSONata', ResultPath: '$.x', End: true } })).toEqual([
      schema(
        "The QueryLanguage is set to 'JSONata', but field 'ResultPath' is only supported for the 'JSONPath' QueryLanguage",
        '/States/P',
      ),
    ]);
  });

  it('checks the QueryLanguage value at the field', () => {
    expect(diagnose({ P: { Type: 'Pass', QueryLanguage: 3, End: true } })).toEqual([
      schema('Expected value of type [STRING]', '/States/P/QueryLanguage'),
    ]);
  });

  // Measured against AWS by floci (its StepFunctionsValidateStateMachineDefinitionIntegrationTest): any value
  // other than exactly JSONPath makes the state JSONata, and the value is reported besides, after the fields.
  it('resolves a QueryLanguage outside the enum to JSONata, as AWS does', () => {
    const enumError = (at: string) => schema('Value should be one of the following: [JSONPath, JSONata]', at);
    const jsonPathOnly = (field: string) =>
      `The QueryLanguage is set to 'JSONata', but field '${field}' is only supported for the 'JSONPath' QueryLanguage`;
    const output = { v: '{% 1 %}' };
    expect(
      diagnose({ X: { Type: 'Pass', QueryLanguage: 'jsonata', Output: output, InputPath: '$.a', End: true } }),
    ).toEqual([schema(jsonPathOnly('InputPath'), '/States/X'), enumError('/States/X/QueryLanguage')]);
    expect(diagnose({ X: { Type: 'Pass', QueryLanguage: 'foo', Output: output, End: true } })).toEqual([
      enumError('/States/X/QueryLanguage'),
    ]);
    expect(diagnose({ X: { Type: 'Pass', QueryLanguage: 5, InputPath: '$.a', End: true } })).toEqual([
      schema(jsonPathOnly('InputPath'), '/States/X'),
      schema('Expected value of type [STRING]', '/States/X/QueryLanguage'),
    ]);
    // Only the exact JSONPath is a downgrade under a JSONata machine.
    expect(
      diagnose({ X: { Type: 'Pass', QueryLanguage: 'jsonpath', End: true } }, { QueryLanguage: 'JSONata' }),
    ).toEqual([enumError('/States/X/QueryLanguage')]);
    // The machine's own value resolves the same way, for every state.
    expect(diagnose({ X: { Type: 'Pass', Output: output, End: true } }, { QueryLanguage: 'jsonpath' })).toEqual([
      enumError('/QueryLanguage'),
    ]);
    expect(diagnose({ X: { Type: 'Pass', InputPath: '$.a', End: true } }, { QueryLanguage: 'jsonpath' })).toEqual([
      enumError('/QueryLanguage'),
      schema(jsonPathOnly('InputPath'), '/States/X'),
    ]);
  });

  it('lets nested states default to the machine’s language, not their Map’s', () => {
    const map = {
      Type: 'Map',
      QueryLanguage: 'JSONPath',
      ItemsPath: '$.a',
      ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', Output: 1, End: true } } },
      End: true,
    };
    expect(diagnose({ M: map }, { QueryLanguage: 'JSONata' })).toEqual([
      schema("'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", '/States/M'),
    ]);
  });
});

describe('checkState: paths and templates', () => {
  it('checks InputPath, OutputPath and ResultPath', () => {
    expect(diagnose({ P: { Type: 'Pass', InputPath: null, OutputPath: null, ResultPath: null, End: true } })).toEqual(
      [],
    );
    expect(diagnose({ P: { Type: 'Pass', InputPath: 'a', OutputPath: 5, ResultPath: '$$.x', End: true } })).toEqual([
      schema("Value is not a Reference Path: Reference path didn't start with '$'", '/States/P/InputPath'),
      schema('Expected value of type [STRING]', '/States/P/OutputPath'),
      schema('Value is not a Reference Path', '/States/P/ResultPath'),
    ]);
    expect(diagnose({ P: { Type: 'Pass', InputPath: '$.a.', End: true } })).toEqual([
      schema("The value for the field 'InputPath' must be a valid JSONPath", '/States/P/InputPath'),
    ]);
  });

  it('reports invalid .$ values at the template (AWS recorded message)', () => {
    expect(diagnose({ P: { Type: 'Pass', Parameters: { 'parsed.$': 'States.StringToJson(' }, End: true } })).toEqual([
      schema(
        "The value for the field 'parsed.$' must be a valid JSONPath or a valid intrinsic function call",
        '/States/P/Parameters',
      ),
    ]);
    expect(diagnose({ P: { Type: 'Pass', Parameters: { nested: [{ 'v.$': 'nope' }] }, End: true } })).toEqual([
      schema(
        "The value for the field 'v.$' must be a valid JSONPath or a valid intrinsic function call",
        '/States/P/Parameters',
      ),
    ]);
  });

  it('accepts intrinsic calls and literal look-alikes in templates', () => {
    const parameters = { 'a.$': "States.Format('{}', $.x)", b: '$.not-evaluated', 'c.$': '$$.Execution.Id' };
    expect(diagnose({ P: { Type: 'Pass', Parameters: parameters, End: true } })).toEqual([]);
  });

  it('checks Assign: an object, a template in JSONPath', () => {
    expect(diagnose({ P: { Type: 'Pass', Assign: [], End: true } })).toEqual([
      schema('Expected value of type [OBJECT]', '/States/P/Assign'),
    ]);
    expect(diagnose({ P: { Type: 'Pass', Assign: { 'x.$': 'bad' }, End: true } })).toEqual([
      schema(
        "The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call",
        '/States/P/Assign',
      ),
    ]);
  });

  it('requires ResultSelector to be an object', () => {
    const task = { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', ResultSelector: 'x', End: true };
    expect(diagnose({ T: task })).toEqual([schema('Expected value of type [OBJECT]', '/States/T/ResultSelector')]);
  });
});
