/**
 * What an execution should have recorded: the same definition and input run in memory (`runExecution`), with
 * the activity answering as the worker answers, and timing out the attempts that timed out on the server (a task
 * handed to a worker whose server died before the answer: the only outcome a crash may change, as on AWS).
 */
import { isDeepStrictEqual } from 'node:util';
import { runExecution } from '@lockstep/engine';
import type { ActivityWorker } from './activity-worker.js';
import {
  type ComparableEvent,
  comparable,
  historyInvariantProblems,
  repeatedTransitions,
  withoutEvents,
} from './history-checks.js';
import { withRecordedMapRunArns } from './map-run-checks.js';
import {
  ACCOUNT,
  ACTIVITY_TIMEOUT_SECONDS,
  type ActivityInput,
  activityAnswer,
  attemptKey,
  type ChaosMachine,
  type PlannedExecution,
  REGION,
  ROLE_ARN,
} from './workflows.js';

/** One execution as read back from the server after the chaos. */
export interface RecordedExecution {
  planned: PlannedExecution;
  machine: ChaosMachine;
  executionArn: string;
  status: string;
  startDate: Date;
  output?: string;
  error?: string;
  cause?: string;
  events: ComparableEvent[];
  /** Epoch ms of each event, by index. */
  timestamps: number[];
}

/** One attempt of an activity Task state, from `ActivityScheduled` to its outcome. */
interface ActivityAttempt {
  state: string;
  /** 0 for the first attempt of the state: its `$$.State.RetryCount`. */
  index: number;
  scheduledAt: number;
  startedEventId?: number;
  end?: string;
}

const ACTIVITY_ENDS = new Set(['ActivitySucceeded', 'ActivityFailed', 'ActivityTimedOut']);

/** History timestamps come as fractional epoch seconds: a float's rounding must not pass for a lost answer. */
const TIMESTAMP_ROUNDING_MS = 5;

/** The activity attempts of a history (activities never run concurrently in these workflows). */
function activityAttempts(events: readonly ComparableEvent[], timestamps: readonly number[] = []): ActivityAttempt[] {
  const attempts: ActivityAttempt[] = [];
  const perState = new Map<string, number>();
  let state = '';
  events.forEach((event, i) => {
    if (event.type === 'TaskStateEntered') state = (event.details as { name: string }).name;
    else if (event.type === 'ActivityScheduled') {
      const index = perState.get(state) ?? 0;
      perState.set(state, index + 1);
      attempts.push({ state, index, scheduledAt: timestamps[i] ?? 0 });
    } else if (event.type === 'ActivityStarted') attempts.at(-1)!.startedEventId = event.id;
    else if (ACTIVITY_ENDS.has(event.type)) attempts.at(-1)!.end = event.type;
  });
  return attempts;
}

/** Activity handlers answering as the worker does, except for the attempts `timedOut` names (never answered). */
function activityHandlers(timedOut: Set<string>): Record<string, (input: unknown) => unknown> {
  const handler = (value: unknown) => {
    const input = value as ActivityInput;
    if (timedOut.has(`${input.state}/${input.attempt}`)) return new Promise<never>(() => {});
    const answer = activityAnswer(input);
    if (answer.ok) return answer.output;
    throw { error: answer.error, cause: answer.cause };
  };
  return { Work: handler, Finish: handler };
}

/** The first difference between two histories, for the report. */
function firstDifference(recorded: readonly ComparableEvent[], expected: readonly ComparableEvent[]): string {
  const length = Math.max(recorded.length, expected.length);
  for (let i = 0; i < length; i++) {
    if (!isDeepStrictEqual(recorded[i], expected[i])) {
      const show = (e: ComparableEvent | undefined) => JSON.stringify(e)?.slice(0, 400) ?? 'nothing';
      return `event #${i + 1}: recorded ${show(recorded[i])}, in memory ${show(expected[i])}`;
    }
  }
  return 'none';
}

