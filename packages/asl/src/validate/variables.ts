/**
 * Workflow variables at create time: the names `Assign` gives them, and the scopes they live in.
 *
 * AWS's rules (developer guide "workflow-variables"; AWS's agent-toolkit reference): a name is a Unicode
 * identifier, ID_Start then ID_Continue characters, at most 80 of them; `states` is reserved; a key assigns
 * one whole variable, never a sub-path (`"x.y"`, `"x[2]"`). A JSONPath `Assign` key ending `.$` names the
 * variable without the suffix. A leading `_` is accepted, as the `$name` path syntax accepts it.
 *
 * Each `States` block is a scope. A Parallel branch or inline Map item processor may read the variables of
 * the blocks around it but may not assign one of their names; a Distributed Map item processor runs as a
 * separate execution that sees no outer variable, so it may reuse their names. A Parallel's or Map's own
 * `Assign` and its catchers' `Assign` write the block the state is in.
 *
 * Not checked, as AWS does not check it when the definition is created: a reference to a variable no state
 * assigns. It fails when the state runs (AWS-recorded: `{% $doesNotExist %}` in `Output` is accepted by
 * CreateStateMachine and fails the execution with `States.QueryEvaluationError`).
 *
 * AWS's diagnostic texts for these rules are not recorded anywhere we could find (LocalStack's AWS-validated
 * suites and the 3P-measured suites only use valid names): the messages below are best guesses in the style
 * of AWS's schema messages, located, like AWS's payload template diagnostics, at the `Assign` object.
 */
import type { QueryLanguage } from '../definition.js';
import { isJsonObject } from '../json.js';
import { stateLanguage, type ValidationContext } from './context.js';

/** AWS's longest variable name, in characters (Unicode code points). */
const MAX_NAME_LENGTH = 80;
const RESERVED_NAME = 'states';
const IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;
const NO_VARIABLES: ReadonlySet<string> = new Set();

/** Unverified message (see the module comment) for a name that is not a valid variable name. */
export function invalidVariableNameMessage(name: string): string {
  return `The variable name '${name}' is not valid`;
}

/** Unverified message (see the module comment) for an inner scope assigning an outer scope's variable. */
export function outerVariableMessage(name: string): string {
  return `The variable '${name}' is already assigned in an outer scope`;
}

/** The variable an `Assign` key names: in JSONPath, a key ending `.$` names it without the suffix. */
export function assignedVariableName(key: string, language: QueryLanguage): string {
  return language === 'JSONPath' && key.endsWith('.$') ? key.slice(0, -2) : key;
}

/** True when `name` may name a workflow variable. */
export function isValidVariableName(name: string): boolean {
  if (name === RESERVED_NAME || !IDENTIFIER.test(name)) return false;
  return name.length <= MAX_NAME_LENGTH || [...name].length <= MAX_NAME_LENGTH;
}

/** Checks the variable names of the `Assign` object at `location`. */
export function checkAssignedNames(
  ctx: ValidationContext,
  assign: Record<string, unknown>,
  language: QueryLanguage,
  location: string,
): void {
  for (const key of Object.keys(assign)) {
    const name = assignedVariableName(key, language);
    if (!isValidVariableName(name)) ctx.out.schema(invalidVariableNameMessage(name), location);
    else if (ctx.outerVariables.has(name)) ctx.out.schema(outerVariableMessage(name), location);
  }
}

/**
 * The context in which to check `block` (the machine, a Parallel branch or a Map item processor): `nested`
 * when the block is a scope inside the current one, `separate` when it sees no outer variable (the machine
 * itself, a Distributed Map item processor).
 */
export function blockContext(ctx: ValidationContext, block: unknown, scope: 'nested' | 'separate'): ValidationContext {
  const own = blockVariables(ctx, isJsonObject(block) ? block.States : undefined);
  if (scope === 'separate') return { ...ctx, outerVariables: NO_VARIABLES, visibleVariables: own };
  const visible = own.size === 0 ? ctx.visibleVariables : new Set([...ctx.visibleVariables, ...own]);
  return { ...ctx, outerVariables: ctx.visibleVariables, visibleVariables: visible };
}

/** The context of the machine's own block: no outer variable. */
export function machineContext(
  ctx: Omit<ValidationContext, 'outerVariables' | 'visibleVariables'>,
  definition: unknown,
): ValidationContext {
  return blockContext({ ...ctx, outerVariables: NO_VARIABLES, visibleVariables: NO_VARIABLES }, definition, 'separate');
}

/** The valid names the states of a block assign: in their own `Assign`, their Choice rules' and catchers'. */
function blockVariables(ctx: ValidationContext, states: unknown): ReadonlySet<string> {
  if (!isJsonObject(states)) return NO_VARIABLES;
  const names = new Set<string>();
  // Indexed (no iterator): this runs once per state, mostly as cold code.
  const values = Object.values(states);
  for (let i = 0; i < values.length; i++) {
    const state = values[i];
    if (!isJsonObject(state)) continue;
    const language = stateLanguage(ctx, state);
    addNames(names, state.Assign, language);
    addItemNames(names, state.Choices, language);
    addItemNames(names, state.Catch, language);
  }
  return names.size === 0 ? NO_VARIABLES : names;
}

/** The names the `Assign` of each item of a Choice's `Choices` or a state's `Catch` assigns. */
function addItemNames(names: Set<string>, list: unknown, language: QueryLanguage): void {
  if (Array.isArray(list)) for (const item of list) if (isJsonObject(item)) addNames(names, item.Assign, language);
}

function addNames(names: Set<string>, assign: unknown, language: QueryLanguage): void {
  if (!isJsonObject(assign)) return;
  for (const key of Object.keys(assign)) {
    const name = assignedVariableName(key, language);
    if (isValidVariableName(name)) names.add(name);
  }
}
