/**
 * The project's configuration file, `lockstep.config.json`: where the Lambda functions Task states call run (a local
 * module, an HTTP endpoint, AWS Lambda), by name and by default, and the EventBridge connections of HTTP Tasks.
 * `lockstep serve` reads it from the working directory, or from `--config <file>`. Relative module paths are
 * relative to the file's folder. A field that is not what it should be is reported by its path
 * (`functions.resize.timeoutSeconds`), with exit code 2.
 */
import { dirname, resolve } from 'node:path';
import type { ConnectionConfig, DefaultFunctionTarget, FunctionConfig } from '@lockstep/integrations';
import { CliError, ExitCode } from './exit.js';
import { type CliIO, fileExists, readTextFile } from './io.js';

/** The file read from the working directory when no `--config` names one. */
export const CONFIG_FILE_NAME = 'lockstep.config.json';

/** A configuration file, read and checked. */
export interface ConfigFile {
  /** The file's absolute path. */
  readonly path: string;
  /** Where each named Lambda function runs; local modules' paths are absolute. */
  readonly functions?: Record<string, FunctionConfig>;
  /** Where the other functions run. @default local, in the functions folder */
  readonly defaultFunctionTarget?: DefaultFunctionTarget;
  /** EventBridge connections of HTTP Tasks by ARN, as `--connections` takes them. */
  readonly connections?: Record<string, ConnectionConfig>;
}

/**
 * Reads the configuration file `named` (relative to the working directory), else `lockstep.config.json` in the
 * working directory when there is one; `undefined` when neither is.
 * @throws {@link CliError} (exit code 2) when the file cannot be read or is not a valid configuration.
 */
export async function loadConfigFile(io: CliIO, named: string | undefined): Promise<ConfigFile | undefined> {
  const path = resolve(io.cwd, named ?? CONFIG_FILE_NAME);
  if (named === undefined && !(await fileExists(path))) return undefined;
  return parseConfigFile(await readTextFile(io, path, 'config file'), path);
}

/**
 * Parses and checks the text of the configuration file at `path`.
 * @throws {@link CliError} (exit code 2) naming the first field that is not valid.
 */
export function parseConfigFile(text: string, path: string): ConfigFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new CliError(`config file '${path}' is not JSON: ${(err as Error).message}`, ExitCode.BadRequest);
  }
  const check = new Checker(path);
  const root = check.object(parsed, '');
  check.only(root, '', ['functions', 'defaultFunctionTarget', 'connections']);
  const baseDir = dirname(path);
  const functions =
    root.functions === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(check.object(root.functions, 'functions')).map(([name, value]) => [
            name,
            check.functionConfig(value, `functions.${name}`, baseDir),
          ]),
        );
  const fallback = root.defaultFunctionTarget;
  const defaultFunctionTarget =
    fallback === undefined ? undefined : check.defaultTarget(fallback, 'defaultFunctionTarget');
  const connections =
    root.connections === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(check.object(root.connections, 'connections')).map(([arn, value]) => [
            arn,
            check.connection(value, `connections.${arn}`),
          ]),
        );
  return {
    path,
    ...(functions ? { functions } : {}),
    ...(defaultFunctionTarget ? { defaultFunctionTarget } : {}),
    ...(connections ? { connections } : {}),
  };
}

type Fields = Record<string, unknown>;

const FUNCTION_TYPES = ['local', 'http', 'aws'];
const AUTHORIZATION_TYPES = ['API_KEY', 'BASIC', 'OAUTH_CLIENT_CREDENTIALS'];

/** Checks values against the file's schema, failing with the path of the first bad one. */
class Checker {
  constructor(private readonly path: string) {}

  functionConfig(value: unknown, at: string, baseDir: string): FunctionConfig {
    const fields = this.object(value, at);
    const type = this.optionalOneOf(fields.type, `${at}.type`, FUNCTION_TYPES) ?? 'local';
    if (type === 'http' || type === 'aws') return this.remoteTarget(fields, type, at);
    this.only(fields, at, ['type', 'module', 'handler', 'timeoutSeconds', 'memoryMb', 'environment']);
    return {
      type: 'local',
      module: resolve(baseDir, this.text(fields.module, `${at}.module`)),
      ...this.optional(fields, at, 'handler', (v, a) => this.text(v, a)),
      ...this.optional(fields, at, 'timeoutSeconds', (v, a) => this.integer(v, a, 1, 900)),
      ...this.optional(fields, at, 'memoryMb', (v, a) => this.integer(v, a, 128, 10_240)),
      ...this.optional(fields, at, 'environment', (v, a) => this.texts(v, a)),
    };
  }

  defaultTarget(value: unknown, at: string): DefaultFunctionTarget {
    const fields = this.object(value, at);
    const type = this.oneOf(fields.type, `${at}.type`, FUNCTION_TYPES);
    if (type === 'http' || type === 'aws') return this.remoteTarget(fields, type, at);
    this.only(fields, at, ['type']);
    return { type: 'local' };
  }

