import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  DEADLINE_BINDING,
  EVALUATION_TIME_LIMIT_MS,
  EVALUATION_TIMEOUT_MESSAGE,
  limitEvaluationTime,
} from './evaluation-time-limit.js';
import { parseJsonata } from './jsonata-expression.js';
import { evaluationCause } from './test-support.js';

const LOOP = '($loop := function($n){ $loop($n + 1) }; $loop(0))';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('limitEvaluationTime', () => {
  test('fails an evaluation once past the deadline it is given', () => {
    const expression = parseJsonata(LOOP);
    limitEvaluationTime(expression);
    expect(() => expression.evaluate(undefined, { [DEADLINE_BINDING]: Date.now() - 1 })).toThrow(
      EVALUATION_TIMEOUT_MESSAGE,
    );
  });

  test('lets an evaluation within its deadline finish', async () => {
    const expression = parseJsonata('($f := function($n){ $n > 0 ? $f($n - 1) : "done" }; $f(50))');
    limitEvaluationTime(expression);
    expect(await expression.evaluate(undefined, { [DEADLINE_BINDING]: Date.now() + 60_000 })).toBe('done');
  });
});

describe('the bound on field evaluation', () => {
  test('an endless loop fails the field with a colon-joined cause', async () => {
    // The clock jumps past the deadline right after the evaluation sets it.
    let now = 1_000;
    vi.spyOn(Date, 'now').mockImplementation(() => {
      const time = now;
      now = 1_000 + EVALUATION_TIME_LIMIT_MS + 1;
      return time;
    });
    expect(await evaluationCause(`{% ${LOOP} %}`)).toBe(
      `The JSONata expression '${LOOP}' specified for the field 'Output' threw an error during evaluation: ${EVALUATION_TIMEOUT_MESSAGE}`,
    );
  });
});
