/**
 * The array intrinsics: `States.Array`, `ArrayPartition`, `ArrayContains`, `ArrayRange`, `ArrayGetItem`,
 * `ArrayLength` and `ArrayUnique`. Results share their elements with the arguments (values are immutable).
 */
import { invalidArguments } from '../intrinsic-failure.js';
import { javaEquals, javaHashSetOrder } from '../java-collections.js';
import {
  arrayArgument,
  fixedArityFunction,
  type IntrinsicFunction,
  intArgument,
  plainFunction,
} from './intrinsic-function.js';

/** AWS: "The newly generated array can't contain more than 1000 items." */
const MAX_RANGE_ITEMS = 1000;

/** `States.Array(...values)`: the arguments, in order. */
const statesArray = plainFunction(0, Infinity, (values) => values);

/** `States.ArrayPartition(array, chunkSize)`: consecutive chunks; the last may be shorter. */
const arrayPartition = fixedArityFunction(2, 2, (array, chunkSize) => {
  const name = 'States.ArrayPartition';
  const list = arrayArgument(array, name);
  const size = intArgument(chunkSize, name);
  if (size < 1) throw invalidArguments(name);
  const chunks: unknown[][] = [];
  for (let start = 0; start < list.length; start += size) chunks.push(list.slice(start, start + size));
  return chunks;
});

/** `States.ArrayContains(array, value)`: deep equality, object keys in any order. */
const arrayContains = fixedArityFunction(2, 2, (array, value) =>
  arrayArgument(array, 'States.ArrayContains').some((item) => javaEquals(item, value)),
);

/** `States.ArrayRange(first, last, step)`: `last` is included only when a step lands on it. */
const arrayRange = fixedArityFunction(3, 3, (firstValue, lastValue, stepValue) => {
  const name = 'States.ArrayRange';
  const first = intArgument(firstValue, name);
  const last = intArgument(lastValue, name);
  const step = intArgument(stepValue, name);
  if (step === 0) throw invalidArguments(name);
  const span = (last - first) / step;
  const count = span >= 0 ? Math.floor(span) + 1 : 0;
  if (count > MAX_RANGE_ITEMS) throw invalidArguments(name);
  return Array.from({ length: count }, (_, i) => first + i * step);
});

/**
 * `States.ArrayGetItem(array, index)`. AWS-observed: an index past the end is rejected, except on an empty
 * array, where the result is `null`.
 */
const arrayGetItem = fixedArityFunction(2, 2, (array, indexValue) => {
  const name = 'States.ArrayGetItem';
  const list = arrayArgument(array, name);
  const index = intArgument(indexValue, name);
  if (index < 0) throw invalidArguments(name);
  if (list.length === 0) return null;
  if (index >= list.length) throw invalidArguments(name);
  return list[index];
});

/** `States.ArrayLength(array)`. */
const arrayLength = fixedArityFunction(1, 1, (array) => arrayArgument(array, 'States.ArrayLength').length);

/** `States.ArrayUnique(array)`: distinct values in the order of AWS's Java `HashSet` (see java-collections). */
const arrayUnique = fixedArityFunction(1, 1, (array) => javaHashSetOrder(arrayArgument(array, 'States.ArrayUnique')));

/** The array intrinsics by name. */
export const ARRAY_FUNCTIONS: Readonly<Record<string, IntrinsicFunction>> = {
  'States.Array': statesArray,
  'States.ArrayPartition': arrayPartition,
  'States.ArrayContains': arrayContains,
  'States.ArrayRange': arrayRange,
  'States.ArrayGetItem': arrayGetItem,
  'States.ArrayLength': arrayLength,
  'States.ArrayUnique': arrayUnique,
};
