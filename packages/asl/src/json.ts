/** A JSON value as the engine handles it. Values are never mutated once created: copy on write. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A deep copy of a JSON value, equal to what a round trip through JSON text gives (`-0` becomes `0`, like
 * `JSON.stringify` writes it), sharing nothing with the original. For the engine's own values (never `undefined`,
 * `NaN` or a class instance), it is a far cheaper way to hand someone a copy they may change: a task handler its
 * input.
 */
export function copyJson(value: Json): Json {
  if (typeof value !== 'object' || value === null) return value === 0 ? 0 : value;
  if (Array.isArray(value)) {
    const copy: Json[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = copyJson(value[i]);
    return copy;
  }
  const copy: Record<string, Json> = {};
  // Object.keys gives JSON.stringify's order (integer-like keys first), which the copy keeps.
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    // Assigning `__proto__` would set the copy's prototype: JSON.parse makes it an own field, and so does this.
    if (key === '__proto__')
      Object.defineProperty(copy, key, {
        value: copyJson(value[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else copy[key] = copyJson(value[key]);
  }
  return copy;
}
