/**
 * The evaluation scope of one state: its context object (`$$`, `$states.context`), built only when read,
 * the workflow variables, the injected random source, and the `$states` values of JSONata expressions.
 */
import { copyJson, type Json, type JsonataBindings } from '@lockstep/asl';
import type { BlockRun, ExecutionRecord } from './execution.js';

/** What a state adds to the context object beyond Execution, StateMachine and State. */
export interface ContextExtras {
  /** `$$.Task.Token` for callback tasks. */
  taskToken?: string;
  /** `$$.Map.Item` while a Map state evaluates its ItemSelector. */
  mapItem?: { index: number; value: Json };
  /** Whether `$$.State.RetryCount` is present (states that have Retry: Task, Map, Parallel). */
  withRetryCount?: boolean;
}

/** `$states.result` and `$states.errorOutput`, where a JSONata field may read them. */
export interface StatesValues {
  /** The Task/Parallel/Map result, for the state's `Output` and `Assign`. */
  result?: Json;
  /** The Error Output, for a catcher's `Output` and `Assign`. */
  errorOutput?: Json;
}

const NO_VALUES: StatesValues = {};

/** A lazily built context object for one state evaluation; also JSONata's `$states`. */
export class StateScope implements JsonataBindings {
  #context: Json | undefined;

  constructor(
    private readonly execution: ExecutionRecord,
    private readonly run: BlockRun,
    private readonly extras: ContextExtras,
    readonly random: () => number,
    /** Epoch ms of the step: JSONata's `$now()` and `$millis()`. */
    readonly now: number,
    private readonly values: StatesValues = NO_VALUES,
  ) {}

  /** `$states.input`: the state's input. */
  get input(): Json {
    return this.run.input;
  }

  get result(): Json | undefined {
    return this.values.result;
  }

  get errorOutput(): Json | undefined {
    return this.values.errorOutput;
  }

  get context(): Json {
    this.#context ??= buildContextObject(this.execution, this.run, this.extras);
    return this.#context;
  }

  /**
   * A context object of the task's own, for whatever performs it (a handler may change what it is given, as a
   * resource changes the JSON it receives): built afresh, never one a payload holds, and with an
   * `Execution.Input` of its own (see {@link buildContextObject}).
   */
  taskContext(): Json {
    return buildContextObject(this.execution, this.run, this.extras, true);
  }

  /** A workflow variable: the innermost block that assigned it wins. */
  variable(name: string): Json | undefined {
    for (let run: BlockRun | undefined = this.run; run; run = run.parent) {
      const variables = run.variables;
      if (variables && Object.hasOwn(variables, name)) return variables[name];
    }
    return undefined;
  }
}

/**
 * Builds the context object with AWS's members and key order. With `ownInput`, `Execution.Input` is a copy of
 * the execution's input (see {@link giveOwnInput}).
 */
export function buildContextObject(
  execution: ExecutionRecord,
  run: BlockRun,
  extras: ContextExtras,
  ownInput = false,
): Json {
  const executionPart: Record<string, Json> = {
    Id: execution.executionArn,
    Input: execution.input,
    StartTime: isoTime(execution.startTime),
    Name: execution.name,
    RoleArn: execution.roleArn,
  };
  if (ownInput) giveOwnInput(executionPart, execution);
  if (execution.type === 'STANDARD' || execution.startedAsync) executionPart.RedriveCount = execution.redriveCount ?? 0;
  if (execution.redriveTime !== undefined) executionPart.RedriveTime = isoTime(execution.redriveTime);
  const state: Record<string, Json> = { Name: run.state, EnteredTime: isoTime(run.enteredTime) };
  if (extras.withRetryCount) state.RetryCount = run.retryCount;
  const context: Record<string, Json> = {
    Execution: executionPart,
    StateMachine: { Id: execution.stateMachineArn, Name: execution.stateMachineName },
    State: state,
  };
  if (extras.taskToken !== undefined) context.Task = { Token: extras.taskToken };
  if (extras.mapItem) context.Map = { Item: { Index: extras.mapItem.index, Value: extras.mapItem.value } };
  return context;
}

/** Inputs up to this many characters of JSON are copied at once: copying them costs less than deferring it. */
const EAGER_INPUT_COPY_CHARS = 256;

/**
 * Replaces `Execution.Input` (in place: the key order stays AWS's) with a copy of the execution's input: at once
 * for a short one, else when first read (most readers never read it, and an input may be large).
 */
function giveOwnInput(executionPart: Record<string, Json>, execution: ExecutionRecord): void {
  if (execution.inputText.length <= EAGER_INPUT_COPY_CHARS) {
    executionPart.Input = copyJson(execution.input);
    return;
  }
  let input: Json | undefined;
  Object.defineProperty(executionPart, 'Input', {
    get: () => (input ??= copyJson(execution.input)),
    set: (value: Json) => {
      input = value;
    },
    enumerable: true,
    configurable: true,
  });
}

/** AWS's context-object time format: ISO 8601 with milliseconds and `Z`. */
export function isoTime(epochMs: number): string {
  // Consecutive states usually share an instant (always on the virtual clock): format each instant once.
  if (epochMs !== lastIso.ms) {
    lastIso.ms = epochMs;
    lastIso.text = new Date(epochMs).toISOString();
  }
  return lastIso.text;
}

const lastIso = { ms: Number.NaN, text: '' };
