/**
 * `WAIT_TIME_SCALE`, as Step Functions Local applies it: the delays of Wait states are multiplied by the scale;
 * retry intervals and timeouts are not (Step Functions Local: "the scale of the wait time in the Wait state").
 */
import type { BlockRun, ExecutionRecord } from '../execution.js';

/** The due time of the timer `key`, started at `now`, with a Wait state's remaining delay scaled. */
export function scaledDueTime(
  record: ExecutionRecord,
  key: string,
  dueTime: number,
  now: number,
  scale: number,
): number {
  if (scale === 1 || !isWaitTimer(record.root, key)) return dueTime;
  return Math.round(now + (dueTime - now) * scale);
}

/** True when `key` is the timer of a Wait state in `run` or below (not a retry's, nor a timeout's). */
function isWaitTimer(run: BlockRun | null | undefined, key: string): boolean {
  if (!run) return false;
  const waiting = run.waiting;
  if (waiting?.kind === 'timer' && waiting.key === key) return waiting.purpose === 'wait';
  return run.group?.children.some((child) => isWaitTimer(child, key)) ?? false;
}
