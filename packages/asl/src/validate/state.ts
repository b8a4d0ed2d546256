/**
 * One state: its type and query language, the fields every type shares, then its type's own rules.
 */
import type { QueryLanguage, StateType } from '../definition.js';
import { checkChoiceState } from './choice-state.js';
import { stateLanguage, type ValidationContext } from './context.js';
import { fieldLocation } from './diagnostics.js';
import { checkCatchers, checkRetriers } from './error-handling.js';
import { checkFailState } from './fail-state.js';
import { checkJsonataValue, checkStateJsonataFields, type StatesOffer, stateOutputOffer } from './jsonata-fields.js';
import { checkMapState } from './map-state.js';
import { checkParallelState } from './parallel-state.js';
import { checkNullableDataPath, checkResultPath } from './paths.js';
import { checkPayloadTemplate } from './payload-template.js';
import { checkStateFields, STATE_TYPES } from './state-fields.js';
import { checkTaskState } from './task-state.js';
import { checkEnum, checkRequired, checkType, exactlyOneMessage } from './value-checks.js';
import { checkAssignedNames } from './variables.js';
import { checkWaitState } from './wait-state.js';

/** A state being checked, with what its type's rules need. */
export interface StateUnderCheck {
  readonly ctx: ValidationContext;
  readonly state: Record<string, unknown>;
  /** The state's location, e.g. `/States/Foo`. */
  readonly location: string;
  /** The state's effective query language. */
  readonly language: QueryLanguage;
}

const QUERY_LANGUAGES: readonly QueryLanguage[] = ['JSONPath', 'JSONata'];
const TYPE_REQUIRED: readonly string[] = ['Type'];
const TYPE_RULES: Partial<Record<StateType, (s: StateUnderCheck) => void>> = {
  Task: checkTaskState,
  Choice: checkChoiceState,
  Wait: checkWaitState,
  Fail: checkFailState,
  Parallel: checkParallelState,
  Map: checkMapState,
};
const NEXT_XOR_END = exactlyOneMessage(['Next', 'End']);
/** The types that continue with `Next` or stop with `End: true`. */
const TRANSITIONING: ReadonlySet<StateType> = new Set(['Pass', 'Task', 'Wait', 'Parallel', 'Map']);

/** Checks the state at `location`. */
export function checkState(ctx: ValidationContext, state: unknown, location: string): void {
  const out = ctx.out;
  if (!checkType(out, state, 'OBJECT', location)) return;
  const fields = state as Record<string, unknown>;
  if (!checkRequired(out, fields, TYPE_REQUIRED, location)) return;
  if (!checkEnum(out, fields.Type, STATE_TYPES, fieldLocation(location, 'Type'))) return;
  const type = fields.Type as StateType;

  const declared = fields.QueryLanguage;
  const downgraded = ctx.machineLanguage === 'JSONata' && declared === 'JSONPath';
  if (downgraded) {
    out.schema("'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", location);
  }
  const language = stateLanguage(ctx, fields);
  // AWS reports the downgrade alone, not the fields the refused language would forbid.
  checkStateFields(out, type, fields, language, downgraded, location);
  // After the fields: AWS lists a value outside the enum after what the language it resolves to forbids.
  if (declared !== undefined) checkEnum(out, declared, QUERY_LANGUAGES, fieldLocation(location, 'QueryLanguage'));

  const s: StateUnderCheck = { ctx, state: fields, location, language };
  if (TRANSITIONING.has(type)) checkTransition(s);
  if (language === 'JSONata') checkStateJsonataFields(s, type);
  checkSharedFields(s, type);
  TYPE_RULES[type]?.(s);
}

/** `Next` xor `End: true`. */
function checkTransition({ ctx, state, location }: StateUnderCheck): void {
  const out = ctx.out;
  // Read directly, with no closure per field: every state of a definition runs this, mostly as cold code.
  const { Next: next, End: end } = state;
  if (next !== undefined) checkType(out, next, 'STRING', fieldLocation(location, 'Next'));
  if (end !== undefined) checkType(out, end, 'BOOLEAN', fieldLocation(location, 'End'));
  // Only `End: true` counts as an end.
  if ((next !== undefined) === (end === true)) out.schema(NEXT_XOR_END, location);
}

/**
 * The fields several types share; the type's field set already refused them where they do not belong. Each is
 * read directly, with no closure per field: every state of a definition runs this, mostly as cold code.
 */
function checkSharedFields({ ctx, state, location, language }: StateUnderCheck, type: StateType): void {
  const out = ctx.out;
  if (language === 'JSONPath') {
    const { InputPath, OutputPath, ResultPath, Parameters, ResultSelector } = state;
    if (InputPath !== undefined) {
      checkNullableDataPath(out, 'InputPath', InputPath, fieldLocation(location, 'InputPath'));
    }
    if (OutputPath !== undefined) {
      checkNullableDataPath(out, 'OutputPath', OutputPath, fieldLocation(location, 'OutputPath'));
    }
    if (ResultPath !== undefined) checkResultPath(out, ResultPath, fieldLocation(location, 'ResultPath'));
    if (Parameters !== undefined) checkPayloadTemplate(out, Parameters, fieldLocation(location, 'Parameters'));
    if (ResultSelector !== undefined) {
      const at = fieldLocation(location, 'ResultSelector');
      if (checkType(out, ResultSelector, 'OBJECT', at)) checkPayloadTemplate(out, ResultSelector, at);
    }
  }
  const { Assign, Retry, Catch } = state;
  if (Assign !== undefined) {
    checkAssign(ctx, Assign, language, fieldLocation(location, 'Assign'), stateOutputOffer(type));
  }
  if (Retry !== undefined) checkRetriers(ctx, Retry, fieldLocation(location, 'Retry'));
  if (Catch !== undefined) checkCatchers(ctx, Catch, language, fieldLocation(location, 'Catch'));
}

/**
 * `Assign`: an object of valid variable names; in JSONPath its `.$` entries follow the payload template
 * rules, in JSONata its expressions may read the `$states` member `offer` (the result, the Error Output).
 */
export function checkAssign(
  ctx: ValidationContext,
  value: unknown,
  language: QueryLanguage,
  location: string,
  offer: StatesOffer,
): void {
  if (!checkType(ctx.out, value, 'OBJECT', location)) return;
  if (language === 'JSONPath') checkPayloadTemplate(ctx.out, value, location);
  else checkJsonataValue(ctx.out, value, location, offer);
  checkAssignedNames(ctx, value as Record<string, unknown>, language, location);
}
