/**
 * The durable runtime: runs Standard executions from the store. Each round claims the due work, applies the
 * event items of each execution with the pure core, and commits every resulting change, together with the
 * outcomes of the tasks that finished since the last round, in one batch (one transaction, one fsync for
 * hundreds of transitions). Work is leased: after a crash, the items a dead worker held are claimed again
 * once their leases expire, and their transitions, computed over the stored version, commit at most once.
 */
import type { EngineEvent, Integration, TaskHandler } from '@lockstep/engine';
import type { Change, StoredHistoryEvent, WorkItem } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { ExecutionRuntime } from './execution-runtime.js';
import { ExecutionWatch } from './execution-watch.js';
import { failPoint } from './fail-points.js';
import { performWork } from './task-runner.js';
import { type LoadedExecution, loadExecution, type MockTestCases, transitionChange } from './transition.js';

/** Running executions kept in memory between transitions (beyond this, the least recently used are read again). */
const CACHED_EXECUTIONS = 10_000;

/** Options of {@link DurableRuntime}. */
export interface DurableRuntimeOptions {
  store: Store;
  /** Local implementations of Task states, by state name (they win over integrations). */
  taskHandlers?: Record<string, TaskHandler>;
  /** Integrations that perform Task resources, asked in order. */
  integrations?: readonly Integration[];
  /** The test cases executions started on `<stateMachineArn>#<TestCase>` run (Step Functions Local's mock config). */
  mockConfig?: MockTestCases;
  /** Scales the delay of Wait states, as Step Functions Local's `WAIT_TIME_SCALE` (0: no wait). @default 1 */
  waitTimeScale?: number;
  /** Epoch ms. @default Date.now */
  clock?: () => number;
  /** @default Math.random */
  random?: () => number;
  /** How long claimed work stays leased to this runtime. @default 60_000 */
  leaseMs?: number;
  /** Work items claimed per round. @default 1_000 */
  batchSize?: number;
  /** The longest sleep between rounds when no work is due (new work wakes the runtime at once). @default 1_000 */
  idleMs?: number;
  /** Called with each round's failure (the round is retried after `idleMs`). @default console.error */
  onError?: (error: unknown) => void;
}

/** Runs the executions of a store until stopped. */
export class DurableRuntime implements ExecutionRuntime {
  private readonly store: Store;
  private readonly options: DurableRuntimeOptions;
  private readonly clock: () => number;
  private readonly random: () => number;
  /** Changes recording task outcomes, committed with the next round. */
  private finished: Change[] = [];
  /**
   * Items being performed here, with how to cancel them: claimed again (after their lease expired) they are not
   * performed twice, and a committed change that deletes one (its task was cancelled) cancels it.
   */
  private readonly performing = new Map<string, () => void>();
  /** Deliveries waiting for their item to be applied, by work item id. */
  private readonly appliedWaiters = new Map<string, () => void>();
  private readonly activityWaiters = new Set<() => void>();
  /**
   * Executions as of their last commit here, so that the next transition needs no read. The version check of
   * `commit` keeps this honest: an entry made stale (by another runtime on the same store) fails its next
   * commit and is dropped.
   */
  private readonly executions = new Map<string, LoadedExecution>();
  /** Who waits for executions to close (a Map Run's coordinator, for its child executions). */
  readonly closings = new ExecutionWatch();
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private woken = false;
  private sequence = 0;

