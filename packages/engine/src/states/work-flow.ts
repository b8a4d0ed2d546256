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
import type { StateInspector } from '../state-inspector.js';

/** The fields the flow reads. */
export interface WorkFlowFields extends StateBase {
  Parameters?: unknown;
  Arguments?: unknown;
  ResultSelector?: unknown;
  ResultPath?: string | null;
}

/** A compiled flow. */
export interface WorkFlow {
  /** The effective input the work receives; `inspector` (TestState only) records its stages. */
  input(scope: StateScope, inspector?: StateInspector): Json;
  /** The state's output and assignments; `scope` carries the result (see `Interpreter.scope`). */
  finish(scope: StateScope, inspector?: StateInspector): Outcome;
}

/**
 * Compiles the flow of a state. `withParameters` is false for Map, whose `Parameters` is its legacy
 * `ItemSelector` and whose JSONata items come from `Items`.
 */
export function compileWorkFlow(def: WorkFlowFields, language: QueryLanguage, withParameters = true): WorkFlow {
  if (language === 'JSONata') {
    const args = withParameters ? compileJsonataValue(def.Arguments, 'Arguments') : undefined;
    const outcome = compileJsonataOutcome(def, 'result');
    return {
      input(scope, inspector) {
        if (!args) return scope.input;
        const afterArguments = args(scope);
        inspector?.stage('afterArguments', afterArguments);
        return afterArguments;
      },
      finish(scope, inspector) {
        inspector?.stage('result', scope.result as Json);
        return outcome(scope);
      },
    };
  }
  const inputPath = compileInputOutputPath(def.InputPath);
  const parameters = compileTemplate(withParameters ? def.Parameters : undefined);
  const resultSelector = compileTemplate(def.ResultSelector);
  const resultPath = compileResultPath(def.ResultPath);
  const outputPath = compileInputOutputPath(def.OutputPath);
  const assign = compileAssign(def.Assign);
  return {
    input(scope, inspector) {
      const afterInputPath = inputPath(scope.input, scope);
      inspector?.stage('afterInputPath', afterInputPath);
      const afterParameters = parameters(afterInputPath, scope);
      inspector?.stage('afterParameters', afterParameters);
      return afterParameters;
    },
    finish(scope, inspector) {
      const result = scope.result as Json;
      const afterResultSelector = resultSelector(result, scope);
      const afterResultPath = resultPath(scope.input, afterResultSelector);
      if (inspector) {
        inspector.stage('result', result);
        inspector.stage('afterResultSelector', afterResultSelector);
        inspector.stage('afterResultPath', afterResultPath);
      }
      const output = outputPath(afterResultPath, scope);
      // Assign reads the raw result, before ResultSelector.
      return { output, assigned: assign?.(result, scope) };
    },
  };
}
