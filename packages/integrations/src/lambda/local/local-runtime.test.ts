import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LambdaLogEntry } from '../config.js';
import { parseFunctionName } from '../function-ref.js';
import type { InvokeRequest } from '../invoker.js';
import { FIXTURES } from '../lambda.test-support.js';
import { type LocalFunctionSpec, LocalRuntime } from './local-runtime.js';

const HOME = { partition: 'aws', region: 'eu-west-1', accountId: '111111111111' };
const logs: LambdaLogEntry[] = [];
let runtime: LocalRuntime;
let scratch: string;
let ids = 0;

beforeAll(() => {
  runtime = new LocalRuntime({
    baseDir: FIXTURES,
    maxWorkersPerFunction: 4,
    idleWorkerSeconds: 60,
    log: (e) => logs.push(e),
  });
  scratch = mkdtempSync(join(tmpdir(), 'lockstep-lambda-'));
});
afterAll(async () => {
  await runtime.close();
  rmSync(scratch, { recursive: true, force: true });
});

function spec(module: string, own: Partial<LocalFunctionSpec> = {}): LocalFunctionSpec {
  return {
    functionName: module.replace(/\..*$/, ''),
    modulePath: module.startsWith('/') ? module : join(FIXTURES, module),
    handler: 'handler',
    timeoutSeconds: 3,
    memoryMb: 128,
    ...own,
  };
}

