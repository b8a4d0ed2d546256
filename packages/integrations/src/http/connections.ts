/**
 * EventBridge connections as an HTTP Task uses them: the authorization header of the connection's type (API
 * key, basic, OAuth client credentials with its access token cached until it expires) and its invocation
 * parameters. Nothing here puts a secret in an error message.
 */
import type { ConnectionConfig, ConnectionHttpParameters, ConnectionParameter, HttpTaskConfig } from './config.js';
import { exchange } from './transport.js';
import { withQuery } from './url-encoding.js';

/** What a connection adds to a request. */
export interface ConnectionRequestParts {
  headers: Array<[string, string]>;
  query: Array<[string, string]>;
  body: Array<[string, string]>;
}

/** The connection named by the Task is not declared. */
export class ConnectionNotFoundError extends Error {}

/** The connection could not authorize (the OAuth token request failed); the message holds no secret. */
export class ConnectionAuthorizationError extends Error {}

/** A token is refreshed this long before it expires, so that it does not expire on its way to the API. */
const EXPIRY_MARGIN_MS = 30_000;

interface CachedToken {
  token: Promise<string>;
  /** Epoch ms; `Infinity` when the endpoint gave no `expires_in` (a 401 still refreshes it). */
  expiresAt: number;
}

/** The declared connections, with their OAuth tokens. */
export class Connections {
  readonly #connections: ReadonlyMap<string, ConnectionConfig>;
  readonly #tokens = new Map<string, CachedToken>();
  readonly #timeoutMs: number;
  readonly #resolve: HttpTaskConfig['resolveConnection'];

  /**
   * Checks every connection has the parameters of its type; throws naming the ARN (never a value). `resolve` is
   * asked for the connections not declared.
   */
  constructor(
    connections: Record<string, ConnectionConfig>,
    timeoutMs: number,
    resolve?: HttpTaskConfig['resolveConnection'],
  ) {
    for (const [arn, connection] of Object.entries(connections)) checkConnection(arn, connection);
    this.#connections = new Map(Object.entries(connections));
    this.#timeoutMs = timeoutMs;
    this.#resolve = resolve;
  }

  /** True when the connection authorizes with a token a 401 may have invalidated. */
  async usesToken(arn: string): Promise<boolean> {
    return (await this.#lookup(arn))?.authorizationType === 'OAUTH_CLIENT_CREDENTIALS';
  }

  /** A declared connection, else a resolved one (checked like the declared ones). */
  async #lookup(arn: string): Promise<ConnectionConfig | undefined> {
    const declared = this.#connections.get(arn);
    if (declared || !this.#resolve) return declared;
    const resolved = await this.#resolve(arn);
    if (resolved) checkConnection(arn, resolved);
    return resolved;
  }

  /** The connection's additions to a request; `refreshToken` discards a cached OAuth token first. */
  async requestParts(arn: string, refreshToken = false): Promise<ConnectionRequestParts> {
    const connection = await this.#lookup(arn);
    if (!connection) throw new ConnectionNotFoundError(arn);
    const params = connection.authParameters;
    const invocation = params.InvocationHttpParameters;
    const parts: ConnectionRequestParts = {
      headers: pairs(invocation?.HeaderParameters),
      query: pairs(invocation?.QueryStringParameters),
      body: pairs(invocation?.BodyParameters),
    };
    parts.headers.push(await this.#authorization(arn, connection, refreshToken));
    return parts;
  }

  async #authorization(arn: string, connection: ConnectionConfig, refresh: boolean): Promise<[string, string]> {
    const params = connection.authParameters;
    if (connection.authorizationType === 'API_KEY' && params.ApiKeyAuthParameters) {
      return [params.ApiKeyAuthParameters.ApiKeyName, params.ApiKeyAuthParameters.ApiKeyValue];
    }
    if (connection.authorizationType === 'BASIC' && params.BasicAuthParameters) {
      const { Username, Password } = params.BasicAuthParameters;
      return ['Authorization', `Basic ${Buffer.from(`${Username}:${Password}`).toString('base64')}`];
    }
    return ['Authorization', `Bearer ${await this.#token(arn, connection, refresh)}`];
  }

  #token(arn: string, connection: ConnectionConfig, refresh: boolean): Promise<string> {
    const cached = this.#tokens.get(arn);
    if (cached && !refresh && Date.now() < cached.expiresAt) return cached.token;
    // One request per refresh, shared by the calls waiting for it.
    const entry: CachedToken = { token: Promise.resolve(''), expiresAt: Number.POSITIVE_INFINITY };
    entry.token = this.#requestToken(connection).then(
      ({ token, expiresInSeconds }) => {
        entry.expiresAt =
          expiresInSeconds === undefined
            ? Number.POSITIVE_INFINITY
            : Date.now() + expiresInSeconds * 1000 - EXPIRY_MARGIN_MS;
        return token;
      },
      (e: unknown) => {
        // A failed request is not cached: the next call asks again.
        if (this.#tokens.get(arn) === entry) this.#tokens.delete(arn);
        throw e;
      },
    );
    this.#tokens.set(arn, entry);
    return entry.token;
  }

