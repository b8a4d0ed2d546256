/**
 * EventBridge's connection operations (CreateConnection, DescribeConnection, UpdateConnection, DeleteConnection,
 * ListConnections), served under `X-Amz-Target: AWSEvents.<Operation>` so that `aws events create-connection` and the
 * EventBridge SDKs can declare the connections HTTP Tasks authorize with.
 *
 * From EventBridge's model (botocore `events/2015-10-07`): the members, their constraints, the response shapes
 * (Describe returns the `AuthParameters` without `Password`, `ApiKeyValue` and `ClientSecret`, plus a `SecretArn`).
 * Recorded by LocalStack's AWS-validated snapshots: `Connection <name> already exists.`, `Failed to describe the
 * connection(s). Connection '<name>' does not exist.`, the constraint messages naming camelCase members (`'name'`,
 * `'authorizationType'`), OAuth connections starting `AUTHORIZING` (the others `AUTHORIZED`), a deleted connection
 * answered as `DELETING`. Inferred: a Describe leaves out the values of `IsValueSecret` parameters; the `SecretArn`'s
 * id (AWS's secret has its own; here it is derived from the connection's ARN, so it is stable); the messages of a
 * missing or mismatched parameters structure and of a bad `NextToken`; `Limit` defaulting to 100.
 */
import { createHash } from 'node:crypto';
import { uuid } from '@lockstep/engine';
import type { ConnectionRecord, ConnectionState } from '../store/records.js';
import type { Operation, ServiceContext } from './context.js';
import { validationError } from './errors.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import { RequestReader } from './request.js';
import { ServiceError } from './service-error.js';
import { compact, epochSeconds, optionalEpochSeconds } from './wire.js';

/** EventBridge's authorization types, in the model's order (the order of its enum messages). */
const AUTHORIZATION_TYPES = ['BASIC', 'OAUTH_CLIENT_CREDENTIALS', 'API_KEY'] as const;
type AuthorizationType = (typeof AUTHORIZATION_TYPES)[number];

/** The parameters structure each authorization type needs. */
const PARAMETERS_OF: Record<AuthorizationType, string> = {
  BASIC: 'BasicAuthParameters',
  OAUTH_CLIENT_CREDENTIALS: 'OAuthParameters',
  API_KEY: 'ApiKeyAuthParameters',
};

const CONNECTION_STATES: readonly ConnectionState[] = [
  'CREATING',
  'UPDATING',
  'DELETING',
  'AUTHORIZED',
  'DEAUTHORIZED',
  'AUTHORIZING',
  'DEAUTHORIZING',
  'ACTIVE',
  'FAILED_CONNECTIVITY',
];

const NAME = { min: 1, max: 64, pattern: /^[.\-_A-Za-z0-9]+$/, patternText: '[\\.\\-_A-Za-z0-9]+' };
const AUTH_HEADER = { min: 1, max: 512 };
const SECRET_HEADER = { min: 1, max: 512, sensitive: true };
const DEFAULT_LIMIT = 100;

/** A connection as HTTP Tasks use it: EventBridge's CreateConnection shape, secrets included. */
export interface StoredConnection {
  authorizationType: AuthorizationType;
  authParameters: Record<string, unknown>;
}

/** The connection operations, keyed by AWS operation name. */
export function connectionOperations(ctx: ServiceContext): Record<string, Operation> {
  return {
    CreateConnection: (request) => createConnection(ctx, request),
    DescribeConnection: (request) => describeConnection(ctx, request),
    UpdateConnection: (request) => updateConnection(ctx, request),
    DeleteConnection: (request) => deleteConnection(ctx, request),
    ListConnections: (request) => listConnections(ctx, request),
  };
}

/**
 * The stored connection `connectionArn` names, for HTTP Tasks; undefined when there is none with that name, or
 * the connection of that name is another one (deleted and created again: a new ARN).
 */
export async function resolveStoredConnection(
  ctx: Pick<ServiceContext, 'store'>,
  connectionArn: string,
): Promise<StoredConnection | undefined> {
  const name = /^arn:[^:]+:events:[^:]*:[^:]*:connection\/([^/]+)\/[^/]+$/.exec(connectionArn)?.[1];
  const record = name === undefined ? undefined : await ctx.store.getConnection(name);
  if (!record || record.connectionArn !== connectionArn) return undefined;
  return {
    authorizationType: record.authorizationType as AuthorizationType,
    authParameters: JSON.parse(record.authParameters),
  };
}

