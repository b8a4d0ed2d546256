import { describe, expect, it } from 'vitest';
import { compact, epochSeconds, optionalEpochSeconds } from './wire.js';

describe('wire helpers', () => {
  it('sends times as epoch seconds with millisecond fractions', () => {
    expect(epochSeconds(1_700_000_000_123)).toBe(1_700_000_000.123);
    expect(optionalEpochSeconds(undefined)).toBeUndefined();
    expect(optionalEpochSeconds(2000)).toBe(2);
  });

  it('drops undefined members and keeps falsy ones', () => {
    expect(compact({ a: undefined, b: 0, c: '', d: false, e: null })).toEqual({ b: 0, c: '', d: false, e: null });
    expect(Object.keys(compact({ a: undefined }))).toEqual([]);
  });
});
