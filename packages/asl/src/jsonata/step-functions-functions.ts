/**
 * The functions Step Functions adds to JSONata (AWS docs "transforming-data"): `$partition`, `$range`,
 * `$hash`, `$random` (with an optional seed), `$uuid` and `$parse`; and `$eval`, which AWS disables.
 *
 * Behaviour and messages follow AWS: AWS-recorded where a conformance case covers it (`$partition`,
 * `$parse`, `$range`, below), otherwise as measured against AWS by a third party (3P) and kept consistent
 * with JSONata 2.0.6's own errors. Surplus arguments are rejected by each function's signature with JSONata's
 * `T0410: Argument <n> of function "<name>" does not match function signature`; a missing first argument
 * gives undefined (JSONata's convention) except where noted. Integer arguments are truncated toward zero, as
 * Java's `(long)` cast does.
 */

import { bytesToHex } from '@noble/hashes/utils.js';
import type jsonata from '../../vendor/jsonata-sync.cjs';
import { HASH_ALGORITHMS } from '../digests.js';
import { UUID_FUNCTION } from '../intrinsics/functions/uuid-function.js';
import { encodeUtf8 } from '../intrinsics/java-utf8.js';
import { javaLong, javaRandomNextDouble } from '../java-random.js';
import type { EvaluationScope } from '../scope.js';
import { MEMORY_LIMIT_MESSAGE } from './evaluation-bounds.js';
import { parseStrictJson } from './strict-json.js';

/**
 * The binding under which each evaluation passes its {@link EvaluationScope} (for `$random` and `$uuid`).
 * The space keeps it out of reach of expressions: a JSONata variable name cannot contain one.
 */
export const SCOPE_BINDING = ' scope';

/**
 * The longest `$range` (3P-measured: AWS evaluates `$range(1, 360145, 1)` and refuses one item more with its
 * memory message). Checked before the range is built, so that a huge one is refused at once.
 */
const MAX_RANGE_ITEMS = 360_145;

/** An error raised by these functions, shaped like JSONata's own so that JSONata renders its message. */
class FunctionError extends Error {
  constructor(
    readonly code: string | undefined,
    message: string,
    readonly index?: number,
  ) {
    super(message);
  }
}

/** JSONata's `T0410`; JSONata fills in the message and the function name. */
function signatureMismatch(argumentNumber: number): FunctionError {
  return new FunctionError('T0410', '', argumentNumber);
}

/** JSONata's `D3137`, the code of messages written by the function itself. */
function functionFailure(message: string): FunctionError {
  return new FunctionError('D3137', message);
}

function integerArgument(value: unknown, argumentNumber: number): number {
  if (typeof value !== 'number') throw signatureMismatch(argumentNumber);
  return Math.trunc(value) + 0;
}

/** The `this` JSONata passes to a function: the environment of the call. */
interface CallFocus {
  readonly environment: { lookup(name: string): unknown };
}

function scopeOf(focus: CallFocus): EvaluationScope {
  return focus.environment.lookup(SCOPE_BINDING) as EvaluationScope;
}

/**
 * `$partition(array, size)`: the array in chunks of `size` items, the last one shorter (AWS-recorded:
 * `$partition([0, 1, 2], 2)` is `[[0, 1], [2]]`). 3P-measured: an empty array or a size that truncates to 0 is
 * undefined, no size gives one chunk, a negative size is `D3137: Second argument must be zero or greater`, and
 * a first argument that is not an array is `T0412: Argument 1 of function "partition" must be an array of
 * undefined` (JSONata's text for an array of unnamed item type).
 */
function partition(array: unknown, size: unknown): unknown {
  if (array === undefined) return undefined;
  if (!Array.isArray(array)) throw new FunctionError('T0412', '', 1);
  if (array.length === 0) return undefined;
  if (size === undefined) return [array];
  const chunkSize = integerArgument(size, 2);
  if (chunkSize < 0) throw functionFailure('Second argument must be zero or greater');
  if (chunkSize === 0) return undefined;
  const chunks: unknown[][] = [];
  for (let start = 0; start < array.length; start += chunkSize) chunks.push(array.slice(start, start + chunkSize));
  return chunks;
}

/**
 * `$range(start, end, step)`: `start`, `start + step`, ... up to `end` included when a step lands on it
 * (AWS-recorded: `$range(0, 10, 3)` is `[0, 3, 6, 9]`). The result is a JSONata sequence, so one number is
 * returned bare (AWS-recorded: `$range(1, 9, 9)` is `1`). 3P-measured: a missing or zero step, or one pointing
 * away from `end`, is undefined; a start or end that is not a number is `T0410`.
 */
