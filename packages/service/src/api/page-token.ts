/**
 * `nextToken`: the opaque pagination token of the List operations and GetExecutionHistory. It wraps the store's
 * cursor with the listing it belongs to and when it was issued, because AWS refuses (`InvalidToken`) a token used
 * with other request parameters or older than 24 hours.
 */
import { createHash } from 'node:crypto';
import { invalidToken } from './errors.js';

/** AWS's token lifetime: "Each pagination token expires after 24 hours." */
export const PAGE_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

interface TokenBody {
  /** The store's cursor. */
  c: string;
  /** A digest of the listing's scope (operation and the parameters that select the items). */
  s: string;
  /** Epoch ms at which the token was issued. */
  t: number;
}

/**
 * The `nextToken` for the page after `cursor` of the listing `scope` (e.g. `ListExecutions <arn> RUNNING`); undefined
 * on the last page (no cursor).
 */
export function encodePageToken(cursor: string | undefined, scope: string, now: number): string | undefined {
  if (cursor === undefined) return undefined;
  const body: TokenBody = { c: cursor, s: digest(scope), t: now };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/**
 * The store cursor carried by `token`, or undefined when there is no token (first page). Throws AWS's
 * `InvalidToken` for a token that is not one of ours, belongs to another listing, or expired.
 */
export function decodePageToken(token: string | undefined, scope: string, now: number): string | undefined {
  if (token === undefined) return undefined;
  const body = parse(token);
  if (!body || body.s !== digest(scope) || now - body.t > PAGE_TOKEN_LIFETIME_MS) {
    throw invalidToken();
  }
  return body.c;
}

function parse(token: string): TokenBody | undefined {
  try {
    const body: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof body !== 'object' || body === null) return undefined;
    const { c, s, t } = body as Record<string, unknown>;
    return typeof c === 'string' && typeof s === 'string' && typeof t === 'number' ? { c, s, t } : undefined;
  } catch {
    return undefined;
  }
}

/** A short digest keeps tokens well under AWS's 1024-character limit whatever the scope's length. */
function digest(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 16);
}
