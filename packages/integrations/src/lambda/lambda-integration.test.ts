import type { Json } from '@lockstep/asl';
import { parseResource } from '@lockstep/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { call, FIXTURES, masked } from './lambda.test-support.js';
import { lambdaIntegration } from './lambda-integration.js';

const lambda = lambdaIntegration({
  baseDir: FIXTURES,
  functionsDir: '.',
  functions: {
    Mapped: { module: 'echo.mjs', environment: { GREETING: 'mapped' } },
    Slow: { module: 'sleep.mjs', timeoutSeconds: 0.2 },
  },
  log: () => {},
});
afterAll(() => lambda.close());

const INVOKE = 'arn:aws:states:::lambda:invoke';
const legacy = (name: string) => `arn:aws:lambda:us-east-1:111111111111:function:${name}`;
const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('handles', () => {
  it('takes legacy function ARNs and lambda:invoke, in any pattern', () => {
    for (const arn of [legacy('f'), `${legacy('f')}:1`, INVOKE, `${INVOKE}.waitForTaskToken`, `${INVOKE}.sync`]) {
      expect(lambda.handles(parseResource(arn))).toBe(true);
    }
    expect(lambda.handles(parseResource('arn:aws:states:::sqs:sendMessage'))).toBe(false);
    expect(lambda.patterns).toEqual(['request-response', 'waitForTaskToken']);
  });
});

describe('legacy function ARN', () => {
  it("succeeds with the function's return value", async () => {
    for (const value of ['HelloWorld', 0, true, {}, [], { a: [1, null] }] as Json[]) {
      expect(await call(lambda, legacy('identity'), value)).toEqual({ kind: 'succeed', output: value });
    }
  });

  it("fails with the error document's type and Lambda's raw document", async () => {
    const answer = await call(lambda, legacy('custom-error'), {});
    expect(answer).toMatchObject({ kind: 'fail', error: 'CustomError' });
    const cause = answer.cause!;
    expect(JSON.parse(cause)).toMatchObject({ errorType: 'CustomError', errorMessage: 'This is a custom error!' });
    expect(
      cause.startsWith('{"errorType":"CustomError","errorMessage":"This is a custom error!","trace":["CustomError: '),
    ).toBe(true);
  });
});

