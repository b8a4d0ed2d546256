import { describe, expect, it } from 'vitest';
import { jacksonFullMessage, parseJsonText } from './json-text.js';
import { STRING_TO_JSON_JACKSON } from './json-text-dialect.js';

const VALID = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

function failure(text: string): { message: string; line: number; column: number } {
  const result = parseJsonText(text);
  if (result.ok) throw new Error(`parsed: ${JSON.stringify(result.value)}`);
  return { message: result.message, line: result.line, column: result.column };
}

describe('parseJsonText', () => {
  it('parses valid JSON with JSON.parse semantics', () => {
    expect(parseJsonText('{"a":[1,{"b":null}],"c":-0.5e+3}')).toEqual({
      ok: true,
      value: { a: [1, { b: null }], c: -500 },
      exact: true,
    });
    expect(parseJsonText('"x"')).toEqual({ ok: true, value: 'x', exact: true });
  });

  it('ignores content after the first value, as ObjectMapper.readTree does', () => {
    expect(parseJsonText('{"a":1} xyz')).toEqual({ ok: true, value: { a: 1 }, exact: false });
    expect(parseJsonText('[1]]')).toEqual({ ok: true, value: [1], exact: false });
    expect(parseJsonText('"a\\u0041\\n" rest')).toEqual({ ok: true, value: 'aA\n', exact: false });
  });

  it('keeps __proto__ as plain data when the scanner builds the value', () => {
    const result = parseJsonText('{"__proto__":{"x":1}} trailing');
    expect(result.ok && Object.keys(result.value as object)).toEqual(['__proto__']);
  });

  it('reports AWS recorded cases: an unrecognized token (ValidateStateMachineDefinition)', () => {
    const result = parseJsonText('not a definition');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe(`Unrecognized token 'not': was expecting ${VALID}`);
    expect(result.location).toBe('[Source: (String)"not a definition"; line: 1, column: 4]');
    expect(jacksonFullMessage(result)).toBe(
      `Unrecognized token 'not': was expecting ${VALID}\n at [Source: (String)"not a definition"; line: 1, column: 4]`,
    );
  });

  it('reports AWS recorded cases: a single-quoted field name (StartExecution)', () => {
    expect(failure("{'not': 'json'")).toEqual({
      message: "Unexpected character (''' (code 39)): was expecting double-quote to start field name",
      line: 1,
      column: 3,
    });
  });

  it('reports empty content', () => {
    const result = parseJsonText('  ');
    expect(result).toMatchObject({
      ok: false,
      empty: true,
      message: 'No content to map due to end-of-input',
      column: 0,
    });
  });

  it.each([
    ['nul', `Unrecognized token 'nul': was expecting ${VALID}`, 4],
    ['truex', `Unrecognized token 'truex': was expecting ${VALID}`, 6],
    ['abc def', `Unrecognized token 'abc': was expecting ${VALID}`, 4],
    ["'x'", `Unexpected character (''' (code 39)): expected a valid value ${VALID}`, 2],
    ['[1,]', `Unexpected character (']' (code 93)): expected a valid value ${VALID}`, 5],
    ['{"a":1,}', "Unexpected character ('}' (code 125)): was expecting double-quote to start field name", 9],
    ['{a:1}', "Unexpected character ('a' (code 97)): was expecting double-quote to start field name", 3],
    ['{"a" 1}', "Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value", 7],
    // `readTree` reads object members with `nextFieldName`, where `}` is an odd value (Jackson 2.18.2 agrees on
    // the message); array elements go through `nextToken`, which has its own wording for it.
    ['{"a":}', `Unexpected character ('}' (code 125)): expected a valid value ${VALID}`, 7],
    ['[1,}', "Unexpected character ('}' (code 125)): expected a value", 5],
    ['[1 2]', "Unexpected character ('2' (code 50)): was expecting comma to separate Array entries", 5],
    ['{"a":1 "b":2}', `Unexpected character ('"' (code 34)): was expecting comma to separate Object entries`, 9],
    ['1x', "Unexpected character ('x' (code 120)): Expected space separating root-level values", 3],
    ['01', 'Invalid numeric value: Leading zeroes not allowed', 2],
    ['1.x', "Unexpected character ('x' (code 120)) in numeric value: Decimal point not followed by a digit", 3],
    ['[1.]', "Unexpected character (']' (code 93)) in numeric value: Decimal point not followed by a digit", 4],
    ['[1e]', "Unexpected character (']' (code 93)) in numeric value: Exponent indicator not followed by a digit", 4],
    [
      '-a',
      "Unexpected character ('a' (code 97)) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value",
      3,
    ],
    ['NaN', "Non-standard token 'NaN': enable JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS to allow", 4],
    ['"\\x"', "Unrecognized character escape 'x' (code 120)", 4],
    ['"\\u12g4"', "Unexpected character ('g' (code 103)): expected a hex-digit for character escape sequence", 7],
    [
      '"a\tb"',
      'Illegal unquoted character ((CTRL-CHAR, code 9)): has to be escaped using backslash to be included in string value',
      4,
    ],
    [
      '{"a\nb":1}',
      'Illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped using backslash to be included in name',
      5,
    ],
    [
      '\u0001',
      'Illegal character ((CTRL-CHAR, code 1)): only regular white space (\\r, \\n, \\t) is allowed between tokens',
      2,
    ],
    ['\u00e9', `Unrecognized token '\u00e9': was expecting ${VALID}`, 2],
    ['\u2603', `Unexpected character ('\u2603' (code 9731 / 0x2603)): expected a valid value ${VALID}`, 2],
    [
      '/',
      "Unexpected character ('/' (code 47)): maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)",
      2,
    ],
    ['"abc', 'Unexpected end-of-input: was expecting closing quote for a string value', 5],
    ['{"ab', 'Unexpected end-of-input in field name', 5],
    ['{"a":', 'Unexpected end-of-input within/between Object entries', 6],
    ['[1,', 'Unexpected end-of-input within/between Array entries', 4],
  ])('reports Jackson’s message for %j', (text, message, column) => {
    expect(failure(text)).toEqual({ message, line: 1, column });
  });

  it('reports mismatched and missing close markers with the container’s start location', () => {
    expect(failure('[}').message).toBe(
      `Unexpected close marker '}': expected ']' (for Array starting at [Source: (String)"[}"; line: 1, column: 1])`,
    );
    expect(failure(']').message).toBe(
      `Unexpected close marker ']': expected '}' (for root starting at [Source: (String)"]"; line: 1, column: 0])`,
    );
    expect(failure(' {"a":[1]')).toEqual({
      message: `Unexpected end-of-input: expected close marker for Object (start marker at [Source: (String)" {"a":[1]"; line: 1, column: 2])`,
      line: 1,
      column: 10,
    });
  });

  it('counts lines as Jackson does (LF, CR, CRLF)', () => {
    expect(failure('{\r\n"a":\n1,\r x}')).toMatchObject({ line: 4, column: 3 });
  });

  it('cuts an unrecognized token at 256 characters', () => {
    const message = failure('a'.repeat(300)).message;
    expect(message).toBe(`Unrecognized token '${'a'.repeat(256)}...': was expecting ${VALID}`);
  });
});

