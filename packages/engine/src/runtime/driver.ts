/**
 * The in-memory runtime: feeds engine events to the pure core, performs the commands it returns (tasks,
 * timers, map runs) and loops until the execution closes. On the virtual clock, timers fire as soon as
 * nothing else can happen, and simulated time jumps to their due time.
 */
import type { Json } from '@lockstep/asl';
import type { CompiledMachine } from '../compiled.js';
import type { ExecutionRecord } from '../execution.js';
import { HistoryLog } from '../history-log.js';
import type { Command, EngineEvent, MapRunRequest, TaskRequest } from '../messages.js';
import { step } from '../step.js';
import type { TaskReport } from './task-dispatch.js';
import { TimerQueue } from './timer-queue.js';
import { scaledDueTime } from './wait-scale.js';

/** Settled: its `then` queues a microtask. */
const resolved = Promise.resolve();

/** Real time a task handler may run on the virtual clock before pending timers (e.g. its timeout) fire anyway. */
const STUCK_TASK_GRACE_MS = 1000;

/** A task failure as the runtime reports it to the core. */
export interface TaskFailure {
  error?: string;
  cause?: string;
}

/** How a task ended. */
export type TaskOutcome = { ok: true; output: Json } | ({ ok: false } & TaskFailure);

/** What the driver needs from its surroundings. */
export interface DriverOptions {
  clock: 'virtual' | 'real';
  random: () => number;
  /** Scales the delay of Wait states (Step Functions Local's `WAIT_TIME_SCALE`). @default 1 */
  waitTimeScale?: number;
  /** Performs a Task and reports on it (synchronously or later); returns a function that cancels it. */
  invokeTask(request: TaskRequest, report: TaskReport): () => void;
  /** Performs a Distributed Map run; resolves with the `MapRunEnded` event to deliver. */
  runMap(request: MapRunRequest, key: string): Promise<EngineEvent>;
}

/**
 * Delivers `first` to `execution` (`Start` to a fresh one, `Redrive` to a closed one), runs it until it closes and
 * resolves with the log its events were recorded into (`history`, when given).
 *
 * The driver takes steps while events are queued, then waits for one to be posted (a task's outcome, a real
 * timer) without a promise of its own: the poster schedules the next round as a microtask, as resuming an
 * awaiting loop would, but without a pending promise and closures per task round trip.
 */
