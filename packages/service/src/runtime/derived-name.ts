/**
 * Execution names derived from what starts them, so that a start repeated after a crash finds the execution it
 * started the first time instead of starting another: a nested execution's task attempt, a Map Run's item.
 */
import { createHash } from 'node:crypto';

/** A name made from `source`, shaped as the UUIDs AWS gives unnamed executions. */
export function derivedExecutionName(source: string): string {
  const hex = createHash('sha256').update(source).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
