/**
 * What a Distributed Map's `ResultWriter` makes of its Map Run's child executions: AWS's result entries, the
 * `WriterConfig.Transformation` of them, and the objects exported to S3 (Developer Guide, "ResultWriter (Map)").
 *
 * - An entry (`NONE`) is the child as AWS describes it: `ExecutionArn`, `Input` (its JSON text), `InputDetails`,
 *   `Name`, `Output` (its JSON text), `OutputDetails`, `RedriveCount`, `RedriveStatus`, `RedriveStatusReason`,
 *   `StartDate`, `StateMachineArn`, `Status`, `StopDate`, in that (alphabetical) order, dates as ISO-8601 with
 *   milliseconds (the guide's example). A failed child has `Error` and `Cause` instead of the output (they sort
 *   first), and is `REDRIVABLE_BY_MAP_RUN` as DescribeExecution shows it; a child never started (`PENDING`, the Map
 *   Run failed first) has only its input and status: AWS documents no example of either, the shapes are inferred.
 * - `COMPACT` keeps a succeeded child's output, `FLATTEN` spreads an output that is an array; a child that did not
 *   succeed keeps its entry whatever the transformation ("as if NONE").
 * - Exported, the children are grouped by status into `SUCCEEDED_<n>.json`, `FAILED_<n>.json` (failed, timed out
 *   and aborted) and `PENDING_<n>.json`, each a JSON array of at most 5 GB (the next index past that), only the
 *   groups that have children; then `manifest.json` lists them with their sizes.
 */
import type { Json } from '@lockstep/asl';
import type { ExecutionStatus } from '../execution.js';
import { utf8Length } from '../payload.js';

type JsonObject = { [key: string]: Json };

/**
 * A child execution of a Map Run, as the runtime reports it to a Map with a `ResultWriter` (the `MapRunEnded`
 * output, in item order): the fields of a stored execution. A child never started is `PENDING`, with its input only.
 */
export interface MapRunChild {
  status: ExecutionStatus | 'PENDING';
  inputText: string;
  executionArn?: string;
  name?: string;
  stateMachineArn?: string;
  /** Epoch ms. */
  startDate?: number;
  stopDate?: number;
  outputText?: string;
  error?: string;
  cause?: string;
  /** How many times it was redriven (with its Map Run); absent when never. */
  redriveCount?: number;
}

/** `WriterConfig.Transformation`. */
export type Transformation = 'NONE' | 'COMPACT' | 'FLATTEN';

/** An object to put in S3; `body` is written as its JSON text. */
export interface ResultObject {
  key: string;
  body: Json;
}

/** AWS's largest result file: 5 GB. */
export const RESULT_FILE_LIMIT_BYTES = 5 * 1024 ** 3;

/** The groups of the result files, in the manifest's order. */
const GROUPS = ['FAILED', 'PENDING', 'SUCCEEDED'] as const;
type Group = (typeof GROUPS)[number];

/** AWS's entry for a child (the `NONE` transformation). */
export function resultEntry(child: MapRunChild): JsonObject {
  const entry: JsonObject = {};
  if (child.status === 'PENDING') {
    return { Input: child.inputText, InputDetails: { Included: true }, Status: 'PENDING' };
  }
  if (child.cause !== undefined) entry.Cause = child.cause;
  if (child.error !== undefined) entry.Error = child.error;
  entry.ExecutionArn = child.executionArn ?? null;
  entry.Input = child.inputText;
  entry.InputDetails = { Included: true };
  entry.Name = child.name ?? null;
  if (child.status === 'SUCCEEDED') {
    entry.Output = child.outputText ?? 'null';
    entry.OutputDetails = { Included: true };
  }
  entry.RedriveCount = child.redriveCount ?? 0;
  if (child.status === 'SUCCEEDED') {
    entry.RedriveStatus = 'NOT_REDRIVABLE';
    entry.RedriveStatusReason = 'Execution is SUCCEEDED and cannot be redriven';
  } else {
    entry.RedriveStatus = 'REDRIVABLE_BY_MAP_RUN';
  }
  if (child.startDate !== undefined) entry.StartDate = new Date(child.startDate).toISOString();
  entry.StateMachineArn = child.stateMachineArn ?? null;
  entry.Status = child.status;
  if (child.stopDate !== undefined) entry.StopDate = new Date(child.stopDate).toISOString();
  return entry;
}

