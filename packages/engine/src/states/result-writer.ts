/**
 * A Distributed Map's `ResultWriter` (Developer Guide, "ResultWriter (Map)"): what the Map makes of its Map Run's
 * child executions instead of the array of their outputs.
 * - `Resource: "arn:aws:states:::s3:putObject"` with `Parameters` (JSONPath payload template) or `Arguments`
 *   (JSONata) `{Bucket, Prefix}`: the results are exported to S3 under `<Prefix>/<map run id>/` (see
 *   `result-writer-files.ts`), and the Map's result is `{"MapRunArn", "ResultWriterDetails": {"Bucket", "Key"}}`, the
 *   key of the manifest. The pure core asks the runtime for each object as for a Task's call (an `InvokeTask` of
 *   `aws-sdk:s3:putObject`, which the AWS SDK integration performs), the result files first and the manifest last,
 *   after the children ended, failed or not. A put that fails fails the Map Run and the state with
 *   `States.ResultWriterFailed`.
 * - `WriterConfig` alone: the results, under its `Transformation`, are the Map's result.
 *
 * The runtime of such a run reports every child (`MapRunChild`) in `MapRunEnded`, not only the outputs: the Map asks
 * it to (`MapRunRequest.reportChildren`).
 *
 * Not supported yet: `OutputType` JSONL when exporting (the AWS SDK integration writes a `Body` as its JSON text, one
 * JSON value), which fails the state saying so. With `WriterConfig` alone, `OutputType` is not applied: the state's
 * result is an array, as AWS documents no other shape for it.
 */
import { ErrorName, type Json, type MapState, type QueryLanguage } from '@lockstep/asl';
import { compileTemplate } from '../io.js';
import { compileJsonataValue } from '../jsonata-io.js';
import type { StateScope } from '../scope.js';
import {
  type ResultDestination,
  type ResultObject,
  resultDestination,
  type Transformation,
} from './result-writer-files.js';

type JsonObject = { [key: string]: Json };

/** AWS's error when a Distributed Map cannot write its results. */
export const RESULT_WRITER_FAILED = ErrorName.ResultWriterFailed;

const PUT_OBJECT = 'arn:aws:states:::s3:putObject';
/** The call that puts each object. */
const PUT_OBJECT_CALL = 'arn:aws:states:::aws-sdk:s3:putObject';

/** A compiled `ResultWriter`. */
export interface ResultWriter {
  transformation: Transformation;
  /** Where the run `mapRunArn` exports its results; absent with `WriterConfig` alone. */
  destination?(input: Json, scope: StateScope, mapRunArn: string): ResultDestination;
}

/**
 * What a Map with a `ResultWriter` keeps in its waiting task: its Map Run's ARN while the run goes on, then, while it
 * exports the results, the objects still to put, how the Map Run ended and the Map's result once all are written.
 */
export interface ResultWriting {
  mapRunArn: string;
  export?: {
    bucket: Json;
    objects: ResultObject[];
    failure?: { error?: string; cause?: string };
    result: Json;
  };
}

/** The writer of a Map's `ResultWriter`, or why it cannot write (a destination or format not supported yet). */
export function compileResultWriter(def: MapState, language: QueryLanguage): ResultWriter | string | undefined {
  const writer = def.ResultWriter;
  if (writer === undefined) return undefined;
  const config = (writer.WriterConfig ?? {}) as Record<string, unknown>;
  const resource = writer.Resource;
  // NONE is the default when exporting without WriterConfig, COMPACT the Map's own (the guide).
  const transformation = (config.Transformation ?? (resource === undefined ? 'COMPACT' : 'NONE')) as Transformation;
  if (resource === undefined) return { transformation };
  if (resource !== PUT_OBJECT)
    return `Lockstep does not support a Distributed Map's ResultWriter of ${String(resource)} yet.`;
  if (config.OutputType === 'JSONL') {
    return "Lockstep does not support a Distributed Map's ResultWriter of OutputType JSONL yet.";
  }
  const parameters =
    language === 'JSONata' ? jsonataArguments(writer.Arguments) : compileTemplate(writer.Parameters ?? {});
  return {
    transformation,
    destination(input, scope, mapRunArn) {
      const { Bucket, Prefix } = (parameters(input, scope) ?? {}) as JsonObject;
      return resultDestination(mapRunArn, Bucket ?? null, Prefix ?? '');
    },
  };
}

function jsonataArguments(value: unknown): (input: Json, scope: StateScope) => Json {
  const evaluate = compileJsonataValue(value ?? {}, 'Arguments')!;
  return (_input, scope) => evaluate(scope);
}

/** The call that puts `object` in `bucket`. */
export function putObjectCall(bucket: Json, object: ResultObject): { resource: string; parameters: Json } {
  return { resource: PUT_OBJECT_CALL, parameters: { Bucket: bucket, Key: object.key, Body: object.body } };
}
