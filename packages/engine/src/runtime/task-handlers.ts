/**
 * Tasks run by local functions (`taskHandlers`), keyed by Task state name: the library's way to test a
 * workflow without its real resources.
 */
import { copyJson, type Json } from '@lockstep/asl';
import type { TaskRequest } from '../messages.js';
import type { TaskFailure, TaskOutcome } from './driver.js';

/** A local implementation of a Task state: receives the effective input and the context object. */
export type TaskHandler = (input: unknown, context: unknown) => unknown | Promise<unknown>;

/**
 * Runs a Task's local handler on a copy of the effective input (a resource receives JSON: a handler that changes
 * its input changes neither the execution nor its history), with the request's context object (the task's own,
 * see `StateScope.taskContext`). The handler's return value is the task result (`undefined` becomes `null`).
 * A thrown error fails the task: the error name is the thrown value's `error` or `name` (e.g. `TypeError`, or
 * your own `class PaymentDeclined extends Error`), the cause its `cause` (when a string) or `message`.
 */
export function invokeTaskHandler(
  handler: TaskHandler,
  request: TaskRequest,
  done: (outcome: TaskOutcome) => void,
): void {
  let result: unknown;
  try {
    result = handler(copyJson(request.input), request.context);
  } catch (e) {
    return done(failed(e));
  }
  // One hop for an async handler, none for a synchronous one.
  if (isThenable(result))
    result.then(
      (value) => done(succeeded(value)),
      (e) => done(failed(e)),
    );
  else done(succeeded(result));
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/** A handler's result as JSON: primitives as they are, anything else through a JSON round trip (a snapshot). */
function succeeded(result: unknown): TaskOutcome {
  if (result === undefined || result === null) return { ok: true, output: null };
  if (typeof result === 'string' || typeof result === 'boolean') return { ok: true, output: result };
  if (typeof result === 'number') return { ok: true, output: Number.isFinite(result) ? result : null };
  try {
    return { ok: true, output: JSON.parse(JSON.stringify(result)) as Json };
  } catch (e) {
    return failed(e);
  }
}

function failed(e: unknown): TaskOutcome {
  return { ok: false, ...toTaskFailure(e) };
}

/** Maps a thrown value to the task's error name and cause. */
export function toTaskFailure(e: unknown): TaskFailure {
  if (e && typeof e === 'object') {
    const { error, name, cause, message } = e as Record<string, unknown>;
    return {
      error: typeof error === 'string' ? error : typeof name === 'string' ? name : 'Error',
      cause: typeof cause === 'string' ? cause : typeof message === 'string' ? message : undefined,
    };
  }
  return { error: 'Error', cause: String(e) };
}
