import type { Json } from '@lockstep/asl';
import { describe, expect, it } from 'vitest';
import { checkOutputSize, fitsPayloadLimit, PAYLOAD_LIMIT_BYTES } from './payload.js';

const LIMIT_CAUSE =
  "The state/task 'S' returned a result with a size exceeding the maximum number of bytes service limit.";

/** A value `depth` arrays deep. */
function nested(depth: number): Json {
  let value: Json = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('fitsPayloadLimit', () => {
  it('vouches for small values without writing them', () => {
    expect(fitsPayloadLimit({ counter: { value: 1, label: 'x' }, tags: ['a', 'b'], ok: true, none: null })).toBe(true);
  });

  it('leaves strings that could exceed the limit once escaped to the exact count', () => {
    // 50,000 characters fit as plain text, but their bound (6 bytes each, as escapes) does not.
    expect(fitsPayloadLimit('x'.repeat(50_000))).toBe(false);
    expect(fitsPayloadLimit('x'.repeat(40_000))).toBe(true);
  });

  it('counts keys and every array element', () => {
    const wide = Object.fromEntries(Array.from({ length: 12_000 }, (_, i) => [`k${i}`, i]));
    expect(fitsPayloadLimit(wide)).toBe(false);
    expect(fitsPayloadLimit(Array.from({ length: 12_000 }, () => 0))).toBe(false);
  });

  it('gives up on very deep values', () => {
    expect(fitsPayloadLimit(nested(31))).toBe(true);
    expect(fitsPayloadLimit(nested(40))).toBe(false);
  });
});

describe('checkOutputSize', () => {
  it('writes no text for a small output', () => {
    expect(checkOutputSize({ a: 1 }, 'S')).toBeUndefined();
  });

  it('returns the text of a large output within the limit', () => {
    const value = 'x'.repeat(PAYLOAD_LIMIT_BYTES - 2);
    expect(checkOutputSize(value, 'S')).toBe(JSON.stringify(value));
  });

  it('counts a deep output exactly', () => {
    expect(checkOutputSize(nested(40), 'S')).toBe(JSON.stringify(nested(40)));
  });

  it("fails with AWS's States.DataLimitExceeded one byte over the limit (in UTF-8)", () => {
    // 'é' is two bytes in UTF-8: 131,072 of them and the quotes are 262,146 bytes.
    expect(() => checkOutputSize('é'.repeat(131_072), 'S')).toThrow(LIMIT_CAUSE);
    expect(() => checkOutputSize('x'.repeat(PAYLOAD_LIMIT_BYTES - 1), 'S')).toThrow(
      expect.objectContaining({ error: 'States.DataLimitExceeded', cause: LIMIT_CAUSE }),
    );
  });
});
