/**
 * The pure core: `step(machine, execution, event, now, random)` applies one event to an execution and returns
 * the history events it recorded and the commands the runtime must perform. It performs no I/O and reads no
 * clock. It takes ownership of `execution` and returns it updated (no copy per transition: callers that need
 * the previous record keep a serialized copy, as a durable store does).
 */
import type { CompiledMachine } from './compiled.js';
import type { ExecutionRecord } from './execution.js';
import type { HistoryEvent } from './history.js';
import { HistoryLog } from './history-log.js';
import { Interpreter } from './interpreter.js';
import type { Command, EngineEvent } from './messages.js';

/** The outcome of one step. */
export interface StepResult {
  execution: ExecutionRecord;
  /** The log the events were recorded into (compactly); `events` builds this step's in AWS's shape. */
  log: HistoryLog;
  /** The events recorded, in AWS's shape (built on first read). */
  readonly events: HistoryEvent[];
  commands: Command[];
}

/**
 * Applies `event` to `execution` at time `now` (epoch ms). The events are recorded into `log` when given
 * (a runtime keeping the whole history appends to its own log), else into a new log.
 */
export function step(
  machine: CompiledMachine,
  execution: ExecutionRecord,
  event: EngineEvent,
  now: number,
  random: () => number,
  log: HistoryLog = new HistoryLog(execution.nextEventId),
): StepResult {
  const firstId = execution.nextEventId;
  const it = new Interpreter(machine, execution, now, random, log);
  it.apply(event);
  return new Step(execution, log, it.commands, firstId);
}

/**
 * A {@link StepResult} whose events are built on first read. A class, not an object literal with a getter: a
 * runtime takes thousands of steps, and a literal's getter costs a closure and a slow object creation per step.
 */
class Step implements StepResult {
  #events: HistoryEvent[] | undefined;

  constructor(
    public execution: ExecutionRecord,
    public log: HistoryLog,
    public commands: Command[],
    private readonly firstId: number,
  ) {}

  get events(): HistoryEvent[] {
    this.#events ??= this.log.toArray(this.firstId);
    return this.#events;
  }
}
