/**
 * Compiles a definite path (names, single indexes) into a chain of accessor closures: evaluation walks the chain
 * with no allocation; strings are only built when a step fails and the error needs Jayway's message.
 */
import { isJsonObject } from '../json.js';
import { expectedArray, expectedObject, multiPropertiesNotLeaf } from './jayway-messages.js';
import { ownProperty, propertyReader } from './own-property.js';
import { PathNotFoundError } from './path-errors.js';
import { type PathToken, renderToken, renderTokens } from './tokens.js';

/** Reads the one node a definite path selects; throws {@link PathNotFoundError} with Jayway's message. */
export type DefiniteAccessor = (node: unknown) => unknown;

const identity: DefiniteAccessor = (node) => node;

/**
 * Compiles definite `tokens` (property and single-index tokens only) applied below `rootSymbol` (`$` or `@`, used
 * in the rendered paths of error messages).
 */
export function compileDefinite(tokens: readonly PathToken[], rootSymbol: string): DefiniteAccessor {
  const prefixes = [rootSymbol];
  for (const token of tokens) prefixes.push(prefixes[prefixes.length - 1] + renderToken(token));
  const noResults = `No results for path: ${prefixes[tokens.length]}`;
  let accessor: DefiniteAccessor | undefined;
  for (let i = tokens.length - 1; i >= 0; i--) {
    accessor = compileStep({ tokens, index: i, prefixes, noResults }, accessor);
  }
  return accessor ?? identity;
}

interface StepContext {
  readonly tokens: readonly PathToken[];
  readonly index: number;
  /** `prefixes[i]`: the rendered path before token i. */
  readonly prefixes: readonly string[];
  readonly noResults: string;
}

function compileStep(ctx: StepContext, next: DefiniteAccessor | undefined): DefiniteAccessor {
  const token = ctx.tokens[ctx.index];
  if (token.kind === 'property') {
    return token.names.length === 1
      ? compileProperty(ctx, token.names[0], next)
      : compileMultiProperty(ctx, token.names, next);
  }
  if (token.kind === 'index' && token.indexes.length === 1) return compileIndex(ctx, token.indexes[0], next);
  throw new Error(`not a definite token: ${renderToken(token)}`);
}

function compileProperty(ctx: StepContext, name: string, next: DefiniteAccessor | undefined): DefiniteAccessor {
  const read = propertyReader(name);
  const fragment = renderToken(ctx.tokens[ctx.index]);
  const currentPath = ctx.prefixes[ctx.index];
  // Jayway: an absent leaf only means "no results"; an absent property mid-path is reported where it happened.
  const missing = next === undefined ? ctx.noResults : `Missing property in path ${ctx.prefixes[ctx.index + 1]}`;
  const fail = (node: unknown) =>
    isJsonObject(node) ? new PathNotFoundError(missing, name) : expectedObject(fragment, currentPath, node, name);
  if (next === undefined) {
    return (node) => {
      const value = read(node);
      if (value === undefined) throw fail(node);
      return value;
    };
  }
  return (node) => {
    const value = read(node);
    if (value === undefined) throw fail(node);
    return next(value);
  };
}

function compileMultiProperty(
  ctx: StepContext,
  names: readonly string[],
  next: DefiniteAccessor | undefined,
): DefiniteAccessor {
  const fragment = renderToken(ctx.tokens[ctx.index]);
  const currentPath = ctx.prefixes[ctx.index];
  const evalPath = ctx.prefixes[ctx.index + 1];
  return (node) => {
    if (!isJsonObject(node)) throw expectedObject(fragment, currentPath, node, names[0]);
    if (next !== undefined) throw multiPropertiesNotLeaf(evalPath);
    const entries: [string, unknown][] = [];
    for (const name of names) {
      const value = ownProperty(node, name);
      if (value !== undefined) entries.push([name, value]);
    }
    return Object.fromEntries(entries);
  };
}

function compileIndex(ctx: StepContext, index: number, next: DefiniteAccessor | undefined): DefiniteAccessor {
  const currentPath = ctx.prefixes[ctx.index];
  const step = String(index);
  const { noResults } = ctx;
  return (node) => {
    // The rest of the path is rendered only for the message: rendering it per index at compile time is quadratic.
    if (!Array.isArray(node)) throw expectedArray(currentPath, renderTokens(ctx.tokens, ctx.index), node, step);
    const effective = index < 0 ? node.length + index : index;
    // Jayway ignores an index out of bounds, so the path as a whole has no result.
    if (effective < 0 || effective >= node.length) throw new PathNotFoundError(noResults, step, next === undefined);
    return next === undefined ? node[effective] : next(node[effective]);
  };
}
