/**
 * Local functions: each runs in worker threads of its own pool, answering Invoke as Lambda does. What Lambda
 * itself reports about a sandbox becomes its error document (`Sandbox.Timedout`, `Runtime.OutOfMemory`,
 * `Runtime.ExitError`); a worker that could not run at all is a `ServiceException`.
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LambdaLogEntry } from '../config.js';
import { sandboxErrorDocument, timedOutDetail } from '../errors.js';
import type { FunctionRef } from '../function-ref.js';
import {
  type InvokeRequest,
  type InvokeResult,
  type Invoker,
  LambdaServiceError,
  type PendingInvocation,
} from '../invoker.js';
import { TypeScriptLoader } from './typescript-loader.js';
import { type WorkerOutcome, WorkerPool } from './worker-pool.js';

/** A local function, resolved. */
export interface LocalFunctionSpec {
  functionName: string;
  /** Absolute path of the module. */
  modulePath: string;
  handler: string;
  timeoutSeconds: number;
  memoryMb: number;
  environment?: Record<string, string>;
}

/** Settings shared by all local functions. */
export interface LocalRuntimeOptions {
  baseDir: string;
  maxWorkersPerFunction: number;
  idleWorkerSeconds: number;
  log(entry: LambdaLogEntry): void;
}

/** Lambda's log tail limit (`LogType: Tail`). */
const LOG_TAIL_BYTES = 4096;

/** Runs local functions. */
export class LocalRuntime {
  readonly #pools = new Map<string, { signature: string; pool: WorkerPool }>();
  readonly #typescript: TypeScriptLoader;

  constructor(private readonly options: LocalRuntimeOptions) {
    this.#typescript = new TypeScriptLoader(options.baseDir);
  }

  /** Invokes `spec` for the Lambda integration. */
  invoker(spec: LocalFunctionSpec): Invoker {
    return { invoke: (ref, request) => this.#invoke(spec, ref, request) };
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map(({ pool }) => pool.close()));
  }

