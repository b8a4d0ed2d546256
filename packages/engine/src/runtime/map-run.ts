/**
 * Distributed Map runs in memory: each item runs as a child execution of the item processor (its history
 * kept apart from the parent's), at most `MaxConcurrency` at a time, and the run fails when the failures
 * exceed the tolerated count or percentage. The run of a Map with a `ResultWriter` reports every child
 * (`MapRunChild`, the ones never started `PENDING`), failed or not, for the Map to write their results. A
 * redriven run redrives the children that did not succeed and starts those never started.
 */
import { ErrorName, type Json } from '@lockstep/asl';
import type { CompiledMachine } from '../compiled.js';
import type { ExecutionRecord } from '../execution.js';
import { uuid } from '../ids.js';
import type { EngineEvent, MapRunRequest } from '../messages.js';
import { stringify } from '../payload.js';
import type { MapRunChild } from '../states/result-writer-files.js';
import { exceedsTolerance, TOLERANCE_EXCEEDED_CAUSE } from '../tolerance.js';
import { type DriverOptions, driveExecution } from './driver.js';

/** What a map run needs from the parent's runtime. */
export interface MapRunContext {
  parent: ExecutionRecord;
  clock: 'virtual' | 'real';
  random: () => number;
  invokeTask: DriverOptions['invokeTask'];
  /** The child executions of the runs so far, by Map Run ARN: a redrive of a run continues them. */
  runs?: Map<string, ExecutionRecord[]>;
}

/** Runs every item and resolves with the `MapRunEnded` event for the parent. */
export async function runMapRun(
  machine: CompiledMachine,
  request: MapRunRequest,
  key: string,
  ctx: MapRunContext,
): Promise<EngineEvent> {
  const block = machine.blocks.get(request.blockId)!;
  const child: CompiledMachine = { root: block, blocks: machine.blocks, timeoutSeconds: undefined };
  const outputs: Json[] = new Array(request.items.length);
  const children: MapRunChild[] = new Array(request.items.length);
  const n = request.items.length;
  let failed = 0;
  let nextIndex = 0;
  let stop = false;

  // A redrive continues the children of the run's last attempt: those that succeeded keep their outputs.
  const before = request.redriveCount === undefined ? undefined : ctx.runs?.get(request.mapRunArn);
  const records: ExecutionRecord[] = new Array(n);
  ctx.runs?.set(request.mapRunArn, records);

  const runOne = async (index: number): Promise<void> => {
    const previous = before?.[index];
    const record = previous ?? childRecord(ctx.parent, request, index, ctx.random);
    records[index] = record;
    if (record.status !== 'SUCCEEDED') {
      const options: DriverOptions = {
        clock: ctx.clock,
        random: ctx.random,
        invokeTask: ctx.invokeTask,
        runMap: (inner, innerKey) => runMapRun(machine, inner, innerKey, { ...ctx, parent: record }),
      };
      await driveExecution(child, record, options, previous ? { type: 'Redrive' } : undefined);
    }
    children[index] = childOf(record);
    if (record.status === 'SUCCEEDED') outputs[index] = record.output as Json;
    else failed++;
    if (exceedsTolerance(failed, n, request)) stop = true;
  };
  const worker = async (): Promise<void> => {
    while (!stop && nextIndex < n) await runOne(nextIndex++);
  };
  const width = request.maxConcurrency === 0 ? n : Math.min(n, request.maxConcurrency);
  await Promise.all(Array.from({ length: Math.max(width, 0) }, worker));
  const reported = request.reportChildren
    ? Array.from(children, (child, i) => child ?? { status: 'PENDING', inputText: stringify(request.items[i]) })
    : undefined;
  if (exceedsTolerance(failed, n, request)) {
    return {
      type: 'MapRunEnded',
      key,
      error: ErrorName.ExceedToleratedFailureThreshold,
      cause: TOLERANCE_EXCEEDED_CAUSE,
      ...(reported && { output: reported as unknown as Json[] }),
    };
  }
  if (reported) return { type: 'MapRunEnded', key, output: reported as unknown as Json[] };
  // A tolerated failure leaves its place empty: null, as AWS shows it (Array.from visits the holes map skips).
  return { type: 'MapRunEnded', key, output: Array.from(outputs, (o) => o ?? null) };
}

/** A child that ran, as a Map with a ResultWriter receives it. */
function childOf(record: ExecutionRecord): MapRunChild {
  const child: MapRunChild = {
    status: record.status,
    inputText: record.inputText,
    executionArn: record.executionArn,
    name: record.name,
    stateMachineArn: record.stateMachineArn,
    startDate: record.startTime,
  };
  if (record.stopTime !== undefined) child.stopDate = record.stopTime;
  if (record.outputText !== undefined) child.outputText = record.outputText;
  if (record.error !== undefined) child.error = record.error;
  if (record.cause !== undefined) child.cause = record.cause;
  if (record.redriveCount !== undefined) child.redriveCount = record.redriveCount;
  return child;
}

function childRecord(
  parent: ExecutionRecord,
  request: MapRunRequest,
  index: number,
  random: () => number,
): ExecutionRecord {
  const name = uuid(random);
  const label = request.mapRunArn.split(':')[6].split('/')[1];
  const arnBase = parent.stateMachineArn.replace(':stateMachine:', ':execution:');
  const input = request.items[index];
  return {
    executionArn: `${arnBase}/${label}:${name}`,
    name,
    stateMachineArn: `${parent.stateMachineArn}/${label}`,
    stateMachineName: `${parent.stateMachineName}/${label}`,
    roleArn: parent.roleArn,
    region: parent.region,
    type: request.executionType,
    status: 'RUNNING',
    startTime: parent.startTime,
    input,
    inputText: stringify(input),
    nextEventId: 1,
    nextKey: 1,
    root: undefined as never,
  };
}
