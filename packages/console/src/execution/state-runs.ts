/**
 * What an execution's history says about its states: each run of a state (entered → exited), its status
 * (succeeded, failed, caught, running, aborted), input, output, error, retries and Map iteration; and each state's
 * status for the graph. Events are attributed through `previousEventId` (a Task's events chain to its
 * `TaskStateEntered`; a Map iteration's events to its `MapIterationStarted`) and by the state names of
 * entered/exited events.
 */
import type { HistoryEvent } from '../api/types.js';

/** A state's status on an execution's graph. */
export type StateStatus = 'succeeded' | 'failed' | 'caught' | 'running' | 'aborted';

/** The Map iteration a state ran in, and the iteration around that one. */
export interface IterationScope {
  map: string;
  index: number;
  parent?: IterationScope;
}

/** One run of a state. */
export interface StateRun {
  name: string;
  /** The state type, from the entered event (`Task`, `Pass`, `Map`...). */
  type: string;
  status: StateStatus;
  enteredEventId: number;
  /** Epoch seconds. */
  enteredAt: number;
  exitedAt?: number;
  input?: string;
  output?: string;
  error?: string;
  cause?: string;
  /** How many times the state's work was retried. */
  retries: number;
  /** The Task's resource, as `resourceType:resource` of TaskScheduled, or the Lambda function. */
  resource?: string;
  /** The task's result (TaskSucceeded's output), for replaying the state's data flow. */
  taskResult?: string;
  iteration?: IterationScope;
  /** Whether an error was raised and not (yet) retried: the state then ends caught or failed. */
  errored: boolean;
  /** Whether the state's work started once already (the next start is a retry). */
  attempted?: boolean;
  /** The Map Runs a Distributed Map's run started (`MapRunStarted`), one per attempt, oldest first. */
  mapRunArns?: string[];
  /** How many times the execution had been redriven when the state was entered (0: its first attempt). */
  redrives: number;
}

/** A Map state's iterations. */
export interface MapIteration {
  index: number;
  status: StateStatus;
}

/** The analysed history. */
export interface HistoryAnalysis {
  runs: StateRun[];
  /** By Map state name. */
  iterations: Map<string, MapIteration[]>;
}

const ENTERED = 'StateEntered';
const EXITED = 'StateExited';
const ERROR_EVENT = /(Failed|TimedOut|StartFailed|SubmitFailed|ScheduleFailed)$/;
const ATTEMPT_EVENT =
  /^(TaskScheduled|LambdaFunctionScheduled|ActivityScheduled|MapStateStarted|ParallelStateStarted)$/;
const CONTAINER_END = /^(Map|Parallel)State(Succeeded|Failed|Aborted)$/;

/** The `<type>EventDetails` member of an event. */
export function eventDetails(event: HistoryEvent): Record<string, unknown> | undefined {
  for (const key in event) if (key.endsWith('EventDetails')) return event[key] as Record<string, unknown>;
  return undefined;
}