async function createConnection(ctx: ServiceContext, request: Record<string, unknown>) {
  const { r, violations } = reader(request);
  const name = readName(r, violations);
  const description = r.string('description', { max: 512 });
  const authorizationType = r.enumeration('authorizationType', AUTHORIZATION_TYPES, true);
  const auth = requiredStructure(r, 'authParameters');
  const authParameters = auth && readAuthParameters(auth, true);
  readConnectivity(r);
  r.string('kmsKeyIdentifier', { max: 2048 });
  r.done();
  const type = authorizationType as AuthorizationType;
  assertParametersOfType(type, authParameters ?? {});
  const now = ctx.clock();
  const record: ConnectionRecord = {
    connectionArn: `arn:aws:events:${ctx.region}:${ctx.accountId}:connection/${name}/${uuid(ctx.random)}`,
    name,
    authorizationType: type,
    authParameters: JSON.stringify(authParameters),
    ...(description !== undefined && { description }),
    // Tokens are fetched when a Task first uses the connection, so it is usable at once.
    connectionState: 'AUTHORIZED',
    creationTime: now,
    lastModifiedTime: now,
    lastAuthorizedTime: now,
  };
  if (!(await ctx.store.insertConnection(record))) {
    throw new ServiceError('ResourceAlreadyExistsException', `Connection ${name} already exists.`);
  }
  return {
    ConnectionArn: record.connectionArn,
    // AWS answers while it fetches the first token.
    ConnectionState: type === 'OAUTH_CLIENT_CREDENTIALS' ? 'AUTHORIZING' : record.connectionState,
    CreationTime: epochSeconds(now),
    LastModifiedTime: epochSeconds(now),
  };
}

async function describeConnection(ctx: ServiceContext, request: Record<string, unknown>) {
  const record = await existing(ctx, request);
  const secretId = createHash('sha256').update(record.connectionArn).digest('hex');
  const secretUuid = `${secretId.slice(0, 8)}-${secretId.slice(8, 12)}-${secretId.slice(12, 16)}-${secretId.slice(16, 20)}-${secretId.slice(20, 32)}`;
  return compact({
    ConnectionArn: record.connectionArn,
    Name: record.name,
    Description: record.description,
    ConnectionState: record.connectionState,
    AuthorizationType: record.authorizationType,
    SecretArn: `arn:aws:secretsmanager:${ctx.region}:${ctx.accountId}:secret:events!connection/${record.name}/${secretUuid}-${secretId.slice(32, 38)}`,
    AuthParameters: publicParameters(JSON.parse(record.authParameters)),
    CreationTime: epochSeconds(record.creationTime),
    LastModifiedTime: epochSeconds(record.lastModifiedTime),
    LastAuthorizedTime: optionalEpochSeconds(record.lastAuthorizedTime),
  });
}

async function updateConnection(ctx: ServiceContext, request: Record<string, unknown>) {
  const { r, violations } = reader(request);
  const name = readName(r, violations);
  const description = r.string('description', { max: 512 });
  const authorizationType = r.enumeration('authorizationType', AUTHORIZATION_TYPES);
  const auth = r.structure('authParameters');
  const changes = auth && readAuthParameters(auth, false);
  readConnectivity(r);
  r.string('kmsKeyIdentifier', { max: 2048 });
  r.done();
  const record = await ctx.store.getConnection(name);
  if (!record) throw connectionNotFound(name);
  const type = authorizationType ?? (record.authorizationType as AuthorizationType);
  const stored = JSON.parse(record.authParameters) as Record<string, unknown>;
  // A new type starts from no parameters: those of the old type do not apply to it.
  const base = type === record.authorizationType ? stored : {};
  const authParameters = changes ? mergeParameters(base, changes) : base;
  assertParametersOfType(type, authParameters);
  const now = ctx.clock();
  const updated: ConnectionRecord = {
    ...record,
    authorizationType: type,
    authParameters: JSON.stringify(authParameters),
    ...(description !== undefined && { description }),
    connectionState: 'AUTHORIZED',
    lastModifiedTime: now,
    ...(changes !== undefined && { lastAuthorizedTime: now }),
  };
  if (!(await ctx.store.updateConnection(updated))) throw connectionNotFound(name);
  return stateResponse(updated);
}

async function deleteConnection(ctx: ServiceContext, request: Record<string, unknown>) {
  const record = await existing(ctx, request);
  await ctx.store.deleteConnection(record.name);
  return stateResponse({ ...record, connectionState: 'DELETING', lastModifiedTime: ctx.clock() });
}

