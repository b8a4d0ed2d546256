import { describe, expect, it } from 'vitest';
import { assertValidName, readRequest, Shape } from './request.js';
import { ServiceError } from './service-error.js';

function errorOf(fn: () => unknown): { code: string; message: string; status: number } {
  try {
    fn();
  } catch (error) {
    if (error instanceof ServiceError) return { code: error.code, message: error.message, status: error.status };
    throw error;
  }
  throw new Error('expected a ServiceError');
}

describe('RequestReader', () => {
  it('reports maxResults above 1000 as AWS does', () => {
    const r = readRequest({ maxResults: 1001 });
    r.pageSize();
    expect(errorOf(() => r.done())).toEqual({
      code: 'ValidationException',
      status: 400,
      message:
        "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
    });
  });

  it('defaults the page size to 100 when maxResults is absent or 0', () => {
    expect(readRequest({}).pageSize()).toBe(100);
    expect(readRequest({ maxResults: 0 }).pageSize()).toBe(100);
    expect(readRequest({ maxResults: 7 }).pageSize()).toBe(7);
  });

  it('reports a bad enum value with the set in the given order', () => {
    const r = readRequest({ statusFilter: 'succeeded' });
    r.enumeration('statusFilter', ['SUCCEEDED', 'TIMED_OUT', 'PENDING_REDRIVE', 'ABORTED', 'FAILED', 'RUNNING']);
    expect(errorOf(() => r.done()).message).toBe(
      "1 validation error detected: Value 'succeeded' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]",
    );
  });

  it('reports a nextToken longer than the model allows', () => {
    const token = 'x'.repeat(1025);
    const r = readRequest({ nextToken: token });
    r.string('nextToken', Shape.PageToken);
    expect(errorOf(() => r.done()).message).toBe(
      `1 validation error detected: Value '${token}' at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to 1024`,
    );
  });

  it('collects every violation, and treats null as absent', () => {
    const r = readRequest({ name: 'x'.repeat(81), definition: null });
    r.requiredString('name', Shape.Name);
    r.requiredString('definition', Shape.Definition);
    expect(errorOf(() => r.done()).message).toBe(
      `2 validation errors detected: Value '${'x'.repeat(81)}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80; Value null at 'definition' failed to satisfy constraint: Member must not be null`,
    );
  });

  it('does not echo sensitive members', () => {
    const r = readRequest({ definition: 'x'.repeat(1_048_577) });
    r.requiredString('definition', Shape.Definition);
    expect(errorOf(() => r.done()).message).toBe(
      "1 validation error detected: Value at 'definition' failed to satisfy constraint: Member must have length less than or equal to 1048576",
    );
  });

  it('names nested members as AWS does', () => {
    const r = readRequest({
      tags: [
        { key: 'ok', value: 'v' },
        { key: '', value: 'v' },
      ],
      tagKeys: ['a', ''],
    });
    expect(r.tags()).toEqual({ ok: 'v', '': 'v' });
    r.stringList('tagKeys', Shape.TagKey);
    expect(errorOf(() => r.done()).message).toBe(
      "2 validation errors detected: Value '' at 'tags.2.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1; Value '' at 'tagKeys.2.member' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it('reads nested structures with their path', () => {
    const r = readRequest({ loggingConfiguration: { level: 'LOUD' } });
    r.structure('loggingConfiguration')?.enumeration('level', ['ALL', 'ERROR', 'FATAL', 'OFF']);
    expect(errorOf(() => r.done()).message).toBe(
      "1 validation error detected: Value 'LOUD' at 'loggingConfiguration.level' failed to satisfy constraint: Member must satisfy enum value set: [ALL, ERROR, FATAL, OFF]",
    );
  });

  it('fails members of the wrong JSON type with SerializationException at once', () => {
    expect(errorOf(() => readRequest({ name: true }).string('name'))).toEqual({
      code: 'SerializationException',
      status: 400,
      message: 'class java.lang.Boolean can not be converted to an String',
    });
    expect(errorOf(() => readRequest({ name: 5 }).string('name')).message).toBe(
      'class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String',
    );
    expect(errorOf(() => readRequest({ name: [] }).string('name')).message).toBe(
      'Start of list found where not expected',
    );
    expect(errorOf(() => readRequest({ name: {} }).string('name')).message).toBe(
      'Start of structure or map found where not expected.',
    );
    expect(errorOf(() => readRequest({ maxResults: '5' }).pageSize()).message).toBe(
      'class java.lang.String can not be converted to an Integer',
    );
    expect(errorOf(() => readRequest({ publish: 'yes' }).boolean('publish')).message).toBe(
      "'yes' can not be converted to an Boolean",
    );
    expect(errorOf(() => readRequest({ tags: 'a' }).tags()).message).toBe('Expected list or null');
    expect(errorOf(() => readRequest({ tracingConfiguration: 1 }).structure('tracingConfiguration')).message).toBe(
      'Expected null',
    );
  });

  it('truncates fractional integers', () => {
    expect(readRequest({ maxResults: 5.9 }).pageSize()).toBe(5);
  });
});

describe('assertValidName', () => {
  it('accepts names AWS accepts', () => {
    for (const name of ['a', 'My-Machine_1.0', 'été', '名前', 'a\u00a0b', 'emoji😀']) {
      expect(() => assertValidName(name)).not.toThrow();
    }
  });

  it("refuses AWS's forbidden characters with AWS's InvalidName", () => {
    expect(errorOf(() => assertValidName('TestActivity InvalidName$'))).toEqual({
      code: 'InvalidName',
      status: 400,
      message: "Invalid Name: 'TestActivity InvalidName$'",
    });
    for (const char of ['<', '>', '{', '}', '[', ']', '?', '*', '"', '#', '%', '\\', '^', '|', '~', '`', '$', '&']) {
      expect(() => assertValidName(`a${char}b`)).toThrow(ServiceError);
    }
    for (const char of [',', ';', ':', '/', '\t', '\n', '\u0000', '\u007f', '\u0085', '\u2003', '\ufffe', '\ud800']) {
      expect(() => assertValidName(`a${char}b`)).toThrow(ServiceError);
    }
  });
});
