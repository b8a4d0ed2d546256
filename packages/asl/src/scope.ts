/**
 * What a path, payload template, intrinsic function or Choice rule can read besides its input.
 *
 * The interpreter builds one scope per state evaluation. `context` is the context object (`$$`); it may be
 * a getter so that it is only built when a `$$` path actually reads it. `variables` are the workflow
 * variables visible to the state (`$name`), innermost scope first in lookup.
 */
export interface EvaluationScope {
  /** The context object `$$` (Execution, State, StateMachine, Task, Map). */
  readonly context: unknown;
  /** Looks up a workflow variable; returns `undefined` when no visible scope defines it. */
  variable?(name: string): unknown;
  /** A number in [0, 1) for `States.MathRandom` without a seed and `States.UUID`: injected for determinism. */
  random(): number;
  /** Epoch ms of the evaluation, for JSONata's `$now()` and `$millis()` (the engine's clock); absent: real time. */
  readonly now?: number;
}
