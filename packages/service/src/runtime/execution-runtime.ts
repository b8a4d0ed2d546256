/**
 * What the API needs from the runtime that runs Standard executions: to be told of new work, to deliver an
 * engine event (a stop, a task outcome from SendTaskSuccess), and to be told when an activity may have a
 * task for a waiting worker.
 */
import type { EngineEvent } from '@lockstep/engine';

/** The runtime, as the API operations use it. */
export interface ExecutionRuntime {
  /** New work was added to the store: run it soon. */
  wake(): void;
  /**
   * Adds `event` as work for the execution and resolves once that is durable; with `applied`, once the
   * runtime has also committed the transition it causes (or found the execution closed).
   */
  deliver(executionArn: string, event: EngineEvent, options?: { applied?: boolean }): Promise<void>;
  /** Resolves when a task may have been queued for the activity, after `timeoutMs`, or when `signal` aborts. */
  waitForActivityTask(activityArn: string, timeoutMs: number, signal?: AbortSignal): Promise<void>;
}
