/**
 * An HTTP Task's effective Parameters/Arguments, read and checked: what to call, how, and with which
 * connection. Problems are reported as AWS reports invalid Task parameters (`States.Runtime`).
 */
import type { Json } from '@lockstep/asl';
import { ARRAY_FORMATS, type ArrayFormat, scalarText } from './url-encoding.js';

/** The methods an HTTP Task may use. */
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'] as const;

/** An HTTP method an HTTP Task may use. */
export type HttpMethod = (typeof METHODS)[number];

/** The HTTP Task's request, before the connection adds its parameters and authorization. */
export interface HttpTaskCall {
  endpoint: string;
  method: HttpMethod;
  /** Header names as written, in order. */
  headers: Array<[string, string]>;
  /** Query parameters in order; an array value gives one entry per item. */
  query: Array<[string, string]>;
  /** `RequestBody`, absent when not given. */
  body?: Json;
  urlEncoded: boolean;
  arrayFormat: ArrayFormat;
  connectionArn: string;
}

/** The Task's parameters cannot be used; `message` is AWS's bracketed reason. */
export class InvalidHttpParametersError extends Error {}

/**
 * Request headers a Task may not set, as AWS's call-https-apis page lists them: the transport's own, and
 * those a proxy or AWS sets. `Authorization` comes from the connection only. (`User-Agent`, `Range` and
 * `Content-Length` are not refused: the call replaces them, as AWS sets its own.)
 */
const FORBIDDEN_HEADERS = new Set([
  'a-im',
  'accept-charset',
  'accept-datetime',
  'accept-encoding',
  'authorization',
  'cache-control',
  'connection',
  'content-encoding',
  'content-md5',
  'date',
  'expect',
  'forwarded',
  'from',
  'host',
  'http2-settings',
  'if-match',
  'if-modified-since',
  'if-none-match',
  'if-range',
  'if-unmodified-since',
  'max-forwards',
  'origin',
  'pragma',
  'proxy-authorization',
  'referer',
  'server',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
  'warning',
]);
const FORBIDDEN_HEADER_PREFIXES = ['x-forwarded-', 'x-amz-', 'x-amzn-'];

/** True when a Task may not set the header `name`. */
function isForbiddenHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return FORBIDDEN_HEADERS.has(lower) || FORBIDDEN_HEADER_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** Reads the effective input of an `http:invoke` Task; throws {@link InvalidHttpParametersError}. */
export function readHttpTaskCall(input: Json): HttpTaskCall {
  const params = asObject(input, 'Parameters');
  const endpoint = params.ApiEndpoint;
  if (typeof endpoint !== 'string' || !/^https?:\/\/[^/?#]+/i.test(endpoint))
    throw invalid("The value of the field 'ApiEndpoint' has an invalid format");
  const method = params.Method;
  if (typeof method !== 'string' || !(METHODS as readonly string[]).includes(method))
    throw invalid("The value of the field 'Method' has an invalid format");
  const connectionArn = readConnectionArn(params);
  const transform = params.Transform === undefined ? {} : asObject(params.Transform, 'Transform');
  const encoding = transform.RequestBodyEncoding ?? 'NONE';
  if (encoding !== 'NONE' && encoding !== 'URL_ENCODED')
    throw invalid("The value of the field 'RequestBodyEncoding' has an invalid format");
  const options =
    transform.RequestEncodingOptions === undefined
      ? {}
      : asObject(transform.RequestEncodingOptions, 'RequestEncodingOptions');
  const arrayFormat = options.ArrayFormat ?? 'INDICES';
  if (typeof arrayFormat !== 'string' || !(ARRAY_FORMATS as readonly string[]).includes(arrayFormat))
    throw invalid("The value of the field 'ArrayFormat' has an invalid format");
  return {
    endpoint,
    method: method as HttpMethod,
    headers: readHeaders(params.Headers),
    query: readQuery(params.QueryParameters),
    ...(params.RequestBody === undefined ? {} : { body: params.RequestBody }),
    urlEncoded: encoding === 'URL_ENCODED',
    arrayFormat: arrayFormat as ArrayFormat,
    connectionArn,
  };
}

/** Public APIs name the connection in `Authentication`, private ones in `InvocationConfig`. */
function readConnectionArn(params: { readonly [key: string]: Json }): string {
  for (const field of ['Authentication', 'InvocationConfig']) {
    const holder = params[field];
    if (holder === undefined) continue;
    const arn = asObject(holder, field).ConnectionArn;
    if (typeof arn === 'string' && arn !== '') return arn;
    throw invalid("The value of the field 'ConnectionArn' has an invalid format");
  }
  throw invalid("The field 'Authentication' is required");
}

function readHeaders(headers: Json | undefined): Array<[string, string]> {
  if (headers === undefined) return [];
  return Object.entries(asObject(headers, 'Headers')).map(([name, value]) => {
    if (isForbiddenHeader(name)) throw invalid(`The header '${name}' is not allowed`);
    // A multi-valued header is one comma-separated field (RFC 9110 §5.3).
    return [name, Array.isArray(value) ? value.map(scalarText).join(',') : scalarText(value)];
  });
}

function readQuery(query: Json | undefined): Array<[string, string]> {
  if (query === undefined) return [];
  const entries: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(asObject(query, 'QueryParameters'))) {
    if (Array.isArray(value)) for (const item of value) entries.push([key, scalarText(item)]);
    else entries.push([key, scalarText(value)]);
  }
  return entries;
}

function asObject(value: Json, field: string): { readonly [key: string]: Json } {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw invalid(`The value of the field '${field}' has an invalid format`);
  return value;
}

function invalid(reason: string): InvalidHttpParametersError {
  return new InvalidHttpParametersError(reason);
}