/** Walks the history once. */
export function analyseHistory(events: readonly HistoryEvent[]): HistoryAnalysis {
  const runs: StateRun[] = [];
  const open: StateRun[] = [];
  const runOf = new Map<number, StateRun>();
  const scopeOf = new Map<number, IterationScope | undefined>();
  const iterations = new Map<string, MapIteration[]>();
  const latestOpen = (match: (run: StateRun) => boolean) => {
    for (let i = open.length - 1; i >= 0; i--) if (match(open[i])) return open[i];
    return undefined;
  };
  const close = (run: StateRun) => open.splice(open.indexOf(run), 1);
  /** The execution's redrives so far: states entered after one belong to that attempt. */
  let redrives = 0;

  for (const event of events) {
    const details = eventDetails(event) ?? {};
    const name = typeof details.name === 'string' ? details.name : undefined;
    let scope = scopeOf.get(event.previousEventId);
    let run = runOf.get(event.previousEventId);
    const type = event.type;
    if (type.endsWith(ENTERED)) {
      run = {
        name: name ?? '?',
        type: type.slice(0, -ENTERED.length),
        status: 'running',
        enteredEventId: event.id,
        enteredAt: event.timestamp,
        input: details.input as string | undefined,
        retries: 0,
        iteration: scope,
        errored: false,
        redrives,
      };
      runs.push(run);
      // A Fail state ends there: it never exits.
      if (run.type === 'Fail') run.status = 'failed';
      else open.push(run);
    } else if (type === 'MapIterationStarted') {
      const index = Number(details.index);
      scope = { map: name ?? '?', index, parent: scope };
      run = undefined;
      const list = iterations.get(scope.map) ?? [];
      // A redrive starts a failed iteration again.
      const again = list.find((i) => i.index === index);
      if (again) again.status = 'running';
      else list.push({ index, status: 'running' });
      iterations.set(scope.map, list);
    } else if (/^MapIteration(Succeeded|Failed|Aborted)$/.test(type)) {
      while (scope && scope.map !== name) scope = scope.parent;
      const iteration = iterations.get(name ?? '')?.find((i) => i.index === Number(details.index));
      if (iteration)
        iteration.status = type.endsWith('Succeeded') ? 'succeeded' : type.endsWith('Failed') ? 'failed' : 'aborted';
      run = undefined;
    } else if (type === 'MapStateStarted' || type === 'ParallelStateStarted') {
      run = latestOpen((r) => r.type === type.slice(0, -'StateStarted'.length));
      scope = run?.iteration;
    } else if (type.endsWith(EXITED) || CONTAINER_END.test(type)) {
      const containerType = type.startsWith('Map') ? 'Map' : 'Parallel';
      run = name ? latestOpen((r) => r.name === name) : latestOpen((r) => r.type === containerType);
      scope = run?.iteration;
    }
    if (type === 'ExecutionRedriven') {
      // The states that did not succeed run again, as new runs: the earlier attempt's are over.
      redrives++;
      open.length = 0;
      continue;
    }
    if (type === 'ExecutionAborted' || type === 'ExecutionFailed' || type === 'ExecutionTimedOut') {
      // The state an ExecutionFailed follows failed there, even with no failure event of its own (States.Runtime).
      const failing = type === 'ExecutionFailed' ? run : undefined;
      for (const r of open) if (r.status === 'running') r.status = r.errored || r === failing ? 'failed' : 'aborted';
      // A Fail state's error is the execution's.
      for (const r of runs) {
        if (r.status === 'failed' && r.error === undefined) {
          r.error = details.error as string | undefined;
          r.cause = details.cause as string | undefined;
        }
      }
      continue;
    }
    scopeOf.set(event.id, scope);
    if (!run) continue;
    runOf.set(event.id, run);
    if (type.endsWith(EXITED)) {
      run.status = run.errored ? 'caught' : 'succeeded';
      run.output = details.output as string | undefined;
      run.exitedAt = event.timestamp;
      close(run);
    } else if (ATTEMPT_EVENT.test(type)) {
      if (run.attempted) run.retries++;
      run.attempted = true;
      run.errored = false;
      if (type === 'TaskScheduled') run.resource = `${details.resourceType}:${details.resource}`;
      if (type === 'LambdaFunctionScheduled') run.resource = String(details.resource ?? 'lambda');
    } else if (type === 'MapRunStarted') {
      if (typeof details.mapRunArn === 'string') (run.mapRunArns ??= []).push(details.mapRunArn);
    } else if (type === 'TaskSucceeded' || type === 'LambdaFunctionSucceeded' || type === 'ActivitySucceeded') {
      run.taskResult = details.output as string | undefined;
    } else if (ERROR_EVENT.test(type) || type === 'EvaluationFailed') {
      run.errored = true;
      run.error = (details.error as string | undefined) ?? run.error;
      run.cause = (details.cause as string | undefined) ?? run.cause;
    }
  }
  return { runs, iterations };
}

const PRIORITY: StateStatus[] = ['failed', 'running', 'caught', 'aborted', 'succeeded'];

/**
 * Each state's status, by name. With `iteration`, only that iteration of that Map counts for the states inside it;
 * otherwise a state that ran several times shows its most significant status (failed over running over caught...),
 * of its latest attempt when the execution was redriven.
 */
export function stateStatuses(
  runs: readonly StateRun[],
  iteration?: { map: string; index: number },
): Map<string, StateStatus> {
  const statuses = new Map<string, StateStatus>();
  // A state redriven shows its latest attempt.
  const latest = new Map<string, number>();
  for (const run of runs) latest.set(run.name, Math.max(latest.get(run.name) ?? 0, run.redrives));
  for (const run of runs) {
    if (iteration && !inIteration(run, iteration)) continue;
    if (run.redrives < latest.get(run.name)!) continue;
    const known = statuses.get(run.name);
    if (!known || PRIORITY.indexOf(run.status) < PRIORITY.indexOf(known)) statuses.set(run.name, run.status);
  }
  return statuses;
}

/** Whether a run is outside `iteration`'s Map, or in that very iteration. */
export function inIteration(run: StateRun, iteration: { map: string; index: number }): boolean {
  for (let scope = run.iteration; scope; scope = scope.parent) {
    if (scope.map === iteration.map) return scope.index === iteration.index;
  }
  return true;
}
