import { describe, expect, test } from 'vitest';
import { StatesError } from '../errors.js';
import type { EvaluationScope } from '../scope.js';
import { thrownBy } from '../test-support.js';
import {
  compilePayloadTemplate,
  findPayloadTemplateErrors,
  missingPathCause,
  TemplateSyntaxError,
} from './compile-payload-template.js';

const scope: EvaluationScope = {
  context: { Execution: { Input: { requestId: 'req-55' } }, Map: { Item: { Index: 2, Value: { id: 'b' } } } },
  random: () => 0,
};

function apply(template: unknown, input: unknown): unknown {
  return compilePayloadTemplate(template)(input, scope);
}

const failure = (template: unknown, input: unknown) => thrownBy(() => apply(template, input), StatesError);

const syntaxError = (template: unknown) => thrownBy(() => compilePayloadTemplate(template), TemplateSyntaxError);

describe('compilePayloadTemplate', () => {
  test('resolves .$ fields in nested objects, renames them and keeps other strings literal', () => {
    const template = {
      request: { 'customerId.$': '$.customer.id', 'customerName.$': '$.customer.name' },
      priority: 'high',
      literal: '$.customer.name',
      notEvaluated: '$customerName',
      'expedite.$': '$.flags.expedite',
      'requestId.$': '$$.Execution.Input.requestId',
      'greeting.$': "States.Format('Hello {}', $.customer.name)",
    };
    const input = { customer: { id: 'cust-1', name: 'Ada' }, flags: { expedite: true } };
    expect(apply(template, input)).toEqual({
      request: { customerId: 'cust-1', customerName: 'Ada' },
      priority: 'high',
      literal: '$.customer.name',
      notEvaluated: '$customerName',
      expedite: true,
      requestId: 'req-55',
      greeting: 'Hello Ada',
    });
  });

  test('keeps the field order of the template', () => {
    const result = apply({ a: 1, 'b.$': '$.x', c: { 'd.$': '$.x' }, e: [] }, { x: 0 });
    expect(Object.keys(result as object)).toEqual(['a', 'b', 'c', 'e']);
  });

  test('walks arrays too', () => {
    const template = { items: [{ 'id.$': '$.a' }, 'plain', [{ 'n.$': '$$.Map.Item.Index' }], 3] };
    expect(apply(template, { a: 'x' })).toEqual({ items: [{ id: 'x' }, 'plain', [{ n: 2 }], 3] });
    expect(apply([{ 'v.$': '$$.Map.Item.Value' }], {})).toEqual([{ v: { id: 'b' } }]);
  });

  test('selects whole subtrees and the whole input', () => {
    const input = { payload: { orderId: 'ord-1', total: 42 } };
    const result = apply({ 'all.$': '$', 'payload.$': '$.payload' }, input) as Record<string, unknown>;
    expect(result.all).toBe(input);
    expect(result.payload).toBe(input.payload);
  });

  test('builds constant templates and constant subtrees once: every evaluation shares them', () => {
    const constant = { a: [1, { b: 'c' }], d: '$.not.a.path' };
    const compiledConstant = compilePayloadTemplate(constant);
    expect(compiledConstant({ x: 1 }, scope)).toEqual(constant);
    expect(compiledConstant({ x: 2 }, scope)).toBe(compiledConstant({ x: 1 }, scope));
    const withShared = compilePayloadTemplate({ shared: { deep: { list: [1, 2] } }, 'x.$': '$.x' });
    const first = withShared({ x: 1 }, scope) as Record<string, unknown>;
    const second = withShared({ x: 2 }, scope) as Record<string, unknown>;
    expect(first.shared).toEqual({ deep: { list: [1, 2] } });
    expect(second.shared).toBe(first.shared);
    for (const scalar of ['text', 1, null, true]) expect(apply(scalar, {})).toBe(scalar);
    expect(apply([1, [2], { a: 3 }], {})).toEqual([1, [2], { a: 3 }]);
  });

  test('compiles a template once for every definition that repeats it', () => {
    const template = () => ({ 'Payload.$': '$', FunctionName: 'f' });
    expect(compilePayloadTemplate(template())).toBe(compilePayloadTemplate(template()));
    expect(findPayloadTemplateErrors(template())).toEqual([]);
  });

  test('compiles a large template without caching it, with the same result', () => {
    const large = { 'id.$': '$.id', data: 'x'.repeat(5000) };
    expect(compilePayloadTemplate(large)).not.toBe(compilePayloadTemplate(large));
    expect(compilePayloadTemplate(large)({ id: 7 }, scope)).toEqual({ id: 7, data: 'x'.repeat(5000) });
  });

  test('builds a fresh result on every evaluation and never changes the input', () => {
    const compiled = compilePayloadTemplate({ 'x.$': '$.x', fixed: { y: 1 } });
    const input = Object.freeze({ x: Object.freeze([1]) });
    const first = compiled(input, scope) as Record<string, unknown>;
    const second = compiled({ x: 2 }, scope) as Record<string, unknown>;
    expect(first).toEqual({ x: [1], fixed: { y: 1 } });
    expect(second).toEqual({ x: 2, fixed: { y: 1 } });
    expect(first).not.toBe(second);
    expect(first.fixed).toBe(second.fixed);
  });

  test('creates a __proto__ field as data', () => {
    const template = JSON.parse('{"__proto__.$": "$.p", "ok": 1}');
    const result = apply(template, { p: { polluted: true } }) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['__proto__', 'ok']);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(result.polluted).toBeUndefined();
  });

  test('AWS-recorded (JSONPath Assign): nested .$ fields with every kind of intrinsic', () => {
    const input = {
      inputArray: [1, 2, 3, 4, 5, 6],
      duplicateArray: [1, 2, 2, 3, 3, 4],
      rawString: 'Hello World',
      encodedString: 'SGVsbG8gV29ybGQ=',
      inputString: 'Hash this string',
      json1: { a: 1, b: 2 },
      json2: { c: 3, d: 4 },
      jsonString: '{"key":"value"}',
      jsonObject: { test: 'object' },
      value1: 5,
      value2: 3,
      csvString: 'a,b,c,d,e',
      name: 'John',
      place: 'LocalStack',
    };
    const template = {
      arrayOps: {
        'simpleArray.$': "States.Array('a', 'b', 'c')",
        'partitionedArray.$': 'States.ArrayPartition($.inputArray, 2)',
        'containsElement.$': 'States.ArrayContains($.inputArray, 5)',
        'numberRange.$': 'States.ArrayRange(1, 10, 2)',
        'thirdElement.$': 'States.ArrayGetItem($.inputArray, 2)',
        'arraySize.$': 'States.ArrayLength($.inputArray)',
        'uniqueValues.$': 'States.ArrayUnique($.duplicateArray)',
      },
      encodingOps: {
        'encoded.$': 'States.Base64Encode($.rawString)',
        'decoded.$': 'States.Base64Decode($.encodedString)',
      },
      hashOps: { 'hashValue.$': "States.Hash($.inputString, 'SHA-256')" },
      jsonOps: {
        'mergedJson.$': 'States.JsonMerge($.json1, $.json2, false)',
        'parsedJson.$': 'States.StringToJson($.jsonString)',
        'stringifiedJson.$': 'States.JsonToString($.jsonObject)',
      },
      mathOps: { 'sum.$': 'States.MathAdd($.value1, $.value2)' },
      stringOps: {
        'splitString.$': "States.StringSplit($.csvString, ',')",
        'formattedString.$': "States.Format('Hello {}, welcome to {}!', $.name, $.place)",
      },
    };
    expect(apply(template, input)).toEqual({
      arrayOps: {
        uniqueValues: [1, 2, 3, 4],
        simpleArray: ['a', 'b', 'c'],
        thirdElement: 3,
        partitionedArray: [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        arraySize: 6,
        containsElement: true,
        numberRange: [1, 3, 5, 7, 9],
      },
      encodingOps: { decoded: 'Hello World', encoded: 'SGVsbG8gV29ybGQ=' },
      hashOps: { hashValue: '1cac63f39fd68d8c531f27b807610fb3d50f0fc3f186995767fb6316e7200a3e' },
      jsonOps: {
        parsedJson: { key: 'value' },
        mergedJson: { a: 1, b: 2, c: 3, d: 4 },
        stringifiedJson: '{"test":"object"}',
      },
      mathOps: { sum: 8 },
      stringOps: { formattedString: 'Hello John, welcome to LocalStack!', splitString: ['a', 'b', 'c', 'd', 'e'] },
    });
  });
});

