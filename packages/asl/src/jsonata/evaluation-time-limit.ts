/**
 * A time bound on evaluating expressions that define functions.
 *
 * Only a function (a recursive one, or a tail call JSONata turns into a loop) can make an evaluation run
 * without end; everything else is bounded by the expression and its data. Evaluation is synchronous, so a
 * runaway evaluation never yields to the event loop: without a bound it would
 * stall the whole engine. The check runs on JSONata's evaluation-entry hook, installed only on expressions
 * that define functions so that the others pay nothing.
 *
 * AWS bounds evaluation too (3P-measured: nesting deeper than 100 evaluation levels fails with `Stack
 * overflow error: Check for non-terminating recursive function. Consider rewriting as tail-recursive`); its
 * time bound and message are not known. This bound uses the message of JSONata's own test harness.
 */
import type jsonata from '../../vendor/jsonata-sync.cjs';

/** How long one evaluation of an expression that defines functions may run. */
export const EVALUATION_TIME_LIMIT_MS = 5_000;

/** The message of the failure when an evaluation runs past its deadline (no JSONata code). */
export const EVALUATION_TIMEOUT_MESSAGE = 'Expression evaluation timeout: Check for infinite loop';

/**
 * The binding under which each evaluation passes its deadline (epoch milliseconds). The space keeps it out of
 * reach of expressions: a JSONata variable name cannot contain one.
 */
export const DEADLINE_BINDING = ' deadline';

/** The key of JSONata's evaluation-entry hook (JSONata looks it up in the environment before each step). */
const EVALUATE_ENTRY = Symbol.for('jsonata.__evaluate_entry');

interface Environment {
  lookup(name: string): unknown;
}

function checkDeadline(_node: unknown, _input: unknown, environment: Environment): void {
  const deadline = environment.lookup(DEADLINE_BINDING);
  if (typeof deadline === 'number' && Date.now() > deadline) throw new Error(EVALUATION_TIMEOUT_MESSAGE);
}

/** Makes evaluations of `expression` fail once past the deadline bound under {@link DEADLINE_BINDING}. */
export function limitEvaluationTime(expression: jsonata.Expression): void {
  // JSONata's environments accept symbol names; its typings only declare strings.
  expression.assign(EVALUATE_ENTRY as unknown as string, checkDeadline);
}
