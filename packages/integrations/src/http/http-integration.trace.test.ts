import type { Json } from '@lockstep/asl';
import type { IntegrationRequest } from '@lockstep/engine';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionConfig } from './config.js';
import { type LocalServer, startApi } from './http.test-support.js';
import { httpIntegration } from './http-integration.js';

type HttpExchange = Parameters<NonNullable<IntegrationRequest['httpTrace']>['record']>[0];

const CONNECTION = 'arn:aws:events:us-east-1:111111111111:connection/api/8f2c';
const API_KEY = 'sk-live-0123456789';
const connection: ConnectionConfig = {
  authorizationType: 'API_KEY',
  authParameters: {
    ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: API_KEY },
    InvocationHttpParameters: { QueryStringParameters: [{ Key: 'token', Value: 'q-secret', IsValueSecret: true }] },
  },
};

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** One call of the integration whose HTTP exchange TestState traces. */
function traced(input: Json, revealSecrets: boolean): Promise<HttpExchange[]> {
  const exchanges: HttpExchange[] = [];
  const integration = httpIntegration({ connections: { [CONNECTION]: connection } });
  return new Promise((resolve) => {
    const done = () => resolve(exchanges);
    integration.invoke(
      {
        stateName: 'Call',
        resource: 'arn:aws:states:::http:invoke',
        input,
        context: { StateMachine: { Id: 'arn:aws:states:eu-west-3:111111111111:stateMachine:M' } },
        idempotencyKey: 'k',
        resourceInfo: {
          kind: 'service',
          arn: '',
          resourceType: 'http',
          resource: 'invoke',
          pattern: 'request-response',
        },
        httpTrace: { revealSecrets, record: (e) => exchanges.push(e) },
      },
      { succeed: done, submitted: done, fail: done },
    );
  });
}

describe('httpIntegration: the exchange TestState traces', () => {
  it('reports the request sent and the response received, with the secrets when revealed', async () => {
    server = await startApi((_req, res) => {
      res.writeHead(201, 'Created', { 'Content-Type': 'application/json' }).end('{"id":1}');
    });
    const input = {
      ApiEndpoint: `${server.url}/items`,
      Method: 'POST',
      Headers: { 'X-Custom': 'h1' },
      RequestBody: { message: 'hi' },
      Authentication: { ConnectionArn: CONNECTION },
    };
    const [revealed] = await traced(input, true);
    expect(revealed).toEqual({
      request: {
        protocol: 'HTTP/1.1',
        method: 'POST',
        url: `${server.url}/items?token=q-secret`,
        headers: [
          ['X-Custom', 'h1'],
          ['x-api-key', API_KEY],
          ['Content-Type', 'application/json; charset=UTF-8'],
          ['User-Agent', 'Amazon|StepFunctions|HttpInvoke|eu-west-3'],
          ['Range', 'bytes=0-262144'],
        ],
        body: '{"message":"hi"}',
      },
      response: {
        protocol: 'HTTP/1.1',
        statusCode: 201,
        statusMessage: 'Created',
        headers: expect.objectContaining({ 'Content-Type': ['application/json'] }),
        body: '{"id":1}',
      },
    });
    // The request really carried them.
    expect(server.requests[0]?.url).toBe('/items?token=q-secret');
    expect(server.requests[0]?.headers['x-api-key']).toBe(API_KEY);
  });

  it('leaves out what the connection adds unless secrets are revealed', async () => {
    server = await startApi((_req, res) => res.writeHead(200).end('ok'));
    const input = { ApiEndpoint: `${server.url}/items`, Method: 'GET', Authentication: { ConnectionArn: CONNECTION } };
    const [hidden] = await traced(input, false);
    expect(hidden?.request).toEqual({
      protocol: 'HTTP/1.1',
      method: 'GET',
      url: `${server.url}/items`,
      headers: [
        ['User-Agent', 'Amazon|StepFunctions|HttpInvoke|eu-west-3'],
        ['Range', 'bytes=0-262144'],
      ],
    });
    expect(JSON.stringify(hidden)).not.toContain(API_KEY);
    expect(JSON.stringify(hidden)).not.toContain('q-secret');
  });

  it('reports the request alone when no response came', async () => {
    const input = {
      ApiEndpoint: 'http://127.0.0.1:1/items',
      Method: 'GET',
      Authentication: { ConnectionArn: CONNECTION },
    };
    const [failed] = await traced(input, false);
    expect(failed).toEqual({ request: expect.objectContaining({ url: 'http://127.0.0.1:1/items' }) });
  });
});
