/**
 * `Retry` and `Catch` (Task, Parallel, Map): retriers, catchers and their `ErrorEquals`.
 */
import type { QueryLanguage } from '../definition.js';
import { ErrorName } from '../errors.js';
import type { ValidationContext } from './context.js';
import { fieldLocation, itemLocation } from './diagnostics.js';
import { checkJsonataValue } from './jsonata-fields.js';
import { checkResultPath } from './paths.js';
import { checkAssign } from './state.js';
import { otherLanguage, wrongLanguageMessage } from './state-fields.js';
import {
  checkEnum,
  checkKnownFields,
  checkNonEmptyArray,
  checkNumber,
  checkRequired,
  checkType,
  ifPresent,
  MAX_FIELD_VALUE,
} from './value-checks.js';

/** `MaxDelaySeconds` may be at most one year (366 days). */
const MAX_DELAY_SECONDS = 31_622_400;

const RETRIER_FIELDS = new Set([
  'ErrorEquals',
  'IntervalSeconds',
  'MaxAttempts',
  'BackoffRate',
  'MaxDelaySeconds',
  'JitterStrategy',
  'Comment',
]);
const CATCHER_FIELDS: Readonly<Record<QueryLanguage, readonly string[]>> = {
  JSONPath: ['ResultPath'],
  JSONata: ['Output'],
};
const CATCHER_SHARED_FIELDS = ['ErrorEquals', 'Next', 'Assign', 'Comment'];

/** `Retry`: an array of retriers. */
export function checkRetriers(ctx: ValidationContext, value: unknown, location: string): void {
  const out = ctx.out;
  if (!checkType(out, value, 'ARRAY', location)) return;
  const retriers = value as unknown[];
  retriers.forEach((retrier, i) => {
    const at = itemLocation(location, i);
    if (!checkType(out, retrier, 'OBJECT', at)) return;
    const r = retrier as Record<string, unknown>;
    checkKnownFields(out, r, RETRIER_FIELDS, at);
    checkErrorEquals(ctx, r, at, i === retriers.length - 1, 'Retrier');
    ifPresent(r, 'IntervalSeconds', at, (v, l) => checkNumber(out, v, 'INTEGER', { min: 1, max: MAX_FIELD_VALUE }, l));
    ifPresent(r, 'MaxAttempts', at, (v, l) => checkNumber(out, v, 'INTEGER', { min: 0, max: MAX_FIELD_VALUE }, l));
    ifPresent(r, 'BackoffRate', at, (v, l) => checkNumber(out, v, 'NUMBER', { min: 1 }, l));
    ifPresent(r, 'MaxDelaySeconds', at, (v, l) =>
      checkNumber(out, v, 'INTEGER', { min: 1, max: MAX_DELAY_SECONDS }, l),
    );
    ifPresent(r, 'JitterStrategy', at, (v, l) => checkEnum(out, v, ['FULL', 'NONE'], l));
    ifPresent(r, 'Comment', at, (v, l) => checkType(out, v, 'STRING', l));
  });
}

/** `Catch`: an array of catchers. */
export function checkCatchers(ctx: ValidationContext, value: unknown, language: QueryLanguage, location: string): void {
  const out = ctx.out;
  if (!checkType(out, value, 'ARRAY', location)) return;
  const catchers = value as unknown[];
  catchers.forEach((catcher, i) => {
    const at = itemLocation(location, i);
    if (!checkType(out, catcher, 'OBJECT', at)) return;
    const c = catcher as Record<string, unknown>;
    for (const name of Object.keys(c)) {
      if (CATCHER_SHARED_FIELDS.includes(name) || CATCHER_FIELDS[language].includes(name)) continue;
      const otherLanguageField = CATCHER_FIELDS[otherLanguage(language)].includes(name);
      out.schema(otherLanguageField ? wrongLanguageMessage(language, name) : `Field '${name}' is not supported`, at);
    }
    checkErrorEquals(ctx, c, at, i === catchers.length - 1, 'Catcher');
    if (checkRequired(out, c, ['Next'], at)) checkType(out, c.Next, 'STRING', fieldLocation(at, 'Next'));
    if (language === 'JSONPath') ifPresent(c, 'ResultPath', at, (v, l) => checkResultPath(out, v, l));
    else ifPresent(c, 'Output', at, (v, l) => checkJsonataValue(out, v, l, 'errorOutput'));
    ifPresent(c, 'Assign', at, (v, l) => checkAssign(ctx, v, language, l, 'errorOutput'));
    ifPresent(c, 'Comment', at, (v, l) => checkType(out, v, 'STRING', l));
  });
}

/** `ErrorEquals`: a non-empty array of names; `States.ALL` alone, and only in the last retrier/catcher. */
function checkErrorEquals(
  ctx: ValidationContext,
  handler: Record<string, unknown>,
  location: string,
  isLast: boolean,
  kind: 'Retrier' | 'Catcher',
): void {
  const out = ctx.out;
  if (!checkRequired(out, handler, ['ErrorEquals'], location)) return;
  const at = fieldLocation(location, 'ErrorEquals');
  if (!checkNonEmptyArray(out, handler.ErrorEquals, at)) return;
  const names = handler.ErrorEquals;
  names.forEach((name, i) => {
    checkType(out, name, 'STRING', itemLocation(at, i));
  });
  if (!names.includes(ErrorName.All)) return;
  if (names.length > 1) out.schema(`'${ErrorName.All}' must appear alone in 'ErrorEquals'`, at);
  if (!isLast) out.schema(`A ${kind} with '${ErrorName.All}' must be the last one`, at);
}