  constructor(options: DurableRuntimeOptions) {
    this.options = options;
    this.store = options.store;
    this.clock = options.clock ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  /** Starts running rounds in the background. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the current round; tasks still running report to nobody (their items are claimed again later). */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  async deliver(executionArn: string, event: EngineEvent, options?: { applied?: boolean }): Promise<void> {
    const id = `${executionArn}#deliver:${this.clock()}:${this.sequence++}:${Math.floor(this.random() * 1e9)}`;
    const applied = options?.applied ? new Promise<void>((resolve) => this.appliedWaiters.set(id, resolve)) : undefined;
    await this.store.addWork([{ id, executionArn, dueTime: this.clock(), payload: { kind: 'event', event } }]);
    this.wake();
    await applied;
  }

  waitForActivityTask(_activityArn: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.activityWaiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.activityWaiters.add(done);
      signal?.addEventListener('abort', done);
    });
  }

  /** Runs rounds until no work is due now (tests and the benchmark use it to wait for quiescence). */
  async runUntilIdle(): Promise<void> {
    while ((await this.round()) > 0 || this.performing.size > 0 || this.finished.length > 0) {
      if (this.performing.size > 0 && this.finished.length === 0) await new Promise((r) => setTimeout(r, 1));
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if ((await this.round()) > 0) continue;
        const now = this.clock();
        const next = await this.store.nextDueTime(now);
        const idleMs = this.options.idleMs ?? 1_000;
        await this.sleep(next === undefined ? idleMs : Math.min(idleMs, Math.max(0, next - now)));
      } catch (error) {
        (this.options.onError ?? console.error)(error);
        await this.sleep(this.options.idleMs ?? 1_000);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || !this.running) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), ms);
      // Whichever ends the sleep, the wake-up goes with it: left behind, a later wake() would call it and clear the
      // `woken` flag that the next sleep must see (the runtime would then sleep through work that just finished).
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      this.wakeUp = () => {
        this.woken = false;
        done();
      };
    });
  }

  /** One round; returns how many items and changes it handled. */
  private async round(): Promise<number> {
    const now = this.clock();
    const items = await this.store.claimWork(now, this.options.batchSize ?? 1_000, this.options.leaseMs ?? 60_000);
    failPoint('runtime.round.claimed');
    const finished = this.finished;
    this.finished = [];
    try {
      return await this.apply(items, finished, now);
    } catch (error) {
      // Nothing of the round was committed. Records in memory may have advanced past the store: read them
      // again. The task outcomes wait for the next round, and the claimed events are put back at once (adding
      // an item frees its lease): left leased, later events of their executions would overtake them.
      this.executions.clear();
      this.finished.unshift(...finished);
      await this.store.addWork(items.filter((item) => item.payload.kind === 'event')).catch(() => {});
      throw error;
    }
  }

  private async apply(items: WorkItem[], finished: Change[], now: number): Promise<number> {
    const changes = [...finished];
    const events = new Map<string, WorkItem[]>();
    for (const item of items) {
      if (item.payload.kind === 'event') {
        const list = events.get(item.executionArn);
        if (list) list.push(item);
        else events.set(item.executionArn, [item]);
      } else if (!this.performing.has(item.id)) {
        this.perform(item);
      }
    }
    const transitions: LoadedExecution[] = [];
    for (const [arn, list] of events) {
      const execution = await this.load(arn);
      list.sort((a, b) => a.dueTime - b.dueTime);
      if (!execution) {
        changes.push({ deleteWork: list.map((i) => i.id) });
        continue;
      }
      const { waitTimeScale, mockConfig } = this.options;
      changes.push(transitionChange(execution, list, now, this.random, { waitTimeScale, mockConfig }));
      transitions[changes.length - 1] = execution;
    }
    if (changes.length === 0) return items.length;
    const applied = await this.store.commit(changes);
    changes.forEach((change, i) => {
      const execution = transitions[i];
      if (!execution || !change.execution) return;
      this.executions.delete(execution.executionArn);
      // A change that did not apply was computed over a stale version: its items are claimed again later,
      // over the stored record.
      if (!applied[i] || change.execution.status !== 'RUNNING') return;
      execution.version = change.execution.expectedVersion + 1;
      this.executions.set(execution.executionArn, execution);
      if (this.executions.size > CACHED_EXECUTIONS) this.executions.delete(this.executions.keys().next().value!);
    });
    this.afterCommit(changes.filter((_, i) => applied[i]));
    return items.length + changes.length;
  }

  /** An execution as of its last commit: from memory, else read from the store. */
  private async load(arn: string): Promise<LoadedExecution | undefined> {
    const cached = this.executions.get(arn);
    if (cached) return cached;
    const row = await this.store.getExecution(arn);
    return row && loadExecution(row);
  }

  private perform(item: WorkItem): void {
    this.performing.set(item.id, () => {});
    const cancel = performWork(item, {
      performers: { taskHandlers: this.options.taskHandlers, integrations: this.options.integrations },
      clock: this.clock,
      random: this.random,
      mockConfig: this.options.mockConfig,
      mapRuns: {
        store: this.store,
        clock: this.clock,
        closings: this.closings,
        wake: () => this.wake(),
        deliver: (arn, event, options) => this.deliver(arn, event, options),
      },
      getExecution: (arn) => this.store.getExecution(arn),
      getHistory: (arn) => this.history(arn),
      done: (change) => {
        this.performing.delete(item.id);
        this.finished.push(change);
        this.wake();
      },
      progress: (change) => {
        this.finished.push(change);
        this.wake();
      },
    });
    if (this.performing.has(item.id)) this.performing.set(item.id, cancel);
  }

  /** An execution's whole history, page by page. */
  private async history(executionArn: string): Promise<StoredHistoryEvent[]> {
    const events: StoredHistoryEvent[] = [];
    let after: string | undefined;
    do {
      const page = await this.store.getHistory(executionArn, { limit: 1_000, after });
      events.push(...page.items);
      after = page.next;
    } while (after !== undefined);
    return events;
  }

  /** Resolves the deliveries whose items were consumed and tells waiting workers about queued activity tasks. */
  private afterCommit(changes: Change[]): void {
    let queuedActivityTask = false;
    for (const change of changes) {
      for (const id of change.deleteWork ?? []) {
        const cancel = this.performing.get(id);
        if (cancel) {
          this.performing.delete(id);
          cancel();
        }
        const resolve = this.appliedWaiters.get(id);
        if (resolve) {
          this.appliedWaiters.delete(id);
          resolve();
        }
      }
      if (change.addTokens?.some((t) => t.status === 'queued')) queuedActivityTask = true;
    }
    if (queuedActivityTask) for (const waiter of [...this.activityWaiters]) waiter();
    this.closings.committed(changes);
  }
}
