/**
 * Compiles a JSONPath Choice Rule into a predicate over the Choice state's effective input.
 *
 * A rule is a boolean expression (`And` / `Or` over a non-empty array, `Not` over one rule) or a data test
 * (`Variable` plus exactly one operator). Compilation happens once: paths, timestamp literals and
 * `StringMatches` patterns are prepared here, and the returned closure only reads and compares.
 *
 * Runtime semantics (AWS-recorded): a type mismatch makes a comparison false; `IsPresent` never fails;
 * any other test whose `Variable` selects nothing fails the execution with an uncatchable `States.Runtime`.
 * A `...Path` operand that selects nothing fails the same way, naming that path (not recorded against AWS;
 * it follows the Variable's behaviour and text).
 */
import { runtimeError } from '../errors.js';
import { isJsonObject } from '../json.js';
import { compileDataPath, type DataPath, PathNotFoundError } from '../jsonpath/index.js';
import type { EvaluationScope } from '../scope.js';
import { parseTimestampInstant } from '../timestamp.js';
import { comparedValues, relationHolds } from './compared-values.js';
import { type ChoiceOperator, describeChoiceOperator, type TypeTest } from './operators.js';
import { compileStringMatches } from './string-matches.js';

/** A compiled Choice Rule: true when the rule matches the input. */
export type ChoicePredicate = (input: unknown, scope: EvaluationScope) => boolean;

/** Tests the value a rule's `Variable` selected; `input` and `scope` serve `...Path` operands. */
type ValueTest = (value: unknown, input: unknown, scope: EvaluationScope) => boolean;

/** Fields a Choice Rule may carry that take no part in matching. */
const NON_OPERATOR_FIELDS = new Set(['Variable', 'Next', 'Comment', 'Assign', 'Output']);

/**
 * Compiles a validated JSONPath Choice Rule. Throws `TypeError` for a malformed rule (the validator
 * reports those first); the predicate throws `StatesError('States.Runtime', ...)` for a missing path.
 */
export function compileChoiceRule(rule: unknown): ChoicePredicate {
  if (!isJsonObject(rule)) throw new TypeError('A Choice Rule must be an object');
  if ('And' in rule) return compileAll(compileRuleList(rule.And, 'And'));
  if ('Or' in rule) return compileAny(compileRuleList(rule.Or, 'Or'));
  if ('Not' in rule) {
    const negated = compileChoiceRule(rule.Not);
    return (input, scope) => !negated(input, scope);
  }
  return compileDataTest(rule);
}

/**
 * AWS's cause text when a Choice Rule path selects nothing, e.g.
 * `Invalid path '$.x': The choice state's condition path references an invalid value.`
 */
export function invalidChoicePathCause(path: string): string {
  return `Invalid path '${path}': The choice state's condition path references an invalid value.`;
}

function compileRuleList(rules: unknown, operator: string): ChoicePredicate[] {
  if (!Array.isArray(rules) || rules.length === 0) {
    throw new TypeError(`'${operator}' must be a non-empty array of Choice Rules`);
  }
  return rules.map(compileChoiceRule);
}

// Indexed loops (no iterator per evaluation): rules are evaluated on every transition through a Choice state.
function compileAll(rules: ChoicePredicate[]): ChoicePredicate {
  return (input, scope) => {
    for (let i = 0; i < rules.length; i++) if (!rules[i](input, scope)) return false;
    return true;
  };
}

function compileAny(rules: ChoicePredicate[]): ChoicePredicate {
  return (input, scope) => {
    for (let i = 0; i < rules.length; i++) if (rules[i](input, scope)) return true;
    return false;
  };
}

function compileDataTest(rule: Record<string, unknown>): ChoicePredicate {
  const variable = rule.Variable;
  if (typeof variable !== 'string') throw new TypeError("A Choice Rule needs a string 'Variable'");
  const [name, operator] = findOperator(rule);
  const operand = rule[name];
  const readVariable = compileDataPath(variable);
  if (operator.kind === 'present') {
    const expected = requireBoolean(operand, name);
    return (input, scope) => isPresent(readVariable, input, scope) === expected;
  }
  const test = compileValueTest(operator, operand, name);
  const cause = invalidChoicePathCause(variable);
  return (input, scope) => test(readRequired(readVariable, cause, input, scope), input, scope);
}