  #invoke(spec: LocalFunctionSpec, ref: FunctionRef, request: InvokeRequest): PendingInvocation {
    const { requestId } = request;
    const executedVersion = /^\d+$/.test(ref.qualifier ?? '') ? ref.qualifier! : '$LATEST';
    if (request.invocationType === 'DryRun') return settled({ statusCode: 204, payload: '', requestId });
    let pool: WorkerPool;
    try {
      pool = this.#pool(spec, ref);
    } catch (e) {
      return failed(new LambdaServiceError('ServiceException', (e as Error).message, 500, requestId));
    }
    const tail = request.logType === 'Tail' ? [`START RequestId: ${requestId} Version: ${executedVersion}`] : undefined;
    const log = (level: string, message: string) => {
      const entry = { functionName: spec.functionName, requestId, level, message, timestamp: new Date() };
      tail?.push(`${entry.timestamp.toISOString()}\t${requestId}\t${level}\t${message}`);
      this.options.log(entry);
    };
    const started = performance.now();
    const run = pool.run({
      message: {
        type: 'invoke',
        requestId,
        event: request.payload,
        invokedFunctionArn: ref.arn,
        clientContext: decodeClientContext(request.clientContext),
      },
      onLog: log,
    });
    const result = run.outcome.then((outcome): InvokeResult => {
      const answer = sandboxAnswer(outcome, requestId, spec.timeoutSeconds);
      const logResult = tail ? logTail(tail, requestId, performance.now() - started, spec.memoryMb) : undefined;
      return {
        statusCode: 200,
        ...answer,
        executedVersion,
        requestId,
        ...(logResult === undefined ? {} : { logResult }),
      };
    });
    if (request.invocationType === 'Event') {
      // Lambda queues the event and answers at once; the function's failure shows only in its log.
      result.then(
        (r) => r.functionError && log('ERROR', r.payload),
        (e: Error) => log('ERROR', e.message),
      );
      return settled({ statusCode: 202, payload: '', requestId });
    }
    return { result, cancel: run.cancel };
  }

  /** The pool of `spec`; a changed module or configuration gets a new pool (fresh workers, as a deploy would). */
  #pool(spec: LocalFunctionSpec, ref: FunctionRef): WorkerPool {
    const isTypeScript = TypeScriptLoader.handles(spec.modulePath);
    if (isTypeScript) this.#typescript.compiler();
    const key = `${spec.modulePath}#${spec.handler}`;
    const signature = JSON.stringify([
      modifiedAt(spec.modulePath),
      spec.timeoutSeconds,
      spec.memoryMb,
      spec.environment,
    ]);
    const existing = this.#pools.get(key);
    if (existing?.signature === signature) return existing.pool;
    existing?.pool.retire();
    const handlerString = `${basename(spec.modulePath, extname(spec.modulePath))}.${spec.handler}`;
    const logStreamName = `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${randomBytes(16).toString('hex')}`;
    const pool = new WorkerPool({
      workerData: {
        moduleUrl: pathToFileURL(spec.modulePath).href,
        handlerName: spec.handler,
        handlerString,
        functionName: spec.functionName,
        functionVersion: '$LATEST',
        memoryMb: spec.memoryMb,
        logStreamName,
      },
      ...(isTypeScript ? { typescript: this.#typescript } : {}),
      memoryMb: spec.memoryMb,
      timeoutMs: spec.timeoutSeconds * 1000,
      env: {
        ...process.env,
        AWS_LAMBDA_FUNCTION_NAME: spec.functionName,
        AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMb),
        AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${spec.functionName}`,
        AWS_LAMBDA_LOG_STREAM_NAME: logStreamName,
        AWS_REGION: ref.region,
        AWS_DEFAULT_REGION: ref.region,
        LAMBDA_TASK_ROOT: dirname(spec.modulePath),
        _HANDLER: handlerString,
        ...spec.environment,
      },
      maxWorkers: this.options.maxWorkersPerFunction,
      idleMs: this.options.idleWorkerSeconds * 1000,
    });
    this.#pools.set(key, { signature, pool });
    return pool;
  }
}

/** The payload (and function error) of a worker's outcome, as Lambda reports it. */
function sandboxAnswer(
  outcome: WorkerOutcome,
  requestId: string,
  timeoutSeconds: number,
): { payload: string; functionError?: string } {
  const unhandled = (errorType: string, detail: string) => ({
    payload: sandboxErrorDocument(requestId, errorType, detail),
    functionError: 'Unhandled',
  });
  switch (outcome.kind) {
    case 'answered':
      return outcome.ok ? { payload: outcome.payload } : { payload: outcome.payload, functionError: 'Unhandled' };
    case 'timedOut':
      return unhandled('Sandbox.Timedout', timedOutDetail(timeoutSeconds));
    case 'outOfMemory':
      return unhandled('Runtime.OutOfMemory', 'Runtime exited with error: signal: killed');
    case 'exited':
      return unhandled(
        'Runtime.ExitError',
        outcome.exitCode === 0
          ? 'Runtime exited without providing a reason'
          : `Runtime exited with error: exit status ${outcome.exitCode}`,
      );
    case 'crashed':
      throw new LambdaServiceError('ServiceException', outcome.message, 500, requestId);
    case 'cancelled':
      throw new LambdaServiceError('ServiceException', 'The invocation was cancelled.', 500, requestId);
  }
}

/** `LogResult`: the base64 of the invocation's log's last 4 KB, framed as CloudWatch Logs shows it. */
function logTail(lines: string[], requestId: string, durationMs: number, memoryMb: number): string {
  const duration = durationMs.toFixed(2);
  const report =
    `REPORT RequestId: ${requestId}\tDuration: ${duration} ms\tBilled Duration: ${Math.ceil(durationMs)} ms\t` +
    `Memory Size: ${memoryMb} MB\t`;
  const text = Buffer.from(`${[...lines, `END RequestId: ${requestId}`, report].join('\n')}\n`);
  return text.subarray(Math.max(0, text.length - LOG_TAIL_BYTES)).toString('base64');
}

/** `ClientContext` is base64 JSON; the function sees it parsed (or nothing, when it is not). */
function decodeClientContext(clientContext: string | undefined): unknown {
  if (clientContext === undefined) return undefined;
  try {
    return JSON.parse(Buffer.from(clientContext, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
}

function modifiedAt(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    // A missing module fails in the worker, as Lambda reports it (Runtime.ImportModuleError).
    return 0;
  }
}

function settled(result: InvokeResult): PendingInvocation {
  return { result: Promise.resolve(result), cancel: () => {} };
}

function failed(error: LambdaServiceError): PendingInvocation {
  return { result: Promise.reject(error), cancel: () => {} };
}
