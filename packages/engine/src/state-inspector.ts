/**
 * The hook TestState uses to watch one state run (see `test-state.ts`): the stages of the state's data flow as
 * AWS's `inspectionData` names them, the error the state raised, and each transition, which it may stop. States
 * report stages with `it.inspector?.stage(...)`, so executions (no inspector) pay one property check per stage.
 */
import type { Json } from '@lockstep/asl';
import type { BlockRun } from './execution.js';

/** A data-flow stage, named as in TestState's `inspectionData`. */
export type InspectionStage =
  | 'afterInputPath'
  | 'afterParameters'
  | 'result'
  | 'afterResultSelector'
  | 'afterResultPath'
  | 'afterArguments'
  /** A mocked Map's items after `ItemsPath` (JSONPath), each item after `ItemSelector`, and its `ItemBatcher`'s batches. */
  | 'afterItemsPath'
  | 'afterItemSelector'
  | 'afterItemBatcher';

/** Observes a state run for TestState. */
export interface StateInspector {
  /** Records the value of a data-flow stage of the current state. */
  stage(name: InspectionStage, value: Json): void;
  /** The current state raised an error (before Retry and Catch decide what happens to it). */
  failed(error: string | undefined, cause: string | undefined): void;
  /** `run` is about to enter `run.next.state`; false stops the run there, leaving `run.next` set. */
  entering(run: BlockRun): boolean;
}
