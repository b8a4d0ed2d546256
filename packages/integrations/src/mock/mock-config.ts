/**
 * Step Functions Local's mock configuration file (`MockConfigFile.json`), read and checked: `StateMachines` names
 * test cases per state machine (each maps Task state names to mocked responses) and `MockedResponses` says what a
 * mocked state answers on each call, by invocation number (`"0"`) or inclusive range (`"1-2"`), with `Return` (the
 * service's response) or `Throw` (`Error` and `Cause`). Sources: the Step Functions developer guide,
 * "sfn-local-mock-cfg-file" and "sfn-local-test-sm-exec".
 *
 * A file that does not have this shape is refused with a {@link MockConfigError} naming the bad value's path. Like
 * Step Functions Local, the checks stop short of what only a run can tell: a mocked response may leave
 * invocations undefined (a call that reaches one fails the execution), and test cases are resolved when they
 * run (see {@link MockConfig.testCase}).
 */
import type { Json } from '@lockstep/asl';
import { MockConfigError } from './mock-config-error.js';
import { type MockedResponses, type MockTestCases, testCaseResponses } from './test-case.js';

/** What a mocked state answers on the calls of one invocation key. */
export type MockedAnswer = { kind: 'return'; value: Json } | { kind: 'throw'; error: string; cause: string };

/** One entry of a mocked response: the calls it answers (inclusive, 0-based) and how. */
export interface MockedInvocations {
  /** The key as written: `"3"` or `"1-2"`. */
  readonly key: string;
  readonly first: number;
  readonly last: number;
  readonly answer: MockedAnswer;
}

/** A checked mock configuration: the file's contents, and its test cases ready to run. */
export interface MockConfig extends MockTestCases {
  /** `StateMachines`: state machine name → test case name → (Task state name → mocked response name). */
  readonly stateMachines: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, string>>>;
  /** `MockedResponses`: name → its entries, by first invocation. */
  readonly mockedResponses: ReadonlyMap<string, readonly MockedInvocations[]>;
}

/** Options of {@link parseMockConfig}. */
export interface ParseMockConfigOptions {
  /** Where the configuration comes from (a file path), for error messages. */
  source?: string;
}

/** Invocation keys: `"3"` or `"1-2"`. */
const INVOCATION_KEY = /^(\d+)(?:-(\d+))?$/;

/**
 * Reads a mock configuration from its JSON text, or from a value of that shape (taken as a JSON snapshot).
 * Throws {@link MockConfigError} when it is not valid.
 */
export function parseMockConfig(source: string | object, options: ParseMockConfigOptions = {}): MockConfig {
  const reader = new Reader(options.source);
  const root = reader.object(readJson(source, reader), '$');
  reader.only(root, '$', ['StateMachines', 'MockedResponses']);
  const stateMachines = readStateMachines(reader, reader.required(root, '$', 'StateMachines'));
  const mockedResponses = new Map<string, readonly MockedInvocations[]>();
  for (const [name, value] of reader.entries(reader.required(root, '$', 'MockedResponses'), '$.MockedResponses')) {
    mockedResponses.set(name, readMockedResponse(reader, value, `$.MockedResponses${member(name)}`));
  }
  const resolved = new Map<string, MockedResponses>();
  const config: MockConfig = {
    stateMachines,
    mockedResponses,
    testCase(stateMachineName, testCase) {
      // Resolved once per test case: what it holds is immutable (the invocation counts live in each execution).
      const id = JSON.stringify([stateMachineName, testCase]);
      let responses = resolved.get(id);
      if (!responses) resolved.set(id, (responses = testCaseResponses(config, stateMachineName, testCase)));
      return responses;
    },
  };
  return config;
}

function readJson(source: string | object, reader: Reader): unknown {
  try {
    return JSON.parse(typeof source === 'string' ? source : JSON.stringify(source));
  } catch (e) {
    throw reader.error('$', `is not JSON (${(e as Error).message})`);
  }
}

