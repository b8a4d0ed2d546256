import { describe, expect, it } from 'vitest';
import { StatesError } from '../errors.js';
import { thrownBy } from '../test-support.js';
import { PathNotFoundError } from './path-errors.js';
import { compileReferencePath, isValidReferencePath } from './reference-path.js';

/** Deep-freezes `value` so that any mutation by `set` throws. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) frozen(child);
    Object.freeze(value);
  }
  return value;
}

const conflict = (path: string, root: unknown, value: unknown = 1) =>
  thrownBy(() => compileReferencePath(path).set(root, value), StatesError);

describe('ReferencePath.get', () => {
  const doc = frozen({ store: { book: [{ title: 'T' }] }, 'store.book': 'dotted', 'a b': 1, 'x@y': 2 });

  it.each([
    ['$', doc],
    ['$.store.book[0].title', 'T'],
    ["$['store']['book'][0]['title']", 'T'],
    ['$["store"].book', doc.store.book],
    ["$.['a b']", 1],
    ['$.store\\.book', 'dotted'],
    ['$.\\stor\\e.boo\\k', doc.store.book],
    ['$.x\\@y', 2],
  ])('%s', (path, expected) => {
    expect(compileReferencePath(path).get(doc)).toEqual(expected);
  });

  it("fails with Jayway's message and names the step", () => {
    const read = (path: string, root: unknown) => () => compileReferencePath(path).get(root);
    expect(read('$.chunks', { bucket: 'b' })).toThrow(
      new PathNotFoundError(`No results for path: $['chunks']`, 'chunks'),
    );
    expect(read('$.discovery.objects.x', { discovery: {} })).toThrow(
      new PathNotFoundError(`Missing property in path $['discovery']['objects']`, 'objects'),
    );
    expect(read('$.items[3]', { items: [] })).toThrow(
      new PathNotFoundError(`No results for path: $['items'][3]`, '3', true),
    );
  });
});

describe('ReferencePath.set', () => {
  it('replaces the whole input for $', () => {
    expect(compileReferencePath('$').set({ a: 1 }, 'result')).toBe('result');
  });

  it('stores the value, creating intermediate objects, without touching the input', () => {
    const input = frozen({ comment: 'x', data: { val1: 23, val2: 17 }, other: { deep: [1] } });
    const output = compileReferencePath('$.data.lambdaresult').set(input, 'Hello') as typeof input;
    expect(output).toEqual({ comment: 'x', data: { val1: 23, val2: 17, lambdaresult: 'Hello' }, other: { deep: [1] } });
    expect(output.other).toBe(input.other);
    expect(output.data).not.toBe(input.data);
    expect(compileReferencePath('$.a.b.c').set(frozen({}), 5)).toEqual({ a: { b: { c: 5 } } });
  });

  it('overwrites an existing field in place, keeping key order', () => {
    const output = compileReferencePath('$.b').set(frozen({ a: 1, b: 2, c: 3 }), 9);
    expect(Object.keys(output as object)).toEqual(['a', 'b', 'c']);
    expect(output).toEqual({ a: 1, b: 9, c: 3 });
  });

  it('replaces an existing array element, copying only the array', () => {
    const input = frozen({ list: [{ n: 1 }, { n: 2 }] });
    const output = compileReferencePath('$.list[1].n').set(input, 5) as typeof input;
    expect(output).toEqual({ list: [{ n: 1 }, { n: 5 }] });
    expect(output.list[0]).toBe(input.list[0]);
    expect(compileReferencePath('$[0]').set(frozen(['a', 'b']), 'z')).toEqual(['z', 'b']);
  });

  it('stores keys that Object.prototype also has as plain data', () => {
    const output = compileReferencePath('$.__proto__').set(frozen({}), { polluted: true }) as Record<string, unknown>;
    expect(Object.hasOwn(output, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('fails with States.ReferencePathConflict when the input is not an object', () => {
    const error = conflict('$.someTaskResult', 'input1');
    expect(error.error).toBe('States.ReferencePathConflict');
    expect(error.cause).toBe('Unable to apply ReferencePath $.someTaskResult to input "input1"');
    expect(conflict('$.x', [1, 2]).cause).toBe('Unable to apply ReferencePath $.x to input [1,2]');
    expect(conflict('$.x', null).cause).toBe('Unable to apply ReferencePath $.x to input null');
    expect(conflict('$[0]', { a: 1 }).cause).toBe('Unable to apply ReferencePath $[0] to input {"a":1}');
  });

  it('names the step that cannot be applied deeper in the input', () => {
    const input = { a: { b: 5 } };
    expect(conflict('$.a.b.c', input).cause).toBe('Unable to apply step "c" to input {"a":{"b":5}}');
    expect(conflict('$.a[0]', input).cause).toBe('Unable to apply step "0" to input {"a":{"b":5}}');
    expect(conflict('$.list[2]', { list: [1] }).cause).toBe('Unable to apply step "2" to input {"list":[1]}');
    expect(conflict('$.missing[0]', {}).cause).toBe('Unable to apply step "0" to input {}');
  });
});

describe('isValidReferencePath', () => {
  it.each([
    '$',
    '$.store.book',
    '$.store\\.book',
    '$.\\stor\\e.boo\\k',
    '$.store.book.title',
    '$.foo.\\.bar',
    '$.foo\\@bar.baz\\[\\[.\\?pretty',
    '$.&Ж中.\uD800\uDF46',
    '$.ledgers.branch[0].pending.count',
    '$.ledgers.branch[0]',
    '$.ledgers[0][22][315].foo',
    "$['store']['book']",
    "$['store'][0]['book']",
    '$.a-b',
  ])('accepts %s', (path) => {
    expect(isValidReferencePath(path)).toBe(true);
  });

  it.each([
    '',
    'a.b',
    '$$.a',
    '$var',
    '$.',
    '$..a',
    '$.a.*',
    '$.a[*]',
    '$.a[-1]',
    '$.a[0,1]',
    '$.a[1:]',
    '$.a[?(@.b)]',
    "$['a','b']",
    '$.a.length()',
    '$.a@b',
    '$.a b',
    '$.a\\',
    '$[99999999999]',
  ])('rejects %j', (path) => {
    expect(isValidReferencePath(path)).toBe(false);
  });
});
