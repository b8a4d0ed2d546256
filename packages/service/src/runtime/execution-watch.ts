/**
 * Waiting for executions to close without polling the store: the durable runtime reports every commit that closes
 * an execution (a transition to SUCCEEDED, FAILED, TIMED_OUT or ABORTED, a StopExecution included, since a stop is
 * applied as a transition), and whoever watches that execution is called. A Map Run's coordinator waits for its
 * child executions this way.
 */
import type { Change } from '../store/records.js';

/** Who waits for which executions to close. */
export class ExecutionWatch {
  private readonly watchers = new Map<string, Set<() => void>>();

  /**
   * Calls `onClosed` once, after the commit that closes the execution. Watch before reading the execution's status:
   * a close committed after the read is then reported, and one committed before it is seen by the read. Returns
   * how to stop watching.
   */
  watch(executionArn: string, onClosed: () => void): () => void {
    let set = this.watchers.get(executionArn);
    if (!set) this.watchers.set(executionArn, (set = new Set()));
    set.add(onClosed);
    return () => {
      set.delete(onClosed);
      if (set.size === 0 && this.watchers.get(executionArn) === set) this.watchers.delete(executionArn);
    };
  }

  /** Tells the watchers of the executions that these committed changes closed. */
  committed(changes: readonly Change[]): void {
    if (this.watchers.size === 0) return;
    for (const change of changes) {
      const execution = change.execution;
      if (!execution || execution.status === 'RUNNING') continue;
      const set = this.watchers.get(execution.executionArn);
      if (!set) continue;
      this.watchers.delete(execution.executionArn);
      for (const onClosed of set) onClosed();
    }
  }
}