function range(start: unknown, end: unknown, step: unknown): unknown {
  const first = integerArgument(start, 1);
  const last = integerArgument(end, 2);
  if (step === undefined) return undefined;
  const increment = integerArgument(step, 3);
  if (increment === 0 || (increment > 0 && first > last) || (increment < 0 && first < last)) return undefined;
  const count = Math.floor((last - first) / increment) + 1;
  if (!(count <= MAX_RANGE_ITEMS)) throw new FunctionError(undefined, MEMORY_LIMIT_MESSAGE);
  const sequence: unknown[] & { sequence?: boolean } = [];
  sequence.sequence = true;
  for (let i = 0; i < count; i++) sequence.push(first + i * increment);
  return sequence;
}

/**
 * `$hash(text, algorithm)`: the lowercase hex digest of the UTF-8 text (3P-measured: `$hash("input", "SHA-1")`
 * is `140f86aae51ab9e1cda9b4254fe98a74eb54c1a1`). 3P-measured: text that is not a string (even missing) is
 * `T0410`, a missing algorithm is undefined, an unknown one is `D3137: Hash algorithm '<name>' must be one of
 * SHA-1, SHA-384, SHA-256, SHA-512, MD5`.
 */
function hash(text: unknown, algorithm: unknown): unknown {
  if (typeof text !== 'string') throw signatureMismatch(1);
  if (algorithm === undefined) return undefined;
  if (typeof algorithm !== 'string') throw signatureMismatch(2);
  const digest = HASH_ALGORITHMS.get(algorithm);
  if (!digest) {
    throw functionFailure(`Hash algorithm '${algorithm}' must be one of SHA-1, SHA-384, SHA-256, SHA-512, MD5`);
  }
  return bytesToHex(digest(encodeUtf8(text)));
}

/**
 * `$random([seed])`: a number in [0, 1); from the evaluation's injected random source, or with a seed
 * `new java.util.Random(seed).nextDouble()`, the same every time (3P-measured). A seed that is not a number is
 * `T0410`.
 */
function random(this: CallFocus, seed: unknown): number {
  if (seed === undefined) return scopeOf(this).random();
  if (typeof seed !== 'number') throw signatureMismatch(1);
  return javaRandomNextDouble(javaLong(seed));
}

/** `$uuid()`: a version 4 UUID from the evaluation's injected random source, as `States.UUID()` makes it. */
function uuid(this: CallFocus): unknown {
  return UUID_FUNCTION.bind([])([], scopeOf(this));
}

/**
 * `$parse(json)`: the value of a JSON text (AWS-recorded: `$parse("[1, 2, \"HelloWorld\"]")`). 3P-measured: a
 * non-string is `T0410`, text that is not strict JSON is `D3137: Invalid JSON`.
 */
function parse(json: unknown): unknown {
  if (json === undefined) return undefined;
  if (typeof json !== 'string') throw signatureMismatch(1);
  const value = parseStrictJson(json);
  if (value === undefined) throw functionFailure('Invalid JSON');
  return value;
}

/** The time `$now()` and `$millis()` give: the engine's clock (simulated on a virtual clock), else real time. */
function evaluationMillis(focus: CallFocus): number {
  return scopeOf(focus).now ?? Date.now();
}

/** `$millis()`: the evaluation's time in epoch milliseconds. */
function millis(this: CallFocus): number {
  return evaluationMillis(this);
}

/** `$now([picture[, timezone]])`: the evaluation's time, formatted by JSONata's own `$fromMillis`. */
function now(this: CallFocus, picture?: unknown, timezone?: unknown): unknown {
  const fromMillis = this.environment.lookup('fromMillis') as { implementation: (...args: unknown[]) => unknown };
  return fromMillis.implementation.call(this, evaluationMillis(this), picture, timezone);
}

/**
 * Registers the Step Functions functions on a compiled expression and disables `$eval` (calling it is
 * JSONata's `T1006: Attempted to invoke a non-function`, 3P-measured on AWS).
 */
export function registerStepFunctionsFunctions(expression: jsonata.Expression): void {
  expression.registerFunction('partition', partition, '<x?x?:x>');
  expression.registerFunction('range', range, '<x?x?x?:x>');
  expression.registerFunction('hash', hash, '<x?x?:x>');
  expression.registerFunction('random', random, '<x?:n>');
  expression.registerFunction('uuid', uuid, '<:s>');
  expression.registerFunction('parse', parse, '<x?:x>');
  // JSONata reads the real clock for these; the engine's clock is injected (and simulated on a virtual clock).
  expression.registerFunction('now', now, '<s?s?:s>');
  expression.registerFunction('millis', millis, '<:n>');
  // An own binding to undefined hides JSONata's built-in `$eval` (lookups stop at the first frame that has it).
  expression.assign('eval', undefined);
}
