import { describe, expect, it } from 'vitest';
import { locate } from './json-locations.js';

describe('locate', () => {
  const text = '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "Next": "B" },\n    "C/D": []\n  }\n}';

  it("finds a member's key", () => {
    const range = locate(text, '/States/A')!;
    expect(text.slice(range.from, range.to)).toBe('"A"');
    const next = locate(text, '/States/A/Next')!;
    expect(text.slice(next.from, next.to)).toBe('"Next"');
  });

  it('unescapes ~1 in pointers and falls back to the closest ancestor', () => {
    const range = locate(text, '/States/C~1D/0')!;
    expect(text.slice(range.from, range.to)).toBe('"C/D"');
  });

  it('locates nothing for a parser position or broken JSON', () => {
    expect(locate(text, '[Source: (String)"{"; line: 1, column: 2]')).toBeUndefined();
    expect(locate('{"a": ', '/a')).toEqual({ from: 1, to: 4 });
  });
});
