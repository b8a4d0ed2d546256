/**
 * Wait: exactly one of `Seconds`, `Timestamp` and (JSONPath) `SecondsPath`, `TimestampPath`.
 */
import { isDefinitionTimestamp } from '../timestamp.js';
import { isJsonataExpression } from './context.js';
import { checkReferencePath } from './paths.js';
import type { StateUnderCheck } from './state.js';
import { checkExactlyOne, checkNumber, checkType, ifPresent, MAX_FIELD_VALUE } from './value-checks.js';

/** Checks a Wait state's own fields. */
export function checkWaitState({ ctx, state, location, language }: StateUnderCheck): void {
  const out = ctx.out;
  const jsonata = language === 'JSONata';
  const fields = jsonata ? ['Seconds', 'Timestamp'] : ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath'];
  checkExactlyOne(out, state, fields, location);
  ifPresent(state, 'Seconds', location, (v, at) => {
    if (jsonata && isJsonataExpression(v)) return;
    // A path or a timestamp may reach further (up to 2^31-1 seconds), checked when the state runs.
    checkNumber(out, v, 'INTEGER', { min: 0, max: MAX_FIELD_VALUE }, at);
  });
  ifPresent(state, 'Timestamp', location, (v, at) => {
    if (jsonata && isJsonataExpression(v)) return;
    if (checkType(out, v, 'STRING', at) && !isDefinitionTimestamp(v as string)) {
      out.schema('String does not match RFC3339 timestamp', at);
    }
  });
  if (jsonata) return;
  ifPresent(state, 'SecondsPath', location, (v, at) => checkReferencePath(out, 'SecondsPath', v, at));
  ifPresent(state, 'TimestampPath', location, (v, at) => checkReferencePath(out, 'TimestampPath', v, at));
}
