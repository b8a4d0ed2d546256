/**
 * The Jackson replay that reads values: strings, escapes, numbers and the odd tokens Jackson names in its
 * errors. Used only when `JSON.parse` has failed, to find Jackson's message and position. Where the two
 * Jackson generations differ (see `json-text-dialect.ts`), `current` holds for 2.18.
 */
import type { JsonTextResult } from './json-text.js';
import {
  BACKSLASH,
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  charDescription,
  hexValue,
  isDigit,
  isJavaIdentifierStart,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
  SLASH,
  SPACE,
} from './json-text-chars.js';
import { JacksonCursor, JacksonError, VALID_VALUES } from './json-text-cursor.js';
import { dialectLocation } from './json-text-dialect.js';

/** A replay of Jackson's `ReaderBasedJsonParser` (default features, whole text in one buffer). */
export class JacksonScanner extends JacksonCursor {
  private readonly current = this.dialect.generation === 'current';
  private readonly nonNumericFeature = this.current
    ? '`JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS`'
    : 'JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS';

  /** Parses the first value of the text, as `ObjectMapper.readTree` does. */
  run(): JsonTextResult {
    try {
      const first = this.skipWhitespaceOrEnd();
      if (first < 0) {
        const message = 'No content to map due to end-of-input';
        const location = dialectLocation(this.dialect, this.text, 1, 0);
        return { ok: false, empty: true, message, line: 1, column: 0, location };
      }
      if (first === CLOSE_ARRAY || first === CLOSE_OBJECT) this.closeScope(first);
      // The scanner runs where JSON.parse refused the text: a value Jackson accepts has content after it.
      return { ok: true, value: this.value(first), exact: false };
    } catch (error) {
      if (!(error instanceof JacksonError)) throw error;
      const line = this.row;
      const column = this.ptr - this.rowStart + (error.atChar && this.current ? 0 : 1);
      const location = dialectLocation(this.dialect, this.text, line, column);
      return { ok: false, empty: false, message: error.message, line, column, location };
    }
  }

  /** Parses the value whose first char `code` was just consumed. */
  private value(code: number): unknown {
    switch (code) {
      case QUOTE:
        return this.string(': was expecting closing quote for a string value', 'string value');
      case OPEN_ARRAY:
        return this.array();
      case OPEN_OBJECT:
        return this.object();
      case CLOSE_OBJECT:
        return this.unexpectedChar(code, 'expected a value');
      case 0x74: // t
        this.matchToken('true', 1);
        return true;
      case 0x66: // f
        this.matchToken('false', 1);
        return false;
      case 0x6e: // n
        this.matchToken('null', 1);
        return null;
      case 0x2d: // -
        return this.negativeNumber();
      default:
        if (isDigit(code)) return this.positiveNumber(code);
        return this.oddValue(code);
    }
  }

