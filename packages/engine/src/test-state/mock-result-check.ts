/**
 * `fieldValidationMode`: checks a mocked Task result against the response shape of the integration it replaces.
 * STRICT (the default) requires the shape's required members and checks every member the mock gives; PRESENT
 * checks only the members the mock gives; NONE checks nothing. Members the shape does not know are ignored in
 * every mode. AWS's messages (recorded, LocalStack's AWS-validated `test_field_validation_mode` snapshots):
 * `Mock result schema validation error: Required field 'X' is missing`, `... Field 'X' must be a string` (also
 * `an array`, `an object`, `a number`, `a boolean`) and `... Field 'X' is not an expected value`. Length and range
 * constraints of the models are not checked.
 */
import type { Json } from '@lockstep/asl';
import { parseResource } from '../resource.js';
import { type FieldValidationMode, testStateValidation } from './request.js';
import { responseShape, type Shape } from './response-shapes.js';

const PREFIX = 'Mock result schema validation error: ';

/** Checks `result`, the mocked result of a Task on `resource`; throws a `ValidationException` naming the field. */
export function checkMockedResult(resource: string, result: Json, mode: FieldValidationMode = 'STRICT'): void {
  if (mode === 'NONE') return;
  const shape = responseShape(parseResource(resource));
  if (!shape) return;
  if (shape.type === 'structure' && !isObject(result)) {
    // Lockstep's message: AWS's for a result that is not an object is not recorded.
    throw testStateValidation(`${PREFIX}The mocked result must be a JSON object`);
  }
  check(result, shape, '', mode === 'STRICT');
}

function check(value: Json, shape: Shape, field: string, strict: boolean): void {
  switch (shape.type) {
    case 'structure': {
      if (!isObject(value)) return fail(field, 'an object');
      if (strict) {
        for (const name of shape.required ?? []) {
          if (!Object.hasOwn(value, name)) throw testStateValidation(`${PREFIX}Required field '${name}' is missing`);
        }
      }
      for (const [name, member] of Object.entries(value)) {
        const memberShape = Object.hasOwn(shape.members, name) ? shape.members[name] : undefined;
        if (memberShape) check(member, memberShape, name, strict);
      }
      return;
    }
    case 'list':
      if (!Array.isArray(value)) return fail(field, 'an array');
      for (const item of value) check(item, shape.member, field, strict);
      return;
    case 'map':
      if (!isObject(value)) return fail(field, 'an object');
      for (const item of Object.values(value)) check(item, shape.value, field, strict);
      return;
    case 'string':
      if (typeof value !== 'string') return fail(field, 'a string');
      if (shape.enum && !shape.enum.includes(value)) {
        throw testStateValidation(`${PREFIX}Field '${field}' is not an expected value`);
      }
      return;
    case 'timestamp':
    case 'blob':
      if (typeof value !== 'string') fail(field, 'a string');
      return;
    case 'integer':
    case 'long':
      if (!Number.isInteger(value)) fail(field, 'a number');
      return;
    case 'double':
      if (typeof value !== 'number') fail(field, 'a number');
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail(field, 'a boolean');
      return;
  }
}

function fail(field: string, expected: string): never {
  throw testStateValidation(`${PREFIX}Field '${field}' must be ${expected}`);
}

function isObject(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
