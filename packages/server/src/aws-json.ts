/**
 * AWS JSON 1.0 as Step Functions speaks it: the request target, the content type, and error bodies
 * `{"__type": "<namespace>#<Code>", "message": ...}` (SDKs keep the part after `#` as the error name).
 *
 * Namespaces: Step Functions' own errors are `com.amazonaws.swf.service.v2.model#...`; the request layer AWS's
 * services share answers model-constraint violations as `com.amazon.coral.validate#ValidationException` and protocol
 * failures as `com.amazon.coral.service#...` (UnknownOperationException, SerializationException, InternalFailure).
 * The Step Functions namespace is what SDK deserializers of the service name; the two request-layer ones are
 * recorded for other AWS JSON services (DynamoDB) and by a third-party recording for Step Functions.
 */

/** The media type of requests and responses. */
export const CONTENT_TYPE = 'application/x-amz-json-1.0';

/** `X-Amz-Target: AWSStepFunctions.<Operation>`. */
export const TARGET_PREFIX = 'AWSStepFunctions.';

/** AWS's limit on the size of a Step Functions API request: 1 MB. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

const SERVICE_NAMESPACE = 'com.amazonaws.swf.service.v2.model';
const VALIDATE_NAMESPACE = 'com.amazon.coral.validate';
const PROTOCOL_NAMESPACE = 'com.amazon.coral.service';

/** Errors of the request layer rather than of Step Functions. */
const PROTOCOL_CODES = new Set([
  'UnknownOperationException',
  'SerializationException',
  'InternalFailure',
  'RequestEntityTooLargeException',
]);

/**
 * An error the API answers with. Read structurally (code, message, status, members) rather than with
 * `instanceof ServiceError`, so that an error from another copy of `@lockstep/service` is still recognised.
 */
export interface WireError {
  code: string;
  message: string;
  status: number;
  members: Record<string, unknown>;
}

/** True for a `ServiceError` (or anything shaped like one). */
export function isWireError(error: unknown): error is WireError {
  if (!(error instanceof Error)) return false;
  const e = error as Error & Partial<WireError>;
  return typeof e.code === 'string' && typeof e.status === 'number' && typeof e.members === 'object';
}

/** A request-layer error (an empty message is left out of the body, as AWS's request layer does). */
export function protocolError(code: string, status: number, message = ''): WireError {
  return { code, status, message, members: {} };
}

/** The error's body: `__type`, `message` when there is one, then the error's own members (`resourceName`, ...). */
export function errorBody(error: WireError): Record<string, unknown> {
  const body: Record<string, unknown> = { __type: `${namespaceOf(error)}#${error.code}` };
  if (error.message) body.message = error.message;
  return { ...body, ...error.members };
}

function namespaceOf(error: WireError): string {
  if (PROTOCOL_CODES.has(error.code)) return PROTOCOL_NAMESPACE;
  // Constraint violations are worded `N validation error(s) detected: ...` by the request layer; Step Functions'
  // own ValidationExceptions (e.g. versionDescription without publish) are not.
  if (error.code === 'ValidationException' && /^\d+ validation errors? detected: /.test(error.message)) {
    return VALIDATE_NAMESPACE;
  }
  return SERVICE_NAMESPACE;
}