/** The children's results under `transformation`, in item order. */
export function transformResults(children: readonly MapRunChild[], transformation: Transformation): Json[] {
  const results: Json[] = [];
  for (const child of children) {
    if (transformation === 'NONE' || child.status !== 'SUCCEEDED') {
      results.push(resultEntry(child));
      continue;
    }
    const output = JSON.parse(child.outputText ?? 'null') as Json;
    if (transformation === 'FLATTEN' && Array.isArray(output)) results.push(...output);
    else results.push(output);
  }
  return results;
}

/** Where a Map Run's results go: `<Prefix>/<map run id>/` in `bucket` (no slash added after an empty prefix). */
export interface ResultDestination {
  bucket: Json;
  /** `<Prefix>/<map run id>/`. */
  folder: string;
}

/** The destination of the run `mapRunArn`'s results for the evaluated `Bucket` and `Prefix`. */
export function resultDestination(mapRunArn: string, bucket: Json, prefix: Json): ResultDestination {
  const text = typeof prefix === 'string' ? prefix : '';
  const base = text === '' || text.endsWith('/') ? text : `${text}/`;
  return { bucket, folder: `${base}${mapRunArn.split(':').at(-1)}/` };
}

/** The key of the run's manifest. */
export function manifestKey(destination: ResultDestination): string {
  return `${destination.folder}manifest.json`;
}

/**
 * The objects that export the children: the result files, then the manifest that lists them. `limitBytes` is the
 * largest file (AWS's 5 GB).
 */
export function resultObjects(
  children: readonly MapRunChild[],
  transformation: Transformation,
  mapRunArn: string,
  destination: ResultDestination,
  limitBytes = RESULT_FILE_LIMIT_BYTES,
): ResultObject[] {
  const grouped: Record<Group, MapRunChild[]> = { FAILED: [], PENDING: [], SUCCEEDED: [] };
  for (const child of children) grouped[groupOf(child)].push(child);
  const files: ResultObject[] = [];
  const listed: Record<Group, Json[]> = { FAILED: [], PENDING: [], SUCCEEDED: [] };
  for (const group of ['SUCCEEDED', 'FAILED', 'PENDING'] as const) {
    const parts = split(transformResults(grouped[group], transformation), limitBytes);
    parts.forEach(({ body, size }, n) => {
      const key = `${destination.folder}${group}_${n}.json`;
      files.push({ key, body });
      listed[group].push({ Key: key, Size: size });
    });
  }
  const manifest: JsonObject = {
    DestinationBucket: destination.bucket,
    MapRunArn: mapRunArn,
    ResultFiles: Object.fromEntries(GROUPS.map((group) => [group, listed[group]])),
  };
  return [...files, { key: manifestKey(destination), body: manifest }];
}

function groupOf(child: MapRunChild): Group {
  if (child.status === 'SUCCEEDED') return 'SUCCEEDED';
  return child.status === 'PENDING' ? 'PENDING' : 'FAILED';
}

/** Splits results into JSON arrays of at most `limitBytes` (one result at least each), with their sizes. */
function split(results: readonly Json[], limitBytes: number): { body: Json[]; size: number }[] {
  const parts: { body: Json[]; size: number }[] = [];
  let current: { body: Json[]; size: number } | undefined;
  for (const result of results) {
    const bytes = utf8Length(JSON.stringify(result));
    // `[]` around the results, a comma between two.
    if (current && current.size + 1 + bytes <= limitBytes) {
      current.body.push(result);
      current.size += 1 + bytes;
      continue;
    }
    current = { body: [result], size: 2 + bytes };
    parts.push(current);
  }
  return parts;
}
