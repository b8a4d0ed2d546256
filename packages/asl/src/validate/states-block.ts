/**
 * A `States` block with its `StartAt`: the state machine itself, a Parallel branch or a Map processor.
 */
import type { ValidationContext } from './context.js';
import { fieldLocation } from './diagnostics.js';
import { checkState } from './state.js';
import { checkKnownFields, checkRequired, checkType, ifPresent } from './value-checks.js';

/** Which kind of block: each accepts a few fields of its own besides `StartAt`, `States` and `Comment`. */
export type StatesBlockKind = 'machine' | 'branch' | 'processor';

const BLOCK_FIELDS: Readonly<Record<StatesBlockKind, ReadonlySet<string>>> = {
  machine: new Set(['StartAt', 'States', 'Comment', 'Version', 'TimeoutSeconds', 'QueryLanguage']),
  branch: new Set(['StartAt', 'States', 'Comment']),
  processor: new Set(['StartAt', 'States', 'Comment', 'ProcessorConfig']),
};

/** Checks the block's own fields and every state in it (nested blocks included, through their states). */
export function checkStatesBlock(
  ctx: ValidationContext,
  block: unknown,
  location: string,
  kind: StatesBlockKind,
): void {
  const out = ctx.out;
  if (!checkType(out, block, 'OBJECT', location)) return;
  const fields = block as Record<string, unknown>;
  checkKnownFields(out, fields, BLOCK_FIELDS[kind], location);
  // AWS lists the missing top-level fields in this order.
  checkRequired(out, fields, ['States', 'StartAt'], location);
  ifPresent(fields, 'StartAt', location, (v, at) => checkType(out, v, 'STRING', at));
  ifPresent(fields, 'Comment', location, (v, at) => checkType(out, v, 'STRING', at));
  ifPresent(fields, 'States', location, (states, at) => {
    if (!checkType(out, states, 'OBJECT', at)) return;
    // Indexed, with no pair per state: this runs once per state, mostly as cold (interpreted) code.
    const byName = states as Record<string, unknown>;
    const names = Object.keys(byName);
    for (let i = 0; i < names.length; i++) checkState(ctx, byName[names[i]], fieldLocation(at, names[i]));
  });
}
