/**
 * Data paths as ASL fields accept them: `$...` reads the input, `$$...` the context object, `$name...` a workflow
 * variable.
 */

import { memoizeByText } from '../memo.js';
import type { EvaluationScope } from '../scope.js';
import { type CompiledPath, compileJsonPath } from './compile-json-path.js';
import { PathNotFoundError, PathSyntaxError, parsesAsPath } from './path-errors.js';

/**
 * A data path as the ASL fields accept it: `$...` reads the input, `$$...` the context object,
 * `$name...` a workflow variable. Evaluation throws {@link PathNotFoundError} like {@link CompiledPath}.
 */
export type DataPath = (input: unknown, scope: EvaluationScope) => unknown;

/** `$name` at the start of a variable path: a Unicode identifier. */
const VARIABLE = /^\$([\p{ID_Start}_][\p{ID_Continue}]*)/u;

/**
 * False when a path cannot start with a variable name: the character after `$` is `.`, `[` or nothing, as
 * in most paths. Checked before the variable regexes, whose Unicode classes take milliseconds to compile on
 * first use (a cost every fresh process would pay for definitions that use no variable).
 */
export function mayStartWithVariable(text: string): boolean {
  return text.length > 1 && text[1] !== '.' && text[1] !== '[';
}

/** Compiles a data path (`$...`, `$$...` or `$name...`). Throws {@link PathSyntaxError}. */
export const compileDataPath: (text: string) => DataPath = memoizeByText((text) => compileDataPathUncached(text));

/** compileDataPath without the cache. */
function compileDataPathUncached(text: string): DataPath {
  if (text.startsWith('$$')) {
    const { evaluate } = compileJsonPath(text.slice(1));
    return (_input, scope) => evaluate(scope.context);
  }
  const variable = mayStartWithVariable(text) ? VARIABLE.exec(text) : null;
  if (variable === null) {
    return compileJsonPath(text).evaluate;
  }
  const name = variable[1];
  const rest = text.slice(variable[0].length);
  if (rest !== '' && rest[0] !== '.' && rest[0] !== '[') {
    throw new PathSyntaxError(`Invalid variable path: ${text}`);
  }
  const { evaluate } = compileJsonPath('$' + rest);
  // An undefined variable reads like an absent leaf in Jayway's wording.
  const undefinedVariable = `No results for path: $${name}`;
  return (_input, scope) => {
    const value = scope.variable?.(name);
    if (value === undefined) throw new PathNotFoundError(undefinedVariable, name);
    return evaluate(value);
  };
}

/** True when `text` is a valid JSONPath (`$...`), context path (`$$...`) or variable path (`$name...`). */
export function isValidDataPath(text: string): boolean {
  return parsesAsPath(text, compileDataPath);
}
