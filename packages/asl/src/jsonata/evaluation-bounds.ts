/**
 * The bounds on one evaluation of an expression, enforced from JSONata's evaluation hooks (JSONata calls them as
 * it enters and leaves each node of the expression, its functions' bodies included):
 *
 * - depth: more than 100 nested evaluation levels fail with AWS's stack overflow message (3P-measured on AWS:
 *   a sum of 100 terms, 99 nested parentheses and a non-tail recursion 31 calls deep evaluate; one level more
 *   fails). This bound also stands between a runaway recursion and the engine's own stack.
 * - memory: a value larger than 6,990,256 bytes, counting 8 bytes a number (array item) and 1 a character, fails
 *   with AWS's memory message (3P-measured: `[1..873782]` and a string of 2^22 characters evaluate,
 *   `[1..873783]` and one of 2^23 fail). How AWS sizes values is not known; this model fits every measurement.
 * - time: only a function (a recursive one, or a tail call JSONata turns into a loop) can make an evaluation run
 *   without end, and evaluation is synchronous: an expression that defines functions gets
 *   {@link EVALUATION_TIME_LIMIT_MS}. AWS's time bound and message are not known; this one uses the message of
 *   JSONata's own test harness.
 *
 * Evaluations are synchronous and none starts another, so the running evaluation's bounds live in this module,
 * set by {@link withinBounds}.
 */
import type jsonata from '../../vendor/jsonata-sync.cjs';

/** The deepest nesting of evaluation levels AWS evaluates. */
export const MAX_EVALUATION_DEPTH = 100;

/** AWS's message for an evaluation nested too deeply (3P-measured; no JSONata code). */
export const STACK_OVERFLOW_MESSAGE =
  'Stack overflow error: Check for non-terminating recursive function. Consider rewriting as tail-recursive';

/** The largest value an evaluation may produce, in bytes as this module counts them (8 a number, 1 a character). */
export const MAX_VALUE_BYTES = 6_990_256;

/** AWS's message for a value over its evaluation memory bound (3P-measured; no JSONata code). */
export const MEMORY_LIMIT_MESSAGE = 'Expression evaluation memory limit exceeded: Check for excessive memory usage';

/** How long one evaluation of an expression that defines functions may run. */
export const EVALUATION_TIME_LIMIT_MS = 5_000;

/** The message of the failure when an evaluation runs past its deadline (no JSONata code). */
export const EVALUATION_TIMEOUT_MESSAGE = 'Expression evaluation timeout: Check for infinite loop';

/** The keys of JSONata's hooks, which it looks up in the environment around the evaluation of each node. */
const EVALUATE_ENTRY = Symbol.for('jsonata.__evaluate_entry');
const EVALUATE_EXIT = Symbol.for('jsonata.__evaluate_exit');

/** The running evaluation's nesting depth. */
let depth = 0;
/** The running evaluation's deadline (epoch milliseconds); infinite for an expression that defines no function. */
let deadline = Number.POSITIVE_INFINITY;

function enter(): void {
  if (++depth > MAX_EVALUATION_DEPTH) throw new Error(STACK_OVERFLOW_MESSAGE);
  if (deadline !== Number.POSITIVE_INFINITY && Date.now() > deadline) throw new Error(EVALUATION_TIMEOUT_MESSAGE);
}

function exit(_node: unknown, _input: unknown, _environment: unknown, result: unknown): void {
  depth--;
  const tooLarge =
    typeof result === 'string'
      ? result.length > MAX_VALUE_BYTES
      : Array.isArray(result) && result.length * 8 > MAX_VALUE_BYTES;
  if (tooLarge) throw new Error(MEMORY_LIMIT_MESSAGE);
}

/** Makes every evaluation of `expression` run within the bounds {@link withinBounds} sets. */
export function boundEvaluations(expression: jsonata.Expression): void {
  // JSONata's environments accept symbol names; its typings only declare strings.
  expression.assign(EVALUATE_ENTRY as unknown as string, enter);
  expression.assign(EVALUATE_EXIT as unknown as string, exit);
}

/**
 * Runs `evaluate`, one evaluation of a bounded expression, from depth 0 and, when `timed` (the expression defines
 * functions), with a deadline {@link EVALUATION_TIME_LIMIT_MS} from now.
 */
export function withinBounds<T>(timed: boolean, evaluate: () => T): T {
  const outerDepth = depth;
  const outerDeadline = deadline;
  depth = 0;
  deadline = timed ? Date.now() + EVALUATION_TIME_LIMIT_MS : Number.POSITIVE_INFINITY;
  try {
    return evaluate();
  } finally {
    depth = outerDepth;
    deadline = outerDeadline;
  }
}
