/**
 * A failed SDK call as AWS reports it: the error named after the Java SDK's exception class, prefixed by the
 * service, and the cause in that SDK's message format. AWS SDK integrations run on the Java SDK v2
 * (`Sfn.InvalidTokenException`, cause `... (Service: Sfn, Status Code: 400, Request ID: ...)`, recorded on AWS);
 * the optimized integrations on the Java SDK v1 (`DynamoDB.ConditionalCheckFailedException`, cause `... (Service:
 * AmazonDynamoDBv2; Status Code: 400; Error Code: ...; Request ID: ...; Proxy: null)`).
 */
import { javaV1ExceptionName, javaV2ExceptionName } from './java-naming.js';
import type { ClientPackage } from './sdk-clients.js';

/** A task failure: AWS's error name and cause. */
export interface TaskFailure {
  readonly error: string;
  readonly cause: string;
}

/** How a service's errors are named. */
export type ErrorStyle =
  /** AWS SDK integrations: `<prefix>.<Exception>`, errors the model does not declare as `<prefix>.<prefix>Exception`. */
  | { readonly sdk: 'java-v2'; readonly prefix: string }
  /** Optimized integrations: `<prefix>.<Exception>`, undeclared errors as `<prefix>.<unmodeled>`. */
  | { readonly sdk: 'java-v1'; readonly prefix: string; readonly serviceName: string; readonly unmodeled: string };

interface SdkError {
  name?: string;
  message?: string;
  /** The query-protocol error code, where it differs from the error's name (SQS, SNS). */
  Code?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string; extendedRequestId?: string };
}

/** The failure of a call that threw `thrown`, for a service whose client package exports `exports`. */
export function serviceFailure(thrown: unknown, exports: ClientPackage, style: ErrorStyle): TaskFailure {
  const error = (typeof thrown === 'object' && thrown !== null ? thrown : {}) as SdkError;
  const status = error.$metadata?.httpStatusCode;
  // No HTTP status: the request never got an answer (connection refused, timeout). The Java SDKs raise
  // SdkClientException for these.
  if (status === undefined) {
    return {
      error: `${style.prefix}.SdkClientException`,
      cause: `Unable to execute HTTP request: ${error.message ?? String(thrown)}`,
    };
  }
  const name = error.name ?? 'UnknownError';
  const declared = exports[name];
  const modeled = typeof declared === 'function' && thrown instanceof declared;
  // The SDK v3 says `UnknownError` where the response carried no message; the Java SDKs print `null`.
  const message = error.message === undefined || error.message === 'UnknownError' ? 'null' : error.message;
  const requestId = error.$metadata?.requestId ?? 'null';
  if (style.sdk === 'java-v2') {
    const extended = error.$metadata?.extendedRequestId;
    return {
      error: `${style.prefix}.${modeled ? javaV2ExceptionName(name) : `${style.prefix}Exception`}`,
      cause:
        `${message} (Service: ${style.prefix}, Status Code: ${status}, Request ID: ${requestId}` +
        `${extended ? `, Extended Request ID: ${extended}` : ''})`,
    };
  }
  return {
    error: `${style.prefix}.${modeled ? javaV1ExceptionName(name) : style.unmodeled}`,
    cause:
      `${message} (Service: ${style.serviceName}; Status Code: ${status}; Error Code: ${error.Code ?? name}; ` +
      `Request ID: ${requestId}; Proxy: null)`,
  };
}
