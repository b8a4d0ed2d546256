/**
 * What the Lambda integration asks of a place functions run (a local worker, an HTTP endpoint, AWS): Lambda's
 * Invoke operation, answered as Lambda answers it.
 */
import type { FunctionRef } from './function-ref.js';

/** One Invoke call. */
export interface InvokeRequest {
  /** The event as JSON text, as Lambda receives it. */
  payload: string;
  /** AWS's request id of this invocation (a fresh UUID). */
  requestId: string;
  /** `RequestResponse` (default), `Event` or `DryRun`. */
  invocationType?: string;
  /** `Tail` asks for the last 4 KB of the invocation's log in `logResult`. */
  logType?: string;
  /** Base64 JSON handed to the function as `context.clientContext`. */
  clientContext?: string;
  /** The name as the Task gave it (a name, partial or full ARN), for backends that let Lambda resolve it. */
  functionName: string;
  /** The Task's separate `Qualifier` parameter. */
  qualifier?: string;
}

/** Lambda's answer to an Invoke that reached the function. */
export interface InvokeResult {
  /** 200 for RequestResponse, 202 for Event, 204 for DryRun. */
  statusCode: number;
  /** The response payload as text: the function's JSON result, or its error document. */
  payload: string;
  /** Set when the function failed (`Unhandled`, or `Handled` from old runtimes): `payload` is the error. */
  functionError?: string;
  executedVersion?: string;
  /** Base64 log tail, when `logType` was `Tail`. */
  logResult?: string;
  requestId: string;
}

/** Lambda refused or failed the call itself (not the function): reported to the Task as `Lambda.<code>`. */
export class LambdaServiceError extends Error {
  constructor(
    /** Lambda's error code, e.g. `ResourceNotFoundException`, `ServiceException`, `SdkClientException`. */
    readonly code: string,
    message: string,
    /** The HTTP status; undefined for client-side failures (no response). */
    readonly statusCode: number | undefined,
    readonly requestId: string,
  ) {
    super(message);
    this.name = 'LambdaServiceError';
  }
}

/** An invocation under way. */
export interface PendingInvocation {
  /** Lambda's answer; rejects with a {@link LambdaServiceError}. */
  result: Promise<InvokeResult>;
  /** Abandons the invocation (the Task timed out or was aborted): stops the function where possible. */
  cancel(): void;
}

/** A place functions run. */
export interface Invoker {
  invoke(ref: FunctionRef, request: InvokeRequest): PendingInvocation;
}

/** Lambda's `ResourceNotFoundException` for a function that does not exist. */
export function functionNotFound(ref: FunctionRef, requestId: string): LambdaServiceError {
  return new LambdaServiceError('ResourceNotFoundException', `Function not found: ${ref.arn}`, 404, requestId);
}
