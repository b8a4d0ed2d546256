import { describe, expect, it } from 'vitest';
import { validateDefinition } from './index.js';

function diagnose(
  task: Record<string, unknown>,
  type?: 'STANDARD' | 'EXPRESS',
): [string, string, string | undefined][] {
  const definition = { StartAt: 'T', States: { T: { Type: 'Task', End: true, ...task } } };
  return validateDefinition(definition, { type }).map((d) => [d.code, d.message, d.location]);
}

const schema = (message: string, location: string) => ['SCHEMA_VALIDATION_FAILED', message, location];
const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:f';

describe('checkTaskState', () => {
  it('requires a Resource that is an ARN (AWS message)', () => {
    expect(diagnose({})).toEqual([schema('These fields are required: [Resource]', '/States/T')]);
    expect(diagnose({ Resource: 'createToken' })).toEqual([
      schema(
        'The resource provided createToken is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.',
        '/States/T/Resource',
      ),
    ]);
    expect(diagnose({ Resource: LAMBDA })).toEqual([]);
    expect(diagnose({ Resource: 'arn:aws:states:::aws-sdk:s3:listBuckets' })).toEqual([]);
  });

  it('refuses .sync, .waitForTaskToken and activities in Express machines (AWS recorded)', () => {
    expect(diagnose({ Resource: 'arn:aws:states:::states:startExecution.sync' }, 'EXPRESS')).toEqual([
      schema("Express state machine does not support '.sync' service integration", '/States/T/Resource'),
    ]);
    expect(diagnose({ Resource: 'arn:aws:states:::states:startExecution.sync:2' }, 'EXPRESS')).toEqual([
      schema("Express state machine does not support '.sync' service integration", '/States/T/Resource'),
    ]);
    expect(diagnose({ Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken' }, 'EXPRESS')).toEqual([
      schema("Express state machine does not support '.waitForTaskToken' service integration ", '/States/T/Resource'),
    ]);
    expect(diagnose({ Resource: 'arn:aws:states:us-east-1:123456789012:activity:a' }, 'EXPRESS')).toEqual([
      schema('Express state machine does not support Activity ARN', '/States/T/Resource'),
    ]);
    expect(diagnose({ Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken' }, 'STANDARD')).toEqual([]);
  });

  it('bounds TimeoutSeconds and HeartbeatSeconds, and keeps the heartbeat under the timeout', () => {
    expect(diagnose({ Resource: LAMBDA, TimeoutSeconds: 0 })).toEqual([
      schema('Minimum value is 1', '/States/T/TimeoutSeconds'),
    ]);
    expect(diagnose({ Resource: LAMBDA, HeartbeatSeconds: 100_000_000 })).toEqual([
      schema('Maximum value is 99999999', '/States/T/HeartbeatSeconds'),
    ]);
    expect(diagnose({ Resource: LAMBDA, TimeoutSeconds: 10, HeartbeatSeconds: 10 })).toEqual([
      schema('HeartbeatSeconds must be less than TimeoutSeconds', '/States/T/HeartbeatSeconds'),
    ]);
    expect(diagnose({ Resource: LAMBDA, TimeoutSeconds: '{% 1 %}' })).toEqual([
      schema('Expected value of type [INTEGER]', '/States/T/TimeoutSeconds'),
    ]);
  });

  it('makes TimeoutSeconds and TimeoutSecondsPath exclusive and checks the path', () => {
    expect(diagnose({ Resource: LAMBDA, TimeoutSeconds: 5, TimeoutSecondsPath: '$.t' })).toEqual([
      schema('There should only be one of the following fields: [TimeoutSeconds, TimeoutSecondsPath]', '/States/T'),
    ]);
    expect(diagnose({ Resource: LAMBDA, HeartbeatSecondsPath: 'x' })).toEqual([
      schema("Value is not a Reference Path: Reference path didn't start with '$'", '/States/T/HeartbeatSecondsPath'),
    ]);
  });

  it('requires Credentials.RoleArn (AWS recorded)', () => {
    expect(diagnose({ Resource: LAMBDA, Credentials: {} })).toEqual([
      schema("The field 'RoleArn' is required but was missing", '/States/T/Credentials'),
    ]);
    expect(diagnose({ Resource: LAMBDA, Credentials: { 'RoleArn.$': '$.role' } })).toEqual([]);
    expect(diagnose({ Resource: LAMBDA, Credentials: { RoleArn: 'arn:aws:iam::123456789012:role/r' } })).toEqual([]);
  });
});
