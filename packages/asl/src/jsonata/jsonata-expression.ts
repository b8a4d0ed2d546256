/**
 * Recognising and parsing a JSONata expression in an ASL field: `"{% <expression> %}"`.
 *
 * AWS treats a string as an expression only when it starts with `{%` and ends with `%}` with nothing outside
 * the delimiters; anything else (`" {% 1 %}"`, `"{% 1 %} "`) is a literal string. The expression AWS quotes in
 * its messages is the text between the delimiters without surrounding white space (AWS-recorded: `"{% 1 %}"`
 * is reported as `'1'`, `"{% {'foo': 'bar'} %}"` as `'{'foo': 'bar'}'`).
 */
import jsonata from '../../vendor/jsonata-sync.cjs';

const OPENING = '{%';
const CLOSING = '%}';

/** True when `value` is a JSONata expression string (`{%` ... `%}`, no white space outside the delimiters). */
export function isJsonataExpression(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= OPENING.length + CLOSING.length &&
    value.startsWith(OPENING) &&
    value.endsWith(CLOSING)
  );
}

/** The expression between the delimiters of `{% ... %}`, trimmed: the text AWS quotes in its messages. */
export function jsonataExpressionText(value: string): string {
  return value.slice(OPENING.length, value.length - CLOSING.length).trim();
}

/**
 * An expression the JSONata parser rejects. AWS refuses such a definition at create time with the diagnostic
 * code `INVALID_JSONATA_EXPRESSION` and the parser's message without its JSONata code, e.g.
 * `Unexpected end of expression` for `1 +` (3P-measured against AWS).
 */
export class JsonataSyntaxError extends Error {
  /** The diagnostic code AWS reports for it. */
  readonly diagnosticCode = 'INVALID_JSONATA_EXPRESSION';
  /** The JSONata error code, e.g. `S0207`; absent when the parser failed without one. */
  readonly code: string | undefined;
  /** The expression text (without delimiters). */
  readonly expression: string;
  /** The field path of the expression (e.g. `Output/a[0]`), when compiled as part of a field. */
  readonly field: string | undefined;

  constructor(expression: string, message: string, code: string | undefined, field?: string) {
    super(message);
    this.name = 'JsonataSyntaxError';
    this.expression = expression;
    this.code = code;
    this.field = field;
  }
}

/** Parses an expression text (without delimiters) with JSONata 2.0.6 (made synchronous, see `vendor/make-jsonata-sync.mjs`). Throws {@link JsonataSyntaxError}. */
export function parseJsonata(expression: string): jsonata.Expression {
  try {
    return jsonata(expression);
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    throw new JsonataSyntaxError(
      expression,
      typeof message === 'string' ? message : String(error),
      typeof code === 'string' ? code : undefined,
    );
  }
}