  connection(value: unknown, at: string): ConnectionConfig {
    const fields = this.object(value, at);
    this.only(fields, at, ['authorizationType', 'authParameters']);
    const authorizationType = this.oneOf(fields.authorizationType, `${at}.authorizationType`, AUTHORIZATION_TYPES);
    // The HTTP integration checks that the parameters fit the type.
    const authParameters = this.object(fields.authParameters, `${at}.authParameters`);
    return { authorizationType, authParameters } as ConnectionConfig;
  }

  object(value: unknown, at: string): Fields {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(at, 'a JSON object', value);
    return value as Fields;
  }

  /** Fails on the first field of `fields` not in `known`. */
  only(fields: Fields, at: string, known: string[]): void {
    const unknown = Object.keys(fields).find((name) => !known.includes(name));
    if (unknown !== undefined) {
      const where = at === '' ? '' : ` in ${at}`;
      throw new CliError(
        `config file '${this.path}': unknown field '${unknown}'${where} (expected one of: ${known.join(', ')})`,
        ExitCode.BadRequest,
      );
    }
  }

  private remoteTarget(fields: Fields, type: 'http' | 'aws', at: string): FunctionConfig & DefaultFunctionTarget {
    if (type === 'http') {
      this.only(fields, at, ['type', 'url', 'headers', 'timeoutSeconds']);
      return {
        type,
        url: this.url(fields.url, `${at}.url`),
        ...this.optional(fields, at, 'headers', (v, a) => this.texts(v, a)),
        ...this.optional(fields, at, 'timeoutSeconds', (v, a) => this.positive(v, a)),
      };
    }
    this.only(fields, at, ['type', 'endpoint', 'region', 'credentials', 'functionName']);
    return {
      type,
      ...this.optional(fields, at, 'endpoint', (v, a) => this.url(v, a)),
      ...this.optional(fields, at, 'region', (v, a) => this.text(v, a)),
      ...this.optional(fields, at, 'credentials', (v, a) => this.credentials(v, a)),
      ...this.optional(fields, at, 'functionName', (v, a) => this.text(v, a)),
    };
  }

  private credentials(value: unknown, at: string) {
    const fields = this.object(value, at);
    this.only(fields, at, ['accessKeyId', 'secretAccessKey', 'sessionToken']);
    return {
      accessKeyId: this.text(fields.accessKeyId, `${at}.accessKeyId`),
      secretAccessKey: this.text(fields.secretAccessKey, `${at}.secretAccessKey`),
      ...this.optional(fields, at, 'sessionToken', (v, a) => this.text(v, a)),
    };
  }

  /** `{ [name]: checked value }`, or nothing when the field is absent. */
  private optional<K extends string, T>(
    fields: Fields,
    at: string,
    name: K,
    check: (value: unknown, at: string) => T,
  ): { [key in K]?: T } {
    return fields[name] === undefined ? {} : ({ [name]: check(fields[name], `${at}.${name}`) } as { [key in K]: T });
  }

  private text(value: unknown, at: string): string {
    if (typeof value !== 'string' || value === '') this.fail(at, 'a non-empty string', value);
    return value as string;
  }

  private texts(value: unknown, at: string): Record<string, string> {
    const fields = this.object(value, at);
    for (const [name, item] of Object.entries(fields)) {
      if (typeof item !== 'string') this.fail(`${at}.${name}`, 'a string', item);
    }
    return fields as Record<string, string>;
  }

  private url(value: unknown, at: string): string {
    const text = this.text(value, at);
    if (!/^https?:\/\/[^/]/.test(text)) this.fail(at, 'an http:// or https:// URL', value);
    return text;
  }

  private integer(value: unknown, at: string, min: number, max: number): number {
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max)
      this.fail(at, `an integer from ${min} to ${max}`, value);
    return value as number;
  }

  private positive(value: unknown, at: string): number {
    if (typeof value !== 'number' || !(value > 0)) this.fail(at, 'a number above 0', value);
    return value as number;
  }

  private oneOf<T extends string>(value: unknown, at: string, allowed: readonly T[]): T {
    if (!allowed.includes(value as T)) this.fail(at, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`, value);
    return value as T;
  }

  private optionalOneOf<T extends string>(value: unknown, at: string, allowed: readonly T[]): T | undefined {
    return value === undefined ? undefined : this.oneOf(value, at, allowed);
  }

  /** Fails: `at` (a field path, `''` for the whole file) is not `expected` (`a non-empty string`). */
  private fail(at: string, expected: string, value: unknown): never {
    const problem =
      value === undefined
        ? `${at} is missing (expected ${expected})`
        : `${at || 'the file'} must be ${expected}, not ${JSON.stringify(value)}`;
    throw new CliError(`config file '${this.path}': ${problem}`, ExitCode.BadRequest);
  }
}
