import type { Json } from '@lockstep/asl';
import type { IntegrationPattern } from '@lockstep/engine';
import { runExecution } from '@lockstep/engine';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionConfig, HttpTaskConfig } from './config.js';
import { type LocalServer, type Route, startApi, startTokenEndpoint } from './http.test-support.js';
import { httpIntegration } from './http-integration.js';

const CONNECTION = 'arn:aws:events:us-east-1:111111111111:connection/api/8f2c';
const API_KEY = 'sk-live-0123456789';
const PASSWORD = 'pa55-w0rd-secret';
const CLIENT = { id: 'client-id', secret: 'client-secret-value' };
const SECRETS = [API_KEY, PASSWORD, CLIENT.secret, Buffer.from(`user:${PASSWORD}`).toString('base64')];

const apiKey: ConnectionConfig = {
  authorizationType: 'API_KEY',
  authParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: API_KEY } },
};

let servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function api(route: Route): Promise<LocalServer> {
  const server = await startApi(route);
  servers.push(server);
  return server;
}

const json =
  (status: number, body: unknown, extra: Record<string, string> = {}): Route =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...extra }).end(JSON.stringify(body));
  };

type Outcome = { kind: 'succeed' | 'submitted'; output: Json } | { kind: 'fail'; error?: string; cause?: string };

/** Invokes the integration once, as the engine does for one Task attempt. */
function invoke(
  config: HttpTaskConfig,
  input: Json,
  pattern: IntegrationPattern = 'request-response',
): Promise<Outcome> {
  const resource = pattern === 'waitForTaskToken' ? 'invoke.waitForTaskToken' : 'invoke';
  const integration = httpIntegration(config);
  return new Promise((resolve) => {
    integration.invoke(
      {
        stateName: 'Call',
        resource: `arn:aws:states:::http:${resource}`,
        input,
        context: { StateMachine: { Id: 'arn:aws:states:eu-west-3:111111111111:stateMachine:M' } },
        idempotencyKey: 'k',
        resourceInfo: { kind: 'service', arn: '', resourceType: 'http', resource, pattern },
      },
      {
        succeed: (output) => resolve({ kind: 'succeed', output }),
        submitted: (output) => resolve({ kind: 'submitted', output }),
        fail: (error, cause) => resolve({ kind: 'fail', error, cause }),
      },
    );
  });
}

const params = (server: LocalServer, extra: Record<string, Json> = {}): Json => ({
  ApiEndpoint: `${server.url}/items`,
  Method: 'GET',
  Authentication: { ConnectionArn: CONNECTION },
  ...extra,
});

