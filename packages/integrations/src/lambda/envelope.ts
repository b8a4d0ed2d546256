/**
 * The result of `arn:aws:states:::lambda:invoke`: Lambda's Invoke response as Step Functions' Java SDK
 * sees it (AWS-recorded):
 * `{ExecutedVersion, [LogResult], Payload, SdkHttpMetadata: {AllHttpHeaders, HttpHeaders, HttpStatusCode},
 * SdkResponseMetadata: {RequestId}, StatusCode}`. `AllHttpHeaders` maps each header to a list and iterates in
 * Java `HashMap` order; `HttpHeaders` maps to strings in case-insensitive order (a `TreeMap`).
 */
import type { Json } from '@lockstep/asl';
import type { InvokeResult } from './invoker.js';

/** The response payload as a value: its JSON, or the text itself when it is not JSON (Lambda allows any bytes). */
export function payloadValue(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

/** Builds the `lambda:invoke` result of a successful Invoke. */
export function invokeEnvelope(result: InvokeResult, date: Date = new Date()): Json {
  const headers = responseHeaders(result, date);
  const allHttpHeaders: Record<string, Json> = {};
  for (const name of javaHashMapOrder(headers.map(([n]) => n))) {
    allHttpHeaders[name] = [headers.find(([n]) => n === name)![1]];
  }
  const httpHeaders: Record<string, Json> = {};
  for (const [name, value] of [...headers].sort(([a], [b]) => caseInsensitive(a, b))) httpHeaders[name] = value;
  return {
    ...(result.executedVersion === undefined ? {} : { ExecutedVersion: result.executedVersion }),
    ...(result.logResult === undefined ? {} : { LogResult: result.logResult }),
    Payload: payloadValue(result.payload),
    SdkHttpMetadata: { AllHttpHeaders: allHttpHeaders, HttpHeaders: httpHeaders, HttpStatusCode: result.statusCode },
    SdkResponseMetadata: { RequestId: result.requestId },
    StatusCode: result.statusCode,
  };
}

/**
 * Lambda's response headers. Their insertion order matters where two share a `HashMap` bucket
 * (`Connection`/`x-amzn-RequestId`, `Date`/`X-Amzn-Trace-Id`): this order reproduces AWS's recordings.
 */
function responseHeaders(result: InvokeResult, date: Date): [string, string][] {
  const headers: [string, string][] = [
    ['Date', date.toUTCString()],
    ['Content-Type', 'application/json'],
    ['Content-Length', String(Buffer.byteLength(result.payload))],
    ['Connection', 'keep-alive'],
    ['x-amzn-RequestId', result.requestId],
    ['x-amzn-Remapped-Content-Length', '0'],
  ];
  if (result.executedVersion !== undefined) headers.push(['X-Amz-Executed-Version', result.executedVersion]);
  if (result.logResult !== undefined) headers.push(['X-Amz-Log-Result', result.logResult]);
  headers.push(['X-Amzn-Trace-Id', traceId(date)]);
  return headers;
}

/** An X-Ray trace header: `Root=1-<epoch seconds, hex>-<96 random bits>;Sampled=0`. */
function traceId(date: Date): string {
  const epoch = Math.floor(date.getTime() / 1000)
    .toString(16)
    .padStart(8, '0');
  const random = Array.from({ length: 24 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  return `Root=1-${epoch}-${random};Sampled=0`;
}

function caseInsensitive(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The iteration order of a `java.util.HashMap` filled with `keys` in order: by bucket (the spread
 * `String.hashCode()` masked by the table size, which doubles past a 0.75 load), then insertion order.
 */
export function javaHashMapOrder(keys: readonly string[]): string[] {
  let capacity = 16;
  while (keys.length > capacity * 0.75) capacity *= 2;
  const bucketOf = (key: string) => {
    let hash = 0;
    for (let i = 0; i < key.length; i++) hash = (Math.imul(31, hash) + key.charCodeAt(i)) | 0;
    return (hash ^ (hash >>> 16)) & (capacity - 1);
  };
  return keys
    .map((key, index) => ({ key, index, bucket: bucketOf(key) }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map(({ key }) => key);
}
