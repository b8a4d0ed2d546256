/**
 * The workers of one local function, kept warm as Lambda keeps execution environments: one invocation at a
 * time per worker, more workers on demand up to a limit (further invocations wait their turn), an idle worker
 * stopped after a while. A worker that timed out, ran out of memory, crashed or was cancelled is discarded,
 * as Lambda discards such an environment.
 */
import { Worker } from 'node:worker_threads';
import type { TypeScriptLoader } from './typescript-loader.js';
import { type InvokeMessage, type WorkerData, type WorkerMessage, workerSource } from './worker-runtime.js';

/** How an invocation ended, as the worker (or its absence) tells. */
export type WorkerOutcome =
  | { kind: 'answered'; ok: boolean; payload: string }
  | { kind: 'timedOut' }
  | { kind: 'outOfMemory' }
  | { kind: 'exited'; exitCode: number }
  /** The worker could not run the function (not the function's fault). */
  | { kind: 'crashed'; message: string }
  | { kind: 'cancelled' };

/** What the pool's workers run. */
export interface PoolSpec {
  workerData: Omit<WorkerData, 'typescript'>;
  /** Set for TypeScript modules. */
  typescript?: TypeScriptLoader;
  memoryMb: number;
  timeoutMs: number;
  env: Record<string, string | undefined>;
  maxWorkers: number;
  idleMs: number;
}

/** One invocation for the pool. */
export interface PoolInvocation {
  message: Omit<InvokeMessage, 'deadline'>;
  onLog(level: string, message: string): void;
}

interface Job extends PoolInvocation {
  resolve(outcome: WorkerOutcome): void;
  timer?: ReturnType<typeof setTimeout>;
}

interface PooledWorker {
  worker: Worker;
  job?: Job;
  /** Where output goes between invocations (a handler's late timers): the last invocation's log. */
  logTo?: PoolInvocation['onLog'];
  idleTimer?: ReturnType<typeof setTimeout>;
}

/** The warm workers of one function. */
export class WorkerPool {
  readonly #workers = new Set<PooledWorker>();
  readonly #idle: PooledWorker[] = [];
  readonly #queue: Job[] = [];
  #retired = false;

  constructor(private readonly spec: PoolSpec) {}

  /** Runs an invocation on an idle worker, a new one, or the next one free. */
  run(invocation: PoolInvocation): { outcome: Promise<WorkerOutcome>; cancel(): void } {
    let job!: Job;
    const outcome = new Promise<WorkerOutcome>((resolve) => {
      job = { ...invocation, resolve };
    });
    const idle = this.#idle.pop();
    if (idle) this.#dispatch(idle, job);
    else if (this.#workers.size < this.spec.maxWorkers) this.#spawn(job);
    else this.#queue.push(job);
    return { outcome, cancel: () => this.#cancel(job) };
  }

  /** Stops the idle workers now and the busy ones when their invocation ends (the module changed). */
  retire(): void {
    this.#retired = true;
    for (const idle of [...this.#idle]) void this.#discard(idle);
  }

  /** Stops every worker; queued and running invocations end as cancelled. */
  async close(): Promise<void> {
    this.#retired = true;
    for (const job of this.#queue.splice(0)) job.resolve({ kind: 'cancelled' });
    const stopping = [...this.#workers].map((w) => {
      w.job?.resolve({ kind: 'cancelled' });
      return this.#discard(w);
    });
    await Promise.all(stopping);
  }

  #spawn(job: Job): void {
    const { spec } = this;
    let worker: Worker;
    try {
      const typescript = spec.typescript?.connect();
      worker = new Worker(workerSource(), {
        eval: true,
        workerData: { ...spec.workerData, ...(typescript ? { typescript } : {}) } satisfies WorkerData,
        transferList: typescript ? [typescript.port] : [],
        resourceLimits: { maxOldGenerationSizeMb: spec.memoryMb },
        env: spec.env,
      });
    } catch (e) {
      return job.resolve({ kind: 'crashed', message: e instanceof Error ? e.message : String(e) });
    }
    const pooled: PooledWorker = { worker };
    this.#workers.add(pooled);
    worker.on('message', (message: WorkerMessage) => this.#receive(pooled, message));
    worker.on('error', (error: Error & { code?: string }) => {
      this.#end(
        pooled,
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { kind: 'outOfMemory' }
          : { kind: 'crashed', message: error.message },
      );
    });
    worker.on('exit', (exitCode) => this.#end(pooled, { kind: 'exited', exitCode }));
    this.#dispatch(pooled, job);
  }

  #dispatch(pooled: PooledWorker, job: Job): void {
    clearTimeout(pooled.idleTimer);
    pooled.job = job;
    pooled.logTo = job.onLog;
    pooled.worker.ref();
    // The function's time starts when a worker takes the invocation, not while it waits for one.
    const deadline = Date.now() + this.spec.timeoutMs;
    job.timer = setTimeout(() => this.#end(pooled, { kind: 'timedOut' }), this.spec.timeoutMs);
    pooled.worker.postMessage({ ...job.message, deadline } satisfies InvokeMessage);
  }

  #receive(pooled: PooledWorker, message: WorkerMessage): void {
    if (message.type === 'log') return pooled.logTo?.(message.level, message.message);
    if (message.type === 'recycle') {
      if (!pooled.job) void this.#discard(pooled);
      return;
    }
    const job = pooled.job;
    if (!job || job.message.requestId !== message.requestId) return;
    clearTimeout(job.timer);
    pooled.job = undefined;
    job.resolve({ kind: 'answered', ok: message.ok, payload: message.payload });
    if (message.recycle) void this.#discard(pooled);
    else this.#release(pooled);
  }

  /** The worker is done for (timeout, memory, exit, crash): its invocation ends with `outcome`. */
  #end(pooled: PooledWorker, outcome: WorkerOutcome): void {
    const job = pooled.job;
    pooled.job = undefined;
    if (job) {
      clearTimeout(job.timer);
      job.resolve(outcome);
    }
    void this.#discard(pooled);
  }

  #cancel(job: Job): void {
    const queued = this.#queue.indexOf(job);
    if (queued >= 0) {
      this.#queue.splice(queued, 1);
      return job.resolve({ kind: 'cancelled' });
    }
    for (const pooled of this.#workers) if (pooled.job === job) this.#end(pooled, { kind: 'cancelled' });
  }

  #release(pooled: PooledWorker): void {
    const next = this.#queue.shift();
    if (next) return this.#dispatch(pooled, next);
    if (this.#retired) return void this.#discard(pooled);
    // An idle worker must not keep the process alive.
    pooled.worker.unref();
    pooled.idleTimer = setTimeout(() => this.#discard(pooled), this.spec.idleMs);
    pooled.idleTimer.unref();
    this.#idle.push(pooled);
  }

  async #discard(pooled: PooledWorker): Promise<void> {
    if (!this.#workers.delete(pooled)) return;
    clearTimeout(pooled.idleTimer);
    const idle = this.#idle.indexOf(pooled);
    if (idle >= 0) this.#idle.splice(idle, 1);
    // A freed slot goes to the next waiting invocation.
    const next = this.#queue.shift();
    if (next) this.#spawn(next);
    await pooled.worker.terminate();
  }
}
