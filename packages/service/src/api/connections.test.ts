import { beforeEach, describe, expect, it } from 'vitest';
import { failureOf, type TestContext, testContext } from '../test-support.js';
import { connectionOperations, resolveStoredConnection } from './connections.js';
import type { Operation } from './context.js';

const T0 = 1704067200;
const ARN = /^arn:aws:events:us-east-1:123456789012:connection\/api\/[0-9a-f-]{36}$/;
const API_KEY = { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'secret-key' } };

let ctx: TestContext;
let ops: Record<string, Operation>;

beforeEach(() => {
  ctx = testContext();
  ops = connectionOperations(ctx);
});

const create = (name = 'api', extra: Record<string, unknown> = {}) =>
  ops.CreateConnection({ Name: name, AuthorizationType: 'API_KEY', AuthParameters: API_KEY, ...extra });

describe('CreateConnection', () => {
  it('creates an authorized connection with an EventBridge ARN, and refuses its name again', async () => {
    const created = await create('api', { Description: 'the API' });
    expect(created).toEqual({
      ConnectionArn: expect.stringMatching(ARN),
      ConnectionState: 'AUTHORIZED',
      CreationTime: T0,
      LastModifiedTime: T0,
    });
    expect(await failureOf(create())).toEqual({
      code: 'ResourceAlreadyExistsException',
      message: 'Connection api already exists.',
      status: 400,
      members: {},
    });
  });

  it('answers an OAuth connection as AUTHORIZING', async () => {
    const created = await ops.CreateConnection({
      Name: 'oauth',
      AuthorizationType: 'OAUTH_CLIENT_CREDENTIALS',
      AuthParameters: {
        OAuthParameters: {
          AuthorizationEndpoint: 'https://auth.example.com/token',
          HttpMethod: 'POST',
          ClientParameters: { ClientID: 'id', ClientSecret: 'shh' },
        },
      },
    });
    expect(created.ConnectionState).toBe('AUTHORIZING');
  });

  it('reports model violations with camelCase member names, secrets unechoed', async () => {
    const failure = await failureOf(
      ops.CreateConnection({
        Name: 'bad name',
        AuthorizationType: 'TOKEN',
        AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'k', ApiKeyValue: '' } },
      }),
    );
    expect(failure.code).toBe('ValidationException');
    expect(failure.message).toBe(
      '3 validation errors detected: ' +
        "Value 'bad name' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+; " +
        "Value 'TOKEN' at 'authorizationType' failed to satisfy constraint: Member must satisfy enum value set: [BASIC, OAUTH_CLIENT_CREDENTIALS, API_KEY]; " +
        "Value at 'authParameters.apiKeyAuthParameters.apiKeyValue' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    expect((await failureOf(ops.CreateConnection({ Name: 'a', AuthorizationType: 'BASIC' }))).message).toBe(
      "1 validation error detected: Value null at 'authParameters' failed to satisfy constraint: Member must not be null",
    );
  });

  it('needs the parameters of its authorization type', async () => {
    const failure = await failureOf(
      ops.CreateConnection({ Name: 'a', AuthorizationType: 'BASIC', AuthParameters: API_KEY }),
    );
    expect(failure).toMatchObject({ code: 'ValidationException', status: 400 });
  });
});

describe('DescribeConnection', () => {
  it('returns the connection without its secrets, with a SecretArn', async () => {
    await create('api', {
      Description: 'the API',
      AuthParameters: {
        ...API_KEY,
        InvocationHttpParameters: {
          HeaderParameters: [
            { Key: 'x-plain', Value: 'shown', IsValueSecret: false },
            { Key: 'x-secret', Value: 'hidden', IsValueSecret: true },
          ],
        },
      },
    });
    const described = await ops.DescribeConnection({ Name: 'api' });
    expect(described).toEqual({
      ConnectionArn: expect.stringMatching(ARN),
      Name: 'api',
      Description: 'the API',
      ConnectionState: 'AUTHORIZED',
      AuthorizationType: 'API_KEY',
      SecretArn: expect.stringMatching(
        /^arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection\/api\/[0-9a-f-]{36}-[0-9a-f]{6}$/,
      ),
      AuthParameters: {
        ApiKeyAuthParameters: { ApiKeyName: 'x-api-key' },
        InvocationHttpParameters: {
          HeaderParameters: [
            { Key: 'x-plain', Value: 'shown', IsValueSecret: false },
            { Key: 'x-secret', IsValueSecret: true },
          ],
        },
      },
      CreationTime: T0,
      LastModifiedTime: T0,
      LastAuthorizedTime: T0,
    });
    expect(JSON.stringify(described)).not.toContain('secret-key');
    expect(await ops.DescribeConnection({ Name: 'api' })).toEqual(described);
  });

  it('answers ResourceNotFoundException for an unknown name', async () => {
    expect(await failureOf(ops.DescribeConnection({ Name: 'nope' }))).toEqual({
      code: 'ResourceNotFoundException',
      message: "Failed to describe the connection(s). Connection 'nope' does not exist.",
      status: 400,
      members: {},
    });
  });
});

