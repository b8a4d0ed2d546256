/**
 * Retention: closed executions are kept for a while (AWS keeps them 90 days), then deleted with their
 * history in bounded batches, so that a sweep never holds the store for long.
 */
import type { Store } from '../store/store.js';

/** AWS's retention of closed executions. */
export const DEFAULT_RETENTION_DAYS = 90;

/** Executions deleted per batch; a sweep runs batches until none is left. */
const BATCH = 500;

/** How often the sweep runs. */
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** Deletes the executions closed more than `retentionMs` ago, in batches; returns how many it deleted. */
export async function sweepClosedExecutions(store: Store, now: number, retentionMs: number): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await store.deleteClosedExecutions(now - retentionMs, BATCH);
    total += deleted;
    if (deleted < BATCH) return total;
  }
}

/** Runs {@link sweepClosedExecutions} now and every hour until stopped; returns the stop function. */
export function scheduleRetention(
  store: Store,
  options: { retentionMs: number; clock: () => number; onError: (error: unknown) => void },
): () => void {
  const sweep = () => {
    sweepClosedExecutions(store, options.clock(), options.retentionMs).catch(options.onError);
  };
  sweep();
  const timer = setInterval(sweep, SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
