/** The Fail state: ends its block with an error and cause (constant, or read by ErrorPath/CausePath). */
import {
  compileDataPath,
  compileIntrinsic,
  type EvaluationScope,
  type FailState,
  isIntrinsicCall,
  type Json,
  missingPathCause,
  PathNotFoundError,
  type QueryLanguage,
  runtimeError,
} from '@lockstep/asl';
import type { CompiledState } from '../compiled.js';
import type { BlockRun } from '../execution.js';
import type { Interpreter } from '../interpreter.js';
import { compileTypedJsonataValue } from '../jsonata-io.js';
import type { StateScope } from '../scope.js';
import { compileBasics, compiledState } from './common.js';

type Reader = (input: Json, scope: StateScope) => string | undefined;

/** Compiles a Fail state. */
export function compileFailState(name: string, def: FailState, language: QueryLanguage): CompiledState {
  const jsonata = language === 'JSONata';
  const error = jsonata
    ? compileJsonataReader(def.Error, 'Error')
    : compileReader('ErrorPath', def.Error, def.ErrorPath);
  const cause = jsonata
    ? compileJsonataReader(def.Cause, 'Cause')
    : compileReader('CausePath', def.Cause, def.CausePath);
  const basics = compileBasics(name, def);
  return compiledState(basics, {
    next: undefined,
    type: 'Fail',
    start(it: Interpreter, run: BlockRun) {
      const scope = it.scope(run);
      // AWS's TestState reports the input as `afterInputPath` though Fail has no InputPath (recorded).
      if (!jsonata) it.inspector?.stage('afterInputPath', run.input);
      it.failRun(run, error(run.input, scope), cause(run.input, scope));
    },
  });
}

/** A constant, or a JSONata expression that must give a string. */
function compileJsonataReader(value: string | undefined, field: 'Error' | 'Cause'): Reader {
  const evaluate = compileTypedJsonataValue(value, field, 'string');
  return (_input, scope) => evaluate?.(scope) as string | undefined;
}

/** A constant, or a reference path / intrinsic call read from the state input. */
function compileReader(
  field: 'ErrorPath' | 'CausePath',
  constant: string | undefined,
  path: string | undefined,
): Reader {
  if (path === undefined) return () => constant;
  const read = isIntrinsicCall(path) ? compileIntrinsic(path) : compileDataPath(path);
  return (input, scope: EvaluationScope) => {
    let value: unknown;
    try {
      value = read(input, scope);
    } catch (e) {
      if (!(e instanceof PathNotFoundError)) throw e;
      throw runtimeError(missingPathCause(path, field, input));
    }
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
}