export function driveExecution(
  machine: CompiledMachine,
  execution: ExecutionRecord,
  options: DriverOptions,
  first: EngineEvent = { type: 'Start' },
  history = new HistoryLog(execution.nextEventId),
): Promise<HistoryLog> {
  const queue: EngineEvent[] = [];
  const timers = new TimerQueue();
  const realTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Keys of the tasks and map runs in flight; a cancelled one's late outcome is dropped. */
  const inflight = new Set<string>();
  /** How to cancel the tasks being performed. */
  const cancels = new Map<string, () => void>();
  // A redrive follows the execution's close in simulated time.
  let virtualNow = execution.stopTime ?? execution.startTime;
  /** True while the driver waits for an event to be posted. */
  let waiting = false;
  /** Ends a wait for stuck task handlers (see STUCK_TASK_GRACE_MS). */
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Settles the returned promise. */
  let settle: { resolve(history: HistoryLog): void; reject(reason: unknown): void };
  const now = () => (options.clock === 'virtual' ? virtualNow : Date.now());
  const post = (event: EngineEvent) => {
    queue.push(event);
    if (!waiting) return;
    waiting = false;
    clearTimeout(graceTimer);
    nextRound();
  };
  /**
   * Schedules `run` as a microtask. A settled promise's `then` is cheaper than Node's `queueMicrotask` (which
   * makes an async resource per call) and queues the same job an awaiting loop's resumption would.
   */
  const nextRound = () => {
    resolved.then(run);
  };
  /** Simulated time jumps to the next timer, which fires. */
  const fireNextTimer = () => {
    const due = timers.pop()!;
    virtualNow = Math.max(virtualNow, due.dueTime);
    queue.push({ type: 'TimerFired', key: due.key });
  };
  /** Task handlers ran STUCK_TASK_GRACE_MS of real time: the next timer fires anyway (e.g. their timeout). */
  const stopWaitingForHandlers = () => {
    waiting = false;
    fireNextTimer();
    nextRound();
  };

  /** Performs `command`, returned by a step taken at `at`. */
  const perform = (command: Command, at: number): void => {
    switch (command.type) {
      case 'InvokeTask': {
        const key = command.key;
        inflight.add(key);
        // A local handler takes an activity task at once.
        if (command.request.awaitsStart) post({ type: 'TaskStarted', key });
        const cancel = options.invokeTask(command.request, {
          submitted(output) {
            if (inflight.has(key)) post({ type: 'TaskSubmitted', key, output });
          },
          done(outcome) {
            cancels.delete(key);
            // Without an outcome the task waits on (for its token): it no longer keeps virtual time still.
            if (!inflight.delete(key) || !outcome) return;
            post(
              outcome.ok
                ? { type: 'TaskSucceeded', key, output: outcome.output }
                : { type: 'TaskFailed', key, error: outcome.error, cause: outcome.cause },
            );
          },
        });
        // A task that ended while it was being invoked (a synchronous handler, a mocked response) has nothing left
        // to cancel: keeping its entry would hold it until the execution ends.
        if (inflight.has(key)) cancels.set(key, cancel);
        return;
      }
      case 'StartMapRun': {
        const key = command.key;
        inflight.add(key);
        options.runMap(command.request, key).then((event) => {
          if (inflight.delete(key)) post(event);
        });
        return;
      }
      case 'CancelTask':
        inflight.delete(command.key);
        cancels.get(command.key)?.();
        cancels.delete(command.key);
        return;
      case 'StartTimer': {
        const dueTime = scaledDueTime(execution, command.key, command.dueTime, at, options.waitTimeScale ?? 1);
        if (options.clock === 'virtual') timers.add(command.key, dueTime);
        else {
          const fire = () => {
            realTimers.delete(command.key);
            post({ type: 'TimerFired', key: command.key });
          };
          realTimers.set(command.key, setTimeout(fire, Math.max(0, dueTime - Date.now())));
        }
        return;
      }
      case 'CancelTimer':
        timers.cancel(command.key);
        clearTimeout(realTimers.get(command.key));
        realTimers.delete(command.key);
        return;
    }
  };

  /** Takes steps until the execution closes (then settles) or must wait for an event to be posted. */
  function run(): void {
    try {
      while (execution.status === 'RUNNING') {
        const event = queue.shift();
        if (event) {
          const at = now();
          const result = step(machine, execution, event, at, options.random, history);
          for (const c of result.commands) perform(c, at);
          continue;
        }
        if (options.clock === 'virtual' && timers.peek()) {
          // Simulated time stands still while task handlers run; it jumps to the next timer once they settle,
          // or once they have run STUCK_TASK_GRACE_MS of real time.
          if (inflight.size > 0) {
            waiting = true;
            graceTimer = setTimeout(stopWaitingForHandlers, STUCK_TASK_GRACE_MS);
            return;
          }
          fireNextTimer();
          continue;
        }
        if (inflight.size === 0 && realTimers.size === 0) break;
        waiting = true;
        return;
      }
      for (const t of realTimers.values()) clearTimeout(t);
      settle.resolve(history);
    } catch (e) {
      settle.reject(e);
    }
  }

  return new Promise<HistoryLog>((resolve, reject) => {
    settle = { resolve, reject };
    // The first event is delivered whatever the status: a redrive reopens a closed execution.
    // (A step that throws here rejects the promise, as it does in `run`.)
    const begunAt = now();
    for (const c of step(machine, execution, first, begunAt, options.random, history).commands) perform(c, begunAt);
    run();
  });
}
