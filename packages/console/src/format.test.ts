import { describe, expect, it } from 'vitest';
import { arnName, formatDuration, prettyJson } from './format.js';

describe('format', () => {
  it('writes durations at a readable scale', () => {
    expect(formatDuration(840)).toBe('840 ms');
    expect(formatDuration(3200)).toBe('3.20 s');
    expect(formatDuration(252_000)).toBe('4 min 12 s');
    expect(formatDuration(7_500_000)).toBe('2 h 5 min');
    expect(formatDuration(undefined)).toBe('—');
  });

  it('pretty-prints JSON and leaves other text alone', () => {
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson('not json')).toBe('not json');
  });

  it('names an ARN by its last part', () => {
    expect(arnName('arn:aws:states:us-east-1:123456789012:execution:m:run-1')).toBe('run-1');
  });
});