function invoke(target: LocalFunctionSpec, event: unknown = {}, request: Partial<InvokeRequest> = {}) {
  const requestId = `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;
  return runtime.invoker(target).invoke(parseFunctionName(target.functionName, undefined, HOME), {
    payload: JSON.stringify(event),
    requestId,
    functionName: target.functionName,
    ...request,
  });
}

async function payloadOf(target: LocalFunctionSpec, event: unknown = {}) {
  const result = await invoke(target, event).result;
  return { ...result, value: JSON.parse(result.payload) };
}

describe('local functions: results', () => {
  it("answers the handler's value with Lambda's context and environment", async () => {
    const result = await invoke(spec('echo.mjs', { environment: { GREETING: 'hi' } }), { n: 1 }).result;
    expect(result).toMatchObject({ statusCode: 200, executedVersion: '$LATEST' });
    expect(result.functionError).toBeUndefined();
    expect(JSON.parse(result.payload)).toEqual({
      event: { n: 1 },
      functionName: 'echo',
      awsRequestId: result.requestId,
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:111111111111:function:echo',
      memoryLimitInMB: '128',
      remainingPositive: true,
      region: 'eu-west-1',
      greeting: 'hi',
    });
  });

  it('runs CommonJS modules, callback handlers, and answers null for a non-async handler that returns', async () => {
    expect((await payloadOf(spec('commonjs.cjs'), 5)).value).toEqual({ commonjs: true, event: 5 });
    expect((await payloadOf(spec('callback.mjs'), { value: 'v' })).value).toEqual({ viaCallback: 'v' });
    expect((await invoke(spec('sync-return.mjs')).result).payload).toBe('null');
  });

  it('answers DryRun with 204 and Event with 202 at once', async () => {
    expect(await invoke(spec('identity.mjs'), {}, { invocationType: 'DryRun' }).result).toMatchObject({
      statusCode: 204,
      payload: '',
    });
    expect(await invoke(spec('sleep.mjs'), { ms: 300 }, { invocationType: 'Event' }).result).toMatchObject({
      statusCode: 202,
      payload: '',
    });
  });
});

describe('local functions: errors as the Node.js runtime reports them', () => {
  it('reports a thrown error by its name, message and stack', async () => {
    const result = await payloadOf(spec('custom-error.mjs'));
    expect(result.functionError).toBe('Unhandled');
    expect(Object.keys(result.value)).toEqual(['errorType', 'errorMessage', 'trace']);
    expect(result.value).toMatchObject({ errorType: 'CustomError', errorMessage: 'This is a custom error!' });
    expect(result.value.trace[0]).toBe('CustomError: This is a custom error!');
    expect(result.value.trace[1]).toContain('custom-error.mjs');
    expect((await payloadOf(spec('unnamed-error.mjs'))).value).toMatchObject({
      errorType: 'Error',
      errorMessage: 'no name',
    });
  });

  it('reports a thrown non-error by its type', async () => {
    expect((await payloadOf(spec('throw-string.mjs'))).value).toEqual({
      errorType: 'string',
      errorMessage: 'plain text',
      trace: [],
    });
  });

  it('reports an error escaping the handler, then starts a fresh worker', async () => {
    const target = spec('uncaught.mjs');
    const before = (await payloadOf(target)).value;
    expect((await payloadOf(target, { escape: true })).value).toMatchObject({
      errorType: 'TypeError',
      errorMessage: 'escaped',
    });
    expect((await payloadOf(target)).value).not.toBe(before);
  });

  it('reports loading failures as Runtime.* errors', async () => {
    expect((await payloadOf(spec('no-handler.mjs'))).value).toMatchObject({
      errorType: 'Runtime.HandlerNotFound',
      errorMessage: 'no-handler.handler is undefined or not exported',
    });
    expect((await payloadOf(spec('missing.mjs'))).value).toMatchObject({ errorType: 'Runtime.ImportModuleError' });
    const broken = join(scratch, 'broken.mjs');
    writeFileSync(broken, 'export const handler = async () => {\n');
    const syntax = await payloadOf(spec(broken, { functionName: 'broken' }));
    expect(syntax.value.errorType).toBe('Runtime.UserCodeSyntaxError');
    expect(syntax.value.errorMessage).toMatch(/^SyntaxError: /);
  });

  it("reports a function past its timeout as Lambda's Sandbox.Timedout", async () => {
    const target = spec('sleep.mjs', { timeoutSeconds: 0.2 });
    const result = await invoke(target, { ms: 5000 }).result;
    expect(result.functionError).toBe('Unhandled');
    expect(result.payload).toBe(
      `{"errorType":"Sandbox.Timedout","errorMessage":"RequestId: ${result.requestId} Error: Task timed out after 0.20 seconds"}`,
    );
    expect((await payloadOf(target, { ms: 1 })).value).toEqual({ slept: 1 });
  });

  it('reports a function past its memory as Runtime.OutOfMemory', async () => {
    const result = await invoke(spec('memory-hog.mjs', { memoryMb: 16, timeoutSeconds: 20 })).result;
    expect(result).toMatchObject({ functionError: 'Unhandled' });
    expect(JSON.parse(result.payload)).toEqual({
      errorType: 'Runtime.OutOfMemory',
      errorMessage: `RequestId: ${result.requestId} Error: Runtime exited with error: signal: killed`,
    });
  });

  it('reports a function that exits the process as Runtime.ExitError', async () => {
    const result = await invoke(spec('exit.mjs'), { code: 2 }).result;
    expect(JSON.parse(result.payload)).toEqual({
      errorType: 'Runtime.ExitError',
      errorMessage: `RequestId: ${result.requestId} Error: Runtime exited with error: exit status 2`,
    });
  });
});

describe('local functions: workers', () => {
  it('keeps a worker warm: module state survives between invocations', async () => {
    const target = spec('counter.mjs', { functionName: 'warm' });
    const first = (await payloadOf(target)).value;
    const second = (await payloadOf(target)).value;
    expect(second).toEqual({ invocations: first.invocations + 1, threadId: first.threadId });
  });

  it('runs concurrent invocations in more workers, one invocation each', async () => {
    const target = spec('counter.mjs', { functionName: 'concurrent', timeoutSeconds: 4 });
    const both = await Promise.all([payloadOf(target, { holdMs: 200 }), payloadOf(target, { holdMs: 200 })]);
    expect(both[0].value.threadId).not.toBe(both[1].value.threadId);
    expect(both.map((r) => r.value.invocations)).toEqual([1, 1]);
  });

  it('queues invocations past the worker limit', async () => {
    const limited = new LocalRuntime({
      baseDir: FIXTURES,
      maxWorkersPerFunction: 1,
      idleWorkerSeconds: 60,
      log: () => {},
    });
    try {
      const target = spec('counter.mjs');
      const run = (event: unknown) =>
        limited.invoker(target).invoke(parseFunctionName('counter', undefined, HOME), {
          payload: JSON.stringify(event),
          requestId: `r${++ids}`,
          functionName: 'counter',
        }).result;
      const answers = await Promise.all([run({ holdMs: 100 }), run({ holdMs: 100 }), run({})]);
      const values = answers.map((a) => JSON.parse(a.payload));
      expect(values.map((v) => v.invocations)).toEqual([1, 2, 3]);
      expect(new Set(values.map((v) => v.threadId)).size).toBe(1);
    } finally {
      await limited.close();
    }
  });

  it('cancelling an invocation stops its worker', async () => {
    const target = spec('counter.mjs', { functionName: 'cancelled' });
    const warm = (await payloadOf(target)).value;
    const pending = invoke(target, { holdMs: 5000 });
    pending.cancel();
    await expect(pending.result).rejects.toMatchObject({ code: 'ServiceException' });
    const fresh = (await payloadOf(target)).value;
    expect(fresh.threadId).not.toBe(warm.threadId);
    expect(fresh.invocations).toBe(1);
  });

  it('starts fresh workers when the module changes', async () => {
    const path = join(scratch, 'versioned.mjs');
    writeFileSync(path, 'export const handler = async () => 1;\n');
    const target = spec(path, { functionName: 'versioned' });
    expect((await payloadOf(target)).value).toBe(1);
    writeFileSync(path, 'export const handler = async () => 2;\n');
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    expect((await payloadOf(target)).value).toBe(2);
  });
});

describe('local functions: console output', () => {
  it('captures console and stream output with levels, attributed to the invocation', async () => {
    logs.length = 0;
    const result = await invoke(spec('logs.mjs'), { n: 7 }).result;
    expect(
      logs.map(({ functionName, requestId, level, message }) => ({ functionName, requestId, level, message })),
    ).toEqual([
      { functionName: 'logs', requestId: result.requestId, level: 'INFO', message: 'hello { n: 7 }' },
      { functionName: 'logs', requestId: result.requestId, level: 'WARN', message: 'careful' },
      { functionName: 'logs', requestId: result.requestId, level: 'ERROR', message: 'shown, not thrown' },
      { functionName: 'logs', requestId: result.requestId, level: 'STDOUT', message: 'raw line\n' },
    ]);
  });

  it('returns the log tail for LogType Tail', async () => {
    const result = await invoke(spec('logs.mjs'), { n: 1 }, { logType: 'Tail' }).result;
    const text = Buffer.from(result.logResult!, 'base64').toString();
    expect(text).toMatch(new RegExp(`^START RequestId: ${result.requestId} Version: \\$LATEST\n`));
    expect(text).toContain(`\t${result.requestId}\tINFO\thello { n: 1 }\n`);
    expect(text).toMatch(
      new RegExp(`END RequestId: ${result.requestId}\nREPORT RequestId: ${result.requestId}\tDuration: `),
    );
  });
});

describe('local functions: TypeScript', () => {
  it('transpiles a TS module and the TS modules it imports', async () => {
    writeFileSync(join(scratch, 'util.ts'), 'export function twice(n: number): number {\n  return n * 2;\n}\n');
    writeFileSync(
      join(scratch, 'typed.ts'),
      [
        "import { twice } from './util.js';",
        'interface Order { amount: number }',
        'export const handler = async (event: Order, context: { functionName: string }): Promise<object> => {',
        '  const total: number = twice(event.amount);',
        '  return { total, name: context.functionName };',
        '};',
      ].join('\n'),
    );
    expect((await payloadOf(spec(join(scratch, 'typed.ts'), { functionName: 'typed' }), { amount: 21 })).value).toEqual(
      {
        total: 42,
        name: 'typed',
      },
    );
  });

  it('reports TypeScript that does not parse as Runtime.UserCodeSyntaxError', async () => {
    writeFileSync(join(scratch, 'bad.ts'), 'export const handler = async (: number) => 1;\n');
    const result = await payloadOf(spec(join(scratch, 'bad.ts'), { functionName: 'bad' }));
    expect(result.value.errorType).toBe('Runtime.UserCodeSyntaxError');
    expect(result.value.errorMessage).toContain('bad.ts:1:');
  });
});
