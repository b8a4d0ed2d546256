/**
 * A mocked Map or Parallel state under TestState. It runs as its stand-in Task (see `tested-state.ts`), whose
 * start also evaluates what a Map evaluates before its iterations: the items (`ItemsPath` or `Items`, or the
 * `ItemReader`'s data from `stateConfiguration.mapItemReaderData`), `ItemSelector`, `MaxConcurrency` and the
 * tolerated failure threshold, so that their errors fail the state as they would, and their values reach
 * `inspectionData`. The mock then stands for the iterations (or branches) as a whole: its result is the state's
 * result; its error is the state's error (raised, per `errorCausedByState`, by a state inside); and
 * `mapIterationFailureCount` iterations failing beyond a declared tolerance fail the state with
 * `States.ExceedToleratedFailureThreshold`. AWS's recorded behaviour (LocalStack's AWS-validated
 * `test_state_configuration` snapshots): failures are checked only against a declared tolerance, and a mocked
 * error fails the state whatever the tolerance.
 */
import { ErrorName, type Json, type MapState, type QueryLanguage } from '@lockstep/asl';
import type { CompiledMachine, CompiledState } from '../compiled.js';
import type { BlockRun } from '../execution.js';
import type { Interpreter } from '../interpreter.js';
import type { TaskOutcome } from '../runtime/driver.js';
import { compileItemBatcher } from '../states/item-batcher.js';
import { readItemReaderData } from '../states/item-reader-data.js';
import {
  compileItemSelector,
  compileItems,
  compileItemsPath,
  compileJsonataItemSelector,
  type ItemsReader,
} from '../states/map.js';
import { compileMapLimits } from '../states/map-fields.js';
import { declaresTolerance, exceedsTolerance, TOLERANCE_EXCEEDED_CAUSE, type Tolerance } from '../tolerance.js';
import { type TestStateConfiguration, type TestStateMock, testStateValidation } from './request.js';

/** What a mocked Map evaluated before its (mocked) iterations, as `inspectionData` reports it. */
export interface MapEvaluation {
  maxConcurrency: number;
  /** The declared tolerated failure threshold (`ToleratedFailureCount[Path]`, `ToleratedFailurePercentage[Path]`). */
  tolerance: Tolerance;
  /** How many items the iterations would have run on. */
  itemCount: number;
}

/** Where the stand-in's start leaves what it evaluated. */
export interface GroupEvaluation {
  map?: MapEvaluation;
}

const WITH_RETRY = { withRetryCount: true };

/** `machine` with its state `name` (at the top level) replaced by `state`. */
export function replaceState(machine: CompiledMachine, name: string, state: CompiledState): CompiledMachine {
  const states = new Map(machine.root.states);
  states.set(name, state);
  const root = { ...machine.root, states };
  const blocks = new Map(machine.blocks);
  blocks.set(root.id, root);
  return { ...machine, root, blocks };
}

/**
 * Wraps the stand-in Task of a mocked Map so that its start evaluates the Map's own fields into `evaluation`
 * (a Parallel has none: its branches all receive the effective input).
 */
export function withMapEvaluation(
  standIn: CompiledState,
  def: MapState,
  language: QueryLanguage,
  config: TestStateConfiguration | undefined,
  evaluation: GroupEvaluation,
): CompiledState {
  const jsonata = language === 'JSONata';
  const readItems: ItemsReader = def.ItemReader
    ? () => readerItems(def.ItemReader!, config?.mapItemReaderData)
    : jsonata
      ? compileItems(def.Items)
      : compileItemsPath(def.ItemsPath);
  const selectItem = jsonata ? compileJsonataItemSelector(def.ItemSelector) : compileItemSelector(def);
  const limits = compileMapLimits(def);
  const batch = compileItemBatcher(def.ItemBatcher, language);
  return {
    ...standIn,
    start(it: Interpreter, run: BlockRun) {
      standIn.start(it, run);
      const invoke = it.commands.findLast((c) => c.type === 'InvokeTask');
      if (invoke?.type !== 'InvokeTask') return;
      // The Map's effective input: after InputPath (a Map has no Parameters, its legacy ItemSelector).
      const input = invoke.request.input;
      const scope = it.scope(run, WITH_RETRY);
      const items = readItems(input, scope);
      if (!jsonata && !def.ItemReader) it.inspector?.stage('afterItemsPath', items);
      const selected = selectItem
        ? items.map((value, index) =>
            selectItem(input, it.scope(run, { mapItem: { index, value }, withRetryCount: true })),
          )
        : items;
      if (selectItem) it.inspector?.stage('afterItemSelector', selected);
      // The inputs of the child executions, a batch each (AWS: "the effective input after the ItemBatcher filter").
      if (batch) it.inspector?.stage('afterItemBatcher', batch(selected, input, scope));
      const maxConcurrency = limits.maxConcurrency(input, scope);
      const tolerance = limits.tolerance(input, scope);
      const failures = config?.mapIterationFailureCount ?? 0;
      if (failures > items.length) {
        throw testStateValidation(
          'Map iteration failure count must be less than or equal to the number of Map iterations',
        );
      }
      evaluation.map = { maxConcurrency, tolerance, itemCount: items.length };
    },
  };
}

function readerItems(itemReader: Record<string, unknown>, data: string | undefined): Json[] {
  if (data === undefined) {
    // Lockstep's message: TestState reads no S3 object; the data must come with the request.
    throw testStateValidation('mapItemReaderData must be specified when testing a Map state with an ItemReader.');
  }
  return readItemReaderData(itemReader, data, { name: 'mapItemReaderData', invalid: testStateValidation });
}

/** The outcome the mock gives the stand-in's call: the mocked error, the tolerance exceeded, or the result. */
export function groupOutcome(
  mock: TestStateMock,
  evaluation: GroupEvaluation,
  config: TestStateConfiguration | undefined,
): TaskOutcome {
  if ('errorOutput' in mock) return { ok: false, ...mock.errorOutput };
  const map = evaluation.map;
  const failures = config?.mapIterationFailureCount ?? 0;
  if (map && declaresTolerance(map.tolerance) && exceedsTolerance(failures, map.itemCount, map.tolerance)) {
    return { ok: false, error: ErrorName.ExceedToleratedFailureThreshold, cause: TOLERANCE_EXCEEDED_CAUSE };
  }
  return { ok: true, output: mock.result };
}
