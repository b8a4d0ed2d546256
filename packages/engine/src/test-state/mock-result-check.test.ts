import { describe, expect, it } from 'vitest';
import { checkMockedResult } from './mock-result-check.js';
import type { FieldValidationMode } from './request.js';

const PUT_EVENTS = 'arn:aws:states:::events:putEvents';
const START_EXECUTION = 'arn:aws:states:::states:startExecution';
const LAMBDA = 'arn:aws:states:::lambda:invoke';

function rejection(resource: string, result: unknown, mode?: FieldValidationMode): string | undefined {
  try {
    checkMockedResult(resource, result as never, mode);
    return undefined;
  } catch (e) {
    expect((e as Error).name).toBe('ValidationException');
    return (e as Error).message;
  }
}

// Recorded: LocalStack's AWS-validated test_field_validation_mode(_present) snapshots.
describe('fieldValidationMode (recorded messages)', () => {
  it.each<FieldValidationMode | undefined>([undefined, 'STRICT', 'PRESENT'])(
    '%s checks the fields the mock gives',
    (mode) => {
      expect(rejection(PUT_EVENTS, { Entries: 'not a list' }, mode)).toBe(
        "Mock result schema validation error: Field 'Entries' must be an array",
      );
      expect(rejection(PUT_EVENTS, { Entries: [{ EventId: 'a' }, { EventId: ['b'] }] }, mode)).toBe(
        "Mock result schema validation error: Field 'EventId' must be a string",
      );
      expect(rejection(LAMBDA, { StatusCode: '200' }, mode)).toBe(
        "Mock result schema validation error: Field 'StatusCode' must be a number",
      );
      expect(
        rejection('arn:aws:states:::dynamodb:putItem', { ConsumedCapacity: { CapacityUnits: '123.45' } }, mode),
      ).toBe("Mock result schema validation error: Field 'CapacityUnits' must be a number");
    },
  );

  it('ignores members the shape does not know, in every mode', () => {
    expect(rejection(PUT_EVENTS, { random: 'json' })).toBeUndefined();
    expect(rejection(PUT_EVENTS, {})).toBeUndefined();
    expect(rejection(LAMBDA, { Payload: 'function output', SdkHttpMetadata: { HttpStatusCode: 200 } })).toBeUndefined();
  });

  it('STRICT requires the required members, under their Step Functions names', () => {
    const missing = "Mock result schema validation error: Required field 'ExecutionArn' is missing";
    expect(rejection(START_EXECUTION, {})).toBe(missing);
    expect(rejection(START_EXECUTION, { executionArn: 'a', startDate: 'b' })).toBe(missing);
    expect(rejection(START_EXECUTION, { ExecutionArn: 'a', StartDate: true })).toBe(
      "Mock result schema validation error: Field 'StartDate' must be a string",
    );
  });

  it('PRESENT does not require members; NONE checks nothing', () => {
    expect(rejection(START_EXECUTION, {}, 'PRESENT')).toBeUndefined();
    expect(rejection(START_EXECUTION, { executionArn: 'a' }, 'PRESENT')).toBeUndefined();
    expect(rejection(START_EXECUTION, { ExecutionArn: 1764103483 }, 'PRESENT')).toBe(
      "Mock result schema validation error: Field 'ExecutionArn' must be a string",
    );
    expect(rejection(PUT_EVENTS, { Entries: 'not a list' }, 'NONE')).toBeUndefined();
  });
});

describe('fieldValidationMode shapes', () => {
  it('checks a .sync result against the polled DescribeExecution, with its enumerations', () => {
    expect(rejection(`${START_EXECUTION}.sync:2`, { ExecutionArn: 'a' })).toBe(
      "Mock result schema validation error: Required field 'StateMachineArn' is missing",
    );
    const described = { ExecutionArn: 'a', StateMachineArn: 'b', Status: 'DONE', StartDate: 'c' };
    expect(rejection(`${START_EXECUTION}.sync`, described)).toBe(
      "Mock result schema validation error: Field 'Status' is not an expected value",
    );
  });

  it('checks aws-sdk resources of the same actions, and not the others', () => {
    expect(rejection('arn:aws:states:::aws-sdk:sqs:sendMessage', { MessageId: 1 })).toBe(
      "Mock result schema validation error: Field 'MessageId' must be a string",
    );
    expect(rejection('arn:aws:states:::aws-sdk:s3:getObject', { ContentLength: '9000' })).toBeUndefined();
    expect(rejection('arn:aws:states:::http:invoke', { StatusCode: 'x' })).toBeUndefined();
    expect(rejection('arn:aws:lambda:us-east-1:123456789012:function:f', 'anything')).toBeUndefined();
    expect(rejection(`${LAMBDA}.waitForTaskToken`, { StatusCode: 'x' })).toBeUndefined();
  });

  it('checks nested DynamoDB attribute values', () => {
    expect(rejection('arn:aws:states:::dynamodb:getItem', { Item: { id: { M: { a: { S: 1 } } } } })).toBe(
      "Mock result schema validation error: Field 'S' must be a string",
    );
  });
});
