/**
 * The `SdkHttpMetadata` and `SdkResponseMetadata` members Step Functions adds to the output of its optimized
 * integrations (`lambda:invoke`, SQS, SNS, DynamoDB, `states:startExecution`, ...): the Java SDK v1's view of the HTTP
 * response, serialized by AWS as recorded: `{AllHttpHeaders: {name: [values]}, HttpHeaders: {name: value},
 * HttpStatusCode}` and `{RequestId}`. Header names keep the server's case; `AllHttpHeaders` is a Java `HashMap` and
 * comes in its iteration order, `HttpHeaders` a case-insensitive `TreeMap`.
 */
import type { Json } from '@lockstep/asl';

/** The status and headers of an HTTP response, header names as sent. */
export interface RawResponse {
  readonly statusCode: number;
  /** Names and values alternating, as Node's `IncomingMessage.rawHeaders`. */
  readonly rawHeaders: readonly string[];
}

/** The two metadata members of an optimized integration's output. */
export function sdkMetadata(response: RawResponse, requestId: string | undefined): { [key: string]: Json } {
  const all = new Map<string, string[]>();
  for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) {
    const name = response.rawHeaders[i];
    const values = all.get(name);
    if (values) values.push(response.rawHeaders[i + 1]);
    else all.set(name, [response.rawHeaders[i + 1]]);
  }
  const allHttpHeaders: { [key: string]: Json } = {};
  for (const name of javaHashMapOrder([...all.keys()])) allHttpHeaders[name] = all.get(name) ?? [];
  const httpHeaders: { [key: string]: Json } = {};
  const byLowerName = new Map<string, string>();
  for (const [name, values] of all) {
    // A case-insensitive TreeMap keeps the first spelling of a name and the last value put under it.
    const spelling = byLowerName.get(name.toLowerCase()) ?? name;
    byLowerName.set(name.toLowerCase(), spelling);
    httpHeaders[spelling] = values[values.length - 1];
  }
  const sortedHeaders = Object.fromEntries(
    Object.entries(httpHeaders).sort(([a], [b]) => compareIgnoringCase(a, b)),
  ) as { [key: string]: Json };
  return {
    SdkHttpMetadata: {
      AllHttpHeaders: allHttpHeaders,
      HttpHeaders: sortedHeaders,
      HttpStatusCode: response.statusCode,
    },
    SdkResponseMetadata: { RequestId: requestId ?? null },
  };
}

/**
 * The iteration order of a Java `HashMap` filled with `keys` in order: by bucket (the spread `String.hashCode` masked
 * to the table size, which starts at 16 and doubles past a 0.75 load), then by insertion within a bucket.
 */
export function javaHashMapOrder(keys: readonly string[]): string[] {
  let capacity = 16;
  while (keys.length > capacity * 0.75) capacity *= 2;
  return keys
    .map((key, index) => ({ key, index, bucket: spread(javaStringHash(key)) & (capacity - 1) }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map(({ key }) => key);
}

function javaStringHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(31, hash) + text.charCodeAt(i)) | 0;
  return hash;
}

function spread(hash: number): number {
  return hash ^ (hash >>> 16);
}

function compareIgnoringCase(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
