/**
 * Choice: its rules and `Default`.
 */
import { checkChoiceRule } from './choice-rule.js';
import { fieldLocation, itemLocation } from './diagnostics.js';
import type { StateUnderCheck } from './state.js';
import { checkNonEmptyArray, checkRequired, checkType, ifPresent } from './value-checks.js';

/** Checks a Choice state's own fields. */
export function checkChoiceState({ ctx, state, location, language }: StateUnderCheck): void {
  const out = ctx.out;
  ifPresent(state, 'Default', location, (v, at) => checkType(out, v, 'STRING', at));
  if (!checkRequired(out, state, ['Choices'], location)) return;
  const at = fieldLocation(location, 'Choices');
  if (!checkNonEmptyArray(out, state.Choices, at)) return;
  state.Choices.forEach((rule, i) => {
    checkChoiceRule(ctx, rule, itemLocation(at, i), language, true);
  });
}
