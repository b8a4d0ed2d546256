import { describe, expect, it } from 'vitest';
import { formEncode, withQuery } from './url-encoding.js';

describe('formEncode', () => {
  const body = { array: ['a', 'b', 'c', 'd'], name: 'x y' };

  it.each([
    ['INDICES', 'array%5B0%5D=a&array%5B1%5D=b&array%5B2%5D=c&array%5B3%5D=d&name=x%20y'],
    ['REPEAT', 'array=a&array=b&array=c&array=d&name=x%20y'],
    ['COMMAS', 'array=a%2Cb%2Cc%2Cd&name=x%20y'],
    ['BRACKETS', 'array%5B%5D=a&array%5B%5D=b&array%5B%5D=c&array%5B%5D=d&name=x%20y'],
  ] as const)('writes arrays as %s', (format, expected) => {
    expect(formEncode(body, format)).toBe(expected);
  });

  it('writes nested objects with brackets and scalars as text', () => {
    expect(formEncode({ o: { k: 1, b: true, n: null } }, 'INDICES')).toBe('o%5Bk%5D=1&o%5Bb%5D=true&o%5Bn%5D=null');
  });
});

describe('withQuery', () => {
  it('appends to an existing query and keeps the fragment', () => {
    expect(withQuery('https://h/p?a=1#f', [['b', '2 3']])).toBe('https://h/p?a=1&b=2%203#f');
    expect(
      withQuery('https://h/p', [
        ['k', 'v'],
        ['k', 'w'],
      ]),
    ).toBe('https://h/p?k=v&k=w');
    expect(withQuery('https://h/p', [])).toBe('https://h/p');
  });
});
