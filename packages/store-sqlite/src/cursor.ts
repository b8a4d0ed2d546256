/**
 * Pagination cursors: the key of the last item of a page, tagged with the listing it belongs to, as
 * base64url JSON. Opaque to callers; decoding checks the tag and the key's shape, so a cursor of another
 * listing, or a forged one, is rejected instead of silently listing from a wrong place.
 */
import type { Page } from '@lockstep/service';

/** A cursor that no listing of this store produced (or one of another listing). */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

/** A key part: listings are keyed by ARNs, dates, ids and version numbers. */
type KeyPart = string | number;

/** Encodes the cursor that continues `listing` after `key`. */
export function encodeCursor(listing: string, key: readonly KeyPart[]): string {
  return Buffer.from(JSON.stringify([listing, ...key])).toString('base64url');
}

/**
 * Decodes a cursor of `listing` whose key parts have the given types, or throws {@link InvalidCursorError}.
 */
export function decodeCursor(listing: string, cursor: string, shape: readonly ('string' | 'number')[]): KeyPart[] {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError(`Invalid pagination cursor: ${cursor}`);
  }
  if (
    !Array.isArray(parts) ||
    parts.length !== shape.length + 1 ||
    parts[0] !== listing ||
    shape.some((type, index) => typeof parts[index + 1] !== type)
  ) {
    throw new InvalidCursorError(`Invalid pagination cursor: ${cursor}`);
  }
  return parts.slice(1) as KeyPart[];
}

/**
 * How many rows a page of `limit` items reads: one more, to know whether a next page exists. A limit below 1
 * is a caller's bug (the service maps the API's 0 to its default), so it throws instead of listing nothing.
 */
export function rowsToRead(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`A page limit must be a positive integer: ${limit}`);
  return limit + 1;
}

/**
 * Builds a page from rows read with `LIMIT limit + 1`: the extra row only tells that a next page exists, so
 * the last page carries no cursor even when it is exactly full.
 */
export function pageOf<T>(rows: T[], limit: number, listing: string, keyOf: (item: T) => KeyPart[]): Page<T> {
  if (rows.length <= limit) return { items: rows };
  const items = rows.slice(0, limit);
  return { items, next: encodeCursor(listing, keyOf(items[items.length - 1])) };
}
