/**
 * What happens when a state fails, in AWS's order: a matching retrier (a timer, then the state again), else a
 * matching catcher (its output and assignments, which replace the state's, then its `Next`), else the run fails.
 */
import { JsonataEvaluationError, StatesError } from '@lockstep/asl';
import type { CompiledState } from './compiled.js';
import { decide, errorOutput } from './error-handling.js';
import type { BlockRun } from './execution.js';
import { recordEvaluationFailed } from './failures.js';
import type { FailureOptions, Interpreter } from './interpreter.js';
import type { Outcome } from './jsonata-io.js';

/** Handles the error `error` (with `cause`) of the state `run` is in. */
export function handleStateFailure(
  it: Interpreter,
  run: BlockRun,
  state: CompiledState,
  error: string | undefined,
  cause: string | undefined,
  options?: FailureOptions,
): void {
  it.inspector?.failed(error, cause);
  const beforeGivingUp = options?.beforeGivingUp;
  if (state.retriers.length === 0 && state.catchers.length === 0) {
    beforeGivingUp?.();
    return it.failRun(run, error, cause);
  }
  run.retryCounts ??= [];
  const decision = decide(state.retriers, state.catchers, run.retryCounts, error ?? '', it.random, options?.heartbeat);
  if (decision.kind === 'retry') {
    run.retryCount++;
    const key = it.startTimer(run, decision.delaySeconds);
    run.waiting = { kind: 'timer', key, purpose: 'retry' };
    return;
  }
  beforeGivingUp?.();
  if (decision.kind === 'fail') return it.failRun(run, error, cause);
  const catcher = decision.catcher;
  const errorOut = errorOutput(error, cause);
  let outcome: Outcome;
  try {
    outcome = catcher.outcome(run.input, errorOut, it.scope(run, undefined, { errorOutput: errorOut }));
  } catch (e) {
    // The catcher failed: the state fails again, with the catcher's error, and nothing catches that (3P-measured on
    // AWS by floci: a Parallel records ParallelStateFailed a second time, after the EvaluationFailed).
    if (!(e instanceof StatesError)) throw e;
    const failureCause = it.prefixed(run, e.cause);
    if (e instanceof JsonataEvaluationError) recordEvaluationFailed(it, run, state, e, failureCause);
    beforeGivingUp?.();
    return it.failRun(run, e.error, failureCause);
  }
  it.exit(run, state, outcome.output, { next: catcher.next, assigned: outcome.assigned });
}