describe('lambda:invoke', () => {
  it("succeeds with AWS's envelope (recorded test_invoke: Payload null reaches the function as {})", async () => {
    const answer = await call(lambda, INVOKE, { FunctionName: 'identity', Payload: null });
    expect(answer.kind).toBe('succeed');
    const output = masked(answer.output);
    expect(JSON.stringify(output)).toBe(
      JSON.stringify({
        ExecutedVersion: '$LATEST',
        Payload: {},
        SdkHttpMetadata: {
          AllHttpHeaders: {
            'X-Amz-Executed-Version': ['$LATEST'],
            'x-amzn-Remapped-Content-Length': ['0'],
            Connection: ['keep-alive'],
            'x-amzn-RequestId': ['<request-id>'],
            'Content-Length': ['2'],
            Date: ['<date>'],
            'X-Amzn-Trace-Id': ['<trace-id>'],
            'Content-Type': ['application/json'],
          },
          HttpHeaders: {
            Connection: 'keep-alive',
            'Content-Length': '2',
            'Content-Type': 'application/json',
            Date: '<date>',
            'X-Amz-Executed-Version': '$LATEST',
            'x-amzn-Remapped-Content-Length': '0',
            'x-amzn-RequestId': '<request-id>',
            'X-Amzn-Trace-Id': '<trace-id>',
          },
          HttpStatusCode: 200,
        },
        SdkResponseMetadata: { RequestId: '<request-id>' },
        StatusCode: 200,
      }),
    );
  });

  it('sends a Payload string of JSON text as that JSON (recorded test_invoke_json_values)', async () => {
    const payloadOf = async (Payload: Json) =>
      (await call(lambda, INVOKE, { FunctionName: 'identity', Payload })).output.Payload;
    expect(await payloadOf('"HelloWorld"')).toBe('HelloWorld');
    expect(await payloadOf('null')).toBe(null);
    expect(await payloadOf('0.0')).toBe(0);
    expect(await payloadOf({ nested: ['x'] })).toEqual({ nested: ['x'] });
  });

  it('resolves names, partial and full ARNs, folders and mapped functions', async () => {
    for (const FunctionName of [
      'echo',
      '111111111111:function:echo',
      'arn:aws:lambda:us-east-1:111111111111:function:echo:$LATEST',
    ]) {
      expect(await call(lambda, INVOKE, { FunctionName, Payload: { n: 1 } })).toMatchObject({
        kind: 'succeed',
        output: { Payload: { event: { n: 1 }, functionName: 'echo', region: 'us-east-1' }, StatusCode: 200 },
      });
    }
    expect(await call(lambda, INVOKE, { FunctionName: 'folder-function' })).toMatchObject({
      output: { Payload: 'from the folder' },
    });
    expect(await call(lambda, INVOKE, { FunctionName: 'Mapped' })).toMatchObject({
      output: { Payload: { functionName: 'Mapped', greeting: 'mapped' } },
    });
  });

  it('fails with errorType as the error and the compact document as the cause', async () => {
    const answer = await call(lambda, INVOKE, { FunctionName: 'custom-error', Payload: {} });
    expect(answer).toMatchObject({ kind: 'fail', error: 'CustomError' });
    const cause = answer.cause!;
    expect(Object.keys(JSON.parse(cause))).toEqual(['errorType', 'errorMessage', 'trace']);
    expect(cause).toBe(JSON.stringify(JSON.parse(cause)));
  });

  it("fails a function past its timeout with Lambda's Sandbox.Timedout", async () => {
    const answer = await call(lambda, INVOKE, { FunctionName: 'Slow', Payload: { ms: 5000 } });
    expect(answer).toMatchObject({ kind: 'fail', error: 'Sandbox.Timedout' });
    const document = JSON.parse(answer.cause!);
    expect(document.errorMessage).toMatch(/^RequestId: \S+ Error: Task timed out after 0\.20 seconds$/);
  });

  it('fails a missing function with Lambda.ResourceNotFoundException (recorded cause)', async () => {
    const answer = await call(lambda, INVOKE, { FunctionName: 'no_such_fn', Payload: null });
    expect(answer).toMatchObject({ kind: 'fail', error: 'Lambda.ResourceNotFoundException' });
    const cause = answer.cause!;
    const [, requestId] = cause.match(/Request ID: (\S+); Proxy: null\)$/)!;
    expect(requestId).toMatch(REQUEST_ID);
    expect(cause).toBe(
      'Function not found: arn:aws:lambda:us-east-1:111111111111:function:no_such_fn (Service: AWSLambda; ' +
        `Status Code: 404; Error Code: ResourceNotFoundException; Request ID: ${requestId}; Proxy: null)`,
    );
    expect(await call(lambda, legacy('no_such_fn:live'), {})).toMatchObject({
      error: 'Lambda.ResourceNotFoundException',
      cause: expect.stringMatching(
        /^Function not found: arn:aws:lambda:us-east-1:111111111111:function:no_such_fn:live \(/,
      ),
    });
  });

  it('fails a contradictory qualifier with Lambda.InvalidParameterValueException', async () => {
    expect(await call(lambda, INVOKE, { FunctionName: 'echo:1', Qualifier: '2' })).toMatchObject({
      kind: 'fail',
      error: 'Lambda.InvalidParameterValueException',
      cause: expect.stringMatching(
        /^The derived qualifier from the function name does not match the specified qualifier\. \(Service: AWSLambda; Status Code: 400; Error Code: InvalidParameterValueException; /,
      ),
    });
  });

  it('fails parameters without a FunctionName with States.Runtime', async () => {
    expect(await call(lambda, INVOKE, { Payload: {} })).toMatchObject({ kind: 'fail', error: 'States.Runtime' });
  });

  it('with .waitForTaskToken, submits the envelope once the function answered', async () => {
    const answer = await call(
      lambda,
      `${INVOKE}.waitForTaskToken`,
      { FunctionName: 'identity', Payload: { token: 'tok-1' } },
      {
        taskToken: 'tok-1',
      },
    );
    expect(answer).toMatchObject({ kind: 'submitted', output: { Payload: { token: 'tok-1' }, StatusCode: 200 } });
  });

  it('with .waitForTaskToken, fails when the function fails', async () => {
    expect(
      await call(lambda, `${INVOKE}.waitForTaskToken`, { FunctionName: 'custom-error', Payload: {} }),
    ).toMatchObject({
      kind: 'fail',
      error: 'CustomError',
    });
  });

  it('adds LogResult for LogType Tail', async () => {
    const answer = await call(lambda, INVOKE, { FunctionName: 'logs', Payload: { n: 2 }, LogType: 'Tail' });
    expect(Buffer.from(answer.output.LogResult, 'base64').toString()).toContain('\tINFO\thello { n: 2 }\n');
  });
});
