/**
 * The math intrinsics: `States.MathAdd` and `States.MathRandom`.
 */

import { javaRandomNextInt } from '../../java-random.js';
import { invalidArguments } from '../intrinsic-failure.js';
import {
  fixedArityFunction,
  type IntrinsicFunction,
  intArgument,
  numberArgument,
  plainFunction,
} from './intrinsic-function.js';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/**
 * `States.MathAdd(a, b)`: both operands rounded with Java's `Math.round` (half up, toward positive
 * infinity; AWS-recorded `-2.5 + 0 = -2`, `0.5 + 0 = 1`), then added; operands and sum must fit in a
 * 32-bit integer (AWS-recorded: `2147483647 + 1` is rejected).
 */
const mathAdd = fixedArityFunction(2, 2, (a, b) => {
  const name = 'States.MathAdd';
  const left = javaRound(numberArgument(a, name));
  const right = javaRound(numberArgument(b, name));
  const sum = left + right;
  if (left < INT_MIN || left > INT_MAX || right < INT_MIN || right > INT_MAX || sum < INT_MIN || sum > INT_MAX) {
    throw invalidArguments(name);
  }
  return sum + 0;
});

/**
 * `States.MathRandom(start, end[, seed])`: an integer in [start, end) (AWS-observed: `end` is never returned
 * and `start == end` is rejected). Bounds are truncated like the other integer arguments (AWS-observed:
 * `MathRandom(1.4, 1.6)` is rejected, as [1, 1) is empty). With a seed the result is
 * `new java.util.Random(seed).nextInt(end - start) + start`, so a seed gives the same number every time;
 * without one it comes from the scope's injected random source.
 */
const mathRandom = plainFunction(2, 3, (values, scope) => {
  const name = 'States.MathRandom';
  const start = intArgument(values[0], name);
  const end = intArgument(values[1], name);
  const bound = end - start;
  if (bound <= 0 || bound > INT_MAX) throw invalidArguments(name);
  if (values.length < 3) return start + Math.floor(scope.random() * bound);
  const seed = BigInt(Math.trunc(numberArgument(values[2], name)));
  return start + javaRandomNextInt(seed, bound);
});

/** Java's `Math.round(double)`: the nearest integer, halves toward positive infinity. */
function javaRound(value: number): number {
  const floor = Math.floor(value);
  return value - floor >= 0.5 ? floor + 1 : floor;
}

/** The math intrinsics by name. */
export const MATH_FUNCTIONS: Readonly<Record<string, IntrinsicFunction>> = {
  'States.MathAdd': mathAdd,
  'States.MathRandom': mathRandom,
};