describe('httpIntegration: the request-response call', () => {
  it('answers {Headers, ResponseBody, StatusCode, StatusText} with the JSON body parsed', async () => {
    const server = await api(json(200, { id: 1 }, { 'X-Trace': 'abc' }));
    const outcome = await invoke({ connections: { [CONNECTION]: apiKey } }, params(server));
    expect(outcome.kind).toBe('succeed');
    const output = (outcome as { output: Record<string, Json> }).output;
    expect(Object.keys(output)).toEqual(['Headers', 'ResponseBody', 'StatusCode', 'StatusText']);
    expect(output).toMatchObject({ ResponseBody: { id: 1 }, StatusCode: 200, StatusText: 'OK' });
    expect(output.Headers).toMatchObject({ 'Content-Type': ['application/json'], 'X-Trace': ['abc'] });
  });

  it('answers a non-JSON body as text', async () => {
    const server = await api((_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('{"no":1}'));
    const outcome = await invoke({ connections: { [CONNECTION]: apiKey } }, params(server));
    expect(outcome).toMatchObject({ kind: 'succeed', output: { ResponseBody: '{"no":1}' } });
  });

  it('sends the headers AWS adds, the Task headers and the query (arrays repeat)', async () => {
    const server = await api(json(200, {}));
    await invoke(
      { connections: { [CONNECTION]: apiKey } },
      params(server, {
        Headers: { 'X-Custom': 'v', 'Content-Type': 'application/json' },
        QueryParameters: { q: 'a b', t: ['x', 'y'] },
      }),
    );
    const [sent] = server.requests;
    expect(sent?.url).toBe('/items?q=a%20b&t=x&t=y');
    expect(sent?.headers).toMatchObject({
      'user-agent': 'Amazon|StepFunctions|HttpInvoke|eu-west-3',
      range: 'bytes=0-262144',
      'x-custom': 'v',
      'x-api-key': API_KEY,
    });
  });

  it('sends a JSON body, or a URL-encoded one with the array format asked', async () => {
    const server = await api(json(200, {}));
    const connections = { connections: { [CONNECTION]: apiKey } };
    await invoke(connections, params(server, { Method: 'POST', RequestBody: { a: [1, 2] } }));
    await invoke(
      connections,
      params(server, {
        Method: 'POST',
        RequestBody: { a: [1, 2] },
        Transform: { RequestBodyEncoding: 'URL_ENCODED', RequestEncodingOptions: { ArrayFormat: 'BRACKETS' } },
      }),
    );
    expect(server.requests.map((r) => [r.headers['content-type'], r.body])).toEqual([
      ['application/json; charset=UTF-8', '{"a":[1,2]}'],
      ['application/x-www-form-urlencoded', 'a%5B%5D=1&a%5B%5D=2'],
    ]);
  });

  it('merges the connection invocation parameters, the connection winning', async () => {
    const server = await api(json(200, {}));
    const connection: ConnectionConfig = {
      authorizationType: 'API_KEY',
      authParameters: {
        ...apiKey.authParameters,
        InvocationHttpParameters: {
          HeaderParameters: [{ Key: 'X-Tenant', Value: 'conn' }],
          QueryStringParameters: [{ Key: 'v', Value: '2' }],
          BodyParameters: [{ Key: 'from', Value: 'conn' }],
        },
      },
    };
    await invoke(
      { connections: { [CONNECTION]: connection } },
      params(server, {
        Method: 'POST',
        Headers: { 'x-tenant': 'task' },
        QueryParameters: { v: '1' },
        RequestBody: { a: 1, from: 'task' },
      }),
    );
    const [sent] = server.requests;
    expect([sent?.url, sent?.headers['x-tenant'], sent?.body]).toEqual(['/items?v=2', 'conn', '{"a":1,"from":"conn"}']);
  });

  it('answers the call of a .waitForTaskToken Task with submitted', async () => {
    const server = await api(json(200, { ok: true }));
    const outcome = await invoke({ connections: { [CONNECTION]: apiKey } }, params(server), 'waitForTaskToken');
    expect(outcome).toMatchObject({ kind: 'submitted', output: { StatusCode: 200 } });
  });
});

describe('httpIntegration: failures', () => {
  it('fails a non-2xx answer with States.Http.StatusCode.<code> and the response as cause', async () => {
    const server = await api(json(404, { message: 'nope' }));
    const outcome = await invoke({ connections: { [CONNECTION]: apiKey } }, params(server));
    expect(outcome).toMatchObject({ kind: 'fail', error: 'States.Http.StatusCode.404' });
    const cause = JSON.parse((outcome as { cause: string }).cause);
    expect(cause).toMatchObject({ ResponseBody: { message: 'nope' }, StatusCode: 404, StatusText: 'Not Found' });
  });

  it('fails a call that takes too long with States.Http.Socket', async () => {
    const server = await api(() => {});
    const outcome = await invoke({ connections: { [CONNECTION]: apiKey }, timeoutSeconds: 0.2 }, params(server));
    expect(outcome).toEqual({ kind: 'fail', error: 'States.Http.Socket', cause: 'The HTTP request timed out.' });
  });

  it('refuses a forbidden header before calling', async () => {
    const server = await api(json(200, {}));
    const input = params(server, { Headers: { 'X-Amz-Date': 'now' } });
    const outcome = await invoke({ connections: { [CONNECTION]: apiKey } }, input);
    expect(outcome).toEqual({
      kind: 'fail',
      error: 'States.Runtime',
      cause: `The Parameters '${JSON.stringify(input)}' could not be used to start the Task: [The header 'X-Amz-Date' is not allowed]`,
    });
    expect(server.requests).toHaveLength(0);
  });

  it('fails when the connection does not exist', async () => {
    const server = await api(json(200, {}));
    const outcome = await invoke({}, params(server));
    expect(outcome).toEqual({
      kind: 'fail',
      error: 'Events.ConnectionResource.ResourceNotFound',
      cause: "Failed to describe the connection(s). Connection 'api' does not exist.",
    });
  });
});

describe('httpIntegration: connections', () => {
  it('sends basic authorization', async () => {
    const server = await api(json(200, {}));
    const basic: ConnectionConfig = {
      authorizationType: 'BASIC',
      authParameters: { BasicAuthParameters: { Username: 'user', Password: PASSWORD } },
    };
    await invoke({ connections: { [CONNECTION]: basic } }, params(server));
    expect(server.requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from(`user:${PASSWORD}`).toString('base64')}`,
    );
  });

  async function oauthSetup(expiresIn: number) {
    const tokens = await startTokenEndpoint(CLIENT, expiresIn);
    servers.push(tokens);
    const connection: ConnectionConfig = {
      authorizationType: 'OAUTH_CLIENT_CREDENTIALS',
      authParameters: {
        OAuthParameters: {
          AuthorizationEndpoint: `${tokens.url}/oauth/token`,
          HttpMethod: 'POST',
          ClientParameters: { ClientID: CLIENT.id, ClientSecret: CLIENT.secret },
          OAuthHttpParameters: { BodyParameters: [{ Key: 'scope', Value: 'credit' }] },
        },
      },
    };
    return { tokens, integration: httpIntegration({ connections: { [CONNECTION]: connection } }) };
  }

  function run(integration: ReturnType<typeof httpIntegration>, input: Json): Promise<Outcome> {
    return new Promise((resolve) => {
      integration.invoke(
        {
          stateName: 'Call',
          resource: 'arn:aws:states:::http:invoke',
          input,
          context: {},
          idempotencyKey: 'k',
          resourceInfo: {
            kind: 'service',
            arn: '',
            resourceType: 'http',
            resource: 'invoke',
            pattern: 'request-response',
          },
        },
        {
          succeed: (output) => resolve({ kind: 'succeed', output }),
          submitted: (output) => resolve({ kind: 'submitted', output }),
          fail: (error, cause) => resolve({ kind: 'fail', error, cause }),
        },
      );
    });
  }

  it('gets an OAuth token once and reuses it until it expires', async () => {
    const server = await api(json(200, {}));
    const { tokens, integration } = await oauthSetup(3600);
    await run(integration, params(server));
    await run(integration, params(server));
    expect(tokens.issued()).toBe(1);
    expect(tokens.requests[0]?.body).toBe('grant_type=client_credentials&scope=credit');
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-1']);
  });

  it('gets a new token when the cached one expired', async () => {
    const server = await api(json(200, {}));
    const { tokens, integration } = await oauthSetup(0);
    await run(integration, params(server));
    await run(integration, params(server));
    expect(tokens.issued()).toBe(2);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('refreshes the token once on a 401 and calls again', async () => {
    const server = await api((req, res) =>
      req.headers.authorization === 'Bearer token-1' ? json(401, {})(req, res) : json(200, { ok: 1 })(req, res),
    );
    const { tokens, integration } = await oauthSetup(3600);
    const outcome = await run(integration, params(server));
    expect(outcome).toMatchObject({ kind: 'succeed', output: { ResponseBody: { ok: 1 } } });
    expect(tokens.issued()).toBe(2);
  });

  it('fails with the 401 when the refreshed token is refused too', async () => {
    const server = await api(json(401, { message: 'denied' }));
    const { tokens, integration } = await oauthSetup(3600);
    const outcome = await run(integration, params(server));
    expect(outcome).toMatchObject({ kind: 'fail', error: 'States.Http.StatusCode.401' });
    expect([tokens.issued(), server.requests.length]).toEqual([2, 2]);
  });

  it('never lets a secret into an output, error or cause', async () => {
    // The token endpoint refuses the client and echoes the request body; the API echoes what it received.
    const echo: Route = (req, res) =>
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`${req.method} ${req.url}`);
    const server = await api(echo);
    const tokens = await startTokenEndpoint({ id: CLIENT.id, secret: 'another' }, 60);
    servers.push(tokens);
    const failing: ConnectionConfig = {
      authorizationType: 'OAUTH_CLIENT_CREDENTIALS',
      authParameters: {
        OAuthParameters: {
          AuthorizationEndpoint: tokens.url,
          HttpMethod: 'POST',
          ClientParameters: { ClientID: CLIENT.id, ClientSecret: CLIENT.secret },
        },
      },
    };
    const basic: ConnectionConfig = {
      authorizationType: 'BASIC',
      authParameters: { BasicAuthParameters: { Username: 'user', Password: PASSWORD } },
    };
    const outcomes = [
      await invoke({ connections: { [CONNECTION]: failing } }, params(server)),
      await invoke({ connections: { [CONNECTION]: basic } }, params(server)),
      await invoke({ connections: { [CONNECTION]: apiKey } }, params(server)),
      await invoke({ connections: { [CONNECTION]: apiKey }, timeoutSeconds: 0.001 }, params(server)),
    ];
    expect(outcomes[0]).toMatchObject({ kind: 'fail', error: 'Events.ConnectionResource.InvalidConnectionState' });
    const text = JSON.stringify(outcomes);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });
});

describe('httpIntegration in an execution', () => {
  it('retries States.Http.StatusCode.500 then catches it', async () => {
    let calls = 0;
    const server = await api((req, res) => {
      calls += 1;
      json(500, { attempt: calls })(req, res);
    });
    const result = await runExecution({
      definition: {
        StartAt: 'Call',
        States: {
          Call: {
            Type: 'Task',
            Resource: 'arn:aws:states:::http:invoke',
            Parameters: { 'ApiEndpoint.$': '$.url', Method: 'GET', Authentication: { ConnectionArn: CONNECTION } },
            Retry: [{ ErrorEquals: ['States.Http.StatusCode.500'], MaxAttempts: 2, IntervalSeconds: 1 }],
            Catch: [{ ErrorEquals: ['States.Http.StatusCode.500'], ResultPath: '$.error', Next: 'Handled' }],
            End: true,
          },
          Handled: { Type: 'Pass', End: true },
        },
      },
      input: { url: `${server.url}/score` },
      integrations: [httpIntegration({ connections: { [CONNECTION]: apiKey } })],
    });
    expect(calls).toBe(3);
    expect(result.status).toBe('SUCCEEDED');
    const error = (result.output as { error: { Error: string; Cause: string } }).error;
    expect(error.Error).toBe('States.Http.StatusCode.500');
    expect(JSON.parse(error.Cause)).toMatchObject({ ResponseBody: { attempt: 3 }, StatusCode: 500 });
  });

  it('succeeds with the response as the Task result', async () => {
    const server = await api(json(200, { score: 710 }));
    const result = await runExecution({
      definition: {
        StartAt: 'Call',
        States: {
          Call: {
            Type: 'Task',
            Resource: 'arn:aws:states:::http:invoke',
            Parameters: { 'ApiEndpoint.$': '$.url', Method: 'GET', Authentication: { ConnectionArn: CONNECTION } },
            OutputPath: '$.ResponseBody',
            End: true,
          },
        },
      },
      input: { url: `${server.url}/score` },
      integrations: [httpIntegration({ connections: { [CONNECTION]: apiKey } })],
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { score: 710 } });
  });
});