describe('a path that selects nothing', () => {
  test('AWS-recorded: fails with States.Runtime naming the path, the field and the compact input', () => {
    const error = failure({ 'value.$': '$.no_such_jsonpath' }, { 'int-literal': 0 });
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe(
      "The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input " +
        '\'{"int-literal":0}\'',
    );
  });

  test('AWS-recorded: same text for a context path; the input shown is the template input', () => {
    expect(failure({ 'value.$': '$$.Execution.Input.no_such_jsonpath' }, { a: [1, 'x'] }).cause).toBe(
      "The JSONPath '$$.Execution.Input.no_such_jsonpath' specified for the field 'value.$' could not be found " +
        'in the input \'{"a":[1,"x"]}\'',
    );
  });

  test('names the field as written, also deep in the template', () => {
    expect(failure({ outer: [{ 'inner.$': '$.a.b' }] }, { a: {} }).cause).toBe(
      "The JSONPath '$.a.b' specified for the field 'inner.$' could not be found in the input '{\"a\":{}}'",
    );
  });

  test('inside an intrinsic call, fails with the intrinsic message', () => {
    expect(failure({ 'v.$': 'States.StringToJson($.missing)' }, {}).cause).toBe(
      "The function 'States.StringToJson($.missing)' had the following error: " +
        "The JsonPath argument for the field '$.missing' could not be found in the input '{}'",
    );
  });

  // 3P-measured on AWS by floci (its AslExecutorIntrinsicMissingArgumentTest, us-east-1): the two forms differ.
  test('an array index out of bounds as the last step reads null; as an intrinsic argument, it is missing', () => {
    const items = { items: [1, 2] };
    expect(compilePayloadTemplate({ 'idx.$': '$.items[5]', 'last.$': '$.items[-3]' })(items, scope)).toEqual({
      idx: null,
      last: null,
    });
    expect(failure({ 'v.$': '$.items[5].x' }, items).cause).toBe(
      "The JSONPath '$.items[5].x' specified for the field 'v.$' could not be found in the input '{\"items\":[1,2]}'",
    );
    expect(failure({ 'v.$': "States.Format('{}', $.items[5])" }, items).cause).toBe(
      "The function 'States.Format('{}', $.items[5])' had the following error: " +
        "The JsonPath argument for the field '$.items[5]' could not be found in the input '{\"items\":[1,2]}'",
    );
  });

  test('missingPathCause builds the same text for other fields (Fail ErrorPath/CausePath)', () => {
    expect(missingPathCause('$.NoSuchCausePath', 'CausePath', { Error: 'error-value' })).toBe(
      "The JSONPath '$.NoSuchCausePath' specified for the field 'CausePath' could not be found in the input " +
        '\'{"Error":"error-value"}\'',
    );
  });
});

