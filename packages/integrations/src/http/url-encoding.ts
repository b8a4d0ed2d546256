/**
 * URL encoding of an HTTP Task's `RequestBody` (`Transform.RequestBodyEncoding: URL_ENCODED`) and of its
 * `QueryParameters`.
 */
import type { Json } from '@lockstep/asl';

/** `Transform.RequestEncodingOptions.ArrayFormat`: how an array is written in a URL-encoded body. */
export type ArrayFormat = 'INDICES' | 'REPEAT' | 'COMMAS' | 'BRACKETS';

/** The array formats AWS accepts. */
export const ARRAY_FORMATS: readonly ArrayFormat[] = ['INDICES', 'REPEAT', 'COMMAS', 'BRACKETS'];

/**
 * Encodes a JSON object as `application/x-www-form-urlencoded`, as AWS documents for each array format
 * (`{"array":["a","b"]}` → INDICES `array%5B0%5D=a&array%5B1%5D=b`, REPEAT `array=a&array=b`,
 * COMMAS `array=a%2Cb`, BRACKETS `array%5B%5D=a&array%5B%5D=b`); nested objects use `key[sub]`.
 */
export function formEncode(body: { readonly [key: string]: Json }, format: ArrayFormat): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(body)) appendPairs(pairs, key, value, format);
  return pairs.join('&');
}

function appendPairs(pairs: string[], key: string, value: Json, format: ArrayFormat): void {
  if (Array.isArray(value)) {
    if (format === 'COMMAS') {
      pairs.push(`${encode(key)}=${encode(value.map(scalarText).join(','))}`);
      return;
    }
    value.forEach((item, index) => {
      const itemKey = format === 'INDICES' ? `${key}[${index}]` : format === 'BRACKETS' ? `${key}[]` : key;
      appendPairs(pairs, itemKey, item, format);
    });
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [sub, item] of Object.entries(value)) appendPairs(pairs, `${key}[${sub}]`, item, format);
    return;
  }
  pairs.push(`${encode(key)}=${encode(scalarText(value))}`);
}

/** Appends query parameters to a URL; an array value repeats its key. */
export function withQuery(endpoint: string, query: ReadonlyArray<readonly [string, string]>): string {
  if (query.length === 0) return endpoint;
  const hashAt = endpoint.indexOf('#');
  const base = hashAt < 0 ? endpoint : endpoint.slice(0, hashAt);
  const fragment = hashAt < 0 ? '' : endpoint.slice(hashAt);
  const encoded = query.map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&');
  const separator = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  return `${base}${separator}${encoded}${fragment}`;
}

/** A scalar as text; an object inside a scalar position is written as JSON rather than `[object Object]`. */
export function scalarText(value: Json): string {
  if (typeof value === 'string') return value;
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** RFC 3986 encoding: spaces as `%20`, reserved characters (`[`, `]`, `,`) escaped. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
