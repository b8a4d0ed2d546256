/**
 * The HTTP Task integration (`arn:aws:states:::http:invoke`, request-response and `.waitForTaskToken`): calls
 * an HTTP API with the authorization of an EventBridge connection declared in the configuration, and answers
 * `{Headers, ResponseBody, StatusCode, StatusText}` or AWS's `States.Http.*` errors.
 */
import { ErrorName, type Json } from '@lockstep/asl';
import type { Integration, IntegrationCallbacks, IntegrationRequest, TaskResource } from '@lockstep/engine';
import type { HttpTaskConfig } from './config.js';
import { ConnectionAuthorizationError, ConnectionNotFoundError, Connections } from './connections.js';
import { type BuiltRequest, buildRequest } from './http-request.js';
import { InvalidHttpParametersError, readHttpTaskCall } from './task-parameters.js';
import { exchange, HttpTimeoutError, type PendingExchange, type ReceivedResponse } from './transport.js';

/** AWS's HTTP Task error names. */
export const HttpErrorName = {
  /** Followed by `.<status code>` for a non-2xx answer. */
  StatusCodePrefix: 'States.Http.StatusCode.',
  Socket: 'States.Http.Socket',
  ConnectionNotFound: 'Events.ConnectionResource.ResourceNotFound',
  ConnectionInvalid: 'Events.ConnectionResource.InvalidConnectionState',
} as const;

const DEFAULT_TIMEOUT_SECONDS = 60;

/**
 * Creates the HTTP Task integration.
 *
 * @example
 * const http = httpIntegration({
 *   connections: { [arn]: { authorizationType: 'API_KEY', authParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: key } } } },
 * });
 * await runExecution({ definition, input, integrations: [http] });
 */
export function httpIntegration(config: HttpTaskConfig = {}): Integration {
  const timeoutMs = (config.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  const connections = new Connections(config.connections ?? {}, timeoutMs, config.resolveConnection);
  const fallbackRegion = config.region ?? 'us-east-1';

  return {
    patterns: ['request-response', 'waitForTaskToken'],
    handles: isHttpInvoke,
    invoke(request: IntegrationRequest, callbacks: IntegrationCallbacks): () => void {
      let cancelled = false;
      let pending: PendingExchange | undefined;
      const send = async (refreshToken: boolean): Promise<ReceivedResponse> => {
        const call = readHttpTaskCall(request.input);
        const parts = await connections.requestParts(call.connectionArn, refreshToken);
        if (cancelled) throw new CancelledError();
        const region = regionOf(request.context, fallbackRegion);
        const built = buildRequest(call, parts, region);
        pending = exchange({ ...built, timeoutMs });
        const trace = request.httpTrace;
        // Unless secrets are revealed, the reported request is the Task's own, without what the connection adds.
        const shown = trace && (trace.revealSecrets ? built : buildRequest(call, NO_CONNECTION, region));
        let response: ReceivedResponse;
        try {
          response = await pending.response;
        } catch (e) {
          if (shown) trace.record({ request: tracedRequest(shown) });
          throw e;
        }
        if (shown) trace.record({ request: tracedRequest(shown), response: tracedResponse(response) });
        // An expired or revoked token: AWS refreshes it and tries once more.
        if (response.statusCode === 401 && !refreshToken && (await connections.usesToken(call.connectionArn)))
          return send(true);
        return response;
      };
      send(false).then(
        (response) => {
          if (cancelled) return;
          const output = taskOutput(response);
          if (response.statusCode < 200 || response.statusCode > 299) {
            callbacks.fail(`${HttpErrorName.StatusCodePrefix}${response.statusCode}`, JSON.stringify(output));
          } else if (request.resourceInfo.pattern === 'waitForTaskToken') {
            // The call is answered; the task's outcome comes with its token.
            callbacks.submitted(output);
          } else callbacks.succeed(output);
        },
        (e: unknown) => {
          if (cancelled || e instanceof CancelledError) return;
          const [error, cause] = failureOf(e, request.input);
          callbacks.fail(error, cause);
        },
      );
      return () => {
        cancelled = true;
        pending?.cancel();
      };
    },
  };
}

class CancelledError extends Error {}

/** What TestState's TRACE records (the engine's `HttpExchange`). */
type HttpExchange = Parameters<NonNullable<IntegrationRequest['httpTrace']>['record']>[0];

/** A request's parts with no connection: what TestState shows of a request when secrets are not revealed. */
const NO_CONNECTION = { headers: [], query: [], body: [] };

/** Node's HTTP client speaks HTTP/1.1. */
const REQUEST_PROTOCOL = 'HTTP/1.1';

function tracedRequest(built: BuiltRequest): HttpExchange['request'] {
  const { url, method, headers, body } = built;
  return { protocol: REQUEST_PROTOCOL, method, url, headers, ...(body === undefined ? {} : { body }) };
}

function tracedResponse(response: ReceivedResponse): NonNullable<HttpExchange['response']> {
  return {
    protocol: `HTTP/${response.httpVersion}`,
    statusCode: response.statusCode,
    statusMessage: response.statusText,
    headers: response.headers,
    body: response.body,
  };
}

function isHttpInvoke(resource: TaskResource): boolean {
  return (
    resource.kind === 'service' && resource.resourceType === 'http' && resource.resource.split('.')[0] === 'invoke'
  );
}

/** AWS's output: header values as arrays, a JSON body parsed, any other body as text. */
function taskOutput(response: ReceivedResponse): Json {
  return {
    Headers: response.headers,
    ResponseBody: responseBody(response),
    StatusCode: response.statusCode,
    StatusText: response.statusText,
  };
}

function responseBody(response: ReceivedResponse): Json {
  const contentType = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1][0];
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) {
    try {
      return JSON.parse(response.body) as Json;
    } catch {
      // A body that is not the JSON it claims is answered as text, as any other body.
    }
  }
  return response.body;
}

/** The error and cause of a call that got no usable answer. Causes name no connection value. */
function failureOf(e: unknown, input: Json): [string, string] {
  if (e instanceof InvalidHttpParametersError) {
    return [
      ErrorName.Runtime,
      `The Parameters '${JSON.stringify(input)}' could not be used to start the Task: [${e.message}]`,
    ];
  }
  if (e instanceof ConnectionNotFoundError) {
    const name = e.message.split('/')[1] ?? e.message;
    return [
      HttpErrorName.ConnectionNotFound,
      `Failed to describe the connection(s). Connection '${name}' does not exist.`,
    ];
  }
  if (e instanceof ConnectionAuthorizationError) return [HttpErrorName.ConnectionInvalid, e.message];
  if (e instanceof HttpTimeoutError) return [HttpErrorName.Socket, 'The HTTP request timed out.'];
  return [HttpErrorName.Socket, `The HTTP request failed: ${e instanceof Error ? e.message : String(e)}`];
}

/** The state machine's region, from its ARN in the context object. */
function regionOf(context: Json, fallback: string): string {
  const id = (context as { StateMachine?: { Id?: unknown } } | null)?.StateMachine?.Id;
  const region = typeof id === 'string' ? id.split(':')[3] : undefined;
  return region || fallback;
}
