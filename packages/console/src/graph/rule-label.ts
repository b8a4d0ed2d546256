/** Choice rules written short, as edge labels: `$.priority == "high"`, `$.total > 100 and $.vip is true`. */

const OPERATORS: [suffix: string, symbol: string][] = [
  ['EqualsPath', '=='],
  ['Equals', '=='],
  ['LessThanEqualsPath', '<='],
  ['LessThanEquals', '<='],
  ['LessThanPath', '<'],
  ['LessThan', '<'],
  ['GreaterThanEqualsPath', '>='],
  ['GreaterThanEquals', '>='],
  ['GreaterThanPath', '>'],
  ['GreaterThan', '>'],
  ['MatchesPath', 'matches'],
  ['Matches', 'matches'],
];

const TYPE_TESTS = ['IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp'];

/** The longest label an edge gets; longer rules are cut with an ellipsis (the full rule is in the tooltip). */
export const MAX_RULE_LABEL = 48;

/** A Choice rule (JSONPath or JSONata) as a short expression. */
export function describeRule(rule: Record<string, unknown>): string {
  if (typeof rule.Condition === 'string') return rule.Condition.replace(/^\{%\s*|\s*%\}$/g, '');
  if (Array.isArray(rule.And)) return rule.And.map((r) => group(r)).join(' and ');
  if (Array.isArray(rule.Or)) return rule.Or.map((r) => group(r)).join(' or ');
  if (rule.Not && typeof rule.Not === 'object') return `not ${group(rule.Not)}`;
  const variable = typeof rule.Variable === 'string' ? rule.Variable : '?';
  for (const test of TYPE_TESTS) {
    if (test in rule) return `${variable} ${rule[test] ? 'is' : 'is not'} ${test.slice(2).toLowerCase()}`;
  }
  for (const key of Object.keys(rule)) {
    const operator = OPERATORS.find(([suffix]) => key.endsWith(suffix));
    if (!operator) continue;
    const value = rule[key];
    return `${variable} ${operator[1]} ${typeof value === 'string' && !key.endsWith('Path') ? JSON.stringify(value) : String(value)}`;
  }
  return 'rule';
}

function group(rule: unknown): string {
  const text = describeRule((rule ?? {}) as Record<string, unknown>);
  return / (and|or) /.test(text) ? `(${text})` : text;
}

/** {@link describeRule}, cut to {@link MAX_RULE_LABEL} characters. */
export function ruleLabel(rule: Record<string, unknown>): string {
  const text = describeRule(rule);
  return text.length > MAX_RULE_LABEL ? `${text.slice(0, MAX_RULE_LABEL - 1)}…` : text;
}
