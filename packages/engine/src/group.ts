/**
 * The children of a running Parallel or Map state: starting them within `MaxConcurrency`, collecting
 * their results in order, and ending the group on the first failure beyond tolerance (aborting the rest).
 */
import { ErrorName, type Json } from '@lockstep/asl';
import type { AbortReason } from './compiled.js';
import { type AllFields, type BlockRun, createRun, type GroupRun } from './execution.js';
import type { Interpreter } from './interpreter.js';
import { reopenRun } from './redrive.js';
import { declaresTolerance, exceedsTolerance, TOLERANCE_EXCEEDED_CAUSE } from './tolerance.js';

/** How a state runs its children. */
export interface GroupSpec {
  kind: 'parallel' | 'map';
  /** Input of each child. */
  inputs: Json[];
  /** 0 = unlimited. */
  maxConcurrency: number;
  /** Map: tolerated failures; when neither is set, the first failure ends the group with its own error. */
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
}

/**
 * Starts the children of `run`'s current state; the state is resumed with `ChildrenDone` when all ended. A redriven
 * state keeps the results of the children that succeeded before and runs the others again.
 */
export function startGroup(it: Interpreter, run: BlockRun, spec: GroupSpec): void {
  const n = spec.inputs.length;
  const group: AllFields<GroupRun> = {
    kind: spec.kind,
    inputs: spec.inputs,
    children: new Array(n),
    results: new Array(n),
    started: 0,
    running: 0,
    failed: 0,
    maxConcurrency: spec.maxConcurrency,
    toleratedFailureCount: spec.toleratedFailureCount,
    toleratedFailurePercentage: spec.toleratedFailurePercentage,
    // Present from the start, as in `createRun`: one object shape.
    redrive: undefined,
    lastSucceededEventId: undefined,
    failure: undefined,
    pumping: false,
  };
  const before = run.redriveGroup;
  run.redriveGroup = undefined;
  if (before?.kind === spec.kind && before.inputs.length === n) carryOver(before, group);
  run.group = group;
  run.waiting = { kind: 'children' };
  pump(it, run);
}

/** A redrive: what the children did before. Successes stay; the children that started and did not succeed run again. */
function carryOver(before: GroupRun, group: GroupRun): void {
  const redrive: number[] = [];
  for (let i = 0; i < before.started; i++) {
    const child = before.children[i];
    if (child) {
      group.children[i] = child;
      redrive.push(i);
    } else {
      group.results[i] = before.results[i];
    }
  }
  group.started = before.started;
  if (redrive.length > 0) group.redrive = redrive;
}

/** Called by the interpreter when a child run ended (succeeded or failed). */
export function childEnded(it: Interpreter, child: BlockRun): void {
  const run = child.parent!;
  const group = run.group!;
  group.running--;
  run.lastEventId = child.lastEventId;
  const mapName = group.kind === 'map' ? run.state : undefined;
  if (child.status === 'succeeded') {
    group.children[child.index] = undefined;
    group.results[child.index] = child.output as Json;
    if (mapName !== undefined) {
      group.lastSucceededEventId = it.emit(
        run,
        'MapIterationSucceeded',
        { index: child.index, name: mapName },
        { advance: false },
      );
    }
  } else {
    group.failed++;
    if (mapName !== undefined) {
      it.emit(run, 'MapIterationFailed', { index: child.index, name: mapName }, { advance: false });
    }
    if (group.kind === 'parallel' && it.stateOf(child).type === 'Task') {
      // AWS also records the abort of the Task whose failure ended the branch.
      it.emit(child, 'TaskStateAborted');
    }
    if (!group.failure && exceedsTolerance(group.failed, group.inputs.length, group)) {
      it.siblingAbortPrevious = run.lastEventId;
      group.failure = declaresTolerance(group)
        ? { error: ErrorName.ExceedToleratedFailureThreshold, cause: TOLERANCE_EXCEEDED_CAUSE }
        : { error: child.error!, cause: child.cause };
      abortChildren(it, run, 'sibling');
    }
  }
  if (!group.pumping) pump(it, run);
}

