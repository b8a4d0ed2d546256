/**
 * The syntax of an intrinsic function call, `States.Name(arg, ...)`, parsed into a tree.
 *
 * Arguments are `'single-quoted strings'` (escapes `\'`, `\{`, `\}`, `\\` and nothing else), JSON numbers,
 * `null`, `true`, `false`, paths (`$...`, `$$...`, `$name...`) and nested calls, separated by commas with
 * optional white space. Which names exist and how many arguments each takes are checked later: AWS rejects
 * an unknown name when the definition is created but a wrong argument count only when the call runs.
 */

/** Thrown for text that is not a well-formed intrinsic function call. */
export class IntrinsicSyntaxError extends Error {
  /** The whole call as written. */
  readonly text: string;
  /** Offset in `text` where the problem was found. */
  readonly position: number;

  constructor(text: string, position: number, problem: string) {
    super(`Invalid intrinsic function call ${JSON.stringify(text)}: ${problem} at position ${position}`);
    this.name = 'IntrinsicSyntaxError';
    this.text = text;
    this.position = position;
  }
}

/** A call: `name` is the full name, e.g. `States.Format`. */
export interface IntrinsicCall {
  readonly name: string;
  readonly args: readonly IntrinsicArgument[];
  /** Offset of the call in the whole text. */
  readonly position: number;
}

/** One argument of a call, as written. */
export type IntrinsicArgument =
  | {
      readonly kind: 'literal';
      readonly value: null | boolean | number | string;
      /** For a string literal: the text between the quotes, escapes kept (`States.Format` reads it). */
      readonly raw?: string;
    }
  | { readonly kind: 'path'; readonly path: string }
  | { readonly kind: 'call'; readonly call: IntrinsicCall };

/** AWS: "You can nest up to 10 intrinsic functions within a field". */
export const MAX_INTRINSIC_NESTING = 10;

const CALL_PREFIX = 'States.';
const NAME = /[A-Za-z0-9_]+/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const KEYWORDS: ReadonlyArray<readonly [string, null | boolean]> = [
  ['null', null],
  ['true', true],
  ['false', false],
];
const STRING_ESCAPES = new Set(["'", '{', '}', '\\']);
/** Hoisted: a regex literal in a function body makes a new RegExp object at every call. */
const CALL_SHAPE = /^States\.[A-Za-z0-9_.]+\(/;

/** True when `text` has the shape of a call (`States.X(`); cheap, for telling calls from paths and literals. */
export function isIntrinsicCall(text: string): boolean {
  return CALL_SHAPE.test(text);
}

/** Parses a whole call. Throws {@link IntrinsicSyntaxError}. */
export function parseIntrinsic(text: string): IntrinsicCall {
  const parser = new Parser(text);
  const call = parser.call(1);
  parser.skipSpace();
  if (!parser.atEnd()) parser.fail('unexpected text after the call');
  return call;
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  fail(problem: string): never {
    throw new IntrinsicSyntaxError(this.text, this.pos, problem);
  }

  skipSpace(): void {
    while (!this.atEnd() && ' \t\n\r'.includes(this.text[this.pos])) this.pos++;
  }

  call(depth: number): IntrinsicCall {
    if (depth > MAX_INTRINSIC_NESTING) this.fail(`intrinsic functions nest more than ${MAX_INTRINSIC_NESTING} deep`);
    const position = this.pos;
    if (!this.text.startsWith(CALL_PREFIX, this.pos)) this.fail(`expected '${CALL_PREFIX}'`);
    this.pos += CALL_PREFIX.length;
    NAME.lastIndex = this.pos;
    const name = NAME.exec(this.text);
    if (!name) this.fail('expected a function name');
    this.pos = NAME.lastIndex;
    this.skipSpace();
    this.expect('(');
    const args: IntrinsicArgument[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ')') {
      this.pos++;
      return { name: CALL_PREFIX + name[0], args, position };
    }
    for (;;) {
      args.push(this.argument(depth));
      this.skipSpace();
      if (this.text[this.pos] === ')') {
        this.pos++;
        return { name: CALL_PREFIX + name[0], args, position };
      }
      this.expect(',');
      this.skipSpace();
    }
  }

  private expect(char: string): void {
    if (this.text[this.pos] !== char) this.fail(`expected '${char}'`);
    this.pos++;
  }

  private argument(depth: number): IntrinsicArgument {
    const char = this.text[this.pos];
    if (char === undefined) this.fail('expected an argument');
    if (char === "'") return this.string();
    if (char === '$') return { kind: 'path', path: this.path() };
    if (this.text.startsWith(CALL_PREFIX, this.pos)) return { kind: 'call', call: this.call(depth + 1) };
    for (const [word, value] of KEYWORDS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        this.expectArgumentEnd();
        return { kind: 'literal', value };
      }
    }
    NUMBER.lastIndex = this.pos;
    const number = NUMBER.exec(this.text);
    if (!number) this.fail('expected an argument');
    this.pos = NUMBER.lastIndex;
    this.expectArgumentEnd();
    return { kind: 'literal', value: Number(number[0]) };
  }

  /** A literal must be followed by white space, `,` or `)`; `12abc` or `nullx` are not arguments. */
  private expectArgumentEnd(): void {
    if (!this.atEnd() && !' \t\n\r,)'.includes(this.text[this.pos])) this.fail('unexpected character in argument');
  }

  private string(): IntrinsicArgument {
    const start = ++this.pos;
    let value = '';
    for (;;) {
      const char = this.text[this.pos];
      if (char === undefined) this.fail('unterminated string');
      if (char === "'") break;
      if (char === '\\') {
        const escaped = this.text[this.pos + 1];
        if (escaped === undefined) this.fail('dangling escape character');
        if (!STRING_ESCAPES.has(escaped)) this.fail(`invalid escape sequence '\\${escaped}'`);
        value += escaped;
        this.pos += 2;
      } else {
        value += char;
        this.pos++;
      }
    }
    const raw = this.text.slice(start, this.pos);
    this.pos++;
    return { kind: 'literal', value, raw };
  }

  /**
   * A path runs to the first `,` `)` or white space outside brackets, so `$['a, b']` and filters such as
   * `$.a[?(@.b == 1)]` stay whole. Whether it is a valid path is for the JSONPath compiler to decide.
   */
  private path(): string {
    const start = this.pos;
    let brackets = 0;
    let parentheses = 0;
    let quote: string | undefined;
    for (; !this.atEnd(); this.pos++) {
      const char = this.text[this.pos];
      if (quote !== undefined) {
        if (char === '\\') this.pos++;
        else if (char === quote) quote = undefined;
      } else if (brackets > 0 && (char === "'" || char === '"')) {
        quote = char;
      } else if (char === '[') {
        brackets++;
      } else if (char === ']') {
        brackets--;
      } else if (char === '(') {
        parentheses++;
      } else if (char === ')' && parentheses > 0) {
        parentheses--;
      } else if (brackets === 0 && parentheses === 0 && ' \t\n\r,)'.includes(char)) {
        break;
      }
    }
    if (quote !== undefined || brackets !== 0) this.fail('unterminated path');
    return this.text.slice(start, this.pos);
  }
}
