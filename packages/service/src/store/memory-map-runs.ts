/**
 * The Map Run half of the in-memory store: the runs by ARN, and what reads them together with the executions
 * (their child executions' counts). Kept apart so that `memory-store.ts` holds one concept per method group.
 */
import type { ExecutionStatus } from '@lockstep/engine';
import type { ExecutionRow, MapRunCount, MapRunRecord, Page } from './records.js';
import type { ListOptions } from './store.js';

/** Map Runs in memory, over the store's executions (read, never written here). */
export class MemoryMapRuns {
  private readonly runs = new Map<string, MapRunRecord>();

  constructor(private readonly executions: ReadonlyMap<string, ExecutionRow>) {}

  insert(record: MapRunRecord): boolean {
    if (this.runs.has(record.mapRunArn)) return false;
    this.runs.set(record.mapRunArn, { ...record });
    return true;
  }

  get(mapRunArn: string): MapRunRecord | undefined {
    const record = this.runs.get(mapRunArn);
    return record && { ...record };
  }

  update(record: MapRunRecord): boolean {
    if (!this.runs.has(record.mapRunArn)) return false;
    this.runs.set(record.mapRunArn, { ...record });
    return true;
  }

  /** An execution's runs, oldest first (start date, then ARN), after the ARN `options.after`. */
  list(executionArn: string, options: ListOptions): Page<MapRunRecord> {
    const sorted = [...this.runs.values()]
      .filter((run) => run.executionArn === executionArn)
      .sort((a, b) => a.startDate - b.startDate || (a.mapRunArn < b.mapRunArn ? -1 : 1));
    const start = options.after === undefined ? 0 : sorted.findIndex((r) => r.mapRunArn === options.after) + 1;
    const items = sorted.slice(start, start + options.limit).map((run) => ({ ...run }));
    return start + options.limit < sorted.length ? { items, next: items[items.length - 1].mapRunArn } : { items };
  }

  countExecutions(mapRunArn: string): Partial<Record<ExecutionStatus, MapRunCount>> {
    const counts: Partial<Record<ExecutionStatus, MapRunCount>> = {};
    for (const row of this.executions.values()) {
      if (row.mapRunArn !== mapRunArn) continue;
      const count = (counts[row.status] ??= { executions: 0, items: 0 });
      count.executions++;
      count.items += row.itemCount ?? 1;
    }
    return counts;
  }

  /** Forgets the runs of a deleted execution. */
  deleteOf(executionArn: string): void {
    for (const [arn, run] of this.runs) if (run.executionArn === executionArn) this.runs.delete(arn);
  }
}
