/**
 * Map: its item processor, where items come from, and the concurrency and failure tolerance limits.
 */
import { isJsonObject } from '../json.js';
import type { ValidationContext } from './context.js';
import { isJsonataExpression } from './context.js';
import { fieldLocation } from './diagnostics.js';
import { checkItemBatcher, checkItemReader, checkMapNumber, checkResultWriter } from './map-distributed.js';
import { checkMapLabel } from './map-label.js';
import { checkReferencePath } from './paths.js';
import { checkPayloadTemplate } from './payload-template.js';
import type { StateUnderCheck } from './state.js';
import { checkStatesBlock } from './states-block.js';
import {
  type Bounds,
  checkEnum,
  checkExclusive,
  checkKnownFields,
  checkRequired,
  checkType,
  ifPresent,
} from './value-checks.js';
import { blockContext } from './variables.js';

const PROCESSOR_CONFIG_FIELDS = new Set(['Mode', 'ExecutionType']);
/** A number field with its `...Path` twin (JSONPath only) and its bounds. */
const LIMITS: readonly [string, 'INTEGER' | 'NUMBER', Bounds][] = [
  ['MaxConcurrency', 'INTEGER', { min: 0 }],
  ['ToleratedFailurePercentage', 'NUMBER', { min: 0, max: 100 }],
  ['ToleratedFailureCount', 'INTEGER', { min: 0 }],
];

/** Checks a Map state's own fields and its item processor. */
export function checkMapState({ ctx, state, location, language }: StateUnderCheck): void {
  const out = ctx.out;
  const jsonata = language === 'JSONata';
  checkProcessor(ctx, state, location);
  if (jsonata) {
    ifPresent(state, 'Items', location, (v, at) => {
      if (!isJsonataExpression(v)) checkType(out, v, 'ARRAY', at);
    });
  } else {
    ifPresent(state, 'ItemsPath', location, (v, at) => checkReferencePath(out, 'ItemsPath', v, at));
    ifPresent(state, 'ItemSelector', location, (v, at) => {
      if (checkType(out, v, 'OBJECT', at)) checkPayloadTemplate(out, v, at);
    });
  }
  for (const [field, type, bounds] of LIMITS) checkMapNumber(ctx, state, field, type, bounds, language, location);
  ifPresent(state, 'Label', location, (v, at) => checkMapLabel(ctx, v, at));
  ifPresent(state, 'ItemReader', location, (v, at) => checkItemReader(ctx, v, language, at));
  ifPresent(state, 'ItemBatcher', location, (v, at) => checkItemBatcher(ctx, v, language, at));
  ifPresent(state, 'ResultWriter', location, (v, at) => checkResultWriter(ctx, v, language, at));
}

/**
 * A Distributed Map's items run as child executions that see none of the Map's variables; an inline Map's
 * iterations are scopes nested in the Map's.
 */
function variableScope(processor: unknown): 'nested' | 'separate' {
  const config = isJsonObject(processor) ? processor.ProcessorConfig : undefined;
  return isJsonObject(config) && config.Mode === 'DISTRIBUTED' ? 'separate' : 'nested';
}

/** `ItemProcessor` (or the older `Iterator`): a `States` block with an optional `ProcessorConfig`. */
function checkProcessor(ctx: ValidationContext, state: Record<string, unknown>, location: string): void {
  const out = ctx.out;
  if (!checkExclusive(out, state, ['ItemProcessor', 'Iterator'], location)) return;
  const field = state.Iterator !== undefined ? 'Iterator' : 'ItemProcessor';
  if (!checkRequired(out, state, [field], location)) return;
  const at = fieldLocation(location, field);
  const processor = state[field];
  checkStatesBlock(blockContext(ctx, processor, variableScope(processor)), processor, at, 'processor');
  if (typeof processor !== 'object' || processor === null) return;
  ifPresent(processor as Record<string, unknown>, 'ProcessorConfig', at, (config, configAt) => {
    if (!checkType(out, config, 'OBJECT', configAt)) return;
    const c = config as Record<string, unknown>;
    checkKnownFields(out, c, PROCESSOR_CONFIG_FIELDS, configAt);
    ifPresent(c, 'Mode', configAt, (v, l) => checkEnum(out, v, ['INLINE', 'DISTRIBUTED'], l));
    ifPresent(c, 'ExecutionType', configAt, (v, l) => checkEnum(out, v, ['STANDARD', 'EXPRESS'], l));
    if (c.Mode === 'DISTRIBUTED') checkRequired(out, c, ['ExecutionType'], configAt);
  });
}
