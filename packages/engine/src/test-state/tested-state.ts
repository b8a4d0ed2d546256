/**
 * The state a TestState request tests, resolved from its definition: a single state's definition, or with
 * `stateName` one state of a whole machine. The state is validated as written; a Map or Parallel state then runs
 * as a stand-in Task, because TestState never runs their iterations or branches: a mock gives their result, and
 * the stand-in gives them everything else a Task has (input and output processing, Retry, Catch, Assign).
 */
import {
  formatInvalidDefinition,
  type MapState,
  type ParallelState,
  type QueryLanguage,
  type StateDefinition,
  type StateMachineDefinition,
  type StatesBlock,
  validateDefinition,
} from '@lockstep/asl';
import { compileMachine } from '../compile.js';
import type { CompiledMachine } from '../compiled.js';
import { compileCached, invalidDefinition } from '../runtime/machine-cache.js';
import { testStateValidation } from './request.js';

/** The name a state tested on its own runs under (`$$.State.Name`), as AWS's recorded context shows it. */
export const TESTED_STATE_NAME = 'StateName';

/** The resource of the stand-in Task of a mocked Map or Parallel: never performed, TestState answers it. */
export const GROUP_STAND_IN_RESOURCE = 'arn:aws:states:::lockstep:testState.group';

/** The state a TestState request tests, and the machine it runs in. */
export interface TestedState {
  name: string;
  definition: StateDefinition;
  /** The state's query language (its own, else its machine's). */
  language: QueryLanguage;
  /** A machine starting at the state: its block of the definition, or the state alone with its targets as stubs. */
  machine: CompiledMachine;
  /** The state is inside a Map's item processor (its context object has a `Map.Item`). */
  inMapIteration: boolean;
}

/** The fields a stand-in Task keeps from any state; Parallel's `Parameters`/`Arguments` work as a Task's do. */
const STAND_IN_FIELDS = [
  'Comment',
  'QueryLanguage',
  'InputPath',
  'OutputPath',
  'ResultPath',
  'ResultSelector',
  'Retry',
  'Catch',
  'Assign',
  'Output',
  'Next',
  'End',
] as const;
const PARALLEL_INPUT_FIELDS = ['Parameters', 'Arguments'] as const;

/**
 * Resolves the state to test: `definition` is a state's definition, or with `stateName` a whole machine's, the
 * state being at any depth (in a Map's item processor or a Parallel's branch, it runs in its own block). Throws
 * `InvalidDefinition` (AWS's diagnostics) when the definition is not valid, and `ValidationException` (AWS's
 * recorded `State not found in definition`) when it has no such state. It is validated as an Express machine's
 * (TestState runs as one), unless `mocked`: a mock stands for what only a Standard machine may call (`.sync`,
 * `.waitForTaskToken`, activities).
 */
export function resolveTestedState(
  definition: Record<string, unknown>,
  stateName?: string,
  mocked = false,
): TestedState {
  const type = mocked ? 'STANDARD' : 'EXPRESS';
  if (stateName !== undefined) {
    compileCached(definition, type);
    const found = findState(definition as unknown as StatesBlock, stateName, false);
    if (!found) throw testStateValidation('State not found in definition');
    const { block, state, inMapIteration } = found;
    const machineLanguage = (definition.QueryLanguage as QueryLanguage | undefined) ?? 'JSONPath';
    // Validated as written; started at the tested state (which would leave the others unreachable).
    const runnable = {
      QueryLanguage: machineLanguage,
      StartAt: stateName,
      States: { ...block.States, [stateName]: runnableState(state) },
    };
    const machine = compileMachine(runnable as StateMachineDefinition);
    const language = state.QueryLanguage ?? machineLanguage;
    return { name: stateName, definition: state, language, machine, inMapIteration };
  }
  const state = definition as unknown as StateDefinition;
  // The state's transitions lead to stand-ins, so that the state validates on its own; the run stops before them.
  const States: Record<string, unknown> = {};
  for (const target of transitionTargets(state)) States[target] = { Type: 'Succeed' };
  States[TESTED_STATE_NAME] = state;
  const definitionOfOne = { StartAt: TESTED_STATE_NAME, States } as unknown as StateMachineDefinition;
  // A state tested alone need not lead to an end (its Next may be itself).
  const errors = validateDefinition(definitionOfOne, { type }).filter(
    (d) => d.severity === 'ERROR' && d.code !== 'MISSING_END_STATE',
  );
  if (errors.length > 0) throw invalidDefinition(formatInvalidDefinition(errors));
  States[TESTED_STATE_NAME] = runnableState(state);
  const language = state.QueryLanguage ?? 'JSONPath';
  const machine = compileMachine(definitionOfOne);
  return { name: TESTED_STATE_NAME, definition: state, language, machine, inMapIteration: false };
}

/** The block holding the state `name`, searched depth first through item processors and branches. */
function findState(
  block: StatesBlock,
  name: string,
  inMapIteration: boolean,
): { block: StatesBlock; state: StateDefinition; inMapIteration: boolean } | undefined {
  const states = block.States ?? {};
  if (Object.hasOwn(states, name)) return { block, state: states[name]!, inMapIteration };
  for (const state of Object.values(states)) {
    const inner =
      state.Type === 'Map'
        ? [(state.ItemProcessor ?? state.Iterator)!]
        : state.Type === 'Parallel'
          ? state.Branches
          : [];
    for (const child of inner) {
      const found = findState(child, name, inMapIteration || state.Type === 'Map');
      if (found) return found;
    }
  }
  return undefined;
}

/** True for the states TestState runs only with a mock: their result comes from it, as a whole. */
export function isGroupState(state: StateDefinition): state is MapState | ParallelState {
  return state.Type === 'Map' || state.Type === 'Parallel';
}

/** The state as TestState runs it: a Map or Parallel as its stand-in Task, any other state as written. */
function runnableState(state: StateDefinition): StateDefinition {
  if (!isGroupState(state)) return state;
  const source = state as unknown as Record<string, unknown>;
  const standIn: Record<string, unknown> = { Type: 'Task', Resource: GROUP_STAND_IN_RESOURCE };
  const fields = state.Type === 'Parallel' ? [...STAND_IN_FIELDS, ...PARALLEL_INPUT_FIELDS] : STAND_IN_FIELDS;
  for (const field of fields) if (source[field] !== undefined) standIn[field] = source[field];
  return standIn as unknown as StateDefinition;
}

function transitionTargets(state: StateDefinition): string[] {
  const s = state as unknown as Record<string, unknown>;
  const targets: unknown[] = [s.Next, s.Default];
  for (const rule of (Array.isArray(s.Choices) ? s.Choices : []) as { Next?: unknown }[]) targets.push(rule?.Next);
  for (const catcher of (Array.isArray(s.Catch) ? s.Catch : []) as { Next?: unknown }[]) targets.push(catcher?.Next);
  return targets.filter((t): t is string => typeof t === 'string' && t !== TESTED_STATE_NAME);
}
