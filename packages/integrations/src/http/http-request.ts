/**
 * The request an HTTP Task sends: the Task's own parts merged with its connection's (the connection's value
 * wins for a name both give), the body encoded, and the headers AWS adds.
 */
import type { Json } from '@lockstep/asl';
import type { ConnectionRequestParts } from './connections.js';
import type { HttpTaskCall } from './task-parameters.js';
import { formEncode, withQuery } from './url-encoding.js';

/** The request, ready for {@link exchange}. */
export interface BuiltRequest {
  url: string;
  method: string;
  headers: Array<[string, string]>;
  body?: string;
}

/** AWS asks for at most the first 256 KiB of a response. */
const RANGE = 'bytes=0-262144';

/** Builds the request of `call` authorized by `connection`; `region` goes in AWS's `User-Agent`. */
export function buildRequest(call: HttpTaskCall, connection: ConnectionRequestParts, region: string): BuiltRequest {
  const body = encodeBody(call, connection.body);
  const headers = mergeByName(call.headers, connection.headers, (name) => name.toLowerCase());
  if (body && !headers.some(([name]) => name.toLowerCase() === 'content-type')) {
    headers.push(['Content-Type', body.contentType]);
  }
  headers.push(['User-Agent', `Amazon|StepFunctions|HttpInvoke|${region}`], ['Range', RANGE]);
  return {
    url: withQuery(
      call.endpoint,
      mergeByName(call.query, connection.query, (key) => key),
    ),
    method: call.method,
    headers,
    ...(body ? { body: body.text } : {}),
  };
}

/** `base` without the names `overrides` gives, then `overrides`. */
function mergeByName(
  base: ReadonlyArray<[string, string]>,
  overrides: ReadonlyArray<[string, string]>,
  key: (name: string) => string,
): Array<[string, string]> {
  const overridden = new Set(overrides.map(([name]) => key(name)));
  return [...base.filter(([name]) => !overridden.has(key(name))), ...overrides];
}

function encodeBody(
  call: HttpTaskCall,
  connectionBody: ReadonlyArray<[string, string]>,
): { text: string; contentType: string } | undefined {
  let body: Json | undefined = call.body;
  if (connectionBody.length > 0 && (body === undefined || isObject(body))) {
    body = { ...(body ?? {}), ...Object.fromEntries(connectionBody) };
  }
  if (body === undefined) return undefined;
  if (typeof body === 'string') return { text: body, contentType: 'text/plain; charset=UTF-8' };
  if (call.urlEncoded && isObject(body)) {
    return { text: formEncode(body, call.arrayFormat), contentType: 'application/x-www-form-urlencoded' };
  }
  return { text: JSON.stringify(body), contentType: 'application/json; charset=UTF-8' };
}

function isObject(value: Json): value is { readonly [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
