/**
 * RedriveExecution: a FAILED, TIMED_OUT or ABORTED execution continues from the states that did not succeed, with
 * the inputs they had. AWS records `ExecutionRedriven` after the closing event and enters each such state again;
 * inside a Parallel or Map state only the branches and iterations that failed or were aborted run again (the
 * others keep their results), each from the state where it stopped; a Distributed Map state redrives its Map Run
 * (`MapRunRedriven`), whose runtime does the same with the run's child executions.
 */
import type { BlockRun, ExecutionRecord } from './execution.js';
import type { Interpreter } from './interpreter.js';
import { EXECUTION_TIMEOUT_KEY } from './messages.js';

/** Reopens the closed execution of `it` and drives it from where it stopped. */
export function redriveExecution(it: Interpreter): void {
  const ex = it.execution;
  const root = ex.root;
  if (ex.status === 'RUNNING' || ex.status === 'SUCCEEDED' || !root || !hasRoomToRedrive(ex)) return;
  const redriveCount = (ex.redriveCount ?? 0) + 1;
  const closedEventId = ex.nextEventId - 1;
  ex.status = 'RUNNING';
  ex.redriveCount = redriveCount;
  ex.redriveTime = it.now;
  ex.stopTime = undefined;
  ex.error = undefined;
  ex.cause = undefined;
  const redrivenEventId = it.emit(undefined, 'ExecutionRedriven', { redriveCount }, { previous: closedEventId });
  // The execution's TimeoutSeconds counts again from the redrive.
  if (it.machine.timeoutSeconds !== undefined) {
    it.commands.push({
      type: 'StartTimer',
      key: EXECUTION_TIMEOUT_KEY,
      dueTime: it.now + it.machine.timeoutSeconds * 1000,
    });
  }
  root.lastEventId = redrivenEventId;
  reopenRun(it, root);
}

/** AWS redrives only an execution whose history has fewer than 24,999 events (one less than its cap). */
export function hasRoomToRedrive(ex: ExecutionRecord): boolean {
  return ex.historyEventLimit === undefined || ex.nextEventId < ex.historyEventLimit;
}

/**
 * Runs `run` again from the state where it stopped, on that state's input. A Parallel or Map state hands its
 * children, as they ended, to its next group, which runs only those that did not succeed.
 */
export function reopenRun(it: Interpreter, run: BlockRun): void {
  run.status = 'running';
  run.error = undefined;
  run.cause = undefined;
  run.waiting = undefined;
  if (run.group) run.redriveGroup = run.group;
  run.group = undefined;
  if (run.mapRunArn) run.redriveMapRunArn = run.mapRunArn;
  run.next = { state: run.state, input: run.input, inputText: run.inputText };
  it.drive(run);
}

/** `run` leaves its state: what a redrive of the state would have continued (children, Map Run) goes with it. */
export function leaveBehind(run: BlockRun): void {
  run.group = undefined;
  run.redriveGroup = undefined;
  run.mapRunArn = undefined;
  run.redriveMapRunArn = undefined;
}
