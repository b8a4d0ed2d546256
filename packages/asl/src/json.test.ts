import { describe, expect, it } from 'vitest';
import { copyJson, type Json } from './json.js';

const roundTrip = (value: Json): Json => JSON.parse(JSON.stringify(value)) as Json;

describe('copyJson', () => {
  it('gives what a round trip through JSON text gives, key order included', () => {
    const values: Json[] = [
      null,
      true,
      'text',
      1.5,
      [],
      {},
      { b: 1, a: [1, { y: null, x: 'z' }], 10: 'ten', 2: 'two' },
      [[[]], { '': '' }, false, -3],
    ];
    for (const value of values) {
      const copy = copyJson(value);
      expect(copy).toStrictEqual(roundTrip(value));
      expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
    }
  });

  it('shares nothing with the original', () => {
    const original = { a: { b: [1, { c: 2 }] } };
    const copy = copyJson(original) as typeof original;
    (copy.a.b[1] as { c: number }).c = 99;
    copy.a.b.push(3);
    expect(original).toStrictEqual({ a: { b: [1, { c: 2 }] } });
  });

  it('writes -0 as 0, as JSON text does', () => {
    expect(Object.is(copyJson(-0), 0)).toBe(true);
    expect(Object.is((copyJson([-0]) as number[])[0], 0)).toBe(true);
  });

  it('keeps a "__proto__" field as an own field, as JSON.parse does, without changing the prototype', () => {
    const original = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Json;
    const copy = copyJson(original) as Record<string, Json>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toStrictEqual(['__proto__', 'a']);
    expect(JSON.stringify(copy)).toBe('{"__proto__":{"polluted":true},"a":1}');
  });
});
