/**
 * Compiles JSONPath text into an evaluator: definite paths into a direct accessor chain, indefinite ones into a
 * selector returning all matches, paths with functions into a failure (Step Functions cannot evaluate them: AWS
 * answers `$.Jobs.sum()` with "could not be found").
 */

import { memoizeByText } from '../memo.js';
import { compileDefinite } from './definite.js';
import { type CompileOperandPath, compileFilter, NO_VALUE } from './filter-evaluate.js';
import { FUNCTIONS_UNSUPPORTED } from './jayway-messages.js';
import { parseJaywayPath } from './jayway-parser.js';
import { PathNotFoundError } from './path-errors.js';
import { compileSelector, type FilterPredicate } from './select.js';
import { isDefinitePath, type PathToken } from './tokens.js';

/** A JSONPath compiled against a root value. */
export interface CompiledPath {
  /** The path text as written. */
  readonly text: string;
  /** Jayway's "definite" path: selects at most one node (no wildcard, filter, slice, deep scan or union). */
  readonly definite: boolean;
  /**
   * Definite path: the selected value, or throws {@link PathNotFoundError} with Jayway's message.
   * Indefinite path: the array of matches (possibly empty), in Jayway's order.
   */
  evaluate(root: unknown): unknown;
}

/** Compiles a JSONPath starting with `$` (not `$$`, not `$var`). Throws {@link PathSyntaxError}. */
export const compileJsonPath: (text: string) => CompiledPath = memoizeByText((text) => compileJsonPathUncached(text));

/** compileJsonPath without the cache. */
function compileJsonPathUncached(text: string): CompiledPath {
  const { tokens } = parseJaywayPath(text, false);
  const definite = isDefinitePath(tokens);
  const evaluator = compileTokens(tokens, '$', false);
  // A definite path is its accessor chain itself; an indefinite one must not take a stray argument for its root.
  return { text, definite, evaluate: definite ? evaluator : (root) => evaluator(root, root) };
}

/** Evaluates compiled tokens on `doc`, `root` (default: `doc`) being what `$` denotes inside filters. */
type Evaluator = (doc: unknown, root?: unknown) => unknown;

/** `predicates`: the compiled filters of `tokens`, when the caller already has them (see compileOperandPath). */
function compileTokens(
  tokens: readonly PathToken[],
  rootSymbol: string,
  strict: boolean,
  predicates?: readonly (FilterPredicate | undefined)[],
): Evaluator {
  if (tokens.some((token) => token.kind === 'function')) {
    return () => {
      throw new PathNotFoundError(FUNCTIONS_UNSUPPORTED);
    };
  }
  if (isDefinitePath(tokens)) {
    // The accessor chain itself: no wrapper between the caller and the first step.
    return compileDefinite(tokens, rootSymbol);
  }
  return compileSelector(tokens, predicates ?? compilePredicates(tokens), strict, rootSymbol);
}

/** The compiled filter of each filter token (undefined for the other tokens). */
function compilePredicates(tokens: readonly PathToken[]): (FilterPredicate | undefined)[] {
  return tokens.map((token) =>
    token.kind === 'filter' ? compileFilter(token.expression, compileOperandPath) : undefined,
  );
}

/** Runs `evaluate`, turning "not found" into `onMissing` as Jayway's filter operands do. */
function orElse<T>(evaluate: () => T, onMissing: T): T {
  try {
    return evaluate();
  } catch (error) {
    if (error instanceof PathNotFoundError) return onMissing;
    throw error;
  }
}

/**
 * A filter's path operand: `@...` reads the item, `$...` the document. Its value is {@link NO_VALUE} when it selects
 * nothing; its existence test follows Jayway's REQUIRE_PROPERTIES (a missing property anywhere fails it).
 */
const compileOperandPath: CompileOperandPath = ({ root: symbol, tokens }) => {
  // Both readings share one compilation of the filters: compiling them per reading doubles the work at every
  // level of filters nested in filter paths, exponentially.
  const definite = isDefinitePath(tokens);
  const predicates = definite ? undefined : compilePredicates(tokens);
  const value = compileTokens(tokens, symbol, false, predicates);
  const strict = definite ? value : compileTokens(tokens, symbol, true, predicates);
  const doc = symbol === '@' ? (item: unknown) => item : (_item: unknown, root: unknown) => root;
  return {
    value: (item, root) => orElse(() => value(doc(item, root), root), NO_VALUE),
    exists: (item, root) =>
      orElse(() => {
        strict(doc(item, root), root);
        return true;
      }, false),
  };
};
