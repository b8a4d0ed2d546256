/**
 * The contract every intrinsic function implements, and the argument checks they share.
 *
 * AWS checks argument counts and types only when the call runs, and reports every such problem with the
 * same cause, `Invalid arguments in States.<Name>` (AWS-recorded for counts, types and ranges alike).
 * Numbers that must be integers are truncated toward zero, as a Java `(int)` cast does: AWS-observed
 * `States.ArrayPartition($.a, 2.6)` uses chunks of 2 and `States.ArrayRange(5.4, -0.6, -2.4)` is `[5, 3, 1]`.
 */
import type { EvaluationScope } from '../../scope.js';
import { invalidArguments } from '../intrinsic-failure.js';
import type { IntrinsicArgument } from '../parse-intrinsic.js';

/** A function body: receives the evaluated arguments, returns the result or throws `IntrinsicEvaluationError`. */
export type IntrinsicBody = (values: unknown[], scope: EvaluationScope) => unknown;

/** One `States.*` function. */
export interface IntrinsicFunction {
  /** Fewest arguments accepted. */
  readonly minArgs: number;
  /** Most arguments accepted (`Infinity` when unbounded). */
  readonly maxArgs: number;
  /** Prepares the body for one call site, whose arguments' syntax is known (e.g. a literal template). */
  bind(args: readonly IntrinsicArgument[]): IntrinsicBody;
}

/** A function whose body does not depend on how its arguments are written. */
export function plainFunction(minArgs: number, maxArgs: number, body: IntrinsicBody): IntrinsicFunction {
  return { minArgs, maxArgs, bind: () => body };
}

/**
 * A plain function of at most three arguments, which its body takes as parameters. Reading them by index here,
 * rather than destructuring the array in each body, spares every call the iterator protocol (an iterator and a
 * result object per argument while the code is not yet optimized).
 */
export function fixedArityFunction(
  minArgs: number,
  maxArgs: 1 | 2 | 3,
  body: (first: unknown, second: unknown, third: unknown) => unknown,
): IntrinsicFunction {
  return plainFunction(minArgs, maxArgs, (values) => body(values[0], values[1], values[2]));
}

/** The value as a string, or AWS's rejection. */
export function stringArgument(value: unknown, functionName: string): string {
  if (typeof value !== 'string') throw invalidArguments(functionName);
  return value;
}

/** The value as an array, or AWS's rejection. */
export function arrayArgument(value: unknown, functionName: string): unknown[] {
  if (!Array.isArray(value)) throw invalidArguments(functionName);
  return value;
}

/** The value as a finite number, or AWS's rejection. */
export function numberArgument(value: unknown, functionName: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidArguments(functionName);
  return value;
}

/** The number truncated to a 32-bit integer (Java `(int)`); out of that range is AWS's rejection. */
export function intArgument(value: unknown, functionName: string): number {
  const truncated = Math.trunc(numberArgument(value, functionName));
  if (truncated < -2147483648 || truncated > 2147483647) throw invalidArguments(functionName);
  return truncated + 0;
}
