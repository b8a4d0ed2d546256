/**
 * Payload text and AWS's payload size limit (256 KiB of UTF-8).
 */
import { ErrorName, type Json, StatesError } from '@lockstep/asl';

/** AWS's limit on a state's input, output and task result: 262,144 bytes of UTF-8. */
export const PAYLOAD_LIMIT_BYTES = 262_144;

/** Compact JSON text of a value (`undefined` renders as `null`, as a JSON document must be something). */
export function stringify(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/** UTF-8 byte length of a string, without allocating. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** True when `text` exceeds AWS's payload limit. Cheap for small payloads: most never reach the byte count. */
export function exceedsPayloadLimit(text: string): boolean {
  if (text.length * 3 <= PAYLOAD_LIMIT_BYTES) return false;
  return text.length > PAYLOAD_LIMIT_BYTES || utf8Length(text) > PAYLOAD_LIMIT_BYTES;
}

/** How deep {@link fitsPayloadLimit} walks before it lets the exact check decide. */
const BOUND_DEPTH = 32;

/**
 * True when `value`'s JSON text is certainly within AWS's payload limit, judged without writing the text: an
 * upper bound of its UTF-8 size, counting every string character at its worst (6 bytes, as `\u001f`) and
 * every number at 24. States' outputs are checked this way so that their text is written only when the
 * history is read; false (a large or very deep value) means only "write it and count".
 */
export function fitsPayloadLimit(value: Json): boolean {
  return boundWithin(value, PAYLOAD_LIMIT_BYTES, 0) >= 0;
}

/** `budget` less an upper bound of `value`'s JSON size: negative once the budget is spent (or too deep to say). */
function boundWithin(value: Json, budget: number, depth: number): number {
  if (typeof value !== 'object' || value === null) return budget - scalarBound(value);
  if (depth === BOUND_DEPTH) return -1;
  let left = budget - 2;
  // Members that are scalars are counted here, not by a call each: most of a payload is scalars.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && left >= 0; i++) {
      const item = value[i];
      left -= 1;
      left = typeof item === 'object' && item !== null ? boundWithin(item, left, depth + 1) : left - scalarBound(item);
    }
    return left;
  }
  for (const key in value) {
    const member = value[key];
    left -= 6 * key.length + 4;
    left =
      typeof member === 'object' && member !== null ? boundWithin(member, left, depth + 1) : left - scalarBound(member);
    if (left < 0) return left;
  }
  return left;
}

/** An upper bound of a scalar's JSON size. */
function scalarBound(value: string | number | boolean | null): number {
  switch (typeof value) {
    case 'string':
      return 6 * value.length + 2;
    case 'number':
      return 24;
    case 'boolean':
      return 5;
    default:
      return 4;
  }
}

/**
 * Throws AWS's `States.DataLimitExceeded` when a state's output (or a task's result) is too large; `source` as
 * for {@link checkPayloadSize}. Returns the value's text when counting needed it (large values), else
 * undefined: the text of a small one is written when it is read.
 */
export function checkOutputSize(value: Json, source: string): string | undefined {
  if (fitsPayloadLimit(value)) return undefined;
  const text = stringify(value);
  checkPayloadSize(text, source);
  return text;
}

/**
 * Throws AWS's `States.DataLimitExceeded` when a result is too large. `source` is the state name, or the
 * task's resource as AWS names it in the cause.
 */
export function checkPayloadSize(text: string, source: string): void {
  if (exceedsPayloadLimit(text)) {
    throw new StatesError(
      ErrorName.DataLimitExceeded,
      `The state/task '${source}' returned a result with a size exceeding the maximum number of bytes service limit.`,
    );
  }
}

/**
 * Throws `States.DataLimitExceeded` when the values a state assigns exceed 256 KiB together (AWS: "up to
 * 256 KiB per state"; the cause is Lockstep's wording, AWS's is not recorded). `texts` are the values' JSON.
 */
export function checkAssignedSize(texts: Record<string, string>, stateName: string): void {
  let bytes = 0;
  for (const text of Object.values(texts)) bytes += utf8Length(text);
  if (bytes > PAYLOAD_LIMIT_BYTES) {
    throw new StatesError(
      ErrorName.DataLimitExceeded,
      `The state '${stateName}' assigned variables with a total size exceeding the maximum number of bytes service limit.`,
    );
  }
}
