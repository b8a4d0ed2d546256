/**
 * The data flow of the states that work on an effective input and turn a result into their output: Task,
 * Parallel and Map. JSONPath: `InputPath` → `Parameters` → (work) → `ResultSelector` → `ResultPath` →
 * `OutputPath`, with `Assign` over the raw result. JSONata: `Arguments` (default: the input) → (work) →
 * `Assign` and `Output` (default: the result) over `$states.result`.
 */
import type { Json, QueryLanguage, StateBase } from '@lockstep/asl';
import { compileAssign, compileInputOutputPath, compileResultPath, compileTemplate } from '../io.js';
import { compileJsonataOutcome, compileJsonataValue, type Outcome } from '../jsonata-io.js';
import type { StateScope } from '../scope.js';

/** The fields the flow reads. */
export interface WorkFlowFields extends StateBase {
  Parameters?: unknown;
  Arguments?: unknown;
  ResultSelector?: unknown;
  ResultPath?: string | null;
}

/** A compiled flow. */
export interface WorkFlow {
  /** The effective input the work receives. */
  input(scope: StateScope): Json;
  /** The state's output and assignments; `scope` carries the result (see `Interpreter.scope`). */
  finish(scope: StateScope): Outcome;
}

/**
 * Compiles the flow of a state. `withParameters` is false for Map, whose `Parameters` is its legacy
 * `ItemSelector` and whose JSONata items come from `Items`.
 */
export function compileWorkFlow(def: WorkFlowFields, language: QueryLanguage, withParameters = true): WorkFlow {
  if (language === 'JSONata') {
    const args = withParameters ? compileJsonataValue(def.Arguments, 'Arguments') : undefined;
    const outcome = compileJsonataOutcome(def, 'result');
    return { input: (scope) => (args ? args(scope) : scope.input), finish: outcome };
  }
  const inputPath = compileInputOutputPath(def.InputPath);
  const parameters = compileTemplate(withParameters ? def.Parameters : undefined);
  const resultSelector = compileTemplate(def.ResultSelector);
  const resultPath = compileResultPath(def.ResultPath);
  const outputPath = compileInputOutputPath(def.OutputPath);
  const assign = compileAssign(def.Assign);
  return {
    input: (scope) => parameters(inputPath(scope.input, scope), scope),
    finish(scope) {
      const result = scope.result as Json;
      const output = outputPath(resultPath(scope.input, resultSelector(result, scope)), scope);
      // Assign reads the raw result, before ResultSelector.
      return { output, assigned: assign?.(result, scope) };
    },
  };
}
