/**
 * Response helpers for AWS JSON 1.0: timestamps are epoch seconds as JSON numbers (fractional milliseconds
 * allowed: the SDKs parse them that way), and absent members are left out rather than sent as `null`.
 */

/** Epoch milliseconds as the epoch seconds AWS JSON sends (`1700000000123` -> `1700000000.123`). */
export function epochSeconds(ms: number): number {
  return ms / 1000;
}

/** Epoch seconds for a time that may be absent. */
export function optionalEpochSeconds(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : epochSeconds(ms);
}

/**
 * A response body without its `undefined` members: SDKs treat a member sent as `null` differently from a missing
 * one (botocore keeps `None` values), and AWS omits members it has no value for.
 */
export function compact(members: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in members) {
    const value = members[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
