import { describe, expect, test } from 'vitest';
import { evaluateField, evaluationCause, testBindings } from './test-support.js';

/** Evaluates `{% <text> %}` in `Output/FunctionResult`. */
function run(text: string, input: unknown = {}): unknown {
  return evaluateField(`{% ${text} %}`, testBindings(input), 'Output/FunctionResult');
}

/** The cause of evaluating `{% <text> %}` in `Output`, without the sentence naming expression and field. */
async function failure(text: string): Promise<string> {
  const cause = await evaluationCause(`{% ${text} %}`);
  const opening = `The JSONata expression '${text}' specified for the field 'Output' `;
  expect(cause.startsWith(opening), cause).toBe(true);
  return cause.slice(opening.length);
}

const PARTITION = '$partition($states.input.FunctionInput.fst, $states.input.FunctionInput.snd)';

describe('$partition', () => {
  test('AWS-recorded: arrays of 1 to 4 items in chunks of 1 to 5', async () => {
    const expected: Record<string, unknown[]> = {
      '1': [[[0]], [[0]], [[0]], [[0]], [[0]]],
      '2': [[[0], [1]], [[0, 1]], [[0, 1]], [[0, 1]], [[0, 1]]],
      '3': [[[0], [1], [2]], [[0, 1], [2]], [[0, 1, 2]], [[0, 1, 2]], [[0, 1, 2]]],
      '4': [
        [[0], [1], [2], [3]],
        [
          [0, 1],
          [2, 3],
        ],
        [[0, 1, 2], [3]],
        [[0, 1, 2, 3]],
        [[0, 1, 2, 3]],
      ],
    };
    for (const [length, results] of Object.entries(expected)) {
      const fst = Array.from({ length: Number(length) }, (_, i) => i);
      for (let snd = 1; snd <= 5; snd++) {
        expect(await run(PARTITION, { FunctionInput: { fst, snd } }), `${length} / ${snd}`).toEqual(results[snd - 1]);
      }
    }
  });

  test('3P-measured: a fractional size is truncated, no size is one chunk, empty input or size 0 is nothing', async () => {
    expect(await run('$partition([1, 2, 3], 2.9)')).toEqual([[1, 2], [3]]);
    expect(await run('$partition([1, 2, 3])')).toEqual([[1, 2, 3]]);
    expect(await failure('$partition([], 2)')).toBe('returned nothing (undefined).');
    expect(await failure('$partition([1], 0.5)')).toBe('returned nothing (undefined).');
    expect(await failure('$partition($states.input.missing, 2)')).toBe('returned nothing (undefined).');
  });

  test('3P-measured: the errors AWS reports', async () => {
    expect(await failure('$partition([1], -2)')).toBe(
      'threw an error during evaluation. D3137: Second argument must be zero or greater',
    );
    expect(await failure('$partition("abc", 2)')).toBe(
      'threw an error during evaluation. T0412: Argument 1 of function "partition" must be an array of undefined',
    );
    expect(await failure('$partition([1], "2")')).toBe(
      'threw an error during evaluation. T0410: Argument 2 of function "partition" does not match function signature',
    );
    expect(await failure('$partition([1], 1, 1)')).toBe(
      'threw an error during evaluation. T0410: Argument 3 of function "partition" does not match function signature',
    );
  });
});