  async #requestToken(connection: ConnectionConfig): Promise<{ token: string; expiresInSeconds?: number }> {
    const oauth = connection.authParameters.OAuthParameters;
    if (!oauth) throw new ConnectionAuthorizationError('The connection has no OAuth parameters.');
    const { ClientID, ClientSecret } = oauth.ClientParameters;
    const extra: ConnectionHttpParameters = oauth.OAuthHttpParameters ?? {};
    const form = [['grant_type', 'client_credentials'] as [string, string], ...pairs(extra.BodyParameters)];
    // A body parameter overrides the default grant type.
    const fields = new Map(form);
    const body = [...fields].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
    const inQuery = oauth.HttpMethod === 'GET';
    const query = [...pairs(extra.QueryStringParameters), ...(inQuery ? [...fields] : [])];
    const pending = exchange({
      url: withQuery(oauth.AuthorizationEndpoint, query),
      method: oauth.HttpMethod,
      headers: [
        ['Authorization', `Basic ${Buffer.from(`${ClientID}:${ClientSecret}`).toString('base64')}`],
        ['Accept', 'application/json'],
        ...(inQuery ? [] : [['Content-Type', 'application/x-www-form-urlencoded'] as [string, string]]),
        ...pairs(extra.HeaderParameters),
      ],
      ...(inQuery ? {} : { body }),
      timeoutMs: this.#timeoutMs,
    });
    let response: Awaited<typeof pending.response>;
    try {
      response = await pending.response;
    } catch {
      throw new ConnectionAuthorizationError('The OAuth authorization endpoint could not be reached.');
    }
    if (response.statusCode < 200 || response.statusCode > 299) {
      throw new ConnectionAuthorizationError(
        `The OAuth authorization endpoint answered with status code ${response.statusCode}.`,
      );
    }
    const document = parseTokenDocument(response.body);
    if (!document) throw new ConnectionAuthorizationError('The OAuth authorization endpoint returned no access_token.');
    return document;
  }
}

function parseTokenDocument(text: string): { token: string; expiresInSeconds?: number } | undefined {
  try {
    const parsed = JSON.parse(text) as { access_token?: unknown; expires_in?: unknown };
    if (typeof parsed.access_token !== 'string' || parsed.access_token === '') return undefined;
    const expiresIn = Number(parsed.expires_in);
    return {
      token: parsed.access_token,
      ...(parsed.expires_in === undefined || !Number.isFinite(expiresIn) ? {} : { expiresInSeconds: expiresIn }),
    };
  } catch {
    return undefined;
  }
}

function pairs(parameters: ConnectionParameter[] | undefined): Array<[string, string]> {
  return (parameters ?? []).map((p) => [p.Key, p.Value]);
}

function checkConnection(arn: string, connection: ConnectionConfig): void {
  const needed = {
    API_KEY: 'ApiKeyAuthParameters',
    BASIC: 'BasicAuthParameters',
    OAUTH_CLIENT_CREDENTIALS: 'OAuthParameters',
  } as const;
  const field = needed[connection.authorizationType];
  if (!field) throw new Error(`Connection ${arn}: unknown authorizationType ${String(connection.authorizationType)}`);
  if (!connection.authParameters?.[field])
    throw new Error(
      `Connection ${arn}: authorizationType ${connection.authorizationType} needs authParameters.${field}`,
    );
}
