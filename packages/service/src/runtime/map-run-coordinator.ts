/**
 * The durable Distributed Map run: each item is a stored child execution (see `map-run-children.ts`) that the
 * durable runtime runs like any other, so a child survives crashes and none of its transitions runs twice. The
 * coordinator, performed as the parent's `mapRun` work item, starts the children in item order, at most
 * `maxConcurrency` at a time (0: all), counts their successes and failures, stops the children still running when
 * the failures exceed the tolerance or when the run is cancelled (its parent stopped or timed out, or its Map state
 * was aborted), and ends with the `MapRunEnded` event the in-memory `runMapRun` gives: the outputs in item order, or
 * `States.ExceedToleratedFailureThreshold`. The run of a Map with a `ResultWriter` reports every child instead of the
 * outputs (see {@link reportedChild}), whether it failed or not: the Map writes their results.
 *
 * A redriven run (its parent execution was redriven) redrives its children that did not succeed and starts those
 * never started; the children that succeeded keep their outputs.
 *
 * A coordinator that runs again after a crash (its work item is claimed again) starts no child twice: the children
 * are named from (run, index), so it first finds those already started, and starting one again finds it. The run's
 * settings live in its {@link MapRunRecord}, read again on every round, so UpdateMapRun changes the concurrency and
 * the tolerance of a run in progress. Children report their close through the runtime's {@link ExecutionWatch};
 * the record is read every {@link SETTINGS_POLL_MS} while none closes.
 */
