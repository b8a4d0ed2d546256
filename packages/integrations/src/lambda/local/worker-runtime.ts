/**
 * What runs inside a local function's worker thread: a small Lambda Node.js runtime. It loads the module once
 * (a warm worker keeps it), runs one invocation at a time, and answers as AWS's runtime interface client does:
 * a handler's value as JSON, a thrown error as `{"errorType","errorMessage","trace"}` (`errorType` is the
 * error's `name`), loading failures as `Runtime.ImportModuleError`, `Runtime.UserCodeSyntaxError` or
 * `Runtime.HandlerNotFound`. Console output is sent to the parent, never printed.
 */

/** What a worker is started with. */
export interface WorkerData {
  /** The module to load, as a `file:` URL. */
  moduleUrl: string;
  handlerName: string;
  /** `<module>.<handler>`, as Lambda's `Handler` setting names it in error messages. */
  handlerString: string;
  functionName: string;
  functionVersion: string;
  memoryMb: number;
  logStreamName: string;
  /** For TypeScript modules: module hooks (a module's source) and the port they ask for transpiled code on. */
  typescript?: { hooks: string; port: unknown };
}

/** An invocation, sent to the worker. */
export interface InvokeMessage {
  type: 'invoke';
  requestId: string;
  /** The event as JSON text. */
  event: string;
  /** When the function's time is up (epoch ms), for `context.getRemainingTimeInMillis()`. */
  deadline: number;
  invokedFunctionArn: string;
  clientContext?: unknown;
}

/** What the worker sends back. */
export type WorkerMessage =
  | { type: 'log'; level: string; message: string }
  /** `payload` is the result's JSON or the error document; `recycle` asks for the worker to be replaced. */
  | { type: 'result'; requestId: string; ok: boolean; payload: string; recycle: boolean }
  /** The worker is unusable (an uncaught error between invocations). */
  | { type: 'recycle' };

/** The worker's source: {@link lambdaWorkerMain} as a script (`new Worker(source, { eval: true })`). */
export function workerSource(): string {
  return `(${lambdaWorkerMain.toString()})()`;
}

/**
 * The worker's program. It runs from its source text, so it must not use anything from this module's scope;
 * it gets Node's modules with `require` (the eval'd worker script is CommonJS).
 */
