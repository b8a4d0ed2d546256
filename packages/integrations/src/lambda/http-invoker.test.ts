import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './lambda.test-support.js';
import { lambdaIntegration } from './lambda-integration.js';

const INVOKE = 'arn:aws:states:::lambda:invoke';
const received: { url: string; headers: IncomingMessage['headers']; body: string }[] = [];
let server: Server;
let base: string;
/** A port nothing listens on. */
let closedPort: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ url: req.url!, headers: req.headers, body });
      const route = req.url!.split('/')[1];
      if (route === 'broken') return res.writeHead(500, { 'content-type': 'text/plain' }).end('boom');
      if (route === 'failing') {
        res.writeHead(200, { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' });
        return res.end('{"errorType":"PaymentDeclined","errorMessage":"card expired","trace":[]}');
      }
      if (route === 'slow') return setTimeout(() => res.end('"late"'), 2000);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ got: JSON.parse(body), route }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const probe = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function integration() {
  return lambdaIntegration({
    functions: {
      Broken: { type: 'http', url: `${base}/broken` },
      Failing: { type: 'http', url: `${base}/failing` },
      Slow: { type: 'http', url: `${base}/slow`, timeoutSeconds: 0.2 },
      Unreachable: { type: 'http', url: `http://127.0.0.1:${closedPort}/nothing` },
    },
    default: { type: 'http', url: `${base}/{functionName}`, headers: { authorization: 'Bearer t' } },
  });
}

describe('http functions', () => {
  it('POSTs the event as JSON; the JSON response is the result', async () => {
    const lambda = integration();
    received.length = 0;
    const answer = await call(lambda, INVOKE, { FunctionName: 'Greeter', Payload: { name: 'Ada' } });
    expect(answer).toMatchObject({
      kind: 'succeed',
      output: { Payload: { got: { name: 'Ada' }, route: 'Greeter' }, StatusCode: 200 },
    });
    expect(received[0]).toMatchObject({
      url: '/Greeter',
      body: '{"name":"Ada"}',
      headers: { 'content-type': 'application/json', 'x-amz-function-name': 'Greeter', authorization: 'Bearer t' },
    });
    expect(await call(lambda, 'arn:aws:lambda:us-east-1:111111111111:function:Legacy', [1, 2])).toEqual({
      kind: 'succeed',
      output: { got: [1, 2], route: 'Legacy' },
    });
  });

  it('fails a non-2xx response with Lambda.ServiceException', async () => {
    const answer = await call(integration(), INVOKE, { FunctionName: 'Broken' });
    expect(answer).toMatchObject({
      kind: 'fail',
      error: 'Lambda.ServiceException',
      cause: expect.stringMatching(
        /^boom \(Service: AWSLambda; Status Code: 500; Error Code: ServiceException; Request ID: [0-9a-f-]{36}; Proxy: null\)$/,
      ),
    });
  });

  it('reports a response marked X-Amz-Function-Error as the function error it carries', async () => {
    expect(await call(integration(), INVOKE, { FunctionName: 'Failing' })).toEqual({
      kind: 'fail',
      error: 'PaymentDeclined',
      cause: '{"errorType":"PaymentDeclined","errorMessage":"card expired","trace":[]}',
    });
  });

  it('fails an unreachable endpoint with Lambda.SdkClientException', async () => {
    expect(await call(integration(), INVOKE, { FunctionName: 'Unreachable' })).toMatchObject({
      kind: 'fail',
      error: 'Lambda.SdkClientException',
      cause: `Unable to execute HTTP request: connect ECONNREFUSED 127.0.0.1:${closedPort}`,
    });
  });

  it('reports an endpoint past its timeout as Sandbox.Timedout', async () => {
    const answer = await call(integration(), INVOKE, { FunctionName: 'Slow' });
    expect(answer).toMatchObject({ kind: 'fail', error: 'Sandbox.Timedout' });
    expect(JSON.parse(answer.cause!).errorMessage).toMatch(/Task timed out after 0\.20 seconds$/);
  });
});
