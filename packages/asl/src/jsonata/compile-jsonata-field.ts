/**
 * A field of a JSONata state (`Arguments`, `Output`, `Assign`, `Items`, `ItemSelector`, `Condition`,
 * `Seconds`, `Error`, a catcher's `Output`, ...), compiled once.
 *
 * The value is any JSON value; every string that is a `{% %}` expression, at any depth of objects and arrays,
 * is replaced by its result, and everything else is kept as written. Literal parts are shared with the
 * definition, not copied: a value without expressions evaluates to itself, and a new object or array is only
 * built around the expressions. Expressions are evaluated one after the other in document order, so the first
 * failing one (in that order) is the one reported, and `$random()`/`$uuid()` draw in a fixed order.
 */
import { compileJsonataExpression, type JsonataBindings } from './compile-jsonata-expression.js';
import { setJsonField } from './json-result.js';
import { isJsonataExpression, JsonataSyntaxError, jsonataExpressionText } from './jsonata-expression.js';

/** A compiled field. */
export interface CompiledJsonataField {
  /** The field path AWS names in failures, e.g. `Output` (nested expressions add `/key` and `[i]`). */
  readonly field: string;
  /** The expression text when the whole value is one expression, for {@link expectJsonataResultType}. */
  readonly expression: string | undefined;
  /** True when the value holds no expression: it evaluates to the value itself. */
  readonly isConstant: boolean;
  /** Evaluates the value. Throws {@link JsonataEvaluationError}. */
  evaluate(bindings: JsonataBindings): unknown;
}

type Evaluate = (bindings: JsonataBindings) => unknown;

/** A compiled part of the value: a literal kept as written, or something to evaluate. */
type Part =
  | { readonly constant: true; readonly value: unknown }
  | { readonly constant: false; readonly evaluate: Evaluate };

/**
 * Compiles the JSON value `value` of the field `field`. Throws {@link JsonataSyntaxError} for an expression
 * that does not parse; its `field` is the path of that expression.
 */
export function compileJsonataField(value: unknown, field: string): CompiledJsonataField {
  const part = compilePart(value, field);
  const expression = isJsonataExpression(value) ? jsonataExpressionText(value) : undefined;
  if (part.constant) {
    return { field, expression, isConstant: true, evaluate: () => value };
  }
  return { field, expression, isConstant: false, evaluate: part.evaluate };
}

function compilePart(value: unknown, path: string): Part {
  if (isJsonataExpression(value)) return compileExpression(jsonataExpressionText(value), path);
  if (Array.isArray(value)) return compileArray(value, path);
  if (typeof value === 'object' && value !== null) return compileObject(value as Record<string, unknown>, path);
  return { constant: true, value };
}

function compileExpression(text: string, path: string): Part {
  try {
    const compiled = compileJsonataExpression(text);
    return { constant: false, evaluate: (bindings) => compiled.evaluate(bindings, path) };
  } catch (error) {
    if (error instanceof JsonataSyntaxError) throw new JsonataSyntaxError(text, error.message, error.code, path);
    throw error;
  }
}

function compileArray(array: readonly unknown[], path: string): Part {
  const items = array.map((item, index) => compilePart(item, `${path}[${index}]`));
  if (items.every((item) => item.constant)) return { constant: true, value: array };
  return {
    constant: false,
    evaluate: (bindings) => {
      const result: unknown[] = [];
      for (const item of items) result.push(item.constant ? item.value : item.evaluate(bindings));
      return result;
    },
  };
}

function compileObject(object: Record<string, unknown>, path: string): Part {
  const entries = Object.keys(object).map((key) => ({ key, part: compilePart(object[key], `${path}/${key}`) }));
  if (entries.every((entry) => entry.part.constant)) return { constant: true, value: object };
  return {
    constant: false,
    evaluate: (bindings) => {
      const result: Record<string, unknown> = {};
      for (const { key, part } of entries) {
        setJsonField(result, key, part.constant ? part.value : part.evaluate(bindings));
      }
      return result;
    },
  };
}