function lambdaWorkerMain(): void {
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const { format } = require('node:util') as typeof import('node:util');
  const data = workerData as WorkerData;
  const port = parentPort!;
  const post = (message: WorkerMessage) => port.postMessage(message);
  // Test transformers and bundlers rewrite `import()` in this function's source, which the worker runs as
  // text: the dynamic import is built from a string they leave alone.
  const importModule = new Function('specifier', 'return import(specifier)') as (
    specifier: string,
  ) => Promise<Record<string, unknown>>;

  if (data.typescript) {
    const { register } = require('node:module') as typeof import('node:module');
    const { hooks, port: loaderPort } = data.typescript;
    register(`data:text/javascript,${encodeURIComponent(hooks)}`, {
      data: { port: loaderPort },
      transferList: [loaderPort as never],
    });
  }

  const levels = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' };
  for (const [method, level] of Object.entries(levels)) {
    (console as unknown as Record<string, unknown>)[method] = (...args: unknown[]) =>
      post({ type: 'log', level, message: format(...args) });
  }
  for (const [stream, level] of [
    [process.stdout, 'STDOUT'],
    [process.stderr, 'STDERR'],
  ] as const) {
    stream.write = ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
      post({ type: 'log', level, message: typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString() });
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') done();
      return true;
    }) as typeof stream.write;
  }

  /** AWS's `toRapidResponse`: the error document of a thrown value. */
  const errorDocument = (error: unknown) => {
    try {
      const e = error as { name?: unknown; message?: unknown; stack?: unknown };
      if (
        error instanceof Error ||
        (typeof e?.name === 'string' && typeof e.message === 'string' && typeof e.stack === 'string')
      ) {
        return { errorType: e.name, errorMessage: e.message, trace: String(e.stack).split('\n') };
      }
      return { errorType: typeof error, errorMessage: (error as object).toString(), trace: [] };
    } catch {
      return {
        errorType: 'handled',
        errorMessage:
          'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
      };
    }
  };
  const runtimeError = (name: string, message: string) => Object.assign(new Error(message), { name });

  const loadHandler = async (): Promise<(...args: unknown[]) => unknown> => {
    let exports: Record<string, unknown>;
    try {
      exports = await importModule(data.moduleUrl);
    } catch (e) {
      if (e instanceof SyntaxError) throw runtimeError('Runtime.UserCodeSyntaxError', String(e));
      const code = (e as { code?: unknown } | null)?.code;
      if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
        throw runtimeError('Runtime.ImportModuleError', String(e));
      }
      throw e;
    }
    const handler = exports[data.handlerName] ?? (exports.default as Record<string, unknown>)?.[data.handlerName];
    if (!handler) throw runtimeError('Runtime.HandlerNotFound', `${data.handlerString} is undefined or not exported`);
    if (typeof handler !== 'function')
      throw runtimeError('Runtime.HandlerNotFound', `${data.handlerString} is not a function`);
    return handler as (...args: unknown[]) => unknown;
  };

  let handler: Promise<(...args: unknown[]) => unknown> | undefined;
  let current: string | undefined;

  const finish = (requestId: string, ok: boolean, value: unknown, recycle = false) => {
    if (current !== requestId) return;
    current = undefined;
    let payload: string | undefined;
    if (ok) {
      try {
        payload = JSON.stringify(value === undefined ? null : value);
      } catch (e) {
        return post({ type: 'result', requestId, ok: false, payload: JSON.stringify(errorDocument(e)), recycle });
      }
    }
    post({ type: 'result', requestId, ok, payload: payload ?? JSON.stringify(errorDocument(value)), recycle });
  };

  /** How many of each kind of handle keeps the event loop alive. */
  const activeResources = () => {
    const counts = new Map<string, number>();
    for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    return counts;
  };
  /**
   * Lambda's `callbackWaitsForEmptyEventLoop`: a callback answer is sent once the work the handler started
   * (timers, sockets, ...) is done. The poll's own timer is unref'd, so it does not count.
   */
  const whenLoopEmpty = (baseline: Map<string, number>, then: () => void) => {
    const check = () => {
      for (const [kind, count] of activeResources()) {
        if (count > (baseline.get(kind) ?? 0)) return void setTimeout(check, 5).unref();
      }
      then();
    };
    check();
  };

  // Lambda's runtime reports an error that escapes the handler as the invocation's error, then restarts.
  process.on('uncaughtException', (error) => {
    if (current !== undefined) return finish(current, false, error, true);
    post({ type: 'log', level: 'ERROR', message: `Uncaught Exception\t${JSON.stringify(errorDocument(error))}` });
    post({ type: 'recycle' });
  });
  process.on('unhandledRejection', (reason) => {
    const error = runtimeError('Runtime.UnhandledPromiseRejection', String(reason));
    if (current !== undefined) return finish(current, false, error, true);
    post({ type: 'recycle' });
  });

  port.on('message', (message: InvokeMessage) => {
    const { requestId } = message;
    current = requestId;
    const baseline = activeResources();
    /** A non-promise answer (callback, `context.succeed/fail/done`, or none): sent as Lambda sends it. */
    const answer = (ok: boolean, value: unknown) =>
      context.callbackWaitsForEmptyEventLoop
        ? whenLoopEmpty(baseline, () => finish(requestId, ok, value))
        : finish(requestId, ok, value);
    const callback = (error: unknown, result?: unknown) =>
      error === undefined || error === null ? answer(true, result) : answer(false, error);
    const context = {
      callbackWaitsForEmptyEventLoop: true,
      functionName: data.functionName,
      functionVersion: data.functionVersion,
      invokedFunctionArn: message.invokedFunctionArn,
      memoryLimitInMB: String(data.memoryMb),
      awsRequestId: requestId,
      logGroupName: `/aws/lambda/${data.functionName}`,
      logStreamName: data.logStreamName,
      clientContext: message.clientContext,
      identity: undefined,
      getRemainingTimeInMillis: () => Math.max(0, message.deadline - Date.now()),
      succeed: (result: unknown) => answer(true, result),
      fail: (error: unknown) => answer(false, error),
      done: callback,
    };
    handler ??= loadHandler();
    handler.then(
      (fn) => {
        let returned: unknown;
        try {
          returned = fn(JSON.parse(message.event), context, callback);
        } catch (e) {
          return finish(requestId, false, e);
        }
        if (typeof (returned as PromiseLike<unknown> | null)?.then === 'function') {
          (returned as PromiseLike<unknown>).then(
            (value) => finish(requestId, true, value),
            (e) => finish(requestId, false, e),
          );
        } else if (fn.length < 3) {
          // A non-async handler answers through its callback; one that takes none answers null once its
          // work is done, as on AWS (its return value is not the answer).
          answer(true, null);
        }
      },
      // A module that failed to load is loaded afresh in a new worker, as Lambda re-initializes.
      (e) => finish(requestId, false, e, true),
    );
  });
}
