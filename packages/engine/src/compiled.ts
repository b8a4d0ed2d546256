/**
 * A definition compiled for execution: every path, template and rule is a closure, built once per
 * definition and shared by all its executions.
 */
import type { StateType } from '@lockstep/asl';
import type { CompiledCatcher, CompiledRetrier } from './error-handling.js';
import type { BlockRun } from './execution.js';
import type { Interpreter } from './interpreter.js';

/** A signal delivered to the state a run is in. */
export type StateSignal =
  | { type: 'TaskSucceeded'; output: unknown }
  | { type: 'TaskFailed'; error?: string; cause?: string }
  | { type: 'TaskSubmitted'; output: unknown }
  | { type: 'TaskStarted'; workerName?: string }
  | { type: 'TaskHeartbeat' }
  | { type: 'TaskTimedOut'; heartbeat?: boolean }
  | { type: 'TimerFired' }
  | { type: 'ChildrenDone' }
  | { type: 'MapRunEnded'; output?: unknown[]; error?: string; cause?: string };

/** One compiled state. Each state type implements it in its own file under `states/`. */
export interface CompiledState {
  readonly name: string;
  readonly type: StateType;
  /** The `Next` state, or undefined for `End: true` and terminal states. */
  readonly next: string | undefined;
  /** Retriers and catchers (empty for states without Retry/Catch). */
  readonly retriers: readonly CompiledRetrier[];
  readonly catchers: readonly CompiledCatcher[];
  /** Does the state's work after `...StateEntered` (and again for each retry). */
  start(it: Interpreter, run: BlockRun): void;
  /** Continues the state when what it waited for happened. */
  resume?(it: Interpreter, run: BlockRun, signal: StateSignal): void;
  /**
   * Records the state's own failure event (`MapStateFailed`, `ParallelStateFailed`) when a failure of its
   * fields is neither retried nor caught.
   */
  beforeGivingUp?(it: Interpreter, run: BlockRun): void;
  /** True when AWS records an `EvaluationFailed` of the state after its entry event (Wait). */
  readonly evaluatesAfterEntering?: boolean;
  /** Records the state's abort events when its execution is stopped or a sibling branch failed. */
  abort?(it: Interpreter, run: BlockRun, reason: AbortReason): void;
}

/** A compiled `States` block. */
export interface CompiledBlock {
  /** Stable id: `` for the machine, `/States/P/Branches/0`, `/States/M/ItemProcessor`, ... */
  readonly id: string;
  readonly startAt: string;
  readonly states: ReadonlyMap<string, CompiledState>;
  /** The block's definition, for running it as a child state machine (Distributed Map). */
  readonly definition: { StartAt: string; States: Record<string, unknown> };
}

/** A compiled state machine. */
export interface CompiledMachine {
  readonly root: CompiledBlock;
  /** Every block by id, the root included. */
  readonly blocks: ReadonlyMap<string, CompiledBlock>;
  /** Execution timeout (`TimeoutSeconds` at the top level). */
  readonly timeoutSeconds: number | undefined;
}

/** Why running work is aborted: the execution stopped (or timed out), or a sibling branch/iteration failed. */
export type AbortReason = 'stop' | 'sibling';
