import { describe, expect, it } from 'vitest';
import { functionFailure, sandboxErrorDocument, serviceFailure, timedOutDetail } from './errors.js';
import { LambdaServiceError } from './invoker.js';

/** Lambda's raw error payload of the Python function in AWS's recordings (LocalStack test_task_lambda). */
const PYTHON_PAYLOAD =
  '{"errorMessage": "Some exception was raised.", "errorType": "Exception", "requestId": "<uuid:1>", ' +
  '"stackTrace": ["  File \\"/var/task/handler.py\\", line 2, in handler\\n    raise Exception(\\"Some exception was raised.\\")\\n"]}';

describe('functionFailure', () => {
  it('names the error by errorType; lambda:invoke re-serializes the document compactly (recorded)', () => {
    expect(functionFailure(PYTHON_PAYLOAD, 'invoke')).toEqual({
      error: 'Exception',
      cause:
        '{"errorMessage":"Some exception was raised.","errorType":"Exception","requestId":"<uuid:1>",' +
        '"stackTrace":["  File \\"/var/task/handler.py\\", line 2, in handler\\n    raise Exception(\\"Some exception was raised.\\")\\n"]}',
    });
  });

  it('passes the raw document for a legacy function ARN (recorded)', () => {
    expect(functionFailure(PYTHON_PAYLOAD, 'legacy')).toEqual({ error: 'Exception', cause: PYTHON_PAYLOAD });
  });

  it('is Lambda.Unknown without an errorType (documented for unhandled errors)', () => {
    expect(functionFailure('{"errorMessage":"2019-01-01 abc Task timed out after 3.00 seconds"}', 'invoke')).toEqual({
      error: 'Lambda.Unknown',
      cause: '{"errorMessage":"2019-01-01 abc Task timed out after 3.00 seconds"}',
    });
    expect(functionFailure('not json', 'invoke')).toEqual({ error: 'Lambda.Unknown', cause: 'not json' });
  });
});

describe('serviceFailure', () => {
  it("formats Lambda's errors as the recorded ResourceNotFoundException", () => {
    const error = new LambdaServiceError(
      'ResourceNotFoundException',
      'Function not found: arn:aws:lambda:us-east-1:111111111111:function:no_such_fn',
      404,
      'b5f5d1a2-0000-4000-8000-000000000000',
    );
    expect(serviceFailure(error)).toEqual({
      error: 'Lambda.ResourceNotFoundException',
      cause:
        'Function not found: arn:aws:lambda:us-east-1:111111111111:function:no_such_fn (Service: AWSLambda; ' +
        'Status Code: 404; Error Code: ResourceNotFoundException; Request ID: b5f5d1a2-0000-4000-8000-000000000000; Proxy: null)',
    });
  });

  it('gives a failure without a response its message alone', () => {
    const error = new LambdaServiceError(
      'SdkClientException',
      'Unable to execute HTTP request: connect ECONNREFUSED',
      undefined,
      'x',
    );
    expect(serviceFailure(error)).toEqual({
      error: 'Lambda.SdkClientException',
      cause: 'Unable to execute HTTP request: connect ECONNREFUSED',
    });
  });
});

describe('sandboxErrorDocument', () => {
  it("writes Lambda's timeout document", () => {
    expect(sandboxErrorDocument('abc', 'Sandbox.Timedout', timedOutDetail(3))).toBe(
      '{"errorType":"Sandbox.Timedout","errorMessage":"RequestId: abc Error: Task timed out after 3.00 seconds"}',
    );
  });
});
