/**
 * The configuration of the Lambda integration: where each function runs (a local module in a worker thread,
 * an HTTP endpoint, or AWS Lambda / a Lambda-compatible endpoint), by function name, with a default.
 */

/** A function run locally: a JS or TS module exporting `handler(event, context)`, in a worker thread. */
export interface LocalFunctionConfig {
  type?: 'local';
  /** The module's path (`.js`, `.mjs`, `.cjs`, `.ts`, `.mts`), relative to {@link LambdaConfig.baseDir}. */
  module: string;
  /** The exported handler's name. @default 'handler' */
  handler?: string;
  /** The function's timeout (Lambda's `Timeout`). @default {@link LambdaConfig.timeoutSeconds} */
  timeoutSeconds?: number;
  /** The function's memory (Lambda's `MemorySize`), enforced as the worker's heap limit. @default {@link LambdaConfig.memoryMb} */
  memoryMb?: number;
  /** Environment variables the function sees, added to the process's. */
  environment?: Record<string, string>;
}

/** A function behind an HTTP endpoint: the event is POSTed as JSON and the JSON response is the result. */
export interface HttpFunctionConfig {
  type: 'http';
  /** The endpoint; `{functionName}` is replaced by the function's name (for a default target). */
  url: string;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Abandon the call after this long, reported as Lambda reports a function timeout. @default no limit */
  timeoutSeconds?: number;
}

/** A function in AWS Lambda, or behind any Lambda-compatible endpoint, called with `@aws-sdk/client-lambda`. */
export interface AwsFunctionConfig {
  type: 'aws';
  /** The Lambda endpoint. @default `AWS_ENDPOINT_URL_LAMBDA`, then `AWS_ENDPOINT_URL`, then AWS's */
  endpoint?: string;
  /** @default the function's region: its ARN's, else the state machine's */
  region?: string;
  /** @default the AWS SDK's credential chain */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** The function to call there, when it differs from the name the state machine uses. */
  functionName?: string;
}

/** Where one function runs. */
export type FunctionConfig = LocalFunctionConfig | HttpFunctionConfig | AwsFunctionConfig;

/** Where functions without an entry in {@link LambdaConfig.functions} run. */
export type DefaultFunctionTarget = { type: 'local' } | HttpFunctionConfig | AwsFunctionConfig;

/** A line a local function logged (console or stdout/stderr), as CloudWatch Logs would receive it. */
export interface LambdaLogEntry {
  functionName: string;
  requestId: string;
  /** `INFO`, `WARN`, `ERROR`, `DEBUG`, `TRACE` for `console`; `STDOUT`, `STDERR` for direct stream writes. */
  level: string;
  message: string;
  timestamp: Date;
}

/** The configuration of {@link lambdaIntegration}. */
export interface LambdaConfig {
  /**
   * Folder of local functions: `<dir>/<name>.{js,mjs,cjs,ts,mts}` or `<dir>/<name>/index.*`, relative to
   * `baseDir`. @default 'functions'
   */
  functionsDir?: string;
  /** Per function name: where it runs. */
  functions?: Record<string, FunctionConfig>;
  /** Where other functions run. @default { type: 'local' } (looked up in `functionsDir`) */
  default?: DefaultFunctionTarget;
  /** What relative paths are relative to. @default process.cwd() */
  baseDir?: string;
  /** Default timeout of local functions. @default 3 (Lambda's default) */
  timeoutSeconds?: number;
  /** Default memory of local functions. @default 128 (Lambda's default) */
  memoryMb?: number;
  /** Concurrent invocations of one local function (one worker each); more wait. @default 10 */
  maxWorkersPerFunction?: number;
  /** An idle worker is stopped after this long (a cold start follows). @default 300 */
  idleWorkerSeconds?: number;
  /** Where local functions' console output goes. @default lines on stderr */
  log?: (entry: LambdaLogEntry) => void;
  /**
   * Region and account of functions named without an ARN, when the context object has no state machine ARN
   * (they normally come from it). @default 'us-east-1', '123456789012'
   */
  region?: string;
  accountId?: string;
}
