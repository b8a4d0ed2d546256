/**
 * The configuration of the HTTP Task integration: the EventBridge connections a Task may name in
 * `Authentication.ConnectionArn`, declared in the shape of EventBridge's `CreateConnection` request so that a
 * connection created through that API can be stored as is.
 */

/** One header, query-string or body parameter of a connection (EventBridge's `ConnectionHttpParameters` items). */
export interface ConnectionParameter {
  Key: string;
  Value: string;
  /** EventBridge hides secret values from `DescribeConnection`; here every connection value is kept out of outputs. */
  IsValueSecret?: boolean;
}

/** Parameters a connection adds to a request (EventBridge's `ConnectionHttpParameters`). */
export interface ConnectionHttpParameters {
  HeaderParameters?: ConnectionParameter[];
  QueryStringParameters?: ConnectionParameter[];
  BodyParameters?: ConnectionParameter[];
}

/** EventBridge's `CreateConnectionAuthRequestParameters`: the parameters of the connection's authorization type. */
export interface ConnectionAuthParameters {
  /** For `API_KEY`: the header sent with every request. */
  ApiKeyAuthParameters?: { ApiKeyName: string; ApiKeyValue: string };
  /** For `BASIC`: sent as `Authorization: Basic base64(Username:Password)`. */
  BasicAuthParameters?: { Username: string; Password: string };
  /** For `OAUTH_CLIENT_CREDENTIALS`: where and how the access token is obtained. */
  OAuthParameters?: {
    /** The token endpoint. */
    AuthorizationEndpoint: string;
    HttpMethod: 'GET' | 'POST' | 'PUT';
    ClientParameters: { ClientID: string; ClientSecret: string };
    /** Extra parameters of the token request (e.g. `scope`, `audience`). */
    OAuthHttpParameters?: ConnectionHttpParameters;
  };
  /** Merged into every request the connection authorizes. */
  InvocationHttpParameters?: ConnectionHttpParameters;
}

/** EventBridge's connection authorization types. */
export type ConnectionAuthorizationType = 'API_KEY' | 'BASIC' | 'OAUTH_CLIENT_CREDENTIALS';

/** One EventBridge connection. */
export interface ConnectionConfig {
  authorizationType: ConnectionAuthorizationType;
  authParameters: ConnectionAuthParameters;
}

/** The configuration of {@link httpIntegration}. */
export interface HttpTaskConfig {
  /** Connections by ARN (`arn:aws:events:<region>:<account>:connection/<name>/<id>`). */
  connections?: Record<string, ConnectionConfig>;
  /**
   * Asked for a connection not in `connections` (e.g. one created with EventBridge's CreateConnection and stored by
   * the service), on every call: undefined when there is none.
   */
  resolveConnection?: (connectionArn: string) => Promise<ConnectionConfig | undefined>;
  /** The region in `User-Agent` when the state machine's ARN gives none. @default 'us-east-1' */
  region?: string;
  /** AWS abandons a call after 60 s (`States.Http.Socket`); tests shorten it. @default 60 */
  timeoutSeconds?: number;
}
