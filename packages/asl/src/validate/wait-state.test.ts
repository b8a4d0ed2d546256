import { describe, expect, it } from 'vitest';
import { validateDefinition } from './index.js';

function diagnose(wait: Record<string, unknown>, language?: 'JSONata'): [string, string, string | undefined][] {
  const definition = {
    StartAt: 'W',
    ...(language ? { QueryLanguage: language } : {}),
    States: { W: { Type: 'Wait', End: true, ...wait } },
  };
  return validateDefinition(definition).map((d) => [d.code, d.message, d.location]);
}

const schema = (message: string, location: string) => ['SCHEMA_VALIDATION_FAILED', message, location];

describe('checkWaitState', () => {
  it('requires exactly one of Seconds, SecondsPath, Timestamp, TimestampPath', () => {
    const message = 'Exactly one of these fields is required: [Seconds, SecondsPath, Timestamp, TimestampPath]';
    expect(diagnose({})).toEqual([schema(message, '/States/W')]);
    expect(diagnose({ Seconds: 1, SecondsPath: '$.s' })).toEqual([schema(message, '/States/W')]);
    expect(diagnose({ Seconds: 0 })).toEqual([]);
  });

  it('bounds Seconds, with AWS words (a CloudFormation deployment quoted it: cfn-lint issue 4075)', () => {
    expect(diagnose({ Seconds: -1 })).toEqual([schema('Minimum value is 0', '/States/W/Seconds')]);
    expect(diagnose({ Seconds: 99_999_999 })).toEqual([]);
    expect(diagnose({ Seconds: 10_000_000_000_000_000 })).toEqual([
      schema('Maximum value is 99999999', '/States/W/Seconds'),
    ]);
    expect(diagnose({ Seconds: '5' })).toEqual([schema('Expected value of type [INTEGER]', '/States/W/Seconds')]);
  });

  it.each([
    '2016-12-05T21:29:29',
    '2016-13-05T21:29:29Z',
    '2016-12-05T25:29:29Z',
    '05-12-2016T21:29:29Z',
    "{% '2016-03-14T01:59:00Z' %}",
  ])('refuses the timestamp %j in JSONPath (AWS recorded)', (timestamp) => {
    expect(diagnose({ Timestamp: timestamp })).toEqual([
      schema('String does not match RFC3339 timestamp', '/States/W/Timestamp'),
    ]);
  });

  it('accepts RFC 3339 timestamps and checks the *Path fields', () => {
    expect(diagnose({ Timestamp: '2016-03-14T01:59:00Z' })).toEqual([]);
    expect(diagnose({ Timestamp: '2016-03-14T01:59:00.123+02:00' })).toEqual([]);
    expect(diagnose({ TimestampPath: '$.t' })).toEqual([]);
    expect(diagnose({ SecondsPath: '$..s' })).toEqual([
      schema("The value for the field 'SecondsPath' must be a valid JSONPath", '/States/W/SecondsPath'),
    ]);
  });

  it('accepts JSONata expressions for Seconds and Timestamp, and has no *Path fields', () => {
    expect(diagnose({ Seconds: '{% $x %}' }, 'JSONata')).toEqual([]);
    expect(diagnose({ Timestamp: '{% $t %}' }, 'JSONata')).toEqual([]);
    expect(diagnose({ SecondsPath: '$.s' }, 'JSONata')).toEqual([
      schema(
        "The QueryLanguage is set to 'JSONata', but field 'SecondsPath' is only supported for the 'JSONPath' QueryLanguage",
        '/States/W',
      ),
      schema('Exactly one of these fields is required: [Seconds, Timestamp]', '/States/W'),
    ]);
  });
});