import { ErrorName, type Json } from '@lockstep/asl';
import {
  compileStateMachine,
  type EngineEvent,
  type ExecutionRecord,
  exceedsTolerance,
  type MapRunRequest,
  TOLERANCE_EXCEEDED_CAUSE,
} from '@lockstep/engine';
import type { MapRunRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { ExecutionWatch } from './execution-watch.js';
import {
  childArn,
  childDefinition,
  childExecution,
  childItemCounts,
  childStateMachineArn,
  type MapRunChildTemplate,
  reportedChild,
} from './map-run-children.js';
import { parseRecord } from './record-codec.js';

/** How often a coordinator reads its run's settings again while no child closes (UpdateMapRun takes effect so). */
const SETTINGS_POLL_MS = 100;

/** What a coordinator needs from the durable runtime. */
export interface MapRunHost {
  store: Store;
  /** Epoch ms. */
  clock: () => number;
  /** Reports the children's closes. */
  closings: ExecutionWatch;
  /** New executions were stored: run them soon. */
  wake(): void;
  /**
   * Adds an engine event as work for an execution (a child's `Stop` or `Redrive`); resolves once that is durable, or
   * with `applied`, once its transition committed.
   */
  deliver(executionArn: string, event: EngineEvent, options?: { applied?: boolean }): Promise<void>;
}

/** A coordination under way. */
export interface MapRunCoordination {
  /** The `MapRunEnded` event for the parent; undefined when the parent closed or the run was cancelled. */
  outcome: Promise<EngineEvent | undefined>;
  /** Cancels the run: its children still running are stopped and the run is `ABORTED`. */
  cancel(): void;
}

/** Coordinates the Map Run `request` of the execution `executionArn`, whose outcome goes to its task `key`. */
export function coordinateMapRun(
  executionArn: string,
  key: string,
  request: MapRunRequest,
  host: MapRunHost,
): MapRunCoordination {
  const coordinator = new Coordinator(executionArn, key, request, host);
  return { outcome: coordinator.run(), cancel: () => coordinator.cancel() };
}

/**
 * Stops the children still running of a cancelled run and records it ABORTED (unless it ended). The run's coordinator,
 * when it is alive, does the same as it is cancelled; this, performed as a work item committed with the cancellation,
 * also does it after a crash.
 */
export async function stopMapRun(mapRunArn: string, host: MapRunHost): Promise<void> {
  const { store, clock } = host;
  const run = await store.getMapRun(mapRunArn);
  if (run?.status !== 'RUNNING') return;
  let after: string | undefined;
  do {
    const page = await store.listExecutions(run.stateMachineArn, { mapRunArn, status: 'RUNNING', limit: 1_000, after });
    await Promise.all(page.items.map((child) => host.deliver(child.executionArn, { type: 'Stop' })));
    after = page.next;
  } while (after !== undefined);
  host.wake();
  const current = (await store.getMapRun(mapRunArn)) ?? run;
  if (current.status === 'RUNNING') await store.updateMapRun({ ...current, status: 'ABORTED', stopDate: clock() });
}

class Coordinator {
  private readonly total: number;
  /** Children started and not yet seen closed, by item index, with how to stop watching them. */
  private readonly running = new Map<number, () => void>();
  /** Children seen closed whose outcome is still to read. */
  private readonly closed: number[] = [];
  private readonly outputs: Json[] = [];
  private failed = 0;
  /** The index of the next child to start. */
  private next = 0;
  private cancelled = false;
  private wakeUp: (() => void) | undefined;

  constructor(
    private readonly executionArn: string,
    private readonly key: string,
    private readonly request: MapRunRequest,
    private readonly host: MapRunHost,
  ) {
    this.total = request.items.length;
  }

  cancel(): void {
    this.cancelled = true;
    this.wakeUp?.();
  }

  async run(): Promise<EngineEvent | undefined> {
    const { store } = this.host;
    const parentRow = await store.getExecution(this.executionArn);
    if (parentRow?.status !== 'RUNNING') return undefined;
    const parent = parseRecord(parentRow.record);
    const machine = compileStateMachine(parentRow.definition, parent.type);
    const template: MapRunChildTemplate = {
      parent,
      request: this.request,
      definition: childDefinition(parentRow.definition, machine.blocks.get(this.request.blockId)!),
      itemCounts: childItemCounts(machine, this.request),
    };
    const reporting = this.request.reportChildren === true;
    let run = await this.record(parent, template.itemCounts);
    if (this.request.redriveCount !== undefined) run = await this.redrive(run, this.request.redriveCount);
    // Failed before a crash: its outcome was not recorded yet, and the children past the failures never start.
    if (run.status === 'FAILED') return this.failure(reporting);
    await this.findStarted();
    for (;;) {
      if (this.cancelled) return this.end(run, 'ABORTED');
      run = (await store.getMapRun(run.mapRunArn)) ?? run;
      await this.readClosed();
      if (exceedsTolerance(this.failed, this.total, run)) {
        await this.end(run, 'FAILED');
        return this.failure(reporting);
      }
      if (this.next >= this.total && this.running.size === 0) {
        await this.end(run, 'SUCCEEDED');
        const output = reporting
          ? await this.children()
          : Array.from({ length: this.total }, (_, i) => this.outputs[i] ?? null);
        return { type: 'MapRunEnded', key: this.key, output };
      }
      await this.startChildren(template, run.maxConcurrency);
      await this.sleep();
    }
  }

  /** The run's record: stored at its first coordination, read back at the next ones (UpdateMapRun may have changed it). */
  private async record(parent: ExecutionRecord, itemCounts: readonly number[]): Promise<MapRunRecord> {
    const { store, clock } = this.host;
    const { mapRunArn, maxConcurrency, toleratedFailureCount, toleratedFailurePercentage } = this.request;
    const stored = await store.getMapRun(mapRunArn);
    if (stored) return stored;
    const record: MapRunRecord = {
      mapRunArn,
      executionArn: this.executionArn,
      stateMachineArn: childStateMachineArn(parent, mapRunArn),
      status: 'RUNNING',
      startDate: clock(),
      maxConcurrency,
      itemCount: itemCounts.reduce((sum, n) => sum + n, 0),
      executionCount: this.total,
    };
    if (toleratedFailureCount !== undefined) record.toleratedFailureCount = toleratedFailureCount;
    if (toleratedFailurePercentage !== undefined) record.toleratedFailurePercentage = toleratedFailurePercentage;
    if (this.request.reportChildren) record.writesResults = true;
    await store.insertMapRun(record);
    return (await store.getMapRun(mapRunArn)) ?? record;
  }

  /**
   * The parent's `count`-th redrive: the run is running again, and its children that did not succeed are redriven
   * (each once per redrive: a coordination again after a crash finds them redriven already), before they are found.
   */
  private async redrive(run: MapRunRecord, count: number): Promise<MapRunRecord> {
    const { store, clock } = this.host;
    let current = run;
    if ((run.redriveCount ?? 0) < count) {
      const { stopDate: _ended, ...open } = run;
      current = { ...open, status: 'RUNNING', redriveCount: count, redriveDate: clock() };
      await store.updateMapRun(current);
    }
    for (let index = 0; index < this.total; index++) {
      const row = await store.getExecution(childArn(this.request.mapRunArn, index));
      if (!row) break;
      if (row.status !== 'RUNNING' && row.status !== 'SUCCEEDED' && (row.redriveCount ?? 0) < count) {
        await this.host.deliver(row.executionArn, { type: 'Redrive' }, { applied: true });
      }
    }
    return current;
  }

  /** Finds the children a previous coordination started (they were started in item order). */
  private async findStarted(): Promise<void> {
    for (let index = 0; index < this.total; index++) {
      const arn = childArn(this.request.mapRunArn, index);
      const unwatch = this.host.closings.watch(arn, () => this.closedNow(index));
      const row = await this.host.store.getExecution(arn);
      if (!row) {
        unwatch();
        return;
      }
      this.running.set(index, unwatch);
      this.next = index + 1;
      if (row.status !== 'RUNNING') this.closedNow(index);
    }
  }

  /** Starts the next children, up to the concurrency; all in one turn, so that a store commits them together. */
  private async startChildren(template: MapRunChildTemplate, maxConcurrency: number): Promise<void> {
    const width = maxConcurrency === 0 ? this.total : maxConcurrency;
    const count = Math.min(this.total - this.next, width - this.running.size);
    if (count <= 0) return;
    const startDate = this.host.clock();
    const indexes = Array.from({ length: count }, (_, i) => this.next + i);
    this.next += count;
    await Promise.all(
      indexes.map(async (index) => {
        const { row, start } = childExecution(template, index, startDate);
        this.running.set(
          index,
          this.host.closings.watch(row.executionArn, () => this.closedNow(index)),
        );
        const inserted = await this.host.store.insertExecution(row, [start]);
        if (!inserted.inserted && inserted.existing.status !== 'RUNNING') this.closedNow(index);
      }),
    );
    this.host.wake();
  }

  private closedNow(index: number): void {
    const unwatch = this.running.get(index);
    if (!unwatch) return;
    unwatch();
    this.running.delete(index);
    this.closed.push(index);
    this.wakeUp?.();
  }

  /** Reads the outcomes of the children seen closed. */
  private async readClosed(): Promise<void> {
    while (this.closed.length > 0) {
      const index = this.closed.shift()!;
      const row = await this.host.store.getExecution(childArn(this.request.mapRunArn, index));
      if (row?.status === 'SUCCEEDED') this.outputs[index] = JSON.parse(row.outputText ?? 'null') as Json;
      else this.failed++;
    }
  }

  /**
   * Stops the children still running, then records the run's end. In that order: a run recorded as ended before a
   * crash is not coordinated again, so its children must be stopped by then.
   */
  private async end(run: MapRunRecord, status: MapRunRecord['status']): Promise<undefined> {
    const { store, clock } = this.host;
    const stopping = [...this.running.keys()].map((index) =>
      this.host.deliver(childArn(this.request.mapRunArn, index), { type: 'Stop' }),
    );
    for (const unwatch of this.running.values()) unwatch();
    this.running.clear();
    await Promise.all(stopping);
    this.host.wake();
    const current = (await store.getMapRun(run.mapRunArn)) ?? run;
    await store.updateMapRun({ ...current, status, stopDate: clock() });
    return undefined;
  }

  private async failure(reporting: boolean): Promise<EngineEvent> {
    const cause = TOLERANCE_EXCEEDED_CAUSE;
    const event: EngineEvent = {
      type: 'MapRunEnded',
      key: this.key,
      error: ErrorName.ExceedToleratedFailureThreshold,
      cause,
    };
    return reporting ? { ...event, output: await this.children() } : event;
  }

  /** Every child as stored, in item order (read again: a coordination after a crash has not seen them all). */
  private async children(): Promise<Json[]> {
    const now = this.host.clock();
    return Promise.all(
      this.request.items.map(async (_, index) => {
        const row = await this.host.store.getExecution(childArn(this.request.mapRunArn, index));
        return reportedChild(row, this.request, index, now);
      }),
    );
  }

  /** Waits for a child to close, a cancel, or the next reading of the settings. */
  private sleep(): Promise<void> {
    if (this.closed.length > 0 || this.cancelled) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, SETTINGS_POLL_MS);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        done();
      };
    });
  }
}