/** Checks the attempts against what the worker saw: every answer recorded was given, none acknowledged was lost. */
function attemptProblems(id: number, attempts: readonly ActivityAttempt[], worker: ActivityWorker): string[] {
  const problems: string[] = [];
  for (const attempt of attempts) {
    const key = attemptKey({ id, state: attempt.state, attempt: attempt.index });
    const taken = worker.taken.get(key) ?? [];
    if (taken.length > 1) problems.push(`activity task ${key} was handed out ${taken.length} times`);
    if (attempt.end === 'ActivityTimedOut') {
      if (attempt.startedEventId === undefined && taken.length > 0) {
        problems.push(`activity task ${key} was taken by the worker but no ActivityStarted was recorded`);
      }
      const deadline = attempt.scheduledAt + ACTIVITY_TIMEOUT_SECONDS * 1000 - TIMESTAMP_ROUNDING_MS;
      const lost = taken.find((t) => t.acknowledgedAt !== undefined && t.acknowledgedAt < deadline);
      if (lost) {
        problems.push(
          `activity task ${key}: its answer was acknowledged ${deadline - lost.acknowledgedAt!} ms before its ` +
            'timeout, yet it timed out (an acknowledged SendTask call was lost)',
        );
      }
    } else if (attempt.end !== undefined && taken.length === 0) {
      problems.push(`activity task ${key} ended with ${attempt.end} but no worker took it`);
    }
  }
  return problems;
}

/** Every problem of one recorded execution: its own invariants, then every difference from the in-memory run. */
export async function executionProblems(recorded: RecordedExecution, worker: ActivityWorker): Promise<string[]> {
  const { planned, events } = recorded;
  const problems = historyInvariantProblems(events, recorded.status);
  const attempts = activityAttempts(events, recorded.timestamps);
  const id = (JSON.parse(planned.inputText) as { id: number }).id;
  problems.push(...attemptProblems(id, attempts, worker));

  const timedOut = attempts.filter((a) => a.end === 'ActivityTimedOut');
  const result = await runExecution({
    definition: recorded.machine.definition,
    inputText: planned.inputText,
    executionArn: recorded.executionArn,
    name: planned.name,
    stateMachineName: recorded.machine.name,
    accountId: ACCOUNT,
    region: REGION,
    roleArn: ROLE_ARN,
    startTime: recorded.startDate,
    taskHandlers: activityHandlers(new Set(timedOut.map((a) => `${a.state}/${a.index}`))),
  });
  // A task taken by a server that died before recording its start (and never answered: checked above) times
  // out unstarted: AWS's history of a task no worker took. In memory every task starts when it is invoked.
  const unstarted = new Set(timedOut.filter((a) => a.startedEventId === undefined).map((a) => `${a.state}/${a.index}`));
  const inMemory = result.history.map(comparable);
  const startedInMemory = new Set(
    activityAttempts(inMemory)
      .filter((a) => unstarted.has(`${a.state}/${a.index}`))
      .map((a) => a.startedEventId),
  );
  const expected = withRecordedMapRunArns(
    withoutEvents(inMemory, (e) => startedInMemory.has(e.id)),
    events,
  );

  if (recorded.status !== result.status) problems.push(`status ${recorded.status}, in memory ${result.status}`);
  const output = recorded.output === undefined ? undefined : JSON.parse(recorded.output);
  // Compared as JSON text, as the API shows it: the in-memory Distributed Map leaves holes for its failed items.
  const expectedOutput = result.output === undefined ? undefined : JSON.parse(JSON.stringify(result.output));
  if (!isDeepStrictEqual(output, expectedOutput)) {
    problems.push(`output ${recorded.output}, in memory ${JSON.stringify(result.output)}`);
  }
  if (recorded.error !== result.error || recorded.cause !== result.cause) {
    problems.push(`error ${recorded.error} (${recorded.cause}), in memory ${result.error} (${result.cause})`);
  }
  if (!isDeepStrictEqual(events, expected)) problems.push(`history differs: ${firstDifference(events, expected)}`);
  problems.push(...repeatedTransitions(events, expected));
  return problems.map((problem) => `${planned.name} (${recorded.machine.name}): ${problem}`);
}
