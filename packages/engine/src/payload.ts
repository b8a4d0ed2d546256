/**
 * Payload text and AWS's payload size limit (256 KiB of UTF-8).
 */
import { ErrorName, StatesError } from '@lockstep/asl';

/** AWS's limit on a state's input, output and task result: 262,144 bytes of UTF-8. */
export const PAYLOAD_LIMIT_BYTES = 262_144;

/** Compact JSON text of a value (`undefined` renders as `null`, as a JSON document must be something). */
export function stringify(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/** UTF-8 byte length of a string, without allocating. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** True when `text` exceeds AWS's payload limit. Cheap for small payloads: most never reach the byte count. */
export function exceedsPayloadLimit(text: string): boolean {
  if (text.length * 3 <= PAYLOAD_LIMIT_BYTES) return false;
  return text.length > PAYLOAD_LIMIT_BYTES || utf8Length(text) > PAYLOAD_LIMIT_BYTES;
}

/**
 * Throws AWS's `States.DataLimitExceeded` when a result is too large. `source` is the state name, or the
 * task's resource as AWS names it in the cause.
 */
export function checkPayloadSize(text: string, source: string): void {
  if (exceedsPayloadLimit(text)) {
    throw new StatesError(
      ErrorName.DataLimitExceeded,
      `The state/task '${source}' returned a result with a size exceeding the maximum number of bytes service limit.`,
    );
  }
}

/**
 * Throws `States.DataLimitExceeded` when the values a state assigns exceed 256 KiB together (AWS: "up to
 * 256 KiB per state"; the cause is Lockstep's wording, AWS's is not recorded). `texts` are the values' JSON.
 */
export function checkAssignedSize(texts: Record<string, string>, stateName: string): void {
  let bytes = 0;
  for (const text of Object.values(texts)) bytes += utf8Length(text);
  if (bytes > PAYLOAD_LIMIT_BYTES) {
    throw new StatesError(
      ErrorName.DataLimitExceeded,
      `The state '${stateName}' assigned variables with a total size exceeding the maximum number of bytes service limit.`,
    );
  }
}
