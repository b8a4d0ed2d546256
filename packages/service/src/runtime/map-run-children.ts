/**
 * The child executions of a Distributed Map run, as stored: one per item, running the item processor as a
 * standalone state machine, named deterministically from the run and the item's index.
 *
 * AWS's shapes (reference §6.2): the run is `arn:aws:states:<region>:<account>:mapRun:<machine>/<label>:<id>`, its
 * children `arn:aws:states:<region>:<account>:execution:<machine>/<label>:<name>`, their state machine
 * `<machineArn>/<label>`. A name derived from (run, index) is what makes starting children idempotent: a
 * coordinator that runs again after a crash finds the children it started, instead of starting them again.
 */
import type { Json } from '@lockstep/asl';
import {
  type CompiledBlock,
  type CompiledMachine,
  type ExecutionIdentity,
  type ExecutionRecord,
  HISTORY_EVENT_LIMIT,
  type MapRunRequest,
} from '@lockstep/engine';
import type { ExecutionRow, ExecutionSummary, WorkItem } from '../store/records.js';
import { derivedExecutionName } from './derived-name.js';
import { newExecution } from './new-execution.js';

/** What every child of one run shares. */
export interface MapRunChildTemplate {
  parent: ExecutionRecord;
  request: MapRunRequest;
  /** The item processor as a standalone definition (see {@link childDefinition}). */
  definition: string;
  /** How many items each child processes (see {@link childItemCounts}). */
  itemCounts: readonly number[];
}

/**
 * The item processor block as a standalone state machine: `{ QueryLanguage, StartAt, States }`, with the parent
 * machine's query language (the block's states inherit it).
 */
export function childDefinition(parentDefinition: string, block: CompiledBlock): string {
  const { QueryLanguage } = JSON.parse(parentDefinition) as { QueryLanguage?: string };
  const { StartAt, States } = block.definition;
  return JSON.stringify(QueryLanguage === undefined ? { StartAt, States } : { QueryLanguage, StartAt, States });
}

/**
 * How many items each child of the run processes: with an `ItemBatcher`, a child's input is a batch
 * (`{"Items": [...]}`), else one item. The Map state is found in the block holding it (the item processor's block id is
 * `<block>/States/<map>/ItemProcessor`).
 */
export function childItemCounts(machine: CompiledMachine, request: MapRunRequest): number[] {
  const [, blockId, mapName] = /^(.*)\/States\/(.+)\/ItemProcessor$/.exec(request.blockId) ?? [];
  const map = machine.blocks.get(blockId ?? '')?.definition.States[mapName ?? ''] as { ItemBatcher?: unknown };
  const batched = map?.ItemBatcher !== undefined;
  return request.items.map((input) => (batched ? ((input as { Items?: Json[] }).Items?.length ?? 0) : 1));
}

/**
 * The child for item `index` as the Map of a run with a `ResultWriter` receives it (the engine's `MapRunChild`): its
 * stored fields, `PENDING` with its input when it never started. A child still running is one the run is stopping
 * as it fails: it is reported `ABORTED` at `now`, as it ends.
 */
export function reportedChild(
  row: ExecutionSummary | undefined,
  request: MapRunRequest,
  index: number,
  now: number,
): Json {
  if (!row) return { status: 'PENDING', inputText: JSON.stringify(request.items[index]) };
  const running = row.status === 'RUNNING';
  const { executionArn, name, stateMachineArn, startDate, inputText, outputText, error, cause, redriveCount } = row;
  const child = { status: running ? 'ABORTED' : row.status, inputText, executionArn, name, stateMachineArn, startDate };
  const stopDate = running ? now : row.stopDate;
  const fields = Object.entries({ ...child, stopDate, outputText, error, cause, redriveCount });
  return Object.fromEntries(fields.filter(([, value]) => value !== undefined)) as Json;
}

/**
 * The name of the child for item `index`: a hash of the run and the index, shaped as the UUIDs AWS gives the
 * children it names.
 */
export function childName(mapRunArn: string, index: number): string {
  return derivedExecutionName(`${mapRunArn}/${index}`);
}

/** The ARN of the child for item `index`. */
export function childArn(mapRunArn: string, index: number): string {
  const runPath = mapRunArn.split(':')[6];
  const prefix = mapRunArn.split(':').slice(0, 5).join(':');
  return `${prefix}:execution:${runPath}:${childName(mapRunArn, index)}`;
}

/** The state machine of a run's children: `<parentStateMachineArn>/<label>`. */
export function childStateMachineArn(parent: ExecutionRecord, mapRunArn: string): string {
  return `${parent.stateMachineArn}/${mapRunArn.split(':')[6].split('/').at(-1)}`;
}

/** The row and start work of the child for item `index`, started at `startDate`. */
export function childExecution(
  template: MapRunChildTemplate,
  index: number,
  startDate: number,
): { row: ExecutionRow; start: WorkItem } {
  const { parent, request } = template;
  const identity: ExecutionIdentity = {
    executionArn: childArn(request.mapRunArn, index),
    name: childName(request.mapRunArn, index),
    stateMachineArn: childStateMachineArn(parent, request.mapRunArn),
    stateMachineName: request.mapRunArn.split(':')[6],
    roleArn: parent.roleArn,
    region: parent.region,
    type: request.executionType,
  };
  // The children of an execution running a test case answer from the same test case.
  if (parent.testCase !== undefined) identity.testCase = parent.testCase;
  const input: Json = request.items[index];
  const { row, start } = newExecution({
    identity,
    definition: template.definition,
    input,
    inputText: JSON.stringify(input),
    startDate,
    historyEventLimit: HISTORY_EVENT_LIMIT,
  });
  return { row: { ...row, mapRunArn: request.mapRunArn, itemCount: template.itemCounts[index] }, start };
}
