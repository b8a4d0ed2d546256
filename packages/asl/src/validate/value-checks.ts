/**
 * The schema-level checks shared by every part of a definition, each reporting AWS's message.
 *
 * Each check returns whether the value passed, so that callers skip the finer checks of a value that
 * already has the wrong shape (AWS reports one problem per field).
 */
import { isJsonObject } from '../json.js';
import { type DiagnosticList, fieldLocation } from './diagnostics.js';

/** The JSON type names AWS prints in `Expected value of type [...]`. */
export type JsonTypeName = 'STRING' | 'INTEGER' | 'NUMBER' | 'BOOLEAN' | 'OBJECT' | 'ARRAY';

/** Whether `value` is of the named JSON type (`INTEGER`: a number with no fractional part). */
export function isOfType(value: unknown, type: JsonTypeName): boolean {
  switch (type) {
    case 'STRING':
      return typeof value === 'string';
    case 'INTEGER':
      return Number.isInteger(value);
    case 'NUMBER':
      return typeof value === 'number';
    case 'BOOLEAN':
      return typeof value === 'boolean';
    case 'OBJECT':
      return isJsonObject(value);
    case 'ARRAY':
      return Array.isArray(value);
  }
}

/** Reports `Expected value of type [T]` unless `value` has the JSON type `type`. */
export function checkType(out: DiagnosticList, value: unknown, type: JsonTypeName, location: string): boolean {
  if (isOfType(value, type)) return true;
  out.schema(`Expected value of type [${type}]`, location);
  return false;
}

/** Reports `These fields are required: [A, B]` at the object for the missing ones, in the given order. */
export function checkRequired(
  out: DiagnosticList,
  object: Record<string, unknown>,
  names: readonly string[],
  location: string,
): boolean {
  // The list is built only when something is missing: every state runs this, mostly as cold code.
  for (let i = 0; i < names.length; i++) {
    if (object[names[i]] === undefined) {
      out.schema(`These fields are required: [${names.filter((n) => object[n] === undefined).join(', ')}]`, location);
      return false;
    }
  }
  return true;
}

/** Reports `Field 'X' is not supported` at the object for each field outside `allowed`. */
export function checkKnownFields(
  out: DiagnosticList,
  object: Record<string, unknown>,
  allowed: ReadonlySet<string>,
  location: string,
): void {
  for (const name of Object.keys(object)) {
    if (!allowed.has(name)) out.schema(`Field '${name}' is not supported`, location);
  }
}

/** Reports `Value should be one of the following: [A, B]` unless the string `value` is one of `values`. */
export function checkEnum(out: DiagnosticList, value: unknown, values: readonly string[], location: string): boolean {
  if (!checkType(out, value, 'STRING', location)) return false;
  if (values.includes(value as string)) return true;
  out.schema(`Value should be one of the following: [${values.join(', ')}]`, location);
  return false;
}

/**
 * AWS's ceiling on its integer seconds and counts (`TimeoutSeconds`, `HeartbeatSeconds`, Wait `Seconds`, a
 * retrier's `IntervalSeconds` and `MaxAttempts`): `Maximum value is 99999999`.
 */
export const MAX_FIELD_VALUE = 99_999_999;

/** Inclusive bounds of a numeric field. */
export interface Bounds {
  readonly min?: number;
  readonly max?: number;
}

/**
 * Checks a number (`INTEGER` or `NUMBER`) and its inclusive bounds, with AWS's words: `Minimum value is 0`,
 * `Maximum value is 99999999`, and a `NUMBER` field's bound printed as a Java double (`Maximum value is 100.0`).
 */
export function checkNumber(
  out: DiagnosticList,
  value: unknown,
  type: 'INTEGER' | 'NUMBER',
  bounds: Bounds,
  location: string,
): boolean {
  if (!checkType(out, value, type, location)) return false;
  const n = value as number;
  if (bounds.min !== undefined && n < bounds.min) {
    out.schema(`Minimum value is ${boundText(bounds.min, type)}`, location);
    return false;
  }
  if (bounds.max !== undefined && n > bounds.max) {
    out.schema(`Maximum value is ${boundText(bounds.max, type)}`, location);
    return false;
  }
  return true;
}

/** A bound as AWS prints it: a `NUMBER` field's bound is a Java double, which keeps a `.0` when integral. */
function boundText(bound: number, type: 'INTEGER' | 'NUMBER'): string {
  return type === 'NUMBER' && Number.isInteger(bound) ? bound.toFixed(1) : String(bound);
}

/** Checks an array that must hold at least one item: `Value cannot be empty`. */
export function checkNonEmptyArray(out: DiagnosticList, value: unknown, location: string): value is unknown[] {
  if (!checkType(out, value, 'ARRAY', location)) return false;
  if ((value as unknown[]).length > 0) return true;
  out.schema('Value cannot be empty', location);
  return false;
}

/**
 * Reports `There should only be one of the following fields: [A, B]` at the object when more than one is present
 * (AWS's words for `MaxItems` with `MaxItemsPath`, measured by floci; the same check serves every such pair).
 */
export function checkExclusive(
  out: DiagnosticList,
  object: Record<string, unknown>,
  names: readonly string[],
  location: string,
): boolean {
  const present = names.filter((n) => object[n] !== undefined);
  if (present.length <= 1) return true;
  out.schema(`There should only be one of the following fields: [${present.join(', ')}]`, location);
  return false;
}

/** Reports `Exactly one of these fields is required: [A, B]` when none or several of `names` are present. */
export function checkExactlyOne(
  out: DiagnosticList,
  object: Record<string, unknown>,
  names: readonly string[],
  location: string,
): boolean {
  const count = names.filter((n) => object[n] !== undefined).length;
  if (count === 1) return true;
  out.schema(exactlyOneMessage(names), location);
  return false;
}

/** AWS's message when none or several of `names` are present: `Exactly one of these fields is required: [A, B]`. */
export function exactlyOneMessage(names: readonly string[]): string {
  return `Exactly one of these fields is required: [${names.join(', ')}]`;
}

/** Runs `check` on field `name` of `object` when present, with the field's location. */
export function ifPresent(
  object: Record<string, unknown>,
  name: string,
  location: string,
  check: (value: unknown, fieldLocation: string) => void,
): void {
  const value = object[name];
  if (value !== undefined) check(value, fieldLocation(location, name));
}