describe('$range', () => {
  const RANGE =
    '$range($states.input.FunctionInput.fst, $states.input.FunctionInput.snd, $states.input.FunctionInput.trd)';

  test('AWS-recorded: the end is included when a step lands on it; one number comes back bare', async () => {
    const cases: [number, number, number, unknown][] = [
      [0, 9, 3, [0, 3, 6, 9]],
      [0, 10, 3, [0, 3, 6, 9]],
      [1, 9, 9, 1],
      [1, 9, 2, [1, 3, 5, 7, 9]],
    ];
    for (const [fst, snd, trd, result] of cases) {
      expect(await run(RANGE, { FunctionInput: { fst, snd, trd } })).toEqual(result);
    }
  });

  test('3P-measured: negative steps, truncation, and the ranges that are nothing', async () => {
    expect(await run('$range(5, 1, -2)')).toEqual([5, 3, 1]);
    expect(await run('$range(5.4, -0.6, -2.4)')).toEqual([5, 3, 1]);
    expect(await run('$range(2, 2, 1)')).toBe(2);
    expect(await run('[$range(2, 2, 1)]')).toEqual([2]);
    for (const empty of ['$range(0, 5)', '$range(0, 5, 0)', '$range(0, 5, -1)', '$range(5, 0, 1)']) {
      expect(await failure(empty)).toBe('returned nothing (undefined).');
    }
  });

  test('3P-measured: a bound that is not a number is a signature error', async () => {
    expect(await failure('$range("0", 5, 1)')).toBe(
      'threw an error during evaluation. T0410: Argument 1 of function "range" does not match function signature',
    );
    expect(await failure('$range(0)')).toBe(
      'threw an error during evaluation. T0410: Argument 2 of function "range" does not match function signature',
    );
    expect(await failure('$range(0, 5, true)')).toBe(
      'threw an error during evaluation. T0410: Argument 3 of function "range" does not match function signature',
    );
  });

  test('3P-measured: a range longer than AWS bound on ranges fails', async () => {
    expect(await run('$count($range(1, 360145, 1))')).toBe(360145);
    expect(await failure('$range(1, 360146, 1)')).toBe(
      'threw an error during evaluation: Expression evaluation memory limit exceeded: Check for excessive memory usage',
    );
    expect(await failure('$range(0, 1e300, 1)')).toContain('memory limit exceeded');
  });
});

