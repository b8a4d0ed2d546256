/**
 * What every check of one validation run shares: where diagnostics go, the machine's type and language, and
 * the workflow variables of the enclosing scopes.
 */
import type { QueryLanguage, StateMachineType } from '../definition.js';
import type { DiagnosticList } from './diagnostics.js';

/** The state of one `validateDefinition` run, as seen from one `States` block. */
export interface ValidationContext {
  readonly out: DiagnosticList;
  /** Standard or Express: Express forbids `.sync`, `.waitForTaskToken` and activities. */
  readonly type: StateMachineType;
  /** The top-level `QueryLanguage`: the default of every state, nested ones included. */
  readonly machineLanguage: QueryLanguage;
  /** The variables the enclosing blocks assign: a state of this block must not assign them. */
  readonly outerVariables: ReadonlySet<string>;
  /** The variables this block and the enclosing ones assign: the outer variables of a nested block. */
  readonly visibleVariables: ReadonlySet<string>;
}

/** A string that JSONata mode evaluates: `{%` ... `%}` with nothing outside the delimiters. */
export function isJsonataExpression(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('{%') && value.endsWith('%}') && value.length >= 4;
}

/**
 * The query language a `QueryLanguage` field gives, as AWS resolves it (measured against AWS by floci): when the
 * field is absent, the inherited one; when it is exactly `JSONPath`, JSONPath; any other value (`jsonpath`, `foo`,
 * `5`) makes it JSONata, and is reported as not one of the enum's values besides.
 */
export function declaredLanguage(declared: unknown, inherited: QueryLanguage): QueryLanguage {
  if (declared === undefined) return inherited;
  return declared === 'JSONPath' ? 'JSONPath' : 'JSONata';
}

/** A state's effective query language: what its own `QueryLanguage` gives, else the machine's. */
export function stateLanguage(ctx: ValidationContext, state: Record<string, unknown>): QueryLanguage {
  return declaredLanguage(state.QueryLanguage, ctx.machineLanguage);
}
