/** The Wait state: delays for `Seconds`/`SecondsPath` or until `Timestamp`/`TimestampPath`. */
import {
  isJsonataExpression,
  type Json,
  JsonataEvaluationError,
  parseTimestamp,
  type QueryLanguage,
  runtimeError,
  type WaitState,
} from '@lockstep/asl';
import type { AbortReason, CompiledState, StateSignal } from '../compiled.js';
import type { BlockRun } from '../execution.js';
import type { Interpreter } from '../interpreter.js';
import { compileAssign, compileRequiredPath } from '../io.js';
import { compileJsonataOutcome, compileTypedJsonataValue, type Outcome } from '../jsonata-io.js';
import type { StateScope } from '../scope.js';
import { compileBasics, compiledState } from './common.js';

/** AWS refuses delays beyond 2^31 − 1 seconds. */
const MAX_DELAY_SECONDS = 2 ** 31 - 1;

/** Computes the delay in seconds from the state's effective input at time `now`. */
type DelayFn = (input: Json, scope: StateScope, now: number) => number;

/** Compiles a Wait state. */
export function compileWaitState(name: string, def: WaitState, language: QueryLanguage): CompiledState {
  const basics = compileBasics(name, def);
  const jsonata = language === 'JSONata';
  const delay = jsonata ? compileJsonataDelay(def) : compileDelay(def);
  const outcome = jsonata ? compileJsonataOutcome(def, 'input') : compileJsonPathOutcome(def);
  return compiledState(basics, {
    type: 'Wait',
    evaluatesAfterEntering: true,
    start(it: Interpreter, run: BlockRun) {
      const scope = it.scope(run);
      const seconds = delay(basics.inputPath(run.input, scope), scope, it.now);
      if (seconds > MAX_DELAY_SECONDS) throw runtimeError('Wait state delay is too long.');
      run.waiting = { kind: 'timer', key: it.startTimer(run, seconds), purpose: 'wait' };
    },
    resume(it: Interpreter, run: BlockRun, signal: StateSignal) {
      if (signal.type !== 'TimerFired') return;
      const scope = it.scope(run);
      const { output, assigned } = outcome(scope);
      it.exit(run, this, basics.outputPath(output, scope), { assigned });
    },
    abort(it: Interpreter, run: BlockRun, reason: AbortReason) {
      // AWS records no WaitStateAborted when the whole execution is stopped.
      if (reason === 'sibling') it.emit(run, 'WaitStateAborted', undefined, { previous: it.siblingAbortPrevious });
    },
  });
}

/** JSONPath: the output is the effective input (after `InputPath`), which `Assign` reads too. */
function compileJsonPathOutcome(def: WaitState): (scope: StateScope) => Outcome {
  const inputPath = compileBasics('', def).inputPath;
  const assign = compileAssign(def.Assign);
  return (scope) => {
    const input = inputPath(scope.input, scope);
    return { output: input, assigned: assign?.(input, scope) };
  };
}

/** JSONata: `Seconds` (an integer) or `Timestamp` (an RFC 3339 string), constants or expressions. */
function compileJsonataDelay(def: WaitState): DelayFn {
  if (def.Timestamp !== undefined) {
    const timestamp = compileTypedJsonataValue(def.Timestamp, 'Timestamp', 'string')!;
    return (_input, scope, now) => {
      const value = timestamp(scope) as string;
      const due = parseTimestamp(value);
      if (due === undefined) {
        throw new JsonataEvaluationError(
          `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${value}`,
          'Timestamp',
        );
      }
      return (due - now) / 1000;
    };
  }
  if (!isJsonataExpression(def.Seconds)) return compileDelay(def);
  const seconds = compileTypedJsonataValue(def.Seconds, 'Seconds', 'integer')!;
  return (_input, scope) => {
    const value = seconds(scope) as number;
    if (value < 0)
      throw new JsonataEvaluationError(`The Seconds field references a negative value: ${value}`, 'Seconds');
    return value;
  };
}

function compileDelay(def: WaitState): DelayFn {
  if (def.SecondsPath !== undefined) return compileSecondsPath(def.SecondsPath);
  if (def.TimestampPath !== undefined) return compileTimestampPath(def.TimestampPath);
  if (def.Timestamp !== undefined) {
    const due = parseTimestamp(def.Timestamp)!;
    return (_input, _scope, now) => (due - now) / 1000;
  }
  const seconds = Number(def.Seconds ?? 0);
  return () => seconds;
}

function compileSecondsPath(path: string): DelayFn {
  const read = compileRequiredPath(path, () => `The SecondsPath parameter does not reference an input value: ${path}`);
  return (input, scope) => {
    const value = read(input, scope);
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw runtimeError(`The SecondsPath parameter cannot be parsed as a long value: ${path} == ${render(value)}`);
    }
    if (value < 0) throw runtimeError(`The SecondsPath parameter references a negative value: ${path} == ${value}`);
    return value;
  };
}

function compileTimestampPath(path: string): DelayFn {
  const read = compileRequiredPath(
    path,
    () => `The TimestampPath parameter does not reference an input value: ${path}`,
  );
  return (input, scope, now) => {
    const value = read(input, scope);
    const due = typeof value === 'string' ? parseTimestamp(value) : undefined;
    if (due === undefined) {
      throw runtimeError(
        `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${path} == ${render(value)}`,
      );
    }
    return (due - now) / 1000;
  };
}

/** Values in Wait causes: strings as they are, everything else as JSON. */
function render(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
