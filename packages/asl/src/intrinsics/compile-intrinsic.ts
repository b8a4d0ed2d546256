/**
 * Compiles an intrinsic function call into a closure, once: names, paths and literal templates are
 * resolved here, so evaluation only reads the input and computes.
 */
import { compileDataPath, PathNotFoundError, PathSyntaxError } from '../jsonpath/index.js';
import { memoizeByText } from '../memo.js';
import type { EvaluationScope } from '../scope.js';
import { INTRINSIC_FUNCTIONS } from './functions/function-table.js';
import { intrinsicRuntimeError, invalidArguments, MissingPathArgumentError } from './intrinsic-failure.js';
import { type IntrinsicArgument, type IntrinsicCall, IntrinsicSyntaxError, parseIntrinsic } from './parse-intrinsic.js';

/** A compiled call: its result for an input, or a thrown `StatesError('States.Runtime', <AWS's cause>)`. */
export type CompiledIntrinsic = (input: unknown, scope: EvaluationScope) => unknown;

type Evaluator = (input: unknown, scope: EvaluationScope) => unknown;

/**
 * Compiles `text`, e.g. `States.Format('Hello {}', $.name)`. Throws {@link IntrinsicSyntaxError} for text
 * AWS rejects when the definition is created: malformed syntax, an unknown function, an invalid path
 * argument, calls nested more than 10 deep. A wrong argument count is AWS's run-time error instead.
 */
export const compileIntrinsic: (text: string) => CompiledIntrinsic = memoizeByText((text) =>
  compileIntrinsicUncached(text),
);

/** compileIntrinsic without the cache. */
function compileIntrinsicUncached(text: string): CompiledIntrinsic {
  const body = compileCall(parseIntrinsic(text), text);
  return (input, scope) => {
    try {
      return body(input, scope);
    } catch (error) {
      throw intrinsicRuntimeError(error, text, input) ?? error;
    }
  };
}

function compileCall(call: IntrinsicCall, text: string): Evaluator {
  const fn = INTRINSIC_FUNCTIONS.get(call.name);
  if (!fn) throw new IntrinsicSyntaxError(text, call.position, `unknown function '${call.name}'`);
  const args = call.args.map((arg) => compileArgument(arg, text));
  const body = fn.bind(call.args);
  const count = args.length;
  const countAccepted = count >= fn.minArgs && count <= fn.maxArgs;
  return (input, scope) => {
    const values: unknown[] = new Array(count);
    for (let i = 0; i < count; i++) values[i] = args[i](input, scope);
    if (!countAccepted) throw invalidArguments(call.name);
    return body(values, scope);
  };
}

function compileArgument(arg: IntrinsicArgument, text: string): Evaluator {
  switch (arg.kind) {
    case 'literal': {
      const value = arg.value;
      return () => value;
    }
    case 'call':
      return compileCall(arg.call, text);
    case 'path':
      return compilePathArgument(arg.path, text);
  }
}

function compilePathArgument(path: string, text: string): Evaluator {
  let select: Evaluator;
  try {
    select = compileDataPath(path);
  } catch (error) {
    if (!(error instanceof PathSyntaxError)) throw error;
    throw new IntrinsicSyntaxError(text, text.indexOf(path), `invalid path '${path}' (${error.message})`);
  }
  return (input, scope) => {
    try {
      return select(input, scope);
    } catch (error) {
      throw error instanceof PathNotFoundError ? new MissingPathArgumentError(path) : error;
    }
  };
}