// Checked against Jackson 2.18.2 run from ~/.m2 (default features, and with INCLUDE_SOURCE_IN_LOCATION on).
describe('parseJsonText with a newer Jackson', () => {
  const REDACTED = '[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ';

  it('points errors about one character at that character (jackson-core#1173), and redacts the source', () => {
    const result = parseJsonText("{'not': 'json'", STRING_TO_JSON_JACKSON);
    expect(result).toEqual({
      ok: false,
      empty: false,
      message: "Unexpected character (''' (code 39)): was expecting double-quote to start field name",
      line: 1,
      column: 2,
      location: `${REDACTED}line: 1, column: 2]`,
    });
  });

  it('leaves the column out of a redacted location when it is 0 (the root context)', () => {
    const result = parseJsonText('\n]', STRING_TO_JSON_JACKSON);
    expect(!result.ok && jacksonFullMessage(result)).toBe(
      `Unexpected close marker ']': expected '}' (for root starting at ${REDACTED}line: 1])\n at ${REDACTED}line: 2, column: 1]`,
    );
  });

  it('keeps the source and the column 0 when the source is included', () => {
    const result = parseJsonText(']', { generation: 'current', includeSource: true });
    expect(!result.ok && jacksonFullMessage(result)).toBe(
      `Unexpected close marker ']': expected '}' (for root starting at [Source: (String)"]"; line: 1, column: 0])\n at [Source: (String)"]"; line: 1, column: 1]`,
    );
  });

  it.each([
    ['NaN', "Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow", 4],
    ['-', 'Unexpected end-of-inputNo digit following sign', 2],
    [
      '+1',
      "Unexpected character ('+' (code 43)) in numeric value: JSON spec does not allow numbers to have plus signs: enable `JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS` to allow",
      2,
    ],
    ['-.5', `Unexpected character ('.' (code 46)): expected a valid value ${VALID}`, 2],
    ['[1,}', "Unexpected character ('}' (code 125)): expected a value", 4],
  ])('uses the newer wording for %j', (text, message, column) => {
    expect(parseJsonText(text, STRING_TO_JSON_JACKSON)).toMatchObject({ ok: false, message, line: 1, column });
  });
});
