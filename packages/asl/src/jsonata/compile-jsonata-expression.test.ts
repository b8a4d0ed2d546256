import { describe, expect, test, vi } from 'vitest';
import { thrownBy } from '../test-support.js';
import { compileJsonataExpression, type JsonataBindings } from './compile-jsonata-expression.js';
import { JsonataEvaluationError } from './jsonata-errors.js';
import { JsonataSyntaxError } from './jsonata-expression.js';
import { testBindings } from './test-support.js';

function evaluate(text: string, bindings: JsonataBindings = testBindings(), field = 'Output'): unknown {
  return compileJsonataExpression(text).evaluate(bindings, field);
}

function cause(text: string, bindings: JsonataBindings = testBindings(), field = 'Output'): string {
  const error = thrownBy(() => evaluate(text, bindings, field), JsonataEvaluationError);
  expect(error.location).toBe(field);
  return error.cause ?? '';
}

describe('compileJsonataExpression', () => {
  test('compiles each text once', () => {
    expect(compileJsonataExpression('$states.input.a + 1')).toBe(compileJsonataExpression('$states.input.a + 1'));
    expect(compileJsonataExpression('$states.input.a + 1').text).toBe('$states.input.a + 1');
  });

  test('throws JsonataSyntaxError for an expression that does not parse', () => {
    expect(thrownBy(() => compileJsonataExpression('1 +'), JsonataSyntaxError).message).toBe(
      'Unexpected end of expression',
    );
  });

  test('exposes what the expression references', () => {
    const { references } = compileJsonataExpression('$states.input.a + $x');
    expect([...references.statesMembers]).toEqual(['input']);
    expect([...references.variables]).toEqual(['x']);
  });
});

describe('bindings', () => {
  test('$states has the input, the result, the error output and the context', async () => {
    const bindings = testBindings({ a: 1 }, {}, { result: { r: 2 }, errorOutput: { Error: 'E' } });
    expect(await evaluate('[$states.input.a, $states.result.r, $states.errorOutput.Error]', bindings)).toEqual([
      1,
      2,
      'E',
    ]);
    expect(await evaluate('$states.context.Execution.Id', bindings)).toBe(
      'arn:aws:states:us-east-1:111111111111:execution:machine:run',
    );
    expect(await evaluate('$states', bindings)).toEqual({
      input: { a: 1 },
      result: { r: 2 },
      errorOutput: { Error: 'E' },
      context: bindings.context,
    });
  });

  test('absent members are not in $states', async () => {
    expect(await evaluate('$keys($states)')).toEqual(['input', 'context']);
    expect(await cause('$states.result')).toBe(
      "The JSONata expression '$states.result' specified for the field 'Output' returned nothing (undefined).",
    );
  });

  test('reads the context object only when the expression does', async () => {
    const context = vi.fn(() => ({ State: { Name: 'S' } }));
    const bindings: JsonataBindings = {
      input: { a: 1 },
      get context() {
        return context();
      },
      random: () => 0,
    };
    expect(await evaluate('$states.input.a', bindings)).toBe(1);
    expect(context).not.toHaveBeenCalled();
    expect(await evaluate('$states.context.State.Name', bindings)).toBe('S');
    expect(context).toHaveBeenCalledTimes(1);
  });

  test('AWS-recorded: workflow variables are read as $name; an undefined one returns nothing', async () => {
    const bindings = testBindings({ input_values: [1, 2, 3] }, { var_constant_1: 1 });
    expect(await evaluate('$sum($states.input.input_values) + $var_constant_1', bindings)).toBe(7);
    expect(await cause('$doesNotExist', bindings, 'Output/result')).toBe(
      "The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined).",
    );
  });

  test('only the variables the expression reads are looked up', async () => {
    const variable = vi.fn((name: string) => (name === 'a' ? 1 : undefined));
    const bindings: JsonataBindings = { input: {}, context: {}, variable, random: () => 0 };
    expect(await evaluate('($b := 2; $a + $b + $sum([1]))', bindings)).toBe(4);
    expect(variable.mock.calls).toEqual([['a']]);
  });

  test('local bindings never change the workflow variables', async () => {
    const variables = { x: 1 };
    expect(await evaluate('($x := 5; $x)', testBindings({}, variables))).toBe(5);
    expect(await evaluate('$x', testBindings({}, variables))).toBe(1);
    expect(variables).toEqual({ x: 1 });
  });

  test('AWS-recorded: escape sequences compare as written', async () => {
    expect(await evaluate(`$states.input = '"'`, testBindings('"'))).toBe(true);
    expect(await evaluate(`$var = '"'`, testBindings({}, { var: '"' }))).toBe(true);
  });

  test('a variable named __proto__ does not leak its fields as variables', async () => {
    const bindings = testBindings({}, JSON.parse('{"__proto__": {"a": 3}}'));
    expect(await cause('$a', bindings)).toContain('returned nothing (undefined).');
  });

  test('evaluations of one expression can run concurrently', async () => {
    const compiled = compileJsonataExpression('$map($states.input, function($v){ $v * $k })');
    const runs = [1, 2, 3].map((k) => compiled.evaluate(testBindings([1, 2], { k }), 'Output'));
    expect(await Promise.all(runs)).toEqual([
      [1, 2],
      [2, 4],
      [3, 6],
    ]);
  });
});