  private array(): unknown[] {
    this.pushContext('Array');
    const items: unknown[] = [];
    for (;;) {
      let code = this.skipWhitespaceOrEnd();
      if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
        this.closeScope(code);
        return items;
      }
      if (items.length > 0) code = this.skipComma(code);
      items.push(this.value(code));
    }
  }

  private object(): Record<string, unknown> {
    this.pushContext('Object');
    const result: Record<string, unknown> = {};
    let first = true;
    for (;;) {
      let code = this.skipWhitespaceOrEnd();
      if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
        this.closeScope(code);
        return result;
      }
      if (!first) code = this.skipComma(code);
      first = false;
      if (code !== QUOTE) this.unexpectedChar(code, 'was expecting double-quote to start field name');
      const name = this.string(' in field name', 'name');
      const valueStart = this.skipColon();
      // `readTree` reads members with `nextFieldName`, which (unlike `nextToken`) takes `}` as an odd value.
      const value = valueStart === CLOSE_OBJECT ? this.oddValue(valueStart) : this.value(valueStart);
      // `JSON.parse` semantics for the one key an assignment would not store as data.
      Object.defineProperty(result, name, { value, enumerable: true, writable: true, configurable: true });
    }
  }

  /** A string after its opening quote; `eofSuffix`/`what` differ between names and values as in Jackson. */
  private string(eofSuffix: string, what: string): string {
    let out = '';
    let segmentStart = this.ptr;
    for (;;) {
      if (this.ptr >= this.text.length) this.unexpectedEnd(eofSuffix);
      const code = this.text.charCodeAt(this.ptr++);
      if (code === QUOTE) return out + this.text.slice(segmentStart, this.ptr - 1);
      if (code === BACKSLASH) {
        out += this.text.slice(segmentStart, this.ptr - 1) + this.escape();
        segmentStart = this.ptr;
      } else if (code < SPACE) {
        this.fail(
          `Illegal unquoted character (${charDescription(code)}): has to be escaped using backslash to be included in ${what}`,
          true,
        );
      }
    }
  }

  private escape(): string {
    if (this.ptr >= this.text.length) this.unexpectedEnd(' in character escape sequence');
    const code = this.text.charCodeAt(this.ptr++);
    switch (code) {
      case 0x62:
        return '\b';
      case 0x74:
        return '\t';
      case 0x6e:
        return '\n';
      case 0x66:
        return '\f';
      case 0x72:
        return '\r';
      case QUOTE:
      case SLASH:
      case BACKSLASH:
        return String.fromCharCode(code);
      case 0x75: {
        let value = 0;
        for (let i = 0; i < 4; i++) {
          if (this.ptr >= this.text.length) this.unexpectedEnd(' in character escape sequence');
          const hex = this.text.charCodeAt(this.ptr++);
          const digit = hexValue(hex);
          if (digit < 0) this.unexpectedChar(hex, 'expected a hex-digit for character escape sequence');
          value = (value << 4) | digit;
        }
        return String.fromCharCode(value);
      }
      default:
        return this.fail(`Unrecognized character escape ${charDescription(code)}`, true);
    }
  }

  private oddValue(code: number): never {
    switch (code) {
      case 0x4e: // N
        this.matchToken('NaN', 1);
        return this.nonNumeric('NaN');
      case 0x49: // I
        this.matchToken('Infinity', 1);
        return this.nonNumeric('Infinity');
      case 0x2b: // +
        if (this.ptr >= this.text.length) this.unexpectedEnd(' in a Number value');
        return this.invalidNumberStart(this.text.charCodeAt(this.ptr++), false);
    }
    if (isJavaIdentifierStart(code)) this.invalidToken(String.fromCharCode(code));
    return this.unexpectedChar(code, `expected a valid value ${VALID_VALUES}`);
  }

  private nonNumeric(token: string): never {
    return this.fail(`Non-standard token '${token}': enable ${this.nonNumericFeature} to allow`);
  }

  /** `_handleInvalidNumberStart`: `code` (consumed) follows a sign. */
  private invalidNumberStart(code: number, negative: boolean): never {
    if (code === 0x49) {
      if (this.ptr >= this.text.length) this.unexpectedEnd(' in a Number value');
      const next = this.text.charCodeAt(this.ptr++);
      const word = next === 0x4e ? 'INF' : next === 0x6e ? 'Infinity' : undefined;
      if (word !== undefined) {
        const match = (negative ? '-' : '+') + word;
        this.matchToken(match, 3);
        this.nonNumeric(match);
      }
      code = next;
    }
    if (this.current && !negative) {
      // Newer Jackson names the sign in the message, but the position is still that of `code`.
      this.numberCharError(
        0x2b,
        'JSON spec does not allow numbers to have plus signs: enable `JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS` to allow',
      );
    }
    return this.numberCharError(code, 'expected digit (0-9) to follow minus sign, for valid numeric value');
  }

  /** `_parsePosNumber`: `first` (a digit) was consumed. */
  private positiveNumber(first: number): number {
    const start = this.ptr - 1;
    if (first === 0x30) return this.slowNumber(false, start);
    return this.integerPart(start, this.ptr, false);
  }

  /** `_parseNegNumber`: the minus sign was consumed. */
  private negativeNumber(): number {
    const start = this.ptr - 1;
    let p = this.ptr;
    if (p >= this.text.length) return this.slowNumber(true, start);
    const code = this.text.charCodeAt(p++);
    if (!isDigit(code)) {
      this.ptr = p;
      // Newer Jackson reads `-.` as a number starting with a period, which is an odd value by default.
      if (code === 0x2e && this.current) return this.oddValue(code);
      return this.invalidNumberStart(code, true);
    }
    if (code === 0x30) return this.slowNumber(true, start);
    return this.integerPart(start, p, true);
  }

  /** The fast path's integer loop, from `p` (just after the first digit). */
  private integerPart(start: number, p: number, negative: boolean): number {
    let code: number;
    for (;;) {
      if (p >= this.text.length) return this.slowNumber(negative, start);
      code = this.text.charCodeAt(p++);
      if (!isDigit(code)) break;
    }
    if (code === 0x2e || code === 0x65 || code === 0x45) {
      this.ptr = p;
      return this.fraction(code, start, p, negative);
    }
    this.ptr = p - 1;
    if (this.context.type === 'root') this.verifyRootSpace(code);
    return Number(this.text.slice(start, p - 1));
  }

  /** `_parseFloat`: errors keep the pointer just after the `.`/`e` that started this part, as Jackson does. */
  private fraction(code: number, start: number, p: number, negative: boolean): number {
    const end = this.text.length;
    if (code === 0x2e) {
      let digits = 0;
      for (;;) {
        if (p >= end) return this.slowNumber(negative, start);
        code = this.text.charCodeAt(p++);
        if (!isDigit(code)) break;
        digits++;
      }
      if (digits === 0) this.numberCharError(code, 'Decimal point not followed by a digit');
    }
    if (code === 0x65 || code === 0x45) {
      if (p >= end) return this.slowNumber(negative, start);
      code = this.text.charCodeAt(p++);
      if (code === 0x2d || code === 0x2b) {
        if (p >= end) return this.slowNumber(negative, start);
        code = this.text.charCodeAt(p++);
      }
      let digits = 0;
      while (isDigit(code)) {
        digits++;
        if (p >= end) return this.slowNumber(negative, start);
        code = this.text.charCodeAt(p++);
      }
      if (digits === 0) this.numberCharError(code, 'Exponent indicator not followed by a digit');
    }
    this.ptr = p - 1;
    if (this.context.type === 'root') this.verifyRootSpace(code);
    return Number(this.text.slice(start, p - 1));
  }

  /** `_parseNumber2`: the careful path Jackson takes for leading zeros and numbers that reach the end. */
  private slowNumber(negative: boolean, start: number): number {
    const end = this.text.length;
    this.ptr = negative ? start + 1 : start;
    let code = this.nextCharOrEnd(this.current ? 'No digit following sign' : 'No digit following minus sign');
    let atEnd = false;
    if (code === 0x30) this.verifyNoLeadingZeroes();
    let intDigits = 0;
    while (isDigit(code)) {
      intDigits++;
      if (this.ptr >= end) {
        atEnd = true;
        code = 0;
        break;
      }
      code = this.text.charCodeAt(this.ptr++);
    }
    if (intDigits === 0) this.invalidNumberStart(code, negative);
    if (code === 0x2e) {
      let digits = 0;
      for (;;) {
        if (this.ptr >= end) {
          atEnd = true;
          break;
        }
        code = this.text.charCodeAt(this.ptr++);
        if (!isDigit(code)) break;
        digits++;
      }
      if (digits === 0) this.numberCharError(code, 'Decimal point not followed by a digit');
    }
    if (code === 0x65 || code === 0x45) {
      code = this.nextCharOrEnd('expected a digit for number exponent');
      if (code === 0x2d || code === 0x2b) code = this.nextCharOrEnd('expected a digit for number exponent');
      let digits = 0;
      while (isDigit(code)) {
        digits++;
        if (this.ptr >= end) {
          atEnd = true;
          break;
        }
        code = this.text.charCodeAt(this.ptr++);
      }
      if (digits === 0) this.numberCharError(code, 'Exponent indicator not followed by a digit');
    }
    if (atEnd) return Number(this.text.slice(start, this.ptr));
    this.ptr--;
    const stop = this.ptr;
    if (this.context.type === 'root') this.verifyRootSpace(code);
    return Number(this.text.slice(start, stop));
  }

  /** Jackson's `getNextChar(msg)`: its message has no separator after `end-of-input`. */
  private nextCharOrEnd(message: string): number {
    if (this.ptr >= this.text.length) this.unexpectedEnd(message);
    return this.text.charCodeAt(this.ptr++);
  }

  private verifyNoLeadingZeroes(): void {
    if (this.ptr < this.text.length && isDigit(this.text.charCodeAt(this.ptr))) {
      this.fail('Invalid numeric value: Leading zeroes not allowed');
    }
  }
}
