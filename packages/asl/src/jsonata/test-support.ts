/**
 * Helpers for the JSONata tests: bindings with a fixed random source, and evaluation of `{% %}` fields.
 * Test-only: the package build leaves it out.
 */
import { thrownBy } from '../test-support.js';
import type { JsonataBindings } from './compile-jsonata-expression.js';
import { compileJsonataField } from './compile-jsonata-field.js';
import { JsonataEvaluationError } from './jsonata-errors.js';

/** Bindings for a test: `$states.input` is `input`, the variables come from `variables`, `random()` draws 0.5. */
export function testBindings(
  input: unknown = {},
  variables: Record<string, unknown> = {},
  extra: Partial<JsonataBindings> = {},
): JsonataBindings {
  return {
    input,
    context: { Execution: { Id: 'arn:aws:states:us-east-1:111111111111:execution:machine:run' } },
    variable: (name) => (Object.hasOwn(variables, name) ? variables[name] : undefined),
    random: () => 0.5,
    ...extra,
  };
}

/** Evaluates the field value `value` of the field `field` (default `Output`). */
export function evaluateField(value: unknown, bindings = testBindings(), field = 'Output'): unknown {
  return compileJsonataField(value, field).evaluate(bindings);
}

/** The {@link JsonataEvaluationError} that evaluating the field throws; fails the test otherwise. */
export function evaluationFailure(value: unknown, bindings = testBindings(), field = 'Output'): JsonataEvaluationError {
  return thrownBy(() => evaluateField(value, bindings, field), JsonataEvaluationError);
}

/** The cause of the failure of evaluating the field (see {@link evaluationFailure}). */
export function evaluationCause(value: unknown, bindings = testBindings(), field = 'Output'): string {
  return evaluationFailure(value, bindings, field).cause ?? '';
}
