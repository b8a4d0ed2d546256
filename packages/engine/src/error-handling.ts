/**
 * Retry and Catch: which errors they match, how long a retry waits, and what a catcher outputs.
 * The one place that decides what is retriable and catchable.
 */
import {
  type CatcherDefinition,
  ErrorName,
  type Json,
  type QueryLanguage,
  type RetrierDefinition,
} from '@lockstep/asl';
import { compileAssign, compileResultPath } from './io.js';
import { compileJsonataOutcome, type Outcome } from './jsonata-io.js';
import type { StateScope } from './scope.js';

/** A compiled retrier. */
export interface CompiledRetrier {
  readonly errorEquals: readonly string[];
  readonly intervalSeconds: number;
  readonly maxAttempts: number;
  readonly backoffRate: number;
  readonly maxDelaySeconds: number | undefined;
  readonly jitter: boolean;
}

/** A compiled catcher. */
export interface CompiledCatcher {
  readonly errorEquals: readonly string[];
  readonly next: string;
  /**
   * The catcher's output and assignments (they replace the state's) from the Error Output: JSONPath merges it
   * into the raw state input (`ResultPath`, default `$`); JSONata evaluates `Output` (default: the Error
   * Output) and `Assign` with `$states.errorOutput`. `scope` carries the Error Output.
   */
  outcome(rawInput: Json, errorOutput: Json, scope: StateScope): Outcome;
}

/** Compiles `Retry`, applying AWS's defaults. */
export function compileRetriers(defs: RetrierDefinition[] | undefined): CompiledRetrier[] {
  return (defs ?? []).map((r) => ({
    errorEquals: r.ErrorEquals,
    intervalSeconds: r.IntervalSeconds ?? 1,
    maxAttempts: r.MaxAttempts ?? 3,
    backoffRate: r.BackoffRate ?? 2,
    maxDelaySeconds: r.MaxDelaySeconds,
    jitter: r.JitterStrategy === 'FULL',
  }));
}

/** Compiles `Catch` in the state's query language. */
export function compileCatchers(defs: CatcherDefinition[] | undefined, language: QueryLanguage): CompiledCatcher[] {
  return (defs ?? []).map((c, index) => {
    if (language === 'JSONata') {
      const outcome = compileJsonataOutcome(c, 'errorOutput', `Catch[${index}]/`);
      return { errorEquals: c.ErrorEquals, next: c.Next, outcome: (_raw, _errorOutput, scope) => outcome(scope) };
    }
    const resultPath = compileResultPath(c.ResultPath);
    const assign = compileAssign(c.Assign);
    return {
      errorEquals: c.ErrorEquals,
      next: c.Next,
      outcome: (raw, errorOutput, scope) => ({
        output: resultPath(raw, errorOutput),
        assigned: assign?.(errorOutput, scope),
      }),
    };
  });
}

/**
 * True when an `ErrorEquals` list matches `error`.
 * `States.Runtime` is never matched (AWS neither retries nor catches it, not even by name);
 * `States.ALL` matches everything else; `States.TaskFailed` matches everything but `States.Timeout`;
 * `States.HeartbeatTimeout` also matches heartbeat expiry, which AWS reports as `States.Timeout`.
 */
export function errorMatches(errorEquals: readonly string[], error: string, heartbeat = false): boolean {
  if (error === ErrorName.Runtime) return false;
  for (const name of errorEquals) {
    if (name === error || name === ErrorName.All) return true;
    if (name === ErrorName.TaskFailed && error !== ErrorName.Timeout) return true;
    if (name === ErrorName.HeartbeatTimeout && heartbeat) return true;
  }
  return false;
}

/** The decision for a failed state: retry after a delay, go to a catcher, or fail. */
export type ErrorDecision =
  | { kind: 'retry'; delaySeconds: number }
  | { kind: 'catch'; catcher: CompiledCatcher }
  | { kind: 'fail' };

/**
 * Decides how a state handles `error`. Mutates `retryCounts` (one counter per retrier; AWS keeps them for the
 * whole state visit, across different errors). The first retrier that matches decides: if it is exhausted,
 * later retriers are not consulted and the catchers are.
 */
export function decide(
  retriers: readonly CompiledRetrier[],
  catchers: readonly CompiledCatcher[],
  retryCounts: number[],
  error: string,
  random: () => number,
  heartbeat = false,
): ErrorDecision {
  const r = retriers.findIndex((x) => errorMatches(x.errorEquals, error, heartbeat));
  if (r >= 0) {
    const retrier = retriers[r];
    const attempts = retryCounts[r] ?? 0;
    if (attempts < retrier.maxAttempts) {
      retryCounts[r] = attempts + 1;
      return { kind: 'retry', delaySeconds: retryDelaySeconds(retrier, attempts, random) };
    }
  }
  const catcher = catchers.find((c) => errorMatches(c.errorEquals, error, heartbeat));
  return catcher ? { kind: 'catch', catcher } : { kind: 'fail' };
}

/** `IntervalSeconds × BackoffRate^attempt`, capped by `MaxDelaySeconds`, randomized in [0, d] with FULL jitter. */
export function retryDelaySeconds(retrier: CompiledRetrier, attempt: number, random: () => number): number {
  let delay = retrier.intervalSeconds * retrier.backoffRate ** attempt;
  if (retrier.maxDelaySeconds !== undefined) delay = Math.min(delay, retrier.maxDelaySeconds);
  return retrier.jitter ? delay * random() : delay;
}

/** AWS's Error Output: `{"Error": ..., "Cause": ...}`; missing members are `null`. */
export function errorOutput(error: string | undefined, cause: string | undefined): Json {
  return { Error: error ?? null, Cause: cause ?? null };
}
