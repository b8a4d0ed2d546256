/**
 * Jackson's nesting limit (`StreamReadConstraints.getMaxNestingDepth()`, 1000 since Jackson 2.15): a document
 * nested deeper is refused. Deeper values could not be processed safely anyway (recursive JSON handling
 * would exhaust the stack), so every JSON text Lockstep reads is held to it.
 */

/** Jackson's default maximum nesting depth. */
export const MAX_NESTING_DEPTH = 1000;

/** Jackson's message for a document that nests `depth` levels, past the limit. */
export function nestingDepthMessage(depth: number): string {
  return `Document nesting depth (${depth}) exceeds the maximum allowed (${MAX_NESTING_DEPTH}, from \`StreamReadConstraints.getMaxNestingDepth()\`)`;
}

/** Where a text first nests deeper than the limit: the offending bracket's line and column (1-based). */
export interface NestingViolation {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * True when a parsed value nests deeper than {@link MAX_NESTING_DEPTH}. The walk stops at the limit, so it
 * never holds more than that many frames, and it allocates nothing: it runs over every definition and input.
 * Much cheaper than scanning the text, so the text is only scanned (for the position) when this is true.
 */
export function nestsTooDeep(value: unknown): boolean {
  return value !== null && typeof value === 'object' && containerNestsTooDeep(value, 0);
}

function containerNestsTooDeep(node: object, depth: number): boolean {
  if (depth >= MAX_NESTING_DEPTH) return true;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const child: unknown = node[i];
      if (child !== null && typeof child === 'object' && containerNestsTooDeep(child, depth + 1)) return true;
    }
    return false;
  }
  for (const key in node) {
    const child: unknown = (node as Record<string, unknown>)[key];
    if (child !== null && typeof child === 'object' && containerNestsTooDeep(child, depth + 1)) return true;
  }
  return false;
}

/** Finds the first bracket that nests deeper than {@link MAX_NESTING_DEPTH}, skipping string contents. */
export function findNestingViolation(text: string): NestingViolation | undefined {
  // A document cannot nest deeper than it has opening brackets: short texts need no scan.
  if (text.length <= MAX_NESTING_DEPTH) return undefined;
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_NESTING_DEPTH) {
        return {
          line,
          column: i - lineStart + 1,
          message: nestingDepthMessage(depth),
        };
      }
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    } else if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return undefined;
}
