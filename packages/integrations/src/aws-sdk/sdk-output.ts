/**
 * An SDK v3 command output as the JSON a Task receives, shaped as AWS's Java-based integrations serialize it:
 * members in alphabetical order, named as the Java SDK names them, bytes and dates as text, `$metadata` removed.
 */
import type { Json } from '@lockstep/asl';
import type { NormalizedSchema } from '@smithy/core/schema';
import { javaV1MemberName, javaV2MemberName } from './java-naming.js';
import type { SdkDialect } from './sdk-input.js';

type JsonObject = { [key: string]: Json };

/**
 * Converts an output. A streaming payload (S3 GetObject's `Body`) is read whole and comes last, after the sorted
 * members, as recorded on AWS. Without a shape (older clients) members keep the SDK's names.
 */
export async function fromSdkOutput(
  output: Record<string, unknown>,
  shape: NormalizedSchema | undefined,
  dialect: SdkDialect,
): Promise<JsonObject> {
  const streamed: Record<string, Uint8Array> = {};
  for (const [member, value] of Object.entries(output)) {
    if (isStream(value)) streamed[member] = await readStream(value);
  }
  return toJsonObject({ ...output, ...streamed }, shape, dialect, new Set(Object.keys(streamed)));
}

function toJson(value: unknown, shape: NormalizedSchema | undefined, dialect: SdkDialect): Json | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return dialect === 'java-v2' ? instantText(value) : value.getTime();
  // Java SDK v2 bytes reach the workflow as text (S3 `Body`, Lambda `Payload`); Jackson writes v1's as base64.
  if (value instanceof Uint8Array) {
    return dialect === 'java-v2' ? new TextDecoder().decode(value) : Buffer.from(value).toString('base64');
  }
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) {
    const member = shape?.isListSchema() ? shape.getValueSchema() : undefined;
    return value.flatMap((item) => {
      const converted = toJson(item, member, dialect);
      return converted === undefined ? [] : [converted];
    });
  }
  if (typeof value === 'object') {
    if (shape?.isMapSchema()) return toJsonMap(value as Record<string, unknown>, shape.getValueSchema(), dialect);
    return toJsonObject(value as Record<string, unknown>, shape?.isStructSchema() ? shape : undefined, dialect);
  }
  return value as Json;
}

/** A structure: members renamed for the dialect and sorted, `last` (streaming payloads) after the others. */
function toJsonObject(
  value: Record<string, unknown>,
  shape: NormalizedSchema | undefined,
  dialect: SdkDialect,
  last: ReadonlySet<string> = new Set(),
): JsonObject {
  const members = new Set(shape ? [...shape.structIterator()].map(([member]) => member) : Object.keys(value));
  const entries: [string, Json][] = [];
  const trailing: [string, Json][] = [];
  for (const [member, item] of Object.entries(value)) {
    // `$metadata` is the SDK's, not the API's; `$unknown` holds union members newer than the client's model.
    if (member === '$metadata' || member === '$unknown' || !members.has(member)) continue;
    const converted = toJson(item, shape?.getMemberSchema(member), dialect);
    if (converted === undefined) continue;
    const key = !shape ? member : dialect === 'java-v2' ? javaV2MemberName(member) : javaV1MemberName(member);
    (last.has(member) ? trailing : entries).push([key, converted]);
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries([...entries, ...trailing]);
}

function toJsonMap(value: Record<string, unknown>, member: NormalizedSchema, dialect: SdkDialect): JsonObject {
  const result: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    const converted = toJson(item, member, dialect);
    if (converted !== undefined) result[key] = converted;
  }
  return result;
}

/** Java's `Instant.toString()`: ISO-8601 in UTC, without a fraction when there is none (`2024-05-23T19:11:31Z`). */
export function instantText(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

interface SdkStream {
  transformToByteArray(): Promise<Uint8Array>;
}

function isStream(value: unknown): value is SdkStream | AsyncIterable<Uint8Array> {
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return false;
  return 'transformToByteArray' in value || Symbol.asyncIterator in value;
}

async function readStream(stream: SdkStream | AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  if ('transformToByteArray' in stream) return stream.transformToByteArray();
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}