function findOperator(rule: Record<string, unknown>): [string, ChoiceOperator] {
  let found: [string, ChoiceOperator] | undefined;
  for (const key of Object.keys(rule)) {
    if (NON_OPERATOR_FIELDS.has(key)) continue;
    const operator = describeChoiceOperator(key);
    if (operator === undefined) throw new TypeError(`'${key}' is not a Choice Rule operator`);
    if (found !== undefined)
      throw new TypeError(`A Choice Rule has exactly one operator, found '${found[0]}' and '${key}'`);
    found = [key, operator];
  }
  if (found === undefined) throw new TypeError('A Choice Rule needs a comparison operator');
  return found;
}

function compileValueTest(
  operator: Exclude<ChoiceOperator, { kind: 'present' }>,
  operand: unknown,
  name: string,
): ValueTest {
  switch (operator.kind) {
    case 'test':
      return compileTypeTest(operator.test, requireBoolean(operand, name));
    case 'matches': {
      if (typeof operand !== 'string') throw new TypeError(`'${name}' needs a string pattern`);
      const matches = compileStringMatches(operand);
      return (value) => typeof value === 'string' && matches(value);
    }
    case 'compare':
      return operator.operandIsPath
        ? compilePathComparison(operator, operand, name)
        : compileLiteralComparison(operator, operand, name);
  }
}

const TYPE_TESTS: Readonly<Record<TypeTest, (value: unknown) => boolean>> = {
  IsNull: (value) => value === null,
  IsNumeric: (value) => typeof value === 'number',
  IsString: (value) => typeof value === 'string',
  IsBoolean: (value) => typeof value === 'boolean',
  IsTimestamp: (value) => typeof value === 'string' && parseTimestampInstant(value) !== undefined,
};

function compileTypeTest(test: TypeTest, expected: boolean): ValueTest {
  const isType = TYPE_TESTS[test];
  return (value) => isType(value) === expected;
}

function compileLiteralComparison(
  operator: Extract<ChoiceOperator, { kind: 'compare' }>,
  operand: unknown,
  name: string,
): ValueTest {
  const values = comparedValues(operator.type);
  const holds = relationHolds(operator.relation);
  const expected = values.read(operand);
  if (expected === undefined) throw new TypeError(`'${name}' needs a ${operator.type} operand`);
  return (value) => {
    const actual = values.read(value);
    return actual !== undefined && holds(values.compare(actual, expected));
  };
}

function compilePathComparison(
  operator: Extract<ChoiceOperator, { kind: 'compare' }>,
  operand: unknown,
  name: string,
): ValueTest {
  if (typeof operand !== 'string') throw new TypeError(`'${name}' needs a path`);
  const values = comparedValues(operator.type);
  const holds = relationHolds(operator.relation);
  const readOperand = compileDataPath(operand);
  const cause = invalidChoicePathCause(operand);
  return (value, input, scope) => {
    // The operand path is resolved even when the variable's type already decides the result, so a
    // missing operand fails the same way whatever the variable holds.
    const expected = values.read(readRequired(readOperand, cause, input, scope));
    const actual = values.read(value);
    return actual !== undefined && expected !== undefined && holds(values.compare(actual, expected));
  };
}

function requireBoolean(operand: unknown, name: string): boolean {
  if (typeof operand !== 'boolean') throw new TypeError(`'${name}' needs a boolean operand`);
  return operand;
}

function readRequired(read: DataPath, cause: string, input: unknown, scope: EvaluationScope): unknown {
  try {
    return read(input, scope);
  } catch (error) {
    if (error instanceof PathNotFoundError) throw runtimeError(cause);
    throw error;
  }
}

function isPresent(read: DataPath, input: unknown, scope: EvaluationScope): boolean {
  try {
    read(input, scope);
    return true;
  } catch (error) {
    if (error instanceof PathNotFoundError) return false;
    throw error;
  }
}
