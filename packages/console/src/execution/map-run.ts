/**
 * What the console derives about Distributed Map runs: which states run one, the names in a Map Run's ARN, its counts
 * as table rows, and the UpdateMapRun request a settings form asks for.
 *
 * AWS's names (reference §6.2): a run is `arn:aws:states:<region>:<account>:mapRun:<machine>/<label>:<id>`; its
 * children run the state machine `<machineArn>/<label>`, which DescribeStateMachine does not know.
 */
import type { MapRunCounts, MapRunDescription, MapRunUpdate } from '../api/types.js';

/** Whether a state of a definition is a Distributed Map (`ItemProcessor.ProcessorConfig.Mode` `DISTRIBUTED`). */
export function isDistributedMap(state: Record<string, unknown> | undefined): boolean {
  if (state?.Type !== 'Map') return false;
  const processor = state.ItemProcessor as { ProcessorConfig?: { Mode?: unknown } } | undefined;
  return processor?.ProcessorConfig?.Mode === 'DISTRIBUTED';
}

/** A Map Run's label (the Map state's `Label`, or its name), from its ARN. */
export function mapRunLabel(mapRunArn: string): string {
  return (mapRunArn.split(':')[6] ?? mapRunArn).split('/').pop() ?? mapRunArn;
}

/**
 * The state machine an execution's machine comes from: a Map Run child's `<machineArn>/<label>` gives
 * `<machineArn>` (state machine names have no `/`); any other machine is its own.
 */
export function definingMachineArn(stateMachineArn: string): string {
  return stateMachineArn.split('/')[0];
}

/** One row of a Map Run's counts: a status, with its items and its child executions. */
export interface MapRunCountRow {
  status: string;
  items: number;
  executions: number;
}

const COUNTED: [keyof MapRunCounts, string][] = [
  ['pending', 'Pending'],
  ['running', 'Running'],
  ['succeeded', 'Succeeded'],
  ['failed', 'Failed'],
  ['timedOut', 'Timed out'],
  ['aborted', 'Aborted'],
  ['total', 'Total'],
];

/** The run's items and child executions by status, pending to total (a child may process a batch of items). */
export function mapRunCountRows(run: Pick<MapRunDescription, 'itemCounts' | 'executionCounts'>): MapRunCountRow[] {
  return COUNTED.map(([key, status]) => ({
    status,
    items: run.itemCounts[key] ?? 0,
    executions: run.executionCounts[key] ?? 0,
  }));
}

/** The settings form's fields, as typed (an empty field keeps the run's value). */
export interface MapRunSettingsFields {
  maxConcurrency: string;
  toleratedFailurePercentage: string;
  toleratedFailureCount: string;
}

/** The form's fields filled with a run's settings. */
export function mapRunSettingsFields(run: MapRunDescription): MapRunSettingsFields {
  return {
    maxConcurrency: String(run.maxConcurrency),
    toleratedFailurePercentage: String(run.toleratedFailurePercentage),
    toleratedFailureCount: String(run.toleratedFailureCount),
  };
}

const LABELS: Record<keyof MapRunSettingsFields, string> = {
  maxConcurrency: 'Max concurrency',
  toleratedFailurePercentage: 'Tolerated failure percentage',
  toleratedFailureCount: 'Tolerated failure count',
};

/**
 * The UpdateMapRun changes the fields ask for: those that differ from the run's. Throws when a field is not a
 * number (or, for the integers, not a whole one); the ranges are the server's to check, with AWS's messages.
 */
export function mapRunUpdateOf(fields: MapRunSettingsFields, run: MapRunDescription): MapRunUpdate {
  const update: MapRunUpdate = {};
  for (const key of Object.keys(LABELS) as (keyof MapRunSettingsFields)[]) {
    const text = fields[key].trim();
    if (text === '') continue;
    const value = Number(text);
    const whole = key !== 'toleratedFailurePercentage';
    if (!Number.isFinite(value) || (whole && !Number.isInteger(value))) {
      throw new Error(`${LABELS[key]} must be ${whole ? 'a whole number' : 'a number'}, not "${text}".`);
    }
    if (value !== run[key]) update[key] = value;
  }
  return update;
}
