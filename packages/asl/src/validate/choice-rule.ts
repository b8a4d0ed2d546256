/**
 * Choice Rules: JSONPath data tests (`Variable` + one operator) and `And`/`Or`/`Not`, or JSONata `Condition`.
 */
import { choiceOperandKind } from '../choice/operators.js';
import type { QueryLanguage } from '../definition.js';
import { isDefinitionTimestamp } from '../timestamp.js';
import { isJsonataExpression, type ValidationContext } from './context.js';
import { fieldLocation, itemLocation } from './diagnostics.js';
import { checkJsonataValue } from './jsonata-fields.js';
import { checkDataPath } from './paths.js';
import { checkAssign } from './state.js';
import { wrongLanguageMessage } from './state-fields.js';
import { checkNonEmptyArray, checkRequired, checkType, ifPresent, type JsonTypeName } from './value-checks.js';

const COMBINATORS = ['And', 'Or', 'Not'];
const JSONATA_RULE_FIELDS = ['Condition', 'Output'];
const OPERAND_TYPES: Readonly<Record<string, JsonTypeName>> = {
  string: 'STRING',
  number: 'NUMBER',
  boolean: 'BOOLEAN',
  timestamp: 'STRING',
  path: 'STRING',
};

/** Checks the rule at `location`; `top` rules (directly in `Choices`) carry `Next`, nested ones must not. */
export function checkChoiceRule(
  ctx: ValidationContext,
  rule: unknown,
  location: string,
  language: QueryLanguage,
  top: boolean,
): void {
  const out = ctx.out;
  if (!checkType(out, rule, 'OBJECT', location)) return;
  const fields = rule as Record<string, unknown>;
  if (top) {
    if (checkRequired(out, fields, ['Next'], location))
      checkType(out, fields.Next, 'STRING', fieldLocation(location, 'Next'));
    ifPresent(fields, 'Assign', location, (v, at) => checkAssign(ctx, v, language, at, undefined));
  }
  ifPresent(fields, 'Comment', location, (v, at) => checkType(out, v, 'STRING', at));
  if (language === 'JSONata') {
    checkJsonataRule(ctx, fields, location, top);
  } else {
    checkJsonPathRule(ctx, fields, location, top);
  }
}

function isJsonPathRuleField(name: string): boolean {
  return name === 'Variable' || COMBINATORS.includes(name) || choiceOperandKind(name) !== undefined;
}

function checkJsonataRule(ctx: ValidationContext, rule: Record<string, unknown>, location: string, top: boolean): void {
  const out = ctx.out;
  for (const name of Object.keys(rule)) {
    if (JSONATA_RULE_FIELDS.includes(name) || name === 'Comment' || (top && (name === 'Next' || name === 'Assign')))
      continue;
    out.schema(
      isJsonPathRuleField(name) ? wrongLanguageMessage('JSONata', name) : `Field '${name}' is not supported`,
      location,
    );
  }
  ifPresent(rule, 'Output', location, (v, at) => checkJsonataValue(out, v, at, undefined));
  if (!checkRequired(out, rule, ['Condition'], location)) return;
  const condition = rule.Condition;
  const at = fieldLocation(location, 'Condition');
  if (isJsonataExpression(condition)) checkJsonataValue(out, condition, at, undefined);
  else if (typeof condition !== 'boolean') checkType(out, condition, 'BOOLEAN', at);
}

function checkJsonPathRule(
  ctx: ValidationContext,
  rule: Record<string, unknown>,
  location: string,
  top: boolean,
): void {
  const out = ctx.out;
  const operators: string[] = [];
  const combinators: string[] = [];
  for (const name of Object.keys(rule)) {
    if (COMBINATORS.includes(name)) combinators.push(name);
    else if (choiceOperandKind(name) !== undefined) operators.push(name);
    else if (name === 'Variable' || name === 'Comment' || (top && (name === 'Next' || name === 'Assign'))) continue;
    else if (JSONATA_RULE_FIELDS.includes(name)) out.schema(wrongLanguageMessage('JSONPath', name), location);
    else out.schema(`Field '${name}' is not supported`, location);
  }
  if (operators.length + combinators.length !== 1) {
    out.schema('A Choice Rule must have exactly one comparison operator, or one of [And, Or, Not]', location);
    return;
  }
  if (combinators.length === 1) {
    if (rule.Variable !== undefined) out.schema("Field 'Variable' is not supported", location);
    checkCombinator(ctx, rule, combinators[0], location);
    return;
  }
  if (checkRequired(out, rule, ['Variable'], location))
    checkDataPath(out, 'Variable', rule.Variable, fieldLocation(location, 'Variable'));
  checkOperand(ctx, operators[0], rule[operators[0]], fieldLocation(location, operators[0]));
}

function checkCombinator(ctx: ValidationContext, rule: Record<string, unknown>, name: string, location: string): void {
  const at = fieldLocation(location, name);
  if (name === 'Not') {
    checkChoiceRule(ctx, rule.Not, at, 'JSONPath', false);
    return;
  }
  const nested = rule[name];
  if (!checkNonEmptyArray(ctx.out, nested, at)) return;
  nested.forEach((r, i) => {
    checkChoiceRule(ctx, r, itemLocation(at, i), 'JSONPath', false);
  });
}

function checkOperand(ctx: ValidationContext, operator: string, value: unknown, location: string): void {
  const out = ctx.out;
  const kind = choiceOperandKind(operator);
  if (kind === undefined || !checkType(out, value, OPERAND_TYPES[kind], location)) return;
  if (kind === 'path') checkDataPath(out, operator, value, location);
  if (kind === 'timestamp' && !isDefinitionTimestamp(value as string)) {
    out.schema('String does not match RFC3339 timestamp', location);
  }
}