describe('UpdateConnection', () => {
  it('merges new parameters over the stored ones and moves the times on', async () => {
    const { ConnectionArn } = await create();
    ctx.advance(5000);
    const updated = await ops.UpdateConnection({
      Name: 'api',
      Description: 'new',
      AuthParameters: { ApiKeyAuthParameters: { ApiKeyValue: 'rotated' } },
    });
    expect(updated).toEqual({
      ConnectionArn,
      ConnectionState: 'AUTHORIZED',
      CreationTime: T0,
      LastModifiedTime: T0 + 5,
      LastAuthorizedTime: T0 + 5,
    });
    expect(await resolveStoredConnection(ctx, ConnectionArn as string)).toEqual({
      authorizationType: 'API_KEY',
      authParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'rotated' } },
    });
    expect((await ops.DescribeConnection({ Name: 'api' })).Description).toBe('new');
  });

  it('changes the authorization type only with the parameters of the new one', async () => {
    await create();
    expect((await failureOf(ops.UpdateConnection({ Name: 'api', AuthorizationType: 'BASIC' }))).code).toBe(
      'ValidationException',
    );
    await ops.UpdateConnection({
      Name: 'api',
      AuthorizationType: 'BASIC',
      AuthParameters: { BasicAuthParameters: { Username: 'u', Password: 'p' } },
    });
    expect((await ops.DescribeConnection({ Name: 'api' })).AuthParameters).toEqual({
      BasicAuthParameters: { Username: 'u' },
    });
  });

  it('answers ResourceNotFoundException for an unknown name', async () => {
    expect((await failureOf(ops.UpdateConnection({ Name: 'nope' }))).code).toBe('ResourceNotFoundException');
  });
});

describe('DeleteConnection', () => {
  it('answers the connection as DELETING, then it is gone', async () => {
    const { ConnectionArn } = await create();
    ctx.advance(1000);
    expect(await ops.DeleteConnection({ Name: 'api' })).toEqual({
      ConnectionArn,
      ConnectionState: 'DELETING',
      CreationTime: T0,
      LastModifiedTime: T0 + 1,
      LastAuthorizedTime: T0,
    });
    expect((await failureOf(ops.DeleteConnection({ Name: 'api' }))).code).toBe('ResourceNotFoundException');
    expect(await resolveStoredConnection(ctx, ConnectionArn as string)).toBeUndefined();
  });
});

describe('ListConnections', () => {
  it('lists by name, with a prefix, a state and pages', async () => {
    for (const name of ['b-api', 'a-api', 'other']) await create(name);
    const names = (response: Record<string, unknown>) =>
      (response.Connections as { Name: string }[]).map((c) => c.Name);
    const first = await ops.ListConnections({ Limit: 2 });
    expect(names(first)).toEqual(['a-api', 'b-api']);
    expect(names(await ops.ListConnections({ Limit: 2, NextToken: first.NextToken }))).toEqual(['other']);
    expect(names(await ops.ListConnections({ NamePrefix: 'b' }))).toEqual(['b-api']);
    expect(names(await ops.ListConnections({ ConnectionState: 'AUTHORIZING' }))).toEqual([]);
    expect((await ops.ListConnections({ NamePrefix: 'a' })).Connections).toEqual([
      {
        ConnectionArn: expect.stringMatching(/connection\/a-api\//),
        Name: 'a-api',
        ConnectionState: 'AUTHORIZED',
        AuthorizationType: 'API_KEY',
        CreationTime: T0,
        LastModifiedTime: T0,
        LastAuthorizedTime: T0,
      },
    ]);
  });

  it('refuses a token of another listing and a limit over 100', async () => {
    for (const name of ['a', 'b']) await create(name);
    const { NextToken } = await ops.ListConnections({ Limit: 1 });
    expect((await failureOf(ops.ListConnections({ Limit: 1, NamePrefix: 'a', NextToken }))).code).toBe(
      'ValidationException',
    );
    expect((await failureOf(ops.ListConnections({ Limit: 101 }))).message).toBe(
      "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100",
    );
  });
});

describe('resolveStoredConnection', () => {
  it('finds a connection by its ARN only while that connection exists', async () => {
    const { ConnectionArn } = await create();
    const arn = ConnectionArn as string;
    expect(await resolveStoredConnection(ctx, arn)).toEqual({ authorizationType: 'API_KEY', authParameters: API_KEY });
    expect(await resolveStoredConnection(ctx, arn.replace(/\/[^/]+$/, '/00000000-0000-4000-8000-000000000000'))).toBe(
      undefined,
    );
    expect(await resolveStoredConnection(ctx, 'arn:aws:states:us-east-1:1:stateMachine:x')).toBeUndefined();
  });
});
