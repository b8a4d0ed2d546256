/**
 * Runs the validator and the engine on hostile cases and checks the contract every outcome must keep: the
 * validator always answers with diagnostics, the engine either rejects with one of AWS's two start errors or
 * resolves with a well-formed history, and both agree on which definitions are valid.
 */
import { expect } from 'vitest';
import {
  type ExecutionResult,
  type HistoryEvent,
  runExecution,
  type ValidationResult,
  validateStateMachineDefinition,
} from '../../../packages/engine/src/index.js';
import { type HandlerBehaviour, perform, seededRandom } from './task-behaviours.js';

/** One case for the engine. */
export interface RunCase {
  definition: string | object;
  input?: unknown;
  inputText?: string;
  type?: 'STANDARD' | 'EXPRESS';
  /** Handler calls cycle through these (every Task state name has a handler); absent or empty: no handlers. */
  behaviours?: HandlerBehaviour[];
  seed?: number;
}

/** How a run ended, when it ended within the contract. */
export type Outcome =
  | { kind: 'resolved'; result: ExecutionResult }
  | { kind: 'rejected'; name: 'InvalidDefinition' | 'InvalidExecutionInput'; message: string };

const REJECTION_PREFIX = {
  InvalidDefinition: "Invalid State Machine Definition: '",
  InvalidExecutionInput: "Invalid State Machine Execution Input: '",
} as const;

const CLOSING_EVENT = {
  SUCCEEDED: 'ExecutionSucceeded',
  FAILED: 'ExecutionFailed',
  TIMED_OUT: 'ExecutionTimedOut',
  ABORTED: 'ExecutionAborted',
} as const;

const CLOSING_TYPES = new Set<string>(Object.values(CLOSING_EVENT));

/** A run that has not settled after this long hangs: the virtual clock makes every wait instant. */
const HANG_MS = 15_000;

/** Caps runaway loops (a mutated `Next` pointing backwards) far below AWS's 25,000. */
const HISTORY_EVENT_LIMIT = 2_000;

/** A `taskHandlers` object with a handler for every state name, cycling through `behaviours`. */
function handlersFor(behaviours: HandlerBehaviour[]): Record<string, (input: unknown) => Promise<unknown>> {
  let calls = 0;
  const handler = () => perform(behaviours[calls++ % behaviours.length]);
  return new Proxy({}, { get: (_target, key) => (typeof key === 'string' ? handler : undefined) });
}

/** An unexpected throw with its stack, for the property's failure report. */
function describeThrow(thrown: unknown): string {
  if (thrown instanceof Error) return `${thrown.name}: ${thrown.message.slice(0, 500)}\n${thrown.stack ?? ''}`;
  return `non-Error thrown: ${String(thrown)}`;
}

/** Runs the engine on `c` and checks its outcome; fails the property on any other behaviour. */
export async function runChecked(c: RunCase): Promise<Outcome> {
  let result: ExecutionResult;
  try {
    result = await settled(
      runExecution({
        definition: c.definition,
        ...(c.inputText === undefined ? { input: c.input } : { inputText: c.inputText }),
        type: c.type ?? 'STANDARD',
        clock: 'virtual',
        startTime: new Date('2026-01-01T00:00:00.000Z'),
        random: seededRandom(c.seed ?? 1),
        historyEventLimit: HISTORY_EVENT_LIMIT,
        ...(c.behaviours && c.behaviours.length > 0 ? { taskHandlers: handlersFor(c.behaviours) } : {}),
      }),
    );
  } catch (thrown) {
    if (thrown instanceof Error && (thrown.name === 'InvalidDefinition' || thrown.name === 'InvalidExecutionInput')) {
      expect(thrown.message.startsWith(REJECTION_PREFIX[thrown.name]), thrown.message).toBe(true);
      expect(thrown.message.endsWith("'"), thrown.message).toBe(true);
      return { kind: 'rejected', name: thrown.name, message: thrown.message };
    }
    throw new Error(`runExecution rejected outside its contract: ${describeThrow(thrown)}`);
  }
  checkResult(result);
  if (result.status !== 'SUCCEEDED' && (c.type ?? 'STANDARD') === 'STANDARD') await checkRedrive(result);
  return { kind: 'resolved', result };
}

