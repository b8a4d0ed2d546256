/**
 * The `{% %}` expressions of JSONata states, as AWS checks them when a definition is created.
 *
 * Every expression string of a JSONata field, at any depth of its objects and arrays, is parsed once
 * (compiled expressions are shared by text), and AWS refuses (3P-measured with
 * `aws stepfunctions validate-state-machine-definition`, messages verbatim):
 * - an expression that does not parse: `INVALID_JSONATA_EXPRESSION` with the parser's message without its
 *   JSONata code (`Unexpected end of expression` for `1 +`, `Expected "]", got ","` for `a[1,2)`);
 * - a read of the absent context item (`UNSUPPORTED_JSONATA_EXPRESSION`): one diagnostic per distinct field
 *   name at the top level, `Reference to 'phone' at the top level is not supported.`, the context item itself
 *   named `'$'`, and `Reference to '$$' is not supported.`;
 * - a `$states` member the field does not offer: `Field '$states.errorOutput' does not exist.` outside a
 *   catcher's `Output` and `Assign`. The same text for `$states.result` outside the `Output` and `Assign` of
 *   Task, Map and Parallel, and for unknown members, is inferred from it (not measured).
 *
 * Each diagnostic is located at the expression: the field's location, then `/key` per object key and `[i]`
 * per array index (3P-measured: `/States/E/Output/a/b[0]`, `/States/C/Choices[0]/Condition`). Within one
 * expression AWS lists the references in the order they are written; here top-level names come first (in
 * written order), then `$`, `$$` and the `$states` members.
 */
import type { StateType } from '../definition.js';
import { isJsonObject } from '../json.js';
import {
  compileJsonataExpression,
  isJsonataExpression,
  type JsonataReferences,
  JsonataSyntaxError,
  jsonataExpressionText,
  topLevelReferenceMessage,
  UNSUPPORTED_JSONATA_EXPRESSION,
} from '../jsonata/index.js';
import { type DiagnosticList, fieldLocation, itemLocation } from './diagnostics.js';
import type { StateUnderCheck } from './state.js';

/** The `$states` member a field offers besides `input` and `context`, which every field offers. */
export type StatesOffer = 'result' | 'errorOutput' | undefined;

/** A JSONata field of a state type: its path from the state (nested objects for ItemReader...). */
type FieldPath = readonly string[];

/** The fields of each state type that hold expressions, other than `Assign`, `Output` and Choice rules. */
const STATE_FIELDS: Readonly<Record<StateType, readonly FieldPath[]>> = {
  Pass: [],
  Task: [['Arguments'], ['Credentials'], ['TimeoutSeconds'], ['HeartbeatSeconds']],
  Choice: [],
  Wait: [['Seconds'], ['Timestamp']],
  Succeed: [],
  Fail: [['Error'], ['Cause']],
  Parallel: [['Arguments']],
  Map: [
    ['Items'],
    ['ItemSelector'],
    ['MaxConcurrency'],
    ['ToleratedFailurePercentage'],
    ['ToleratedFailureCount'],
    // ReaderConfig's other fields are not expressions: AWS keeps `{% %}` in CSVHeaders as text (3P-measured).
    ['ItemReader', 'Arguments'],
    ['ItemReader', 'ReaderConfig', 'MaxItems'],
    ['ItemBatcher', 'MaxItemsPerBatch'],
    ['ItemBatcher', 'MaxInputBytesPerBatch'],
    ['ItemBatcher', 'BatchInput'],
    ['ResultWriter', 'Arguments'],
  ],
};

/** Fail has no `Output`: the field check already refused it there. */
const OUTPUT_TYPES: ReadonlySet<StateType> = new Set(['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Parallel', 'Map']);
/** The types whose `Output` and `Assign` read the state's result as `$states.result`. */
const RESULT_TYPES: ReadonlySet<StateType> = new Set(['Task', 'Map', 'Parallel']);

/** AWS's message for `$$` (3P-measured). */
const ROOT_REFERENCE_MESSAGE = "Reference to '$$' is not supported.";

/** The `$states` member the state's own `Output` and `Assign` offer. */
export function stateOutputOffer(type: StateType): StatesOffer {
  return RESULT_TYPES.has(type) ? 'result' : undefined;
}

/** Checks the expressions of a JSONata state's own fields, `Output` included, `Assign` and Choice rules not. */
export function checkStateJsonataFields({ ctx, state, location }: StateUnderCheck, type: StateType): void {
  for (const path of STATE_FIELDS[type]) {
    let value: unknown = state;
    let at = location;
    for (const name of path) {
      value = isJsonObject(value) ? value[name] : undefined;
      at = fieldLocation(at, name);
    }
    if (value !== undefined) checkJsonataValue(ctx.out, value, at, undefined);
  }
  if (state.Output !== undefined && OUTPUT_TYPES.has(type)) {
    checkJsonataValue(ctx.out, state.Output, fieldLocation(location, 'Output'), stateOutputOffer(type));
  }
}

/** Checks every expression in `value` (the value of a JSONata field, at `location`). */
export function checkJsonataValue(out: DiagnosticList, value: unknown, location: string, offer: StatesOffer): void {
  if (typeof value === 'string') {
    if (isJsonataExpression(value)) checkExpression(out, jsonataExpressionText(value), location, offer);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      checkJsonataValue(out, item, itemLocation(location, i), offer);
    });
  } else if (isJsonObject(value)) {
    for (const key of Object.keys(value)) checkJsonataValue(out, value[key], fieldLocation(location, key), offer);
  }
}

function checkExpression(out: DiagnosticList, text: string, location: string, offer: StatesOffer): void {
  let references: JsonataReferences;
  try {
    references = compileJsonataExpression(text).references;
  } catch (error) {
    if (!(error instanceof JsonataSyntaxError)) throw error;
    out.error(error.diagnosticCode, error.message, location);
    return;
  }
  const unsupported = (message: string) => out.error(UNSUPPORTED_JSONATA_EXPRESSION, message, location);
  for (const name of references.topLevelFields) unsupported(topLevelReferenceMessage(name));
  if (references.readsContextAtTopLevel) unsupported(topLevelReferenceMessage('$'));
  if (references.readsRoot) unsupported(ROOT_REFERENCE_MESSAGE);
  for (const member of references.statesMembers) {
    if (!isOffered(member, offer)) unsupported(`Field '$states.${member}' does not exist.`);
  }
}

function isOffered(member: string, offer: StatesOffer): boolean {
  return member === 'input' || member === 'context' || member === offer;
}
