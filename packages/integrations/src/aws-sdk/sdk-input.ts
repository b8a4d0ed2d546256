/**
 * A Task's parameters as an SDK v3 command input. Step Functions takes members in Pascal case and JSON values; the
 * SDK takes the model's member names and typed values (bytes, dates). The operation's input shape drives both.
 */
import { createHash } from 'node:crypto';
import type { Json } from '@lockstep/asl';
import type { NormalizedSchema } from '@smithy/core/schema';
import { javaV2MemberName } from './java-naming.js';

/**
 * Which of AWS's SDKs a kind of integration runs on, which decides value details: AWS SDK integrations run on the
 * Java SDK v2, the optimized integrations (SQS, SNS, DynamoDB, EventBridge) on the Java SDK v1.
 */
export type SdkDialect = 'java-v2' | 'java-v1';

/** The command input, or why the parameters cannot start the task. */
export type InputResult = { ok: true; input: Record<string, unknown> } | { ok: false; reason: string };

/**
 * Converts parameters to the input of an operation. Without a shape (clients older than schema-based
 * serialization) the parameters pass as they are. `idempotencyKey` fills the operation's idempotency token when
 * the parameters leave it out, so that an attempt performed twice is done once.
 */
export function toSdkInput(
  parameters: Json,
  shape: NormalizedSchema | undefined,
  dialect: SdkDialect,
  idempotencyKey?: string,
): InputResult {
  if (!isObject(parameters)) return { ok: false, reason: 'The Parameters must be a JSON object' };
  if (!shape) return { ok: true, input: parameters };
  try {
    const input = convertStruct(parameters, shape, dialect);
    if (idempotencyKey !== undefined) fillIdempotencyToken(input, shape, idempotencyKey);
    return { ok: true, input };
  } catch (error) {
    if (error instanceof UnsupportedField)
      return { ok: false, reason: `The field "${error.field}" is not supported by Step Functions` };
    throw error;
  }
}

class UnsupportedField extends Error {
  constructor(readonly field: string) {
    super(field);
  }
}

function convert(value: Json, shape: NormalizedSchema, dialect: SdkDialect): unknown {
  if (value === null) return undefined;
  if (shape.isStructSchema()) return isObject(value) ? convertStruct(value, shape, dialect) : value;
  if (shape.isListSchema()) {
    const member = shape.getValueSchema();
    return Array.isArray(value) ? value.map((item) => convert(item, member, dialect)) : value;
  }
  if (shape.isMapSchema()) {
    if (!isObject(value)) return value;
    const member = shape.getValueSchema();
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, convert(item, member, dialect)]));
  }
  if (shape.isBlobSchema()) return toBytes(value, dialect);
  // A JSON value given for a text member is sent as its JSON text (an SQS MessageBody, an SNS Message object).
  if (shape.isStringSchema()) return typeof value === 'string' ? value : JSON.stringify(value);
  if (shape.isTimestampSchema()) {
    if (typeof value === 'string') return new Date(value);
    if (typeof value === 'number') return new Date(value * 1000);
  }
  return value;
}

function convertStruct(value: { [key: string]: Json }, shape: NormalizedSchema, dialect: SdkDialect) {
  const members = memberIndex(shape);
  const input: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const member = members.get(key.toLowerCase());
    if (member === undefined) throw new UnsupportedField(key);
    const converted = convert(item, shape.getMemberSchema(member), dialect);
    if (converted !== undefined) input[member] = converted;
  }
  return input;
}

/**
 * Blobs: the AWS SDK integrations send any value as its JSON text, a string included (S3 PutObject with `Body:
 * "text"` stores `"text"`, quotes and all, as recorded on AWS); the Java SDK v1 reads a string as base64.
 */
function toBytes(value: Json, dialect: SdkDialect): Uint8Array {
  if (dialect === 'java-v1' && typeof value === 'string') return new Uint8Array(Buffer.from(value, 'base64'));
  return new TextEncoder().encode(JSON.stringify(value));
}

const memberIndexes = new WeakMap<object, Map<string, string>>();

/** A structure's members by lower-cased name, under both the model's name and the Java SDK's (`Nul` for `NULL`). */
function memberIndex(shape: NormalizedSchema): Map<string, string> {
  const key = shape.getSchema() as object;
  let index = memberIndexes.get(key);
  if (!index) {
    index = new Map();
    for (const [member] of shape.structIterator()) {
      index.set(javaV2MemberName(member).toLowerCase(), member);
      index.set(member.toLowerCase(), member);
    }
    memberIndexes.set(key, index);
  }
  return index;
}

function fillIdempotencyToken(input: Record<string, unknown>, shape: NormalizedSchema, idempotencyKey: string): void {
  for (const [member, memberShape] of shape.structIterator()) {
    if (memberShape.isIdempotencyToken() && input[member] === undefined) input[member] = uuidOf(idempotencyKey);
  }
}

/** A UUID-shaped token derived from the key: the same attempt always sends the same token. */
function uuidOf(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
