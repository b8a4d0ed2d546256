/**
 * What a TestState request asks beyond the state and its input: the `mock` and the `stateConfiguration`, and the
 * checks of both against the tested state, with AWS's `ValidationException` messages.
 *
 * Messages: recorded against AWS (LocalStack's AWS-validated `test_state_mock_validation` snapshots): `State type
 * '...' is not supported when a mock is specified`, `Mocked result must be an array.`, `Mocked result must be a JSON
 * object.`. From the project reference (§11.2): the Parallel branch count and the Map failure count messages. The
 * messages marked "Lockstep's" are not recorded anywhere; they follow the recorded ones' style.
 */
import type { Json, MapState, StateDefinition } from '@lockstep/asl';
import { isGroupState } from './tested-state.js';

/** How strictly a mocked result is checked against the integration's response shape (`MockInput.fieldValidationMode`). */
export type FieldValidationMode = 'STRICT' | 'PRESENT' | 'NONE';

/** TestState's `mock`: the outcome of a Task, Map or Parallel state's work, given instead of performing it. */
export type TestStateMock =
  | { result: Json; fieldValidationMode?: FieldValidationMode }
  | { errorOutput: { error?: string; cause?: string } };

/** TestState's `stateConfiguration`. */
export interface TestStateConfiguration {
  /** The retry attempts already made by the retrier that matches the error: decides whether it retries again. */
  retrierRetryCount?: number;
  /** The state inside a mocked Map or Parallel that raised the mocked error. */
  errorCausedByState?: string;
  /** How many iterations of a mocked Map failed: checked against its tolerated failure threshold. */
  mapIterationFailureCount?: number;
  /** What the Map's `ItemReader` reads, as text in the reader's format. */
  mapItemReaderData?: string;
}

/** An `Error` named `ValidationException` with AWS's message: the request does not fit the tested state. */
export function testStateValidation(message: string): Error {
  const error = new Error(message);
  error.name = 'ValidationException';
  return error;
}

/** The state types a mock may replace the work of. */
const MOCKABLE_TYPES = new Set(['Task', 'Map', 'Parallel']);

/** Checks the mock and the state configuration against the tested state; throws {@link testStateValidation}. */
export function checkTestStateRequest(
  state: StateDefinition,
  mock: TestStateMock | undefined,
  config: TestStateConfiguration | undefined,
): void {
  if (mock && !MOCKABLE_TYPES.has(state.Type)) {
    throw testStateValidation(`State type '${state.Type}' is not supported when a mock is specified`);
  }
  if (mock && 'result' in mock && isGroupState(state)) checkGroupResult(state, mock.result);
  if (!config) return;
  if (config.errorCausedByState !== undefined) checkErrorSource(state, mock, config.errorCausedByState);
  if (state.Type !== 'Map') {
    // Lockstep's messages.
    if (config.mapIterationFailureCount !== undefined) {
      throw testStateValidation('mapIterationFailureCount can only be specified when testing a Map state.');
    }
    if (config.mapItemReaderData !== undefined) {
      throw testStateValidation('mapItemReaderData can only be specified when testing a Map state with an ItemReader.');
    }
  } else if (config.mapItemReaderData !== undefined && !state.ItemReader) {
    throw testStateValidation('mapItemReaderData can only be specified when testing a Map state with an ItemReader.');
  }
}

/** A Map's mocked result is its whole result: an array, or the `ResultWriter`'s object; a Parallel's, one per branch. */
function checkGroupResult(state: StateDefinition, result: Json): void {
  if (state.Type === 'Map' && (state as MapState).ResultWriter !== undefined) {
    if (result === null || typeof result !== 'object' || Array.isArray(result)) {
      throw testStateValidation('Mocked result must be a JSON object.');
    }
    return;
  }
  if (!Array.isArray(result)) throw testStateValidation('Mocked result must be an array.');
  if (state.Type === 'Parallel' && result.length !== state.Branches.length) {
    throw testStateValidation('Mocked result must contain the same number of items as number of Parallel branches.');
  }
}

/** `errorCausedByState` names a state inside the mocked Map or Parallel whose error is mocked (Lockstep's messages). */
function checkErrorSource(state: StateDefinition, mock: TestStateMock | undefined, name: string): void {
  if (!isGroupState(state)) {
    throw testStateValidation('errorCausedByState can only be specified when testing a Map or Parallel state.');
  }
  if (!mock || !('errorOutput' in mock)) {
    throw testStateValidation('errorCausedByState can only be specified with a mocked errorOutput.');
  }
  if (!childStateNames(state).has(name)) {
    throw testStateValidation(`State '${name}' does not exist in the Map or Parallel state.`);
  }
}

/** The names of every state inside a Map's item processor or a Parallel's branches, at any depth. */
function childStateNames(state: StateDefinition): Set<string> {
  const names = new Set<string>();
  const visit = (s: StateDefinition) => {
    const blocks = s.Type === 'Parallel' ? s.Branches : s.Type === 'Map' ? [(s.ItemProcessor ?? s.Iterator)!] : [];
    for (const block of blocks) {
      for (const [name, child] of Object.entries(block?.States ?? {})) {
        names.add(name);
        visit(child);
      }
    }
  };
  visit(state);
  return names;
}
