/**
 * The JSONata data flow of a state: `Arguments`, `Items`, `ItemSelector`, numeric fields, and the `Output` and
 * `Assign` that end every state, each compiled once into a closure over the state's {@link StateScope}
 * (`$states.input`, `.result`, `.errorOutput`, `.context` and the workflow variables).
 */
import {
  compileJsonataField,
  expectJsonataResultType,
  isJsonataExpression,
  type Json,
  type JsonataResultType,
} from '@lockstep/asl';
import type { StateScope } from './scope.js';

/** Evaluates a JSONata field against a state's scope. */
export type JsonataValue = (scope: StateScope) => Json;

/** A state's output and the variables it assigns. */
export interface Outcome {
  output: Json;
  assigned: Record<string, Json> | undefined;
}

/** Evaluates a state's (or a catcher's) `Assign` and `Output`. */
export type JsonataOutcome = (scope: StateScope) => Outcome;

/** What `Output` defaults to: the state's input (Pass, Choice, Wait, Succeed), its result, or the Error Output. */
export type OutputDefault = 'input' | 'result' | 'errorOutput';

/**
 * Compiles a field value: `{% %}` expressions at any depth are evaluated, everything else is kept as written.
 * Undefined for an absent field.
 */
export function compileJsonataValue(value: unknown, field: string): JsonataValue | undefined {
  if (value === undefined) return undefined;
  const compiled = compileJsonataField(value, field);
  if (compiled.isConstant) return () => value as Json;
  return (scope) => compiled.evaluate(scope) as Json;
}

/**
 * Compiles a field whose value must have a type (`Items` an array, `Condition` a boolean, ...): an expression
 * with another result fails with AWS's `returned an unexpected result type`.
 */
export function compileTypedJsonataValue(
  value: unknown,
  field: string,
  type: JsonataResultType,
): JsonataValue | undefined {
  if (!isJsonataExpression(value)) return compileJsonataValue(value, field);
  const compiled = compileJsonataField(value, field);
  const expression = compiled.expression!;
  return (scope) => {
    const result = compiled.evaluate(scope) as Json;
    expectJsonataResultType(result, type, field, expression);
    return result;
  };
}

/**
 * Compiles `Assign` and `Output`. Both read the values as of state entry: `Assign` is evaluated first, then
 * `Output` (as AWS does), and the variables are applied together when the state exits. `fieldPrefix` is where
 * they are in the state, as failures name them: a catcher's are `Catch[1]/Output/...` (3P-measured on AWS).
 */
export function compileJsonataOutcome(
  def: { Output?: unknown; Assign?: unknown },
  fallback: OutputDefault,
  fieldPrefix = '',
): JsonataOutcome {
  const output = compileJsonataValue(def.Output, `${fieldPrefix}Output`);
  const assign = isEmptyObject(def.Assign) ? undefined : compileJsonataValue(def.Assign, `${fieldPrefix}Assign`);
  return (scope) => {
    const assigned = assign?.(scope) as Record<string, Json> | undefined;
    return { output: output ? output(scope) : (scope[fallback] as Json), assigned };
  };
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}
