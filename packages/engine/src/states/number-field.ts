/**
 * A number field given as a constant, by a reference path (`TimeoutSeconds[Path]`, `HeartbeatSeconds[Path]`,
 * `MaxConcurrency[Path]`, `ToleratedFailure*[Path]`) with AWS's `States.Runtime` for a path that selects
 * something else, or by a JSONata expression (`States.QueryEvaluationError` for a result of another type).
 */
import { isJsonataExpression, type Json, runtimeError } from '@lockstep/asl';
import { compileRequiredPath } from '../io.js';
import { compileTypedJsonataValue } from '../jsonata-io.js';
import type { StateScope } from '../scope.js';

/** What the field must hold; it also names it in AWS's message (`... which is not a valid integer`). */
export type NumberKind = 'integer' | 'float' | 'positive integer';

/** Reads the field for a state input; `undefined` when the definition sets neither form. */
export type NumberField = (input: Json, scope: StateScope) => number | undefined;

/** AWS parses numeric text too (e.g. a variable assigned "1"), as Java's Integer/Double parsing would. */
const NUMERIC_TEXT: Record<NumberKind, RegExp> = {
  integer: /^[+-]?\d+$/,
  'positive integer': /^[+]?\d+$/,
  float: /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/,
};

/** Compiles the field from its constant and its `...Path` form (`pathField` names the latter in messages). */
export function compileNumberField(
  pathField: string,
  constant: unknown,
  path: string | undefined,
  kind: NumberKind,
): NumberField {
  if (isJsonataExpression(constant)) {
    const evaluate = compileTypedJsonataValue(
      constant,
      pathField.replace(/Path$/, ''),
      kind === 'float' ? 'number' : 'integer',
    )!;
    return (_input, scope) => evaluate(scope) as number;
  }
  if (path === undefined) {
    const value = typeof constant === 'number' ? constant : undefined;
    return () => value;
  }
  const read = compileRequiredPath(path);
  return (input, scope) => {
    const value = read(input, scope);
    const number = typeof value === 'string' && NUMERIC_TEXT[kind].test(value) ? Number(value) : value;
    if (!isKind(number, kind)) {
      const shown = typeof value === 'string' ? value : JSON.stringify(value);
      throw runtimeError(`The ${pathField} field refers to value "${shown}" which is not a valid ${kind}: ${path}`);
    }
    return number;
  };
}

function isKind(value: unknown, kind: NumberKind): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (kind === 'float') return true;
  return Number.isInteger(value) && (kind === 'integer' || value > 0);
}
