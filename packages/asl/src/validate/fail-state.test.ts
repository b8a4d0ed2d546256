import { describe, expect, it } from 'vitest';
import { validateDefinition } from './index.js';

function diagnose(fail: Record<string, unknown>, language?: 'JSONata'): [string, string, string | undefined][] {
  const definition = {
    StartAt: 'F',
    ...(language ? { QueryLanguage: language } : {}),
    States: { F: { Type: 'Fail', ...fail } },
  };
  return validateDefinition(definition).map((d) => [d.code, d.message, d.location]);
}

const schema = (message: string, location: string) => ['SCHEMA_VALIDATION_FAILED', message, location];

describe('checkFailState', () => {
  it('accepts Error and Cause, or neither', () => {
    expect(diagnose({})).toEqual([]);
    expect(diagnose({ Error: 'E', Cause: 'C' })).toEqual([]);
    expect(diagnose({ Error: 1 })).toEqual([schema('Expected value of type [STRING]', '/States/F/Error')]);
  });

  it('accepts reference paths and intrinsic calls in ErrorPath/CausePath', () => {
    expect(diagnose({ ErrorPath: '$.error', CausePath: "States.Format('x {}', $.c)" })).toEqual([]);
    expect(diagnose({ CausePath: '$$.Execution.Name' })).toEqual([]);
  });

  it('refuses other ErrorPath/CausePath values', () => {
    const message = (field: string) =>
      `The value for the field '${field}' must be a valid JSONPath or a valid intrinsic function call`;
    expect(diagnose({ ErrorPath: 'error' })).toEqual([schema(message('ErrorPath'), '/States/F/ErrorPath')]);
    expect(diagnose({ CausePath: 'States.NoSuchFunction()' })).toEqual([
      schema(message('CausePath'), '/States/F/CausePath'),
    ]);
    expect(diagnose({ ErrorPath: 5 })).toEqual([schema('Expected value of type [STRING]', '/States/F/ErrorPath')]);
  });

  it('makes Error/ErrorPath and Cause/CausePath exclusive', () => {
    expect(diagnose({ Error: 'E', ErrorPath: '$.e', Cause: 'C', CausePath: '$.c' })).toEqual([
      schema('There should only be one of the following fields: [Error, ErrorPath]', '/States/F'),
      schema('There should only be one of the following fields: [Cause, CausePath]', '/States/F'),
    ]);
  });

  it('has no ErrorPath in JSONata', () => {
    expect(diagnose({ ErrorPath: '$.e' }, 'JSONata')).toEqual([
      schema(
        "The QueryLanguage is set to 'JSONata', but field 'ErrorPath' is only supported for the 'JSONPath' QueryLanguage",
        '/States/F',
      ),
    ]);
  });
});
