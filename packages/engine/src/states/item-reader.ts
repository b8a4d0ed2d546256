/**
 * A Distributed Map's `ItemReader`: the Map's items come from Amazon S3 instead of its input. The pure core asks the
 * runtime for each read as for a Task's call (an `InvokeTask` command the AWS SDK integration performs, as
 * `aws-sdk:s3:getObject` or `aws-sdk:s3:listObjectsV2`), then turns the answers into items:
 * - `arn:aws:states:::s3:getObject`: the object's text in the `ReaderConfig`'s `InputType` (JSON, JSONL, CSV; see
 *   `item-reader-data.ts`);
 * - `arn:aws:states:::s3:listObjectsV2`: one item per object, `{Etag, Key, LastModified, Size, StorageClass}` with
 *   `LastModified` in epoch seconds (the Developer Guide's example), page after page.
 * `ReaderConfig.MaxItems` (or `MaxItemsPath`) keeps the first items. The parameters are `Parameters` (a payload
 * template over the effective input) in JSONPath, `Arguments` in JSONata. Other sources (manifests, inventories,
 * Athena) are not supported yet.
 */
import { type Json, type MapState, type QueryLanguage, StatesError } from '@lockstep/asl';
import { compileTemplate } from '../io.js';
import { compileJsonataValue } from '../jsonata-io.js';
import type { StateScope } from '../scope.js';
import { readItemReaderData } from './item-reader-data.js';
import { compileNumberField } from './number-field.js';

type JsonObject = { [key: string]: Json };

/** AWS's error when a Distributed Map cannot read its items. */
export const ITEM_READER_FAILED = 'States.ItemReaderFailed';

const GET_OBJECT = 'arn:aws:states:::s3:getObject';
const LIST_OBJECTS = 'arn:aws:states:::s3:listObjectsV2';
/** The object formats read (not yet MANIFEST: S3 inventories, nor Parquet). */
const READ_TYPES: ReadonlySet<string> = new Set(['JSON', 'JSONL', 'CSV']);

/** A compiled `ItemReader`. */
export interface ItemReader {
  /** The call that reads the first page, or the page after `continuationToken` (listObjectsV2). */
  call(input: Json, scope: StateScope, continuationToken?: string): { resource: string; parameters: Json };
  /** The items an answer holds, and the token of the next page when there is one. */
  itemsOf(output: Json, parameters: Json): { items: Json[]; next?: string };
  /** `MaxItems` (or `MaxItemsPath`): how many items to keep at most; undefined for all. */
  maxItems(input: Json, scope: StateScope): number | undefined;
}

/** The reader of a Map's `ItemReader`, or why it cannot read (a source not supported yet). */
export function compileItemReader(def: MapState, language: QueryLanguage): ItemReader | string | undefined {
  const reader = def.ItemReader;
  if (reader === undefined) return undefined;
  const resource = reader.Resource;
  if (resource !== GET_OBJECT && resource !== LIST_OBJECTS) {
    return `Lockstep does not support a Distributed Map's ItemReader of ${String(resource)} yet.`;
  }
  const config = (reader.ReaderConfig ?? {}) as Record<string, unknown>;
  const inputType = config.InputType;
  if (resource === GET_OBJECT && inputType !== undefined && !READ_TYPES.has(String(inputType))) {
    return `Lockstep does not support a Distributed Map's ItemReader of InputType ${String(inputType)} yet.`;
  }
  const parameters =
    language === 'JSONata' ? jsonataParameters(reader.Arguments) : compileTemplate(reader.Parameters ?? {});
  const maxItems = compileNumberField(
    'MaxItemsPath',
    config.MaxItems,
    config.MaxItemsPath as string | undefined,
    'positive integer',
  );
  const listing = resource === LIST_OBJECTS;
  return {
    call(input, scope, continuationToken) {
      const base = parameters(input, scope) as JsonObject;
      const page = continuationToken === undefined ? base : { ...base, ContinuationToken: continuationToken };
      return { resource: `arn:aws:states:::aws-sdk:s3:${listing ? 'listObjectsV2' : 'getObject'}`, parameters: page };
    },
    itemsOf(output, parameters) {
      const answer = (output ?? {}) as JsonObject;
      if (listing) {
        const next = answer.IsTruncated === true ? (answer.NextContinuationToken as string | undefined) : undefined;
        return { items: ((answer.Contents ?? []) as JsonObject[]).map(listedObject), next };
      }
      const { Bucket, Key } = parameters as JsonObject;
      const source = {
        name: `the object s3://${String(Bucket)}/${String(Key)}`,
        invalid: (message: string) => new StatesError(ITEM_READER_FAILED, message),
      };
      // MaxItems applies once all pages are read (below), not per object.
      const { MaxItems: _all, ...unlimited } = config;
      return { items: readItemReaderData({ ...reader, ReaderConfig: unlimited }, String(answer.Body ?? ''), source) };
    },
    maxItems: (input, scope) => maxItems(input, scope),
  };
}

function jsonataParameters(value: unknown): (input: Json, scope: StateScope) => Json {
  const evaluate = compileJsonataValue(value ?? {}, 'Arguments')!;
  return (_input, scope) => evaluate(scope);
}

/** An object of a listing as the child execution receives it. */
function listedObject(object: JsonObject): Json {
  const modified = object.LastModified;
  return {
    Etag: object.ETag ?? null,
    Key: object.Key ?? null,
    LastModified: typeof modified === 'string' ? Math.floor(Date.parse(modified) / 1000) : (modified ?? null),
    Size: object.Size ?? null,
    StorageClass: object.StorageClass ?? null,
  };
}
