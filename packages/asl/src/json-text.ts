/**
 * JSON text parsing with the error messages of Jackson (Java), the parser behind AWS Step Functions.
 *
 * AWS reports a definition or an execution input that is not JSON with Jackson's exception text, e.g.
 * `Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or
 * 'false')` and the location `[Source: (String)"not a definition"; line: 1, column: 4]`; `States.StringToJson`
 * does the same with a newer Jackson (see `json-text-dialect.ts`). `JSON.parse` does the work on the (common)
 * valid path; only when it fails does a scanner replay Jackson's `ReaderBasedJsonParser` (default features,
 * whole text in one buffer) to find the message and the position Jackson reports. Like
 * `ObjectMapper.readTree`, content after the first complete value is ignored (`FAIL_ON_TRAILING_TOKENS` is
 * off by default), so `{} xyz` parses as `{}`.
 */

import { findNestingViolation, nestsTooDeep } from './json-nesting.js';
import { DEFINITION_JACKSON, dialectLocation, type JacksonDialect } from './json-text-dialect.js';
import { JacksonScanner } from './json-text-scanner.js';

export { jacksonLocation } from './json-text-dialect.js';

/** A successful parse. */
export interface JsonTextValue {
  readonly ok: true;
  readonly value: unknown;
  /** False when Jackson ignored content after the value (`{} xyz`): the text is then not the value's JSON. */
  readonly exact: boolean;
}

/** A text Jackson rejects, with Jackson's message (without its ` at [Source: ...]` suffix) and position. */
export interface JsonTextError {
  readonly ok: false;
  /** True when the text is empty or only white space (Jackson: no content at all). */
  readonly empty: boolean;
  /** Jackson's original message, e.g. `Unexpected character (''' (code 39)): was expecting double-quote to start field name`. */
  readonly message: string;
  /** 1-based line of the error, as Jackson counts it. */
  readonly line: number;
  /** 1-based column of the error, as Jackson counts it (0 for empty content). */
  readonly column: number;
  /** Jackson's location text, e.g. `[Source: (String)"<text>"; line: 1, column: 4]`. */
  readonly location: string;
}

/** Either a value or Jackson's error. */
export type JsonTextResult = JsonTextValue | JsonTextError;

/**
 * Parses `text` as Jackson's `ObjectMapper.readTree` would, with Jackson's error on failure. `dialect` picks
 * the Jackson to reproduce; the default is the one behind the definition validator and StartExecution.
 */
export function parseJsonText(text: string, dialect: JacksonDialect = DEFINITION_JACKSON): JsonTextResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return new JacksonScanner(text, dialect).run();
  }
  const deep = nestsTooDeep(value) ? findNestingViolation(text) : undefined;
  if (!deep) return { ok: true, value, exact: true };
  const { line, column, message } = deep;
  return { ok: false, empty: false, message, line, column, location: dialectLocation(dialect, text, line, column) };
}

/**
 * Jackson's full exception message (`getMessage()`): the message, a newline and ` at <location>`; this is
 * the `message` of an `INVALID_JSON_DESCRIPTION` diagnostic and what `States.StringToJson` quotes.
 * StartExecution quotes the bare `message`: `Invalid State Machine Execution Input: '<message>'`.
 */
export function jacksonFullMessage(error: JsonTextError): string {
  return `${error.message}\n at ${error.location}`;
}
