/**
 * Reading request members as AWS does, in AWS's two passes:
 *
 * 1. deserialization: a member of the wrong JSON type fails the request at once with `SerializationException`;
 * 2. model validation: every member is checked against the model's constraints (required, length, range, enum) and
 *    all violations are reported together in one `ValidationException` (`2 validation errors detected: A; B`).
 *
 * The operation's own checks (`InvalidName`, `InvalidArn`, ...) come after both, so an operation reads every member
 * through a {@link RequestReader}, calls {@link RequestReader.done}, then validates meaning.
 */
import { constraintViolations, invalidName, serializationError } from './errors.js';

/** The model's constraints on a string member. */
export interface StringShape {
  min?: number;
  max?: number;
  /** Sensitive members are not echoed in validation messages (`Value at 'definition' failed ...`). */
  sensitive?: boolean;
}

/**
 * The string shapes of the Step Functions model (botocore `stepfunctions/2016-11-23`). `Definition` has no minimum
 * here: the model says 1, but AWS answers an empty definition with its diagnostics (recorded:
 * ValidateStateMachineDefinition of `''` is `Definition must be a valid JSON object`), not a ValidationException.
 */
export const Shape = {
  Name: { min: 1, max: 80 },
  Arn: { min: 1, max: 256 },
  LongArn: { min: 1, max: 2000 },
  Definition: { max: 1_048_576, sensitive: true },
  VersionDescription: { max: 256, sensitive: true },
  TagKey: { min: 1, max: 128 },
  TagValue: { min: 0, max: 256 },
  PageToken: { min: 1, max: 1024 },
  ListExecutionsPageToken: { min: 1, max: 3096 },
  TaskToken: { min: 1, max: 2048 },
  ClientToken: { min: 1, max: 64 },
  SensitiveData: { max: 262_144, sensitive: true },
  SensitiveError: { min: 0, max: 256, sensitive: true },
  SensitiveCause: { min: 0, max: 32_768, sensitive: true },
} as const satisfies Record<string, StringShape>;

/** AWS's default page size when `maxResults` is absent or 0. */
export const DEFAULT_PAGE_SIZE = 100;

/** Starts reading a request body (the parsed JSON object). */
export function readRequest(body: Record<string, unknown>): RequestReader {
  return new RequestReader(body, '', []);
}

/**
 * Typed access to the members of a request (or of a structure inside it), collecting model violations until
 * {@link RequestReader.done}. A missing required member reads as a placeholder (`''`, `[]`) that `done` never lets
 * an operation use.
 */
export class RequestReader {
  constructor(
    private readonly body: Record<string, unknown>,
    /** The member path of this structure in violation messages (`loggingConfiguration.`). */
    private readonly path: string,
    private readonly violations: string[],
  ) {}

  /** A required string member. */
  requiredString(member: string, shape: StringShape = {}): string {
    return this.string(member, shape, true) ?? '';
  }

  /** An optional string member. */
  string(member: string, shape: StringShape = {}, required = false): string | undefined {
    const value = this.present(member, required);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw serializationError(conversionMessage(value, 'String'));
    const length = value.length;
    if (shape.min !== undefined && length < shape.min) {
      this.violate(member, value, shape, `Member must have length greater than or equal to ${shape.min}`);
    } else if (shape.max !== undefined && length > shape.max) {
      this.violate(member, value, shape, `Member must have length less than or equal to ${shape.max}`);
    }
    return value;
  }

  /** An optional boolean member. */
  boolean(member: string): boolean | undefined {
    const value = this.present(member, false);
    if (value === undefined || typeof value === 'boolean') return value;
    throw serializationError(
      typeof value === 'string' ? `'${value}' can not be converted to an Boolean` : conversionMessage(value, 'Boolean'),
    );
  }

  /** An optional integer member within `[min, max]`; fractions are truncated, as AWS's number reader does. */
  integer(member: string, range: { min?: number; max?: number } = {}): number | undefined {
    const value = this.present(member, false);
    if (value === undefined) return undefined;
    if (typeof value !== 'number') throw serializationError(conversionMessage(value, 'Integer'));
    const int = Math.trunc(value);
    if (range.min !== undefined && int < range.min) {
      this.violate(member, String(int), {}, `Member must have value greater than or equal to ${range.min}`);
    } else if (range.max !== undefined && int > range.max) {
      this.violate(member, String(int), {}, `Member must have value less than or equal to ${range.max}`);
    }
    return int;
  }

  /**
   * An optional enum member. `values` is listed in the order AWS prints the set in its message (recorded for
   * `ExecutionStatus`; the model's order otherwise).
   */
  enumeration<T extends string>(member: string, values: readonly T[], required = false): T | undefined {
    const value = this.string(member, {}, required);
    if (value === undefined) return undefined;
    if (!(values as readonly string[]).includes(value)) {
      this.violate(member, value, {}, `Member must satisfy enum value set: [${values.join(', ')}]`);
    }
    return value as T;
  }

