import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, masked } from './lambda.test-support.js';
import { lambdaIntegration } from './lambda-integration.js';

const INVOKE = 'arn:aws:states:::lambda:invoke';
const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** What the test double was asked: function, qualifier, headers and body of each Invoke. */
interface Invocation {
  functionName: string;
  qualifier: string | null;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * A Lambda-compatible endpoint: Invoke (`POST /2015-03-31/functions/<name>/invocations`) answered as Lambda
 * answers it, for a few functions: `echo` returns its event, `fails` fails like a Python function, `throttled`
 * is throttled; any other name does not exist.
 */
function lambdaDouble(invocations: Invocation[]): Server {
  return createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://double');
      const match = url.pathname.match(/^\/2015-03-31\/functions\/([^/]+)\/invocations$/);
      if (req.method !== 'POST' || !match) return respond(res, 400, { 'x-amzn-ErrorType': 'InvalidRequest' }, '{}');
      const functionName = decodeURIComponent(match[1]);
      invocations.push({ functionName, qualifier: url.searchParams.get('Qualifier'), headers: req.headers, body });
      const requestId = randomUUID();
      const name = functionName.split(':').at(functionName.startsWith('arn:') ? 6 : 0);
      const ok = {
        'x-amzn-RequestId': requestId,
        'X-Amz-Executed-Version': '$LATEST',
        'Content-Type': 'application/json',
      };
      if (name === 'echo') {
        const tail: Record<string, string> =
          req.headers['x-amz-log-type'] === 'Tail'
            ? { 'X-Amz-Log-Result': Buffer.from('START').toString('base64') }
            : {};
        return respond(res, 200, { ...ok, ...tail }, JSON.stringify({ event: JSON.parse(body) }));
      }
      if (name === 'fails') {
        const document = `{"errorMessage": "boom", "errorType": "ValueError", "requestId": "${requestId}", "stackTrace": []}`;
        return respond(res, 200, { ...ok, 'X-Amz-Function-Error': 'Unhandled' }, document);
      }
      const error = (status: number, code: string, message: string) =>
        respond(
          res,
          status,
          { 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': code },
          JSON.stringify({ Type: 'User', message }),
        );
      if (name === 'throttled') return error(429, 'TooManyRequestsException', 'Rate Exceeded.');
      error(
        404,
        'ResourceNotFoundException',
        `Function not found: arn:aws:lambda:us-east-1:111111111111:function:${name}`,
      );
    });
  });
}

function respond(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, headers).end(body);
}

const invocations: Invocation[] = [];
const server = lambdaDouble(invocations);
let endpoint: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('aws functions (Lambda-compatible endpoint)', () => {
  it("invokes through the Lambda API; the result is AWS's envelope with Lambda's request id", async () => {
    const lambda = lambdaIntegration({ default: { type: 'aws', endpoint, credentials: CREDENTIALS } });
    invocations.length = 0;
    const answer = await call(lambda, INVOKE, {
      FunctionName: 'echo',
      Payload: { a: 1 },
      Qualifier: 'live',
      LogType: 'Tail',
    });
    expect(answer.kind).toBe('succeed');
    const output = answer.output;
    expect(masked(output)).toMatchObject({
      ExecutedVersion: '$LATEST',
      LogResult: 'U1RBUlQ=',
      Payload: { event: { a: 1 } },
      SdkResponseMetadata: { RequestId: '<request-id>' },
      StatusCode: 200,
    });
    expect(output.SdkResponseMetadata.RequestId).toBe(output.SdkHttpMetadata.HttpHeaders['x-amzn-RequestId']);
    expect(invocations).toEqual([
      expect.objectContaining({
        functionName: 'echo',
        qualifier: 'live',
        body: '{"a":1}',
        headers: expect.objectContaining({ 'x-amz-log-type': 'Tail' }),
      }),
    ]);
    expect(await call(lambda, 'arn:aws:lambda:us-east-1:111111111111:function:echo', 'x')).toEqual({
      kind: 'succeed',
      output: { event: 'x' },
    });
    expect(invocations[1].functionName).toBe('arn:aws:lambda:us-east-1:111111111111:function:echo');
    await lambda.close();
  });

  it('names function errors by errorType: compact cause for lambda:invoke, raw for legacy', async () => {
    const lambda = lambdaIntegration({ functions: { fails: { type: 'aws', endpoint, credentials: CREDENTIALS } } });
    const invoked = await call(lambda, INVOKE, { FunctionName: 'fails' });
    expect(invoked).toMatchObject({ kind: 'fail', error: 'ValueError' });
    expect(invoked.cause).toMatch(
      /^\{"errorMessage":"boom","errorType":"ValueError","requestId":"[0-9a-f-]{36}","stackTrace":\[\]\}$/,
    );
    const legacy = await call(lambda, 'arn:aws:lambda:us-east-1:111111111111:function:fails', {});
    expect(legacy.cause).toMatch(/^\{"errorMessage": "boom", "errorType": "ValueError", /);
    await lambda.close();
  });

  it("reports Lambda's error responses as Lambda.<ErrorCode> with the SDK v1 cause", async () => {
    const lambda = lambdaIntegration({ default: { type: 'aws', endpoint, credentials: CREDENTIALS } });
    expect(await call(lambda, INVOKE, { FunctionName: 'nope' })).toMatchObject({
      kind: 'fail',
      error: 'Lambda.ResourceNotFoundException',
      cause: expect.stringMatching(
        /^Function not found: arn:aws:lambda:us-east-1:111111111111:function:nope \(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: [0-9a-f-]{36}; Proxy: null\)$/,
      ),
    });
    expect(await call(lambda, INVOKE, { FunctionName: 'throttled' })).toMatchObject({
      error: 'Lambda.TooManyRequestsException',
      cause: expect.stringMatching(
        /^Rate Exceeded\. \(Service: AWSLambda; Status Code: 429; Error Code: TooManyRequestsException; /,
      ),
    });
    await lambda.close();
  });

  it('finds the endpoint in AWS_ENDPOINT_URL_LAMBDA', async () => {
    const saved = process.env.AWS_ENDPOINT_URL_LAMBDA;
    process.env.AWS_ENDPOINT_URL_LAMBDA = endpoint;
    try {
      const lambda = lambdaIntegration({ default: { type: 'aws', credentials: CREDENTIALS } });
      expect(await call(lambda, INVOKE, { FunctionName: 'echo', Payload: 1 })).toMatchObject({
        output: { Payload: { event: 1 } },
      });
      await lambda.close();
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_LAMBDA;
      else process.env.AWS_ENDPOINT_URL_LAMBDA = saved;
    }
  });
});
