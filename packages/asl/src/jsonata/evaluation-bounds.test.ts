import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  EVALUATION_TIME_LIMIT_MS,
  EVALUATION_TIMEOUT_MESSAGE,
  MEMORY_LIMIT_MESSAGE,
  STACK_OVERFLOW_MESSAGE,
} from './evaluation-bounds.js';
import { evaluateField, evaluationCause } from './test-support.js';

/** A tail recursion without end: JSONata runs it as a loop. */
const LOOP = '($loop := function($n){ $loop($n + 1) }; $loop(0))';

/** The cause of an evaluation bound's failure of `expression`, as AWS words it. */
const boundCause = (expression: string, message: string) =>
  `The JSONata expression '${expression}' specified for the field 'Output' threw an error during evaluation: ${message}`;

/** `terms` ones added together: each `+` nests one evaluation level deeper. */
const sum = (terms: number) => Array(terms).fill('1').join('+');

/** A non-tail recursion `calls` deep: each call nests three levels. */
const recursion = (calls: number) => `($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(${calls}))`;

afterEach(() => {
  vi.restoreAllMocks();
});

// The depth and memory bounds are 3P-measured on AWS (floci, us-east-1, 2026-08-30): each pair below is the
// last shape AWS evaluates and the first it refuses.
describe('the depth bound', () => {
  test('a sum of 100 terms evaluates; 101 fail with AWS stack overflow message', () => {
    expect(evaluateField(`{% ${sum(100)} %}`)).toBe(100);
    expect(evaluationCause(`{% ${sum(101)} %}`)).toBe(boundCause(sum(101), STACK_OVERFLOW_MESSAGE));
  });

  test('99 nested parentheses evaluate; 100 fail', () => {
    const nested = (levels: number) => `${'('.repeat(levels)}1${')'.repeat(levels)}`;
    expect(evaluateField(`{% ${nested(99)} %}`)).toBe(1);
    expect(evaluationCause(`{% ${nested(100)} %}`)).toBe(boundCause(nested(100), STACK_OVERFLOW_MESSAGE));
  });

  test('a non-tail recursion 31 calls deep evaluates; 32 fail, as does a runaway one', () => {
    expect(evaluateField(`{% ${recursion(31)} %}`)).toBe(31);
    expect(evaluationCause(`{% ${recursion(32)} %}`)).toBe(boundCause(recursion(32), STACK_OVERFLOW_MESSAGE));
    expect(evaluationCause(`{% ${recursion(1_000_000)} %}`)).toBe(
      boundCause(recursion(1_000_000), STACK_OVERFLOW_MESSAGE),
    );
  });

  test('a tail recursion runs deeper than the bound, and the next evaluation starts from depth 0 again', () => {
    const tail = '($f := function($n, $acc){ $n = 0 ? $acc : $f($n - 1, $acc + 1) }; $f(500, 0))';
    expect(evaluateField(`{% ${tail} %}`)).toBe(500);
    expect(evaluationCause(`{% ${sum(101)} %}`)).toContain(STACK_OVERFLOW_MESSAGE);
    expect(evaluateField(`{% ${sum(100)} %}`)).toBe(100);
  });
});

describe('the memory bound', () => {
  test('an array of 873,782 numbers evaluates; one more fails with AWS memory message', () => {
    expect(evaluateField('{% [1..873782] ~> $count() %}')).toBe(873_782);
    expect(evaluationCause('{% [1..873783] ~> $count() %}')).toBe(
      boundCause('[1..873783] ~> $count()', MEMORY_LIMIT_MESSAGE),
    );
    expect(evaluationCause('{% $sum([1..900000]) %}')).toBe(boundCause('$sum([1..900000])', MEMORY_LIMIT_MESSAGE));
  });

  test('a string of 2^22 characters evaluates; 2^23 fail', () => {
    const doubled = (times: number) => `($s := "x"; ${Array(times).fill('$s := $s & $s').join('; ')}; $length($s))`;
    expect(evaluateField(`{% ${doubled(22)} %}`)).toBe(2 ** 22);
    expect(evaluationCause(`{% ${doubled(23)} %}`)).toBe(boundCause(doubled(23), MEMORY_LIMIT_MESSAGE));
  });
});

describe('the time bound', () => {
  test('an endless loop fails the field with a colon-joined cause', () => {
    // The clock jumps past the deadline right after the evaluation sets it.
    let now = 1_000;
    vi.spyOn(Date, 'now').mockImplementation(() => {
      const time = now;
      now = 1_000 + EVALUATION_TIME_LIMIT_MS + 1;
      return time;
    });
    expect(evaluationCause(`{% ${LOOP} %}`)).toBe(boundCause(LOOP, EVALUATION_TIMEOUT_MESSAGE));
  });

  test('an expression that defines no function has no deadline', () => {
    vi.spyOn(Date, 'now').mockReturnValue(Number.MAX_SAFE_INTEGER);
    expect(evaluateField('{% [1..1000] ~> $sum() %}')).toBe(500_500);
  });
});
