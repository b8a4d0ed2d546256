/**
 * Fail: `Error`/`Cause`, or (JSONPath) `ErrorPath`/`CausePath`, never both of a pair.
 */
import { checkPathOrIntrinsic } from './paths.js';
import type { StateUnderCheck } from './state.js';
import { checkExclusive, checkType, ifPresent } from './value-checks.js';

/** Checks a Fail state's own fields. */
export function checkFailState({ ctx, state, location, language }: StateUnderCheck): void {
  const out = ctx.out;
  for (const field of ['Error', 'Cause']) {
    ifPresent(state, field, location, (v, at) => checkType(out, v, 'STRING', at));
    if (language === 'JSONata') continue;
    ifPresent(state, `${field}Path`, location, (v, at) => checkPathOrIntrinsic(out, `${field}Path`, v, at));
    checkExclusive(out, state, [field, `${field}Path`], location);
  }
}