function readStateMachines(reader: Reader, value: unknown): MockConfig['stateMachines'] {
  const stateMachines = new Map<string, ReadonlyMap<string, ReadonlyMap<string, string>>>();
  for (const [name, machineValue] of reader.entries(value, '$.StateMachines')) {
    const path = `$.StateMachines${member(name)}`;
    const machine = reader.object(machineValue, path);
    reader.only(machine, path, ['TestCases']);
    const testCases = new Map<string, ReadonlyMap<string, string>>();
    for (const [caseName, mapping] of reader.entries(
      reader.required(machine, path, 'TestCases'),
      `${path}.TestCases`,
    )) {
      const casePath = `${path}.TestCases${member(caseName)}`;
      const states = new Map<string, string>();
      for (const [stateName, responseName] of reader.entries(mapping, casePath)) {
        if (typeof responseName !== 'string') {
          throw reader.wrong(`${casePath}${member(stateName)}`, 'must name a mocked response (a string)', responseName);
        }
        states.set(stateName, responseName);
      }
      testCases.set(caseName, states);
    }
    stateMachines.set(name, testCases);
  }
  return stateMachines;
}

function readMockedResponse(reader: Reader, value: unknown, path: string): MockedInvocations[] {
  const entries: MockedInvocations[] = [];
  for (const [key, entry] of reader.entries(value, path)) {
    const entryPath = `${path}${member(key)}`;
    const match = INVOCATION_KEY.exec(key);
    const first = match ? Number(match[1]) : Number.NaN;
    const last = match?.[2] === undefined ? first : Number(match[2]);
    if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last) || last < first) {
      throw reader.error(entryPath, 'is not an invocation number ("0") or an inclusive range of them ("1-2")');
    }
    entries.push({ key, first, last, answer: readAnswer(reader, entry, entryPath) });
  }
  entries.sort((a, b) => a.first - b.first);
  for (let i = 1; i < entries.length; i++) {
    if (entries[i].first <= entries[i - 1].last) {
      throw reader.error(
        `${path}${member(entries[i].key)}`,
        `overlaps the key '${entries[i - 1].key}' (an invocation has one response)`,
      );
    }
  }
  return entries;
}

function readAnswer(reader: Reader, value: unknown, path: string): MockedAnswer {
  const entry = reader.object(value, path);
  const fields = Object.keys(entry);
  if (fields.length !== 1 || (fields[0] !== 'Return' && fields[0] !== 'Throw')) {
    throw reader.error(path, `must have exactly one field, Return or Throw, not ${describeFields(fields)}`);
  }
  if (fields[0] === 'Return') return { kind: 'return', value: entry.Return as Json };
  const throwPath = `${path}.Throw`;
  const thrown = reader.object(entry.Throw, throwPath);
  reader.only(thrown, throwPath, ['Error', 'Cause']);
  for (const field of ['Error', 'Cause'] as const) {
    if (typeof thrown[field] !== 'string') {
      throw reader.wrong(`${throwPath}.${field}`, 'must be a string', thrown[field]);
    }
  }
  return { kind: 'throw', error: thrown.Error as string, cause: thrown.Cause as string };
}

/** Reads JSON values, failing with errors that say where. */
class Reader {
  constructor(private readonly source: string | undefined) {}

  error(path: string, problem: string): MockConfigError {
    const where = this.source === undefined ? '' : ` in ${this.source}`;
    return new MockConfigError(`Invalid mock configuration${where}: ${path} ${problem}.`, path);
  }

  /** The error of a value of the wrong kind, quoting it. */
  wrong(path: string, problem: string, value: unknown): MockConfigError {
    return this.error(path, `${problem}, not ${describeValue(value)}`);
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw this.wrong(path, 'must be an object', value);
    }
    return value as Record<string, unknown>;
  }

  entries(value: unknown, path: string): [string, unknown][] {
    return Object.entries(this.object(value, path));
  }

  required(object: Record<string, unknown>, path: string, field: string): unknown {
    if (!(field in object)) throw this.error(path, `has no ${field}`);
    return object[field];
  }

  /** Refuses fields Step Functions Local does not define (a misspelt one would otherwise be silently ignored). */
  only(object: Record<string, unknown>, path: string, fields: readonly string[]): void {
    const unknown = Object.keys(object).find((f) => !fields.includes(f));
    if (unknown !== undefined) {
      throw this.error(`${path}${member(unknown)}`, `is not a field of this object (expected ${fields.join(', ')})`);
    }
  }
}

/** A member of a JSONPath: `.Name`, or `['odd name']`. */
function member(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `['${name.replace(/[\\']/g, '\\$&')}']`;
}

function describeFields(fields: string[]): string {
  return fields.length === 0 ? 'none' : fields.join(', ');
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