/** Resolves as `promise` does, or rejects when it takes longer than {@link HANG_MS}. */
async function settled<T>(promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the execution did not settle within ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    return await Promise.race([promise, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A closed execution redriven (where its history leaves room): it settles again, its history goes on after the first
 * one's close with `ExecutionRedriven`, and tells the new outcome.
 */
async function checkRedrive(first: ExecutionResult): Promise<void> {
  const before = first.history;
  if (before.length >= HISTORY_EVENT_LIMIT - 1) {
    await expect(first.redrive()).rejects.toThrow('redrive: Execution history event limit exceeded.');
    return;
  }
  let again: ExecutionResult;
  try {
    again = await settled(first.redrive());
  } catch (thrown) {
    throw new Error(`redrive rejected: ${describeThrow(thrown)}`);
  }
  expect(Object.keys(CLOSING_EVENT)).toContain(again.status);
  const history = again.history;
  expect(JSON.stringify(history.slice(0, before.length))).toBe(JSON.stringify(before));
  expect(history[before.length]).toMatchObject({ type: 'ExecutionRedriven', previousEventId: before.length });
  checkHistory(history, again.status, before.length);
}

/** A resolved result: status, error/cause/output types, a well-formed history that tells the same outcome. */
function checkResult(result: ExecutionResult): void {
  expect(Object.keys(CLOSING_EVENT)).toContain(result.status);
  if (result.error !== undefined) expect(typeof result.error).toBe('string');
  if (result.cause !== undefined) expect(typeof result.cause).toBe('string');
  if (result.status === 'SUCCEEDED') expect(JSON.stringify(result.output)).toBeTypeOf('string');
  else expect(result).not.toHaveProperty('output');
  checkHistory(result.history, result.status);
  const last = result.history[result.history.length - 1];
  if (result.status === 'FAILED') {
    expect(last.executionFailedEventDetails ?? {}).toEqual({
      ...(result.error === undefined ? {} : { error: result.error }),
      ...(result.cause === undefined ? {} : { cause: result.cause }),
    });
  }
  if (result.status === 'SUCCEEDED') {
    const details = last.executionSucceededEventDetails as { output: string; outputDetails: { truncated: boolean } };
    if (!details.outputDetails.truncated) {
      expect(JSON.stringify(JSON.parse(details.output))).toBe(JSON.stringify(result.output));
    }
  }
}

/**
 * Dense ids from 1, causal links backwards, ExecutionStarted first, the status's closing event last and only last;
 * the events before `from` (an earlier attempt's, before a redrive) are taken as checked.
 */
export function checkHistory(history: HistoryEvent[], status: ExecutionResult['status'], from = 0): void {
  expect(history.length).toBeGreaterThanOrEqual(2);
  expect(history[0].type).toBe('ExecutionStarted');
  expect(history[history.length - 1].type).toBe(CLOSING_EVENT[status]);
  history.forEach((event, i) => {
    if (i < from) return;
    const where = `event #${i + 1} (${event.type})`;
    expect(event.id, where).toBe(i + 1);
    expect(Number.isInteger(event.previousEventId), where).toBe(true);
    expect(event.previousEventId, where).toBeGreaterThanOrEqual(0);
    expect(event.previousEventId, where).toBeLessThan(event.id);
    expect(event.timestamp, where).toBeInstanceOf(Date);
    expect(Number.isNaN(event.timestamp.getTime()), where).toBe(false);
    if (i < history.length - 1) expect(CLOSING_TYPES.has(event.type), where).toBe(false);
  });
}

/** Runs the validator, which must resolve with a coherent result for any text. */
export async function validateChecked(definition: string, type?: 'STANDARD' | 'EXPRESS'): Promise<ValidationResult> {
  let result: ValidationResult;
  try {
    result = await validateStateMachineDefinition({ definition, ...(type ? { type } : {}) });
  } catch (thrown) {
    throw new Error(`validateStateMachineDefinition threw: ${describeThrow(thrown)}`);
  }
  expect(['OK', 'FAIL']).toContain(result.result);
  expect(typeof result.truncated).toBe('boolean');
  expect(result.diagnostics.length).toBeLessThanOrEqual(100);
  for (const d of result.diagnostics) {
    expect(['ERROR', 'WARNING']).toContain(d.severity);
    expect(typeof d.code).toBe('string');
    expect(typeof d.message).toBe('string');
    if (d.location !== undefined) expect(typeof d.location).toBe('string');
  }
  // With more diagnostics than returned, an error may be among the ones left out.
  const anyError = result.diagnostics.some((d) => d.severity === 'ERROR');
  if (anyError || !result.truncated) expect(result.result).toBe(anyError ? 'FAIL' : 'OK');
  return result;
}

/** The validator and the engine agree: OK exactly when the engine does not reject the definition. */
export function checkAgreement(validation: ValidationResult, outcome: Outcome, definitionText: string): void {
  const rejected = outcome.kind === 'rejected' && outcome.name === 'InvalidDefinition';
  const detail = `${validation.result} ${JSON.stringify(validation.diagnostics.slice(0, 3))} vs ${
    outcome.kind === 'rejected' ? outcome.message.slice(0, 300) : outcome.kind
  } for ${definitionText.slice(0, 300)}`;
  expect(rejected, detail).toBe(validation.result === 'FAIL');
}

/** Validates and runs a definition text, checking both and their agreement. */
export async function validateAndRun(definitionText: string, c: Omit<RunCase, 'definition'>): Promise<Outcome> {
  const validation = await validateChecked(definitionText, c.type);
  const outcome = await runChecked({ ...c, definition: definitionText });
  checkAgreement(validation, outcome, definitionText);
  return outcome;
}