async function listConnections(ctx: ServiceContext, request: Record<string, unknown>) {
  const { r, violations } = reader(request);
  const namePrefix = readName(r, violations, 'namePrefix');
  const connectionState = r.enumeration('connectionState', CONNECTION_STATES);
  const token = r.string('nextToken', { min: 1, max: 2048 });
  const limit = r.integer('limit', { min: 1, max: 100 }) ?? DEFAULT_LIMIT;
  r.done();
  const scope = `ListConnections ${namePrefix ?? ''} ${connectionState ?? ''}`;
  const now = ctx.clock();
  let after: string | undefined;
  try {
    after = decodePageToken(token, scope, now);
  } catch {
    throw validationError('The NextToken provided is invalid.');
  }
  const page = await ctx.store.listConnections({ limit, after, namePrefix, connectionState });
  return compact({
    Connections: page.items.map((c) =>
      compact({
        ConnectionArn: c.connectionArn,
        Name: c.name,
        ConnectionState: c.connectionState,
        AuthorizationType: c.authorizationType,
        CreationTime: epochSeconds(c.creationTime),
        LastModifiedTime: epochSeconds(c.lastModifiedTime),
        LastAuthorizedTime: optionalEpochSeconds(c.lastAuthorizedTime),
      }),
    ),
    NextToken: encodePageToken(page.next, scope, now),
  });
}

/** The connection a `{Name}` request names; throws `ResourceNotFoundException` when there is none. */
async function existing(ctx: ServiceContext, request: Record<string, unknown>): Promise<ConnectionRecord> {
  const { r, violations } = reader(request);
  const name = readName(r, violations);
  r.done();
  const record = await ctx.store.getConnection(name);
  if (!record) throw connectionNotFound(name);
  return record;
}

function connectionNotFound(name: string): ServiceError {
  return new ServiceError(
    'ResourceNotFoundException',
    `Failed to describe the connection(s). Connection '${name}' does not exist.`,
  );
}

/** What Update and Delete answer: the connection's state and times. */
function stateResponse(record: ConnectionRecord): Record<string, unknown> {
  return compact({
    ConnectionArn: record.connectionArn,
    ConnectionState: record.connectionState,
    CreationTime: epochSeconds(record.creationTime),
    LastModifiedTime: epochSeconds(record.lastModifiedTime),
    LastAuthorizedTime: optionalEpochSeconds(record.lastAuthorizedTime),
  });
}

/**
 * A reader over the request with camelCase member names: EventBridge's request validation names members that way
 * (`Value 'a b' at 'name' failed to satisfy constraint: ...`) although the wire uses PascalCase. The violations are
 * at hand, for the pattern constraints the reader does not check.
 */
function reader(request: Record<string, unknown>): { r: RequestReader; violations: string[] } {
  const violations: string[] = [];
  return { r: new RequestReader(camelCaseKeys(request) as Record<string, unknown>, '', violations), violations };
}

function camelCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelCaseKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) out[key[0].toLowerCase() + key.slice(1)] = camelCaseKeys(member);
  return out;
}

/** A connection name (required unless it is the `namePrefix` of a listing), with its pattern checked. */
function readName(r: RequestReader, violations: string[], member = 'name'): string {
  const name = r.string(member, NAME, member === 'name');
  if (name && !NAME.pattern.test(name)) {
    violations.push(
      `Value '${name}' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${NAME.patternText}`,
    );
  }
  return name as string;
}

/** A required structure member: its reader, or undefined with the `must not be null` violation recorded. */
function requiredStructure(r: RequestReader, member: string): RequestReader | undefined {
  const structure = r.structure(member);
  if (!structure) r.requiredString(member);
  return structure;
}

/** Connectivity parameters (private APIs through VPC Lattice): checked, not used locally. */
function readConnectivity(r: RequestReader, member = 'invocationConnectivityParameters'): void {
  const resource = r.structure(member);
  const parameters = resource && requiredStructure(resource, 'resourceParameters');
  parameters?.requiredString('resourceConfigurationArn', { min: 0, max: 2048 });
}

/**
 * `AuthParameters` in CreateConnection's PascalCase shape, from the camelCase reader; `required` applies the
 * Create shapes' required members (Update's are all optional).
 */