  /** An optional structure member, read through its own reader (violations are shared). */
  structure(member: string): RequestReader | undefined {
    const value = this.present(member, false);
    if (value === undefined) return undefined;
    if (Array.isArray(value)) throw serializationError('Start of list found where not expected');
    if (typeof value !== 'object') throw serializationError('Expected null');
    return new RequestReader(value as Record<string, unknown>, `${this.path}${member}.`, this.violations);
  }

  /** A list of structures, each read through its own reader (`tags.1.member.key` in messages). */
  structureList(member: string, required = false): RequestReader[] | undefined {
    return this.list(member, required)?.map((item, i) => {
      if (item === null || Array.isArray(item) || typeof item !== 'object') {
        throw serializationError(Array.isArray(item) ? 'Start of list found where not expected' : 'Expected null');
      }
      return new RequestReader(
        item as Record<string, unknown>,
        `${this.path}${member}.${i + 1}.member.`,
        this.violations,
      );
    });
  }

  /** A list of strings of one shape. */
  stringList(member: string, shape: StringShape, required = false): string[] | undefined {
    return this.list(member, required)?.map((item, i) => {
      const holder = new RequestReader({ member: item }, `${this.path}${member}.${i + 1}.`, this.violations);
      return holder.string('member', shape, true) ?? '';
    });
  }

  /**
   * A page size member (`maxResults`, `0..max`): the number of items to return, AWS's default (100) when absent
   * or 0.
   */
  pageSize(max = 1000, member = 'maxResults'): number {
    return this.integer(member, { min: 0, max }) || DEFAULT_PAGE_SIZE;
  }

  /**
   * A tag list (`tags`): keys 1-128 and values 0-256 characters. Later duplicates of a key win, as they would on
   * successive TagResource calls.
   */
  tags(member = 'tags', required = false): Record<string, string> | undefined {
    const list = this.structureList(member, required);
    if (!list) return undefined;
    const tags: Record<string, string> = {};
    for (const tag of list) {
      const key = tag.requiredString('key', Shape.TagKey);
      tags[key] = tag.string('value', Shape.TagValue) ?? '';
    }
    return tags;
  }

  /** Ends model validation: throws AWS's `ValidationException` listing every violation found so far. */
  done(): void {
    if (this.violations.length > 0) throw constraintViolations(this.violations);
  }

  /** A list member's items (an empty placeholder when a required list is missing). */
  private list(member: string, required: boolean): unknown[] | undefined {
    const value = this.present(member, required);
    if (value === undefined) return required ? [] : undefined;
    if (Array.isArray(value)) return value;
    throw serializationError(
      typeof value === 'object' ? 'Start of structure or map found where not expected.' : 'Expected list or null',
    );
  }

  /** The member's value, or undefined when absent or `null` (recording the violation when it is required). */
  private present(member: string, required: boolean): unknown {
    const value = this.body[member];
    if (value !== undefined && value !== null) return value;
    if (required)
      this.violations.push(
        `Value null at '${this.path}${member}' failed to satisfy constraint: Member must not be null`,
      );
    return undefined;
  }

  private violate(member: string, value: string, shape: StringShape, constraint: string): void {
    const what = shape.sensitive ? 'Value' : `Value '${value}'`;
    this.violations.push(`${what} at '${this.path}${member}' failed to satisfy constraint: ${constraint}`);
  }
}

/** The punctuation AWS forbids in names: brackets, wildcards and `" # % \ ^ | ~ ` $ & , ; : /`. */
const FORBIDDEN_NAME_PUNCTUATION = new Set('<>{}[]?*"#%\\^|~`$&,;:/');

/**
 * Java's whitespace (`Character.isWhitespace`, minus the control characters checked separately): AWS's service runs
 * on Java, and non-breaking spaces are not whitespace there.
 */
const WHITESPACE = new Set(
  ' \u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u2028\u2029\u205f\u3000',
);

/**
 * Throws AWS's `InvalidName` unless `name` is a valid resource name (state machine, execution, activity): no
 * whitespace, forbidden punctuation, control characters (U+0000-001F, U+007F-009F), U+FFFE/U+FFFF or unpaired
 * surrogates. Non-ASCII letters are allowed. The length (1-80) is the model's and is checked with the other
 * constraints.
 */
export function assertValidName(name: string): void {
  for (const char of name) {
    const code = char.codePointAt(0)!;
    const forbidden =
      code <= 0x1f ||
      (code >= 0x7f && code <= 0x9f) ||
      (code >= 0xd800 && code <= 0xdfff) ||
      code === 0xfffe ||
      code === 0xffff ||
      WHITESPACE.has(char) ||
      FORBIDDEN_NAME_PUNCTUATION.has(char);
    if (forbidden) throw invalidName(name);
  }
}

/** AWS's deserializer message for a JSON value that cannot become `target` (`String`, `Integer`, `Boolean`). */
function conversionMessage(value: unknown, target: string): string {
  if (Array.isArray(value)) return 'Start of list found where not expected';
  if (typeof value === 'object') return 'Start of structure or map found where not expected.';
  if (typeof value === 'boolean') return `class java.lang.Boolean can not be converted to an ${target}`;
  if (typeof value === 'string') return `class java.lang.String can not be converted to an ${target}`;
  return `class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an ${target}`;
}
