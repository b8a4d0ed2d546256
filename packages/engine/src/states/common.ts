/**
 * What every compiled state carries, built from the fields all state types share.
 */
import type { StateBase } from '@lockstep/asl';
import type { CompiledBlock, CompiledState } from '../compiled.js';
import { compileInputOutputPath, type Selector } from '../io.js';

/** Compiles nested blocks (Parallel branches, Map item processors) for a state compiler. */
export interface CompileContext {
  /** Id of the block that holds the state being compiled. */
  readonly blockId: string;
  /** Compiles a nested `States` block under the given id. */
  compileBlock(id: string, definition: { StartAt: string; States: Record<string, unknown> }): CompiledBlock;
}

/** The shared part of a compiled state. */
export interface StateBasics {
  readonly name: string;
  readonly next: string | undefined;
  readonly inputPath: Selector;
  readonly outputPath: Selector;
  readonly retriers: CompiledState['retriers'];
  readonly catchers: CompiledState['catchers'];
}

/** Compiles `Next`, `InputPath` and `OutputPath`; no Retry/Catch. */
export function compileBasics(name: string, def: StateBase): StateBasics {
  return {
    name,
    next: def.End ? undefined : def.Next,
    inputPath: compileInputOutputPath(def.InputPath),
    outputPath: compileInputOutputPath(def.OutputPath),
    retriers: [],
    catchers: [],
  };
}

/** A state type's own members: at least its `type` and `start`; they replace those of {@link StateBasics}. */
export type StateMembers = Pick<CompiledState, 'type' | 'start'> & Partial<CompiledState>;

/**
 * A compiled state: `basics` with the type's own members. Built with `Object.assign` rather than
 * `{ ...basics, ... }`: measured cold, that spread costs several microseconds per state (V8 clones the object,
 * then moves it to a new map for each added member), a third of compiling a large definition.
 */
export function compiledState(basics: StateBasics, own: StateMembers & ThisType<CompiledState>): CompiledState {
  return Object.assign({}, basics, own);
}