describe('$hash', () => {
  test('the lowercase hex digest of the UTF-8 text, for each algorithm AWS accepts', async () => {
    // 3P-measured on AWS.
    expect(await run('$hash("input", "SHA-1")')).toBe('140f86aae51ab9e1cda9b4254fe98a74eb54c1a1');
    expect(await run('$hash("abc", "MD5")')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(await run('$hash("abc", "SHA-256")')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await run('$hash("abc", "SHA-384")')).toBe(
      'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7',
    );
    expect(await run('$hash("abc", "SHA-512")')).toBe(
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    );
    expect(await run('$hash($states.input.s, "SHA-256")', { s: 'hé€😀' })).toBe(
      '39d15ee696a6f5bd03a5220ddcac864c6f6c2833b3ae973bfa10e202056fd284',
    );
  });

  test('3P-measured: the errors AWS reports', async () => {
    expect(await failure('$hash("a", "sha-256")')).toBe(
      "threw an error during evaluation. D3137: Hash algorithm 'sha-256' must be one of SHA-1, SHA-384, SHA-256, SHA-512, MD5",
    );
    expect(await failure('$hash(1, "MD5")')).toBe(
      'threw an error during evaluation. T0410: Argument 1 of function "hash" does not match function signature',
    );
    expect(await failure('$hash($states.input.missing, "MD5")')).toBe(
      'threw an error during evaluation. T0410: Argument 1 of function "hash" does not match function signature',
    );
    expect(await failure('$hash("a", 1)')).toBe(
      'threw an error during evaluation. T0410: Argument 2 of function "hash" does not match function signature',
    );
    expect(await failure('$hash("a")')).toBe('returned nothing (undefined).');
  });
});

describe('$random', () => {
  test('draws from the injected random source without a seed', async () => {
    expect(await evaluateField('{% $random() %}', testBindings({}, {}, { random: () => 0.25 }))).toBe(0.25);
  });

  test('3P-measured: with a seed it is java.util.Random(seed).nextDouble(), the same every time', async () => {
    expect(await run('$random(42)')).toBe(0.7275636800328681);
    expect(await run('$random(42.9)')).toBe(0.7275636800328681);
    expect(await run('$random($states.input.seed)', { seed: 0 })).toBe(0.730967787376657);
  });

  test('3P-measured: a seed that is not a number, or a second argument, is a signature error', async () => {
    expect(await failure('$random("42")')).toBe(
      'threw an error during evaluation. T0410: Argument 1 of function "random" does not match function signature',
    );
    expect(await failure('$random(1, 2)')).toBe(
      'threw an error during evaluation. T0410: Argument 2 of function "random" does not match function signature',
    );
  });

  test('AWS-recorded: $randomSeeded is not a Step Functions function', async () => {
    const cause = await evaluationCause(
      '{% $randomSeeded($states.input.FunctionInput.fst) %}',
      testBindings({ FunctionInput: 'fst' }),
      'Output/FunctionResult',
    );
    expect(cause).toBe(
      "The JSONata expression '$randomSeeded($states.input.FunctionInput.fst)' specified for the field 'Output/FunctionResult' threw an error during evaluation. T1006: Attempted to invoke a non-function",
    );
  });
});

describe('$uuid', () => {
  test('a version 4 UUID from the injected random source', async () => {
    expect(await run('$uuid()')).toBe('80808080-8080-4080-8080-808080808080');
    let draw = 0;
    const uuid = await evaluateField('{% $uuid() %}', testBindings({}, {}, { random: () => (draw++ % 16) / 16 }));
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('3P-measured: takes no argument', async () => {
    expect(await failure('$uuid(1)')).toBe(
      'threw an error during evaluation. T0410: Argument 1 of function "uuid" does not match function signature',
    );
  });
});

describe('$parse', () => {
  test('AWS-recorded: parses JSON text', async () => {
    const cases: [string, unknown][] = [
      ['-0', 0],
      ['1', 1],
      ['1.1', 1.1],
      ['true', true],
      ['"HelloWorld"', 'HelloWorld'],
      ['[1, 2, "HelloWorld"]', [1, 2, 'HelloWorld']],
      ['{"Arg1": 1, "Arg2": []}', { Arg1: 1, Arg2: [] }],
    ];
    for (const [text, value] of cases) {
      const result = await run('$parse($states.input.FunctionInput)', { FunctionInput: text });
      expect(result, text).toEqual(value);
      if (value === 0) expect(Object.is(result, 0)).toBe(true);
    }
  });

  test('3P-measured: a nested field can be read from the parsed value', async () => {
    expect(await run('$parse("{\\"a\\":1}").a')).toBe(1);
  });

  test('3P-measured: the errors AWS reports', async () => {
    for (const text of ['', '{} x', '{\\"a\\": 1, \\"a\\": 2}', 'nope']) {
      expect(await failure(`$parse("${text}")`), text).toBe('threw an error during evaluation. D3137: Invalid JSON');
    }
    expect(await failure('$parse(1)')).toBe(
      'threw an error during evaluation. T0410: Argument 1 of function "parse" does not match function signature',
    );
    expect(await failure('$parse($states.input.missing)')).toBe('returned nothing (undefined).');
  });
});

describe('$eval', () => {
  test('3P-measured: AWS disables it', async () => {
    expect(await failure('$eval("1+1")')).toBe(
      'threw an error during evaluation. T1006: Attempted to invoke a non-function',
    );
  });
});

describe('$now and $millis', () => {
  test("read the scope's clock, formatted as JSONata formats it", () => {
    const bindings = testBindings({}, {}, { now: Date.UTC(2026, 0, 2, 3, 4, 5, 6) });
    const read = (text: string) => evaluateField(`{% ${text} %}`, bindings);
    expect(read('$millis()')).toBe(Date.UTC(2026, 0, 2, 3, 4, 5, 6));
    expect(read('$now()')).toBe('2026-01-02T03:04:05.006Z');
    expect(read("$now('[Y0001]-[M01]-[D01]')")).toBe('2026-01-02');
    expect(read("$now('[H01]:[m01]', '+0200')")).toBe('05:04');
  });

  test('read the real clock without one', () => {
    const before = Date.now();
    expect(evaluateField('{% $millis() %}') as number).toBeGreaterThanOrEqual(before);
  });
});
