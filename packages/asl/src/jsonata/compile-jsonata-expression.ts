/**
 * One JSONata expression, parsed once and evaluated as Step Functions evaluates it.
 *
 * Step Functions evaluates with no context item: the data comes from `$states` (`input`, `result`,
 * `errorOutput`, `context`) and from the workflow variables (`$name`). Only the `$states` members and the
 * variables the expression reads are bound, so an evaluation costs what the expression uses (the context
 * object, often a getter, is only built when read). The result must be a JSON value: undefined and functions
 * are `States.QueryEvaluationError`s, as is anything JSONata throws.
 */
import type jsonata from '../../vendor/jsonata-sync.cjs';
import { memoizeByText } from '../memo.js';
import type { EvaluationScope } from '../scope.js';
import { boundEvaluations, withinBounds } from './evaluation-bounds.js';
import { findJsonataReferences, type JsonataReferences } from './expression-references.js';
import { setJsonField, toJsonResult, UNSUPPORTED_RESULT } from './json-result.js';
import { returnedNothing, threwDuringEvaluation, unsupportedResultType } from './jsonata-errors.js';
import { parseJsonata } from './jsonata-expression.js';
import { registerStepFunctionsFunctions, SCOPE_BINDING } from './step-functions-functions.js';

/**
 * What a JSONata evaluation reads: `$states` and, through the {@link EvaluationScope}, `$states.context`, the
 * workflow variables (`$name`) and the random source of `$random()` and `$uuid()`.
 */
export interface JsonataBindings extends EvaluationScope {
  /** `$states.input`: the state's input. */
  readonly input: unknown;
  /** `$states.result`: the Task/Map/Parallel result, for the state's `Output` and `Assign`; else absent. */
  readonly result?: unknown;
  /** `$states.errorOutput`: the Error Output, for a catcher's `Output` and `Assign`; else absent. */
  readonly errorOutput?: unknown;
}

/** A parsed expression, ready to evaluate any number of times (concurrently too). */
export interface CompiledJsonataExpression {
  /** The expression text, as AWS quotes it (between the delimiters, trimmed). */
  readonly text: string;
  /** What the expression reads. */
  readonly references: JsonataReferences;
  /**
   * Evaluates to a JSON value. `field` is the field path AWS names in failures (e.g. `Output/result`).
   * Throws {@link JsonataEvaluationError}.
   */
  evaluate(bindings: JsonataBindings, field: string): unknown;
}

/** `$states` members in the order `$states` shows them when read whole. */
const STATES_MEMBERS = ['input', 'result', 'errorOutput', 'context'] as const;

type StatesMember = (typeof STATES_MEMBERS)[number];

function statesMember(bindings: JsonataBindings, member: StatesMember): unknown {
  return member === 'context' ? bindings.context : bindings[member];
}

/**
 * Parses and prepares the expression `text` (without delimiters). Throws {@link JsonataSyntaxError}.
 * Compiled expressions are shared: the same text compiles once.
 */
export const compileJsonataExpression: (text: string) => CompiledJsonataExpression = memoizeByText(
  (text) => new JsonataExpression(text),
);

class JsonataExpression implements CompiledJsonataExpression {
  readonly references: JsonataReferences;
  private readonly expression: jsonata.Expression;
  /** The `$states` members to bind; every member when `$states` is read whole; none when not read. */
  private readonly states: readonly StatesMember[];
  private readonly variables: readonly string[];

  constructor(readonly text: string) {
    this.expression = parseJsonata(text);
    registerStepFunctionsFunctions(this.expression);
    this.references = findJsonataReferences(this.expression.ast());
    boundEvaluations(this.expression);
    const { readsWholeStates, statesMembers } = this.references;
    this.states = STATES_MEMBERS.filter((member) => readsWholeStates || statesMembers.has(member));
    this.variables = [...this.references.variables];
  }

  evaluate(bindings: JsonataBindings, field: string): unknown {
    let result: unknown;
    try {
      result = withinBounds(this.references.definesFunctions, () =>
        this.expression.evaluate(undefined, this.frame(bindings)),
      );
    } catch (error) {
      throw threwDuringEvaluation(this.text, field, error);
    }
    if (result === undefined) throw returnedNothing(this.text, field);
    const json = toJsonResult(result);
    if (json === UNSUPPORTED_RESULT) throw unsupportedResultType(this.text, field);
    return json;
  }

  /** The bindings of one evaluation. */
  private frame(bindings: JsonataBindings): Record<string, unknown> {
    const frame: Record<string, unknown> = { [SCOPE_BINDING]: bindings };
    if (this.states.length > 0) {
      const states: Record<string, unknown> = {};
      for (const member of this.states) {
        const value = statesMember(bindings, member);
        if (value !== undefined) states[member] = value;
      }
      frame.states = states;
    }
    for (const name of this.variables) {
      const value = bindings.variable?.(name);
      if (value !== undefined) setJsonField(frame, name, value);
    }
    return frame;
  }
}
