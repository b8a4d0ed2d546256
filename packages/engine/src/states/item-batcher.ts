/**
 * A Distributed Map's `ItemBatcher`: the items (after `ItemSelector`) are grouped, in order, into batches, and each
 * child execution receives one batch as its input: `{"BatchInput": <BatchInput>, "Items": [...]}` (`BatchInput`
 * only when the batcher has one), as the Developer Guide shows it. A batch holds at most `MaxItemsPerBatch` items
 * and at most `MaxInputBytesPerBatch` bytes of JSON (the whole input, counted in UTF-8); an item that alone exceeds
 * the byte limit makes a batch of its own. Each limit is a constant, a `...Path` or, in JSONata, an expression.
 */
import type { Json, QueryLanguage } from '@lockstep/asl';
import { compileTemplate } from '../io.js';
import { compileJsonataValue } from '../jsonata-io.js';
import { stringify, utf8Length } from '../payload.js';
import type { StateScope } from '../scope.js';
import { compileNumberField } from './number-field.js';

/** Groups a Map's items into the inputs of its child executions. */
export type ItemBatcher = (items: Json[], input: Json, scope: StateScope) => Json[];

/** The batcher `ItemBatcher` describes; undefined when the Map has none. */
export function compileItemBatcher(
  batcher: Record<string, unknown> | undefined,
  language: QueryLanguage,
): ItemBatcher | undefined {
  if (batcher === undefined) return undefined;
  const maxItems = compileNumberField(
    'MaxItemsPerBatchPath',
    batcher.MaxItemsPerBatch,
    batcher.MaxItemsPerBatchPath as string | undefined,
    'positive integer',
  );
  const maxBytes = compileNumberField(
    'MaxInputBytesPerBatchPath',
    batcher.MaxInputBytesPerBatch,
    batcher.MaxInputBytesPerBatchPath as string | undefined,
    'positive integer',
  );
  const batchInput = compileBatchInput(batcher.BatchInput, language);
  return (items, input, scope) => {
    const itemLimit = maxItems(input, scope) ?? Number.POSITIVE_INFINITY;
    const byteLimit = maxBytes(input, scope) ?? Number.POSITIVE_INFINITY;
    const shared = batchInput?.(input, scope);
    const batchOf = (batchItems: Json[]): Json =>
      shared === undefined ? { Items: batchItems } : { BatchInput: shared, Items: batchItems };
    // `{"BatchInput":...,"Items":[]}`, then each item and its separating comma; counted only under a byte limit.
    const counting = byteLimit !== Number.POSITIVE_INFINITY;
    const emptyBytes = counting ? utf8Length(stringify(batchOf([]))) : 0;
    const batches: Json[] = [];
    let current: Json[] = [];
    let bytes = emptyBytes;
    for (const item of items) {
      const size = counting ? utf8Length(stringify(item)) : 0;
      if (current.length > 0 && (current.length >= itemLimit || bytes + 1 + size > byteLimit)) {
        batches.push(batchOf(current));
        current = [];
        bytes = emptyBytes;
      }
      bytes += (current.length > 0 ? 1 : 0) + size;
      current.push(item);
    }
    if (current.length > 0) batches.push(batchOf(current));
    return batches;
  };
}

/** `BatchInput`: a payload template over the state's effective input (JSONPath), or a JSONata value. */
function compileBatchInput(
  value: unknown,
  language: QueryLanguage,
): ((input: Json, scope: StateScope) => Json) | undefined {
  if (value === undefined) return undefined;
  if (language === 'JSONata') {
    const evaluate = compileJsonataValue(value, 'BatchInput')!;
    return (_input, scope) => evaluate(scope);
  }
  return compileTemplate(value);
}
