/**
 * Parallel: a non-empty array of branches, each a `States` block of its own and a variable scope nested in
 * the Parallel's.
 */
import { fieldLocation, itemLocation } from './diagnostics.js';
import type { StateUnderCheck } from './state.js';
import { checkStatesBlock } from './states-block.js';
import { checkNonEmptyArray, checkRequired } from './value-checks.js';
import { blockContext } from './variables.js';

/** Checks a Parallel state's own fields and its branches. */
export function checkParallelState({ ctx, state, location }: StateUnderCheck): void {
  const out = ctx.out;
  if (!checkRequired(out, state, ['Branches'], location)) return;
  const at = fieldLocation(location, 'Branches');
  if (!checkNonEmptyArray(out, state.Branches, at)) return;
  state.Branches.forEach((branch, i) => {
    checkStatesBlock(blockContext(ctx, branch, 'nested'), branch, itemLocation(at, i), 'branch');
  });
}
