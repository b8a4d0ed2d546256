/**
 * The result of `arn:aws:states:::lambda:invoke`: Lambda's Invoke response as Step Functions' Java SDK
 * sees it (AWS-recorded):
 * `{ExecutedVersion, [LogResult], Payload, SdkHttpMetadata: {AllHttpHeaders, HttpHeaders, HttpStatusCode},
 * SdkResponseMetadata: {RequestId}, StatusCode}`, the metadata as `../sdk-metadata.ts` builds it.
 */
import type { Json } from '@lockstep/asl';
import { sdkMetadata } from '../sdk-metadata.js';
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
  const rawHeaders = responseHeaders(result, date).flat();
  return {
    ...(result.executedVersion === undefined ? {} : { ExecutedVersion: result.executedVersion }),
    ...(result.logResult === undefined ? {} : { LogResult: result.logResult }),
    Payload: payloadValue(result.payload),
    ...sdkMetadata({ statusCode: result.statusCode, rawHeaders }, result.requestId),
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