describe('results', () => {
  test('AWS-recorded: JSONata results as AWS outputs them', async () => {
    expect(await evaluate('$contains("hello$world", /^hello\\ /)')).toBe(false);
    expect(await evaluate("$contains('hello$world', /^hello\\ /)")).toBe(false);
    const bindings = testBindings({ part1: { hello: 'world' }, part2: { foo: 'bar' } });
    expect(await evaluate('$merge([$states.input.part1, $states.input.part2])', bindings)).toEqual({
      hello: 'world',
      foo: 'bar',
    });
    expect(await evaluate('$variable := 1')).toBe(1);
    expect(await evaluate("[1, 'two', 3]")).toEqual([1, 'two', 3]);
    expect(await evaluate('null')).toBeNull();
  });

  test('sequences become arrays and singletons collapse as JSONata defines', async () => {
    const bindings = testBindings({ items: [{ n: 3 }, { n: 9 }], one: [{ n: 3 }], empty: [] });
    const result = await evaluate('$states.input.items.n', bindings);
    expect(result).toEqual([3, 9]);
    expect(Object.keys(result as object)).toEqual(['0', '1']);
    expect(await evaluate('$states.input.one.n', bindings)).toBe(3);
    expect(await evaluate('$states.input.one', bindings)).toEqual([{ n: 3 }]);
    expect(await evaluate('$states.input.empty', bindings)).toEqual([]);
  });

  test('returns the input itself when the expression selects it', async () => {
    const input = { deep: { value: [1, 2] } };
    expect(await evaluate('$states.input.deep', testBindings(input))).toBe(input.deep);
  });

  test('3P-measured: non-finite numbers come out as strings', async () => {
    expect(await evaluate('1/0')).toBe('Infinity');
    expect(await evaluate('{"r": -1/0}')).toEqual({ r: '-Infinity' });
  });

  test('a function result is unsupported', async () => {
    expect(await cause('$sum')).toBe(
      "The JSONata expression '$sum' specified for the field 'Output' returned an unsupported result type.",
    );
    expect(await cause('{"f": function($x){ $x }}')).toBe(
      "The JSONata expression '{\"f\": function($x){ $x }}' specified for the field 'Output' returned an unsupported result type.",
    );
  });
});

describe('evaluation errors', () => {
  test('3P-measured: JSONata errors follow AWS sentence with their code', async () => {
    expect(await cause("$sum(['a'])", testBindings(), 'Output/v')).toBe(
      "The JSONata expression '$sum(['a'])' specified for the field 'Output/v' threw an error during evaluation. T0412: Argument 1 of function \"sum\" must be an array of \"numbers\"",
    );
    expect(await cause('$error("boom")')).toBe(
      "The JSONata expression '$error(\"boom\")' specified for the field 'Output' threw an error during evaluation. D3137: boom",
    );
    expect(await cause('$notAFunction()')).toBe(
      "The JSONata expression '$notAFunction()' specified for the field 'Output' threw an error during evaluation. T1006: Attempted to invoke a non-function",
    );
  });

  test('an undefined or absent reference returns nothing', async () => {
    for (const text of ['$states.input.missing', '$', '$$', '[][0]']) {
      expect(await cause(text)).toBe(
        `The JSONata expression '${text}' specified for the field 'Output' returned nothing (undefined).`,
      );
    }
  });
});