describe('templates AWS rejects when the definition is created', () => {
  test.each([
    ['an invalid intrinsic call', "States.Format('a', $.b"],
    ['an unknown intrinsic function', 'States.Foo($.b)'],
    ['an invalid path', '$.a..['],
    ['text that is neither a path nor a call', 'Hello'],
    ['an empty string', ''],
    ['a call with leading space', ' States.Array()'],
  ])('%s', (_, value) => {
    const error = syntaxError({ nested: { 'parsed.$': value } });
    expect(error.field).toBe('parsed.$');
    expect(error.problem).toBe('invalid-value');
    expect(error.path).toEqual(['nested']);
    expect(error.message).toBe(
      "The value for the field 'parsed.$' must be a valid JSONPath or a valid intrinsic function call",
    );
  });

  test('a .$ field whose value is not a string', () => {
    for (const value of [1, null, true, { a: '$.x' }, ['$.x']]) {
      const error = syntaxError({ list: [{ 'x.$': value }] });
      expect(error.field).toBe('x.$');
      expect(error.problem).toBe('not-a-string');
      expect(error.path).toEqual(['list', 0]);
    }
  });

  test('two fields with the same name once .$ is removed', () => {
    const error = syntaxError({ a: 1, 'a.$': '$.x' });
    expect(error.field).toBe('a.$');
    expect(error.problem).toBe('duplicate-field');
    expect(error.path).toEqual([]);
  });

  test('findPayloadTemplateErrors lists every problem; none for a valid template', () => {
    const errors = findPayloadTemplateErrors({
      'a.$': 'nope',
      b: { 'c.$': 3, ok: 'x' },
      list: [{ 'd.$': 'States.Nope()' }, { 'e.$': '$.fine' }],
      e: 1,
    });
    expect(errors.map((e) => [e.field, e.problem, e.path])).toEqual([
      ['a.$', 'invalid-value', []],
      ['c.$', 'not-a-string', ['b']],
      ['d.$', 'invalid-value', ['list', 0]],
    ]);
    expect(findPayloadTemplateErrors({ 'a.$': '$.x', b: ['$.y', { 'c.$': "States.Array('z')" }] })).toEqual([]);
    expect(findPayloadTemplateErrors('literal')).toEqual([]);
  });
});
