import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types.
import { installedJsonata, makeSynchronous } from '../../vendor/make-jsonata-sync.mjs';
import { parseJsonata } from './jsonata-expression.js';

describe('the synchronous JSONata build', () => {
  test('is make-jsonata-sync.mjs applied to the installed jsonata (rerun the script after an upgrade)', () => {
    const { source, version } = installedJsonata();
    expect(version).toBe('2.0.6');
    const checkedIn = readFileSync(new URL('../../vendor/jsonata-sync.cjs', import.meta.url), 'utf8');
    expect(checkedIn === makeSynchronous(source, version)).toBe(true);
  });

  test('evaluates array constructors and group-by items in document order', () => {
    const order: number[] = [];
    const expression = parseJsonata('[$note(1), $note(2), $note(3)]');
    expression.registerFunction('note', (n: number) => {
      order.push(n);
      return n;
    });
    expect(expression.evaluate(undefined)).toEqual([1, 2, 3]);
    expect(order).toEqual([1, 2, 3]);
    expect(
      parseJsonata('items{k: v}').evaluate({
        items: [
          { k: 'a', v: 1 },
          { k: 'b', v: 2 },
        ],
      }),
    ).toEqual({ a: 1, b: 2 });
  });

  test('sorts with a comparator function and throws JSONata errors synchronously', () => {
    expect(parseJsonata('$sort([3, 1, 2], function($a, $b) { $a > $b })').evaluate(undefined)).toEqual([1, 2, 3]);
    expect(() => parseJsonata('$nothing()').evaluate(undefined)).toThrow('Attempted to invoke a non-function');
  });

  test('reports a $formatNumber sub-picture without an active character as D3086, as AWS does (3P-measured)', () => {
    expect(() => parseJsonata('$formatNumber(1, "x")').evaluate(undefined)).toThrow(
      expect.objectContaining({ code: 'D3086' }),
    );
    expect(parseJsonata('$formatNumber(1234.5, "#,##0.00")').evaluate(undefined)).toBe('1,234.50');
  });
});