/**
 * Starts children while the concurrency limit allows, then resumes the state if the group is over.
 * Like AWS, a batch of children records all its `MapIterationStarted` events before the first child runs.
 */
function pump(it: Interpreter, run: BlockRun): void {
  const group = run.group!;
  const n = group.inputs.length;
  group.pumping = true;
  try {
    for (;;) {
      const batch: BlockRun[] = [];
      while (
        !group.failure &&
        (group.started < n || group.redrive) &&
        (group.maxConcurrency === 0 || group.running < group.maxConcurrency)
      ) {
        group.running++;
        const child = group.redrive ? redriven(run, group) : newChild(run, group);
        if (group.kind === 'map') {
          child.lastEventId = it.emit(
            run,
            'MapIterationStarted',
            { index: child.index, name: run.state },
            { advance: false },
          );
        }
        batch.push(child);
      }
      if (batch.length === 0) break;
      for (const child of batch) {
        if (it.execution.status !== 'RUNNING' || run.status !== 'running') return;
        if (child.status !== 'running' || group.failure) continue;
        // A redriven child continues where it stopped; a child that never entered a state starts afresh.
        if (child.state) reopenRun(it, child);
        else it.startRun(child, group.inputs[child.index]);
      }
    }
  } finally {
    group.pumping = false;
  }
  if (group.running === 0 && (group.failure || (group.started === n && !group.redrive)) && run.status === 'running') {
    const state = it.stateOf(run);
    it.attempt(run, state, () => state.resume!(it, run, { type: 'ChildrenDone' }));
    it.drive(run);
  }
}

/** Creates the next child not started yet. */
function newChild(run: BlockRun, group: GroupRun): BlockRun {
  const index = group.started++;
  const child = createRun(`${run.id}.${index}`, childBlockId(run, index), index, run, run.lastEventId);
  group.children[index] = child;
  return child;
}

/** Takes the next child of a redrive: the child as it ended, running again from the group's start event. */
function redriven(run: BlockRun, group: GroupRun): BlockRun {
  const redrive = group.redrive!;
  const child = group.children[redrive.shift()!]!;
  if (redrive.length === 0) group.redrive = undefined;
  child.status = 'running';
  child.lastEventId = run.lastEventId;
  return child;
}

/** The block of child `index`: the Map's item processor, or the Parallel's branch `index` (ids as compiled). */
export function childBlockId(run: BlockRun, index: number): string {
  const base = `${run.blockId}/States/${run.state}`;
  return run.group!.kind === 'map' ? `${base}/ItemProcessor` : `${base}/Branches/${index}`;
}

/**
 * Aborts every running child of `run` (depth first). When a sibling failed, AWS records each cut branch's
 * abort, following the failing branch's last event; a stopped execution records none.
 */
export function abortChildren(it: Interpreter, run: BlockRun, reason: AbortReason): void {
  const group = run.group;
  if (!group) return;
  for (const child of group.children) {
    if (child?.status !== 'running') continue;
    it.abortRun(child, reason);
    if (group.kind === 'map' && reason === 'sibling') {
      it.emit(
        run,
        'MapIterationAborted',
        { index: child.index, name: run.state },
        { advance: false, previous: it.siblingAbortPrevious },
      );
    }
  }
  group.running = 0;
}

/**
 * Records a Parallel's or Map's `...StateSucceeded`, then shapes its result with `shape`. The event does not move
 * the run's chain (its `...StateExited` follows the last event of the children, as the event does), but a failure
 * to shape the result follows it (3P-measured on AWS by floci: a Parallel whose ResultSelector fails records
 * `ExecutionFailed` after `ParallelStateSucceeded`).
 */
export function succeedWith<T>(
  it: Interpreter,
  run: BlockRun,
  type: 'ParallelStateSucceeded' | 'MapStateSucceeded',
  shape: () => T,
): T {
  const succeededEventId = it.emit(run, type, undefined, { advance: false });
  try {
    return shape();
  } catch (error) {
    if (succeededEventId) run.lastEventId = succeededEventId;
    throw error;
  }
}
