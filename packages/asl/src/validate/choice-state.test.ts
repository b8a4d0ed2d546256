import { describe, expect, it } from 'vitest';
import { validateDefinition } from './index.js';

function diagnose(choice: Record<string, unknown>, language?: 'JSONata'): [string, string, string | undefined][] {
  const definition = {
    StartAt: 'C',
    ...(language ? { QueryLanguage: language } : {}),
    States: { C: { Type: 'Choice', Default: 'D', ...choice }, D: { Type: 'Succeed' } },
  };
  return validateDefinition(definition).map((d) => [d.code, d.message, d.location]);
}

const schema = (message: string, location: string) => ['SCHEMA_VALIDATION_FAILED', message, location];
const rule = (r: Record<string, unknown>) => ({ Choices: [{ Next: 'D', ...r }] });

describe('checkChoiceState', () => {
  it('requires a non-empty Choices array', () => {
    expect(diagnose({})).toEqual([schema('These fields are required: [Choices]', '/States/C')]);
    expect(diagnose({ Choices: [] })).toEqual([schema('Value cannot be empty', '/States/C/Choices')]);
  });

  it('requires Next on top-level rules and refuses it on nested ones', () => {
    expect(diagnose({ Choices: [{ Variable: '$.x', IsNull: true }] })).toEqual([
      schema('These fields are required: [Next]', '/States/C/Choices[0]'),
    ]);
    expect(diagnose(rule({ Not: { Variable: '$.x', IsNull: true, Next: 'D' } }))).toEqual([
      schema("Field 'Next' is not supported", '/States/C/Choices[0]/Not'),
    ]);
  });

  it('requires exactly one operator or combinator, with Variable for operators', () => {
    const message = 'A Choice Rule must have exactly one comparison operator, or one of [And, Or, Not]';
    expect(diagnose(rule({ Variable: '$.x' }))).toEqual([schema(message, '/States/C/Choices[0]')]);
    expect(diagnose(rule({ Variable: '$.x', IsNull: true, IsString: true }))).toEqual([
      schema(message, '/States/C/Choices[0]'),
    ]);
    expect(diagnose(rule({ StringEquals: 'a' }))).toEqual([
      schema('These fields are required: [Variable]', '/States/C/Choices[0]'),
    ]);
    expect(diagnose(rule({ Variable: '$.x', And: [{ Variable: '$.y', IsNull: true }] }))).toEqual([
      schema("Field 'Variable' is not supported", '/States/C/Choices[0]'),
    ]);
  });

  it('checks And/Or arrays and nested rules with item locations', () => {
    expect(diagnose(rule({ Or: [] }))).toEqual([schema('Value cannot be empty', '/States/C/Choices[0]/Or')]);
    expect(
      diagnose(
        rule({
          And: [
            { Variable: '$.a', IsNull: true },
            { Variable: '$.b', NumericEquals: 'x' },
          ],
        }),
      ),
    ).toEqual([schema('Expected value of type [NUMBER]', '/States/C/Choices[0]/And[1]/NumericEquals')]);
  });

  it('checks operand types, timestamps and paths', () => {
    expect(diagnose(rule({ Variable: '$.x', StringEquals: 1 }))).toEqual([
      schema('Expected value of type [STRING]', '/States/C/Choices[0]/StringEquals'),
    ]);
    expect(diagnose(rule({ Variable: '$.x', BooleanEquals: 'true' }))).toEqual([
      schema('Expected value of type [BOOLEAN]', '/States/C/Choices[0]/BooleanEquals'),
    ]);
    expect(diagnose(rule({ Variable: '$.x', TimestampEquals: '2016-03-14T01:59:00' }))).toEqual([
      schema('String does not match RFC3339 timestamp', '/States/C/Choices[0]/TimestampEquals'),
    ]);
    expect(diagnose(rule({ Variable: '$.x', NumericEqualsPath: 'y' }))).toEqual([
      schema(
        "Value is not a Reference Path: Reference path didn't start with '$'",
        '/States/C/Choices[0]/NumericEqualsPath',
      ),
    ]);
    // AWS's words for an intrinsic call in Variable, as Terraform printed them (a blog post of 2024-11-09).
    expect(diagnose(rule({ Variable: 'States.ArrayLength($.Arns)', NumericEquals: 0 }))).toEqual([
      schema("Value is not a Reference Path: Reference path didn't start with '$'", '/States/C/Choices[0]/Variable'),
    ]);
    expect(diagnose(rule({ Variable: '$.a.', IsPresent: true }))).toEqual([
      schema("The value for the field 'Variable' must be a valid JSONPath", '/States/C/Choices[0]/Variable'),
    ]);
    expect(diagnose(rule({ Variable: '$$.Execution.Input.x', TimestampLessThan: '2016-03-14T01:59:00Z' }))).toEqual([]);
  });

  it('refuses unknown fields and JSONata fields in JSONPath rules', () => {
    expect(diagnose(rule({ Variable: '$.x', IsNull: true, Foo: 1, Condition: true }))).toEqual([
      schema("Field 'Foo' is not supported", '/States/C/Choices[0]'),
      schema(
        "The QueryLanguage is set to 'JSONPath', but field 'Condition' is only supported for the 'JSONata' QueryLanguage",
        '/States/C/Choices[0]',
      ),
    ]);
  });

  it('checks JSONata rules: Condition required, boolean or expression', () => {
    expect(diagnose(rule({}), 'JSONata')).toEqual([
      schema('These fields are required: [Condition]', '/States/C/Choices[0]'),
    ]);
    expect(diagnose(rule({ Condition: 'yes' }), 'JSONata')).toEqual([
      schema('Expected value of type [BOOLEAN]', '/States/C/Choices[0]/Condition'),
    ]);
    expect(diagnose(rule({ Condition: '{% $states.input.ok %}', Variable: '$.x' }), 'JSONata')).toEqual([
      schema(
        "The QueryLanguage is set to 'JSONata', but field 'Variable' is only supported for the 'JSONPath' QueryLanguage",
        '/States/C/Choices[0]',
      ),
    ]);
    expect(diagnose(rule({ Condition: true, Output: { a: 1 }, Assign: { b: 2 } }), 'JSONata')).toEqual([]);
  });
});
