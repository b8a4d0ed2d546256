/**
 * How failures read: AWS's causes for the failures the interpreter itself raises, which errors AWS prefixes
 * with the failing state, the `{error, cause}` details of failure events, and JSONata's `EvaluationFailed`.
 */
import { ErrorName, type JsonataEvaluationError, MAX_NESTING_DEPTH } from '@lockstep/asl';
import type { CompiledState } from './compiled.js';
import type { BlockRun } from './execution.js';
import type { Interpreter } from './interpreter.js';

/**
 * Errors that the service raises while evaluating a state's fields: AWS quotes the state and its entered
 * event in their cause. Errors from tasks, Fail states and payload limits carry their own cause.
 */
export const PREFIXED_ERRORS: ReadonlySet<string> = new Set([
  ErrorName.Runtime,
  ErrorName.QueryEvaluationError,
  ErrorName.IntrinsicFailure,
]);

/** The cause when a value built at run time nests too deeply to be processed. */
export const TOO_DEEP_CAUSE = `The value is nested deeper than the maximum allowed (${MAX_NESTING_DEPTH}).`;

/** AWS's cause when a Standard execution's history reaches its event limit. */
export function historyLimitCause(limit: number | undefined): string {
  return `The execution reached the maximum number of history events (${limit}).`;
}

/** `{error, cause}` without absent members, as AWS's failure details. */
export function errorDetails(error: string | undefined, cause: string | undefined): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  if (error !== undefined) details.error = error;
  if (cause !== undefined) details.cause = cause;
  return details;
}

/**
 * Records AWS's `EvaluationFailed` for a JSONata failure (`cause` with AWS's prefix). It follows the event the
 * state's entry followed (AWS-recorded for Pass and Map), or the entry itself for states that evaluate after
 * entering (Wait).
 */
export function recordEvaluationFailed(
  it: Interpreter,
  run: BlockRun,
  state: CompiledState,
  e: JsonataEvaluationError,
  cause: string | undefined,
): void {
  const details: Record<string, unknown> = { error: e.error, cause };
  if (e.location !== undefined) details.location = e.location;
  details.state = state.name;
  const previous = state.evaluatesAfterEntering ? run.enteredEventId : run.enteredAfterEventId;
  it.emit(run, 'EvaluationFailed', details, { previous });
}
