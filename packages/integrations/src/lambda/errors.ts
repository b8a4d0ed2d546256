/**
 * How Step Functions names a failed Lambda call. A function error takes its name from the error document's
 * `errorType` (AWS-recorded: `Exception` for a Python `raise Exception(...)`) and its cause is the document
 * itself: re-serialized compactly by `lambda:invoke`, Lambda's raw text for a legacy function ARN. Failures
 * of Lambda itself are `Lambda.<ErrorCode>` with the AWS SDK for Java v1's message format.
 */
import type { LambdaServiceError } from './invoker.js';

/** A Task failure: error name and cause. */
export interface LambdaTaskError {
  error: string;
  cause: string;
}

/** Which resource form called the function: they report the error document differently. */
export type ResourceForm = 'invoke' | 'legacy';

/**
 * The Task error of a function error. A document without `errorType` is what Lambda reported for timeouts and
 * crashes before it named them (`Sandbox.Timedout`, `Runtime.ExitError`): AWS documents those as `Lambda.Unknown`.
 */
export function functionFailure(payload: string, form: ResourceForm): LambdaTaskError {
  let document: unknown;
  try {
    document = JSON.parse(payload);
  } catch {
    return { error: 'Lambda.Unknown', cause: payload };
  }
  const errorType = (document as { errorType?: unknown } | null)?.errorType;
  return {
    error: typeof errorType === 'string' ? errorType : 'Lambda.Unknown',
    cause: form === 'invoke' ? JSON.stringify(document) : payload,
  };
}

/**
 * The Task error of a failed Lambda call, e.g. `Lambda.ResourceNotFoundException` with
 * `Function not found: arn:... (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException;
 * Request ID: ...; Proxy: null)` (AWS-recorded). Without a response (`SdkClientException`) the message stands alone.
 */
export function serviceFailure(e: LambdaServiceError): LambdaTaskError {
  const error = `Lambda.${e.code}`;
  if (e.statusCode === undefined) return { error, cause: e.message };
  const details = [
    'Service: AWSLambda',
    `Status Code: ${e.statusCode}`,
    `Error Code: ${e.code}`,
    `Request ID: ${e.requestId}`,
    'Proxy: null',
  ].join('; ');
  return { error, cause: `${e.message} (${details})` };
}

/**
 * An error document Lambda itself writes for a failure of the function's sandbox, e.g.
 * `{"errorType":"Sandbox.Timedout","errorMessage":"RequestId: <id> Error: Task timed out after 3.00 seconds"}`.
 */
export function sandboxErrorDocument(requestId: string, errorType: string, detail: string): string {
  return JSON.stringify({ errorType, errorMessage: `RequestId: ${requestId} Error: ${detail}` });
}

/** Lambda's detail text of a function that ran out of time. */
export function timedOutDetail(timeoutSeconds: number): string {
  return `Task timed out after ${timeoutSeconds.toFixed(2)} seconds`;
}
