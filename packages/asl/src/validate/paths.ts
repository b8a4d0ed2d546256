/**
 * Path-valued fields: which texts AWS accepts where, and its message for the others.
 */

import { compileIntrinsic } from '../intrinsics/index.js';
import { mayStartWithVariable } from '../jsonpath/data-path.js';
import { isValidDataPath, isValidReferencePath } from '../jsonpath/index.js';
import type { DiagnosticList } from './diagnostics.js';
import { checkType } from './value-checks.js';

/** Which starts a reference path may have besides `$`. */
export interface ReferencePathOptions {
  /** `$$...` reads the context object: allowed everywhere except `ResultPath`. */
  readonly context: boolean;
  /** `$name...` reads a variable: allowed everywhere except `ResultPath`. */
  readonly variables: boolean;
}

const VARIABLE_PREFIX = /^\$[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/u;

/** True when `text` is a reference path (a single node) with an allowed start. */
export function isReferencePath(text: string, options: ReferencePathOptions): boolean {
  let rooted = text;
  if (text.startsWith('$$')) {
    if (!options.context) return false;
    rooted = text.slice(1);
  } else {
    const variable = mayStartWithVariable(text) ? VARIABLE_PREFIX.exec(text) : null;
    if (variable !== null) {
      if (!options.variables) return false;
      rooted = '$' + text.slice(variable[0].length);
    }
  }
  return isValidReferencePath(rooted);
}

/** True when `text` is a call of a known intrinsic function. */
function isIntrinsicCallText(text: string): boolean {
  try {
    compileIntrinsic(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reports an invalid path. AWS's words are recorded for two cases: a text that does not start with `$` (a Choice
 * `Variable` holding an intrinsic call: `Value is not a Reference Path: Reference path didn't start with '$'`), and
 * a context path where none is allowed (a Map's `MaxItemsPath`: `Value is not a Reference Path`, measured by floci).
 */
function invalidPath(out: DiagnosticList, field: string, text: string, location: string): void {
  let message = `The value for the field '${field}' must be a valid JSONPath`;
  if (!text.startsWith('$')) message = "Value is not a Reference Path: Reference path didn't start with '$'";
  else if (text.startsWith('$$')) message = 'Value is not a Reference Path';
  out.schema(message, location);
}

/** `InputPath`/`OutputPath`: `null` or a path (`$...`, `$$...`, `$name...`). */
export function checkNullableDataPath(out: DiagnosticList, field: string, value: unknown, location: string): void {
  if (value === null) return;
  if (!checkType(out, value, 'STRING', location)) return;
  if (!isValidDataPath(value as string)) invalidPath(out, field, value as string, location);
}

/** A Choice `Variable` or `...Path` operand: a path (`$...`, `$$...`, `$name...`). */
export function checkDataPath(out: DiagnosticList, field: string, value: unknown, location: string): void {
  if (!checkType(out, value, 'STRING', location)) return;
  if (!isValidDataPath(value as string)) invalidPath(out, field, value as string, location);
}

/** `ResultPath`: `null` or a reference path into the state input (no `$$`, no variable). */
export function checkResultPath(out: DiagnosticList, value: unknown, location: string): void {
  if (value === null) return;
  if (!checkType(out, value, 'STRING', location)) return;
  const text = value as string;
  if (!isReferencePath(text, { context: false, variables: false })) invalidPath(out, 'ResultPath', text, location);
}

/**
 * The `...Path` fields that read one number or string (`SecondsPath`, `ItemsPath`, `MaxConcurrencyPath`...); with
 * `context: false`, not from the context object (a Map's numbers: only its `ItemsPath` may read `$$`, on AWS).
 */
export function checkReferencePath(
  out: DiagnosticList,
  field: string,
  value: unknown,
  location: string,
  context = true,
): void {
  if (!checkType(out, value, 'STRING', location)) return;
  const text = value as string;
  if (!isReferencePath(text, { context, variables: true })) invalidPath(out, field, text, location);
}

/** Fail `ErrorPath`/`CausePath`: a reference path or an intrinsic function call. */
export function checkPathOrIntrinsic(out: DiagnosticList, field: string, value: unknown, location: string): void {
  if (!checkType(out, value, 'STRING', location)) return;
  const text = value as string;
  const valid = text.startsWith('$')
    ? isReferencePath(text, { context: true, variables: true })
    : isIntrinsicCallText(text);
  if (!valid) {
    out.schema(
      `The value for the field '${field}' must be a valid JSONPath or a valid intrinsic function call`,
      location,
    );
  }
}
