/**
 * The graph checks AWS runs once the definition is well-formed: state names, transition targets,
 * reachability and the presence of a terminal state.
 */
import { isJsonObject } from '../json.js';
import { DiagnosticCode, type DiagnosticList, fieldLocation, itemLocation } from './diagnostics.js';

/** State names are at most 80 characters (Unicode code points). */
const MAX_STATE_NAME_LENGTH = 80;

type StatesMap = Record<string, Record<string, unknown>>;

/** Checks the graph of a definition that passed the schema checks. */
export function checkTransitions(out: DiagnosticList, definition: Record<string, unknown>): void {
  const seen = new Set<string>();
  checkBlock(out, definition, '/', seen);
  const states = definition.States as StatesMap;
  const hasTerminal = Object.values(states).some((s) => s.Type === 'Succeed' || s.Type === 'Fail' || s.End === true);
  if (hasTerminal) {
    checkReachability(out, definition, '/');
  } else {
    // AWS reports a machine that can never end instead of (not on top of) its unreachable states.
    out.error(DiagnosticCode.MissingEndState, 'Workflow has no terminal state');
  }
}

/**
 * `seen` holds the names of the enclosing blocks. A name must not repeat them or its own block's names;
 * sibling Parallel branches (and separate Map processors) may reuse names, as AWS allows.
 */
function checkBlock(out: DiagnosticList, block: Record<string, unknown>, location: string, seen: Set<string>): void {
  const statesLocation = fieldLocation(location, 'States');
  const states = block.States as StatesMap;
  // Locations are built only for what is reported, and the loops are indexed (no iterator objects): this runs
  // over every state of every definition, mostly as cold code.
  const names = Object.keys(states);
  for (let i = 0; i < names.length; i++) checkName(out, names[i], statesLocation, seen);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const state = states[name];
    forEachTarget(state, (target, field, list, index) => {
      if (Object.hasOwn(states, target)) return;
      const at = fieldLocation(statesLocation, name);
      const holderAt = list === undefined ? at : itemLocation(fieldLocation(at, list), index!);
      missingTarget(out, target, fieldLocation(holderAt, field));
    });
    if (state.Type === 'Parallel' || state.Type === 'Map') {
      for (const [nested, nestedLocation] of nestedBlocks(state, fieldLocation(statesLocation, name))) {
        checkBlock(out, nested, nestedLocation, new Set(seen));
        checkReachability(out, nested, nestedLocation);
      }
    }
  }
}

function checkName(out: DiagnosticList, name: string, statesLocation: string, seen: Set<string>): void {
  // A name of at most 80 UTF-16 code units has at most 80 code points: count them only for longer names.
  if (name.length > MAX_STATE_NAME_LENGTH && [...name].length > MAX_STATE_NAME_LENGTH) {
    out.error(
      DiagnosticCode.InvalidStateName,
      `State name '${name}' is longer than ${MAX_STATE_NAME_LENGTH} characters`,
      fieldLocation(statesLocation, name),
    );
  }
  if (seen.has(name)) {
    out.error(DiagnosticCode.DuplicateStateName, `Duplicate State name: ${name}`, fieldLocation(statesLocation, name));
  }
  seen.add(name);
}

function missingTarget(out: DiagnosticList, target: string, location: string): void {
  // AWS says 'Next' whatever the field (StartAt, Default, a Choice Rule's or a Catcher's Next).
  out.error(DiagnosticCode.MissingTransitionTarget, `Missing 'Next' target: ${target}`, location);
}

/**
 * Calls `visit` with each state name a state can transition to: its `Next` and `Default`, its Choice Rules'
 * and Catchers' `Next`, with where the reference is (`list`/`index` for a rule or catcher).
 */
function forEachTarget(
  state: Record<string, unknown>,
  visit: (target: string, field: string, list?: string, index?: number) => void,
): void {
  if (typeof state.Next === 'string') visit(state.Next, 'Next');
  if (typeof state.Default === 'string') visit(state.Default, 'Default');
  // Most states have neither list: this runs over every state of every definition, twice.
  if (state.Choices !== undefined) forEachItemTarget(state.Choices, 'Choices', visit);
  if (state.Catch !== undefined) forEachItemTarget(state.Catch, 'Catch', visit);
}

function forEachItemTarget(
  items: unknown,
  list: string,
  visit: (target: string, field: string, list?: string, index?: number) => void,
): void {
  if (!Array.isArray(items)) return;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (isJsonObject(item) && typeof item.Next === 'string') visit(item.Next, 'Next', list, i);
  }
}

/** A Parallel's branches and a Map's item processor, with their locations. */
function nestedBlocks(state: Record<string, unknown>, location: string): [Record<string, unknown>, string][] {
  if (state.Type === 'Parallel' && Array.isArray(state.Branches)) {
    const branches = fieldLocation(location, 'Branches');
    return state.Branches.map((b, i) => [b as Record<string, unknown>, itemLocation(branches, i)]);
  }
  if (state.Type === 'Map') {
    const field = state.ItemProcessor !== undefined ? 'ItemProcessor' : 'Iterator';
    if (isJsonObject(state[field])) return [[state[field] as Record<string, unknown>, fieldLocation(location, field)]];
  }
  return [];
}

/** Reports a `StartAt` naming no state of its block, then every state no transition reaches. */
function checkReachability(out: DiagnosticList, block: Record<string, unknown>, location: string): void {
  const states = block.States as StatesMap;
  const startAt = block.StartAt as string;
  const reached = new Set<string>();
  if (Object.hasOwn(states, startAt)) {
    const pending = [startAt];
    reached.add(startAt);
    // One visitor for the whole walk, not one closure per state.
    const reach = (target: string): void => {
      if (Object.hasOwn(states, target) && !reached.has(target)) {
        reached.add(target);
        pending.push(target);
      }
    };
    while (pending.length > 0) forEachTarget(states[pending.pop() as string], reach);
  } else {
    missingTarget(out, startAt, fieldLocation(location, 'StartAt'));
  }
  const statesLocation = fieldLocation(location, 'States');
  const names = Object.keys(states);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (!reached.has(name)) {
      out.error(
        DiagnosticCode.MissingTransitionTarget,
        `State "${name}" is not reachable.`,
        fieldLocation(statesLocation, name),
      );
    }
  }
}