function readAuthParameters(auth: RequestReader, required: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const basic = auth.structure('basicAuthParameters');
  if (basic) {
    out.BasicAuthParameters = compact({
      Username: basic.string('username', AUTH_HEADER, required),
      Password: basic.string('password', SECRET_HEADER, required),
    });
  }
  const apiKey = auth.structure('apiKeyAuthParameters');
  if (apiKey) {
    out.ApiKeyAuthParameters = compact({
      ApiKeyName: apiKey.string('apiKeyName', AUTH_HEADER, required),
      ApiKeyValue: apiKey.string('apiKeyValue', SECRET_HEADER, required),
    });
  }
  const oauth = auth.structure('oAuthParameters');
  if (oauth) {
    const client = required ? requiredStructure(oauth, 'clientParameters') : oauth.structure('clientParameters');
    out.OAuthParameters = compact({
      ClientParameters:
        client &&
        compact({
          ClientID: client.string('clientID', AUTH_HEADER, required),
          ClientSecret: client.string('clientSecret', SECRET_HEADER, required),
        }),
      AuthorizationEndpoint: oauth.string('authorizationEndpoint', { min: 1, max: 2048 }, required),
      HttpMethod: oauth.enumeration('httpMethod', ['GET', 'POST', 'PUT'], required),
      OAuthHttpParameters: readHttpParameters(oauth.structure('oAuthHttpParameters')),
    });
  }
  const invocation = readHttpParameters(auth.structure('invocationHttpParameters'));
  if (invocation) out.InvocationHttpParameters = invocation;
  readConnectivity(auth, 'connectivityParameters');
  return out;
}

function readHttpParameters(params: RequestReader | undefined): Record<string, unknown> | undefined {
  if (!params) return undefined;
  const list = (member: string) =>
    params.structureList(member)?.map((p) =>
      compact({
        Key: p.string('key', { max: 512 }),
        Value: p.string('value', { max: 512, sensitive: true }),
        IsValueSecret: p.boolean('isValueSecret'),
      }),
    );
  return compact({
    HeaderParameters: list('headerParameters'),
    QueryStringParameters: list('queryStringParameters'),
    BodyParameters: list('bodyParameters'),
  });
}

/** The connection needs the parameters of its type (message inferred: AWS's is not recorded). */
function assertParametersOfType(type: AuthorizationType, authParameters: Record<string, unknown>): void {
  const needed = PARAMETERS_OF[type];
  if (authParameters[needed] === undefined) {
    throw validationError(`${needed} is required when AuthorizationType is ${type}.`);
  }
}

/** Update's partial parameters over the stored ones: each auth structure member by member, HTTP parameters whole. */
function mergeParameters(stored: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(changes)) {
    const before = stored[key] as Record<string, unknown> | undefined;
    merged[key] = key === 'InvocationHttpParameters' || !before ? value : mergeStructure(before, value);
  }
  return merged;
}

function mergeStructure(before: Record<string, unknown>, after: unknown): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...before };
  for (const [key, value] of Object.entries(after as Record<string, unknown>)) {
    merged[key] =
      key === 'ClientParameters' && before[key] ? { ...(before[key] as object), ...(value as object) } : value;
  }
  return merged;
}

/** The parameters DescribeConnection shows: no password, API key value, client secret or secret parameter value. */
function publicParameters(params: Record<string, unknown>): Record<string, unknown> {
  const {
    BasicAuthParameters: basic,
    ApiKeyAuthParameters: apiKey,
    OAuthParameters: oauth,
  } = params as Record<string, Record<string, unknown> | undefined>;
  const client = oauth?.ClientParameters as Record<string, unknown> | undefined;
  return compact({
    BasicAuthParameters: basic && { Username: basic.Username },
    ApiKeyAuthParameters: apiKey && { ApiKeyName: apiKey.ApiKeyName },
    OAuthParameters:
      oauth &&
      compact({
        ClientParameters: client && { ClientID: client.ClientID },
        AuthorizationEndpoint: oauth.AuthorizationEndpoint,
        HttpMethod: oauth.HttpMethod,
        OAuthHttpParameters: publicHttpParameters(oauth.OAuthHttpParameters),
      }),
    InvocationHttpParameters: publicHttpParameters(params.InvocationHttpParameters),
  });
}

function publicHttpParameters(params: unknown): Record<string, unknown> | undefined {
  if (!params) return undefined;
  const hide = (list: unknown) =>
    (list as Record<string, unknown>[] | undefined)?.map(({ Value, ...rest }) =>
      rest.IsValueSecret ? rest : { ...rest, Value },
    );
  const p = params as Record<string, unknown>;
  return compact({
    HeaderParameters: hide(p.HeaderParameters),
    QueryStringParameters: hide(p.QueryStringParameters),
    BodyParameters: hide(p.BodyParameters),
  });
}
