import { describe, expect, it } from 'vitest';
import { validateDefinition } from './index.js';

function diagnose(task: Record<string, unknown>, language?: 'JSONata'): [string, string, string | undefined][] {
  const definition = {
    StartAt: 'T',
    ...(language ? { QueryLanguage: language } : {}),
    States: {
      T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'D', ...task },
      D: { Type: 'Succeed' },
    },
  };
  return validateDefinition(definition).map((d) => [d.code, d.message, d.location]);
}

const schema = (message: string, location: string) => ['SCHEMA_VALIDATION_FAILED', message, location];

describe('Retry', () => {
  it('requires a non-empty ErrorEquals of strings', () => {
    expect(diagnose({ Retry: [{}] })).toEqual([
      schema('These fields are required: [ErrorEquals]', '/States/T/Retry[0]'),
    ]);
    expect(diagnose({ Retry: [{ ErrorEquals: [] }] })).toEqual([
      schema('Value cannot be empty', '/States/T/Retry[0]/ErrorEquals'),
    ]);
    expect(diagnose({ Retry: [{ ErrorEquals: [1] }] })).toEqual([
      schema('Expected value of type [STRING]', '/States/T/Retry[0]/ErrorEquals[0]'),
    ]);
  });

  it('keeps States.ALL alone and last', () => {
    expect(diagnose({ Retry: [{ ErrorEquals: ['States.ALL', 'X'] }] })).toEqual([
      schema("'States.ALL' must appear alone in 'ErrorEquals'", '/States/T/Retry[0]/ErrorEquals'),
    ]);
    expect(diagnose({ Retry: [{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['X'] }] })).toEqual([
      schema("A Retrier with 'States.ALL' must be the last one", '/States/T/Retry[0]/ErrorEquals'),
    ]);
  });

  it.each([
    ['IntervalSeconds', 0, 'Minimum value is 1'],
    ['IntervalSeconds', 100_000_000, 'Maximum value is 99999999'],
    ['MaxAttempts', -1, 'Minimum value is 0'],
    ['MaxAttempts', 100_000_000, 'Maximum value is 99999999'],
    ['BackoffRate', 0.5, 'Minimum value is 1.0'],
    ['MaxDelaySeconds', 0, 'Minimum value is 1'],
    ['MaxDelaySeconds', 31_622_401, 'Maximum value is 31622400'],
    ['JitterStrategy', 'HALF', 'Value should be one of the following: [FULL, NONE]'],
    ['MaxAttempts', 1.5, 'Expected value of type [INTEGER]'],
  ])('bounds %s (%j)', (field, value, message) => {
    expect(diagnose({ Retry: [{ ErrorEquals: ['X'], [field]: value }] })).toEqual([
      schema(message, `/States/T/Retry[0]/${field}`),
    ]);
  });

  it('accepts the limits and refuses unknown retrier fields', () => {
    const retrier = {
      ErrorEquals: ['X'],
      IntervalSeconds: 1,
      MaxAttempts: 0,
      BackoffRate: 1.0,
      MaxDelaySeconds: 31_622_400,
      JitterStrategy: 'FULL',
    };
    expect(diagnose({ Retry: [retrier] })).toEqual([]);
    expect(diagnose({ Retry: [{ ErrorEquals: ['X'], Next: 'D' }] })).toEqual([
      schema("Field 'Next' is not supported", '/States/T/Retry[0]'),
    ]);
  });
});

describe('Catch', () => {
  it('requires ErrorEquals and Next', () => {
    expect(diagnose({ Catch: [{ ErrorEquals: ['States.ALL'] }] })).toEqual([
      schema('These fields are required: [Next]', '/States/T/Catch[0]'),
    ]);
  });

  it('checks ResultPath (JSONPath) and refuses Output there', () => {
    expect(diagnose({ Catch: [{ ErrorEquals: ['X'], Next: 'D', ResultPath: 'err' }] })).toEqual([
      schema("Value is not a Reference Path: Reference path didn't start with '$'", '/States/T/Catch[0]/ResultPath'),
    ]);
    expect(diagnose({ Catch: [{ ErrorEquals: ['X'], Next: 'D', Output: {} }] })).toEqual([
      schema(
        "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage",
        '/States/T/Catch[0]',
      ),
    ]);
  });

  it('accepts Output and Assign in JSONata catchers, and refuses ResultPath there', () => {
    expect(
      diagnose(
        { Catch: [{ ErrorEquals: ['X'], Next: 'D', Output: '{% $states.errorOutput %}', Assign: { e: 1 } }] },
        'JSONata',
      ),
    ).toEqual([]);
    expect(diagnose({ Catch: [{ ErrorEquals: ['X'], Next: 'D', ResultPath: '$.e' }] }, 'JSONata')).toEqual([
      schema(
        "The QueryLanguage is set to 'JSONata', but field 'ResultPath' is only supported for the 'JSONPath' QueryLanguage",
        '/States/T/Catch[0]',
      ),
    ]);
  });
});
