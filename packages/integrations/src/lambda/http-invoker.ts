/**
 * Functions behind an HTTP endpoint: the event is POSTed as JSON, a 2xx response's body is the function's
 * result. A response with an `X-Amz-Function-Error` header carries a function error document (as Lambda's
 * own Invoke responses do); any other non-2xx response is a `Lambda.ServiceException`, and no response at all
 * a `Lambda.SdkClientException`.
 */
import type { HttpFunctionConfig } from './config.js';
import { sandboxErrorDocument, timedOutDetail } from './errors.js';
import type { FunctionRef } from './function-ref.js';
import {
  type InvokeRequest,
  type InvokeResult,
  type Invoker,
  LambdaServiceError,
  type PendingInvocation,
} from './invoker.js';

/** Invokes functions at `target.url`. */
export function httpInvoker(target: HttpFunctionConfig): Invoker {
  return { invoke: (ref, request) => invokeOverHttp(target, ref, request) };
}

function invokeOverHttp(target: HttpFunctionConfig, ref: FunctionRef, request: InvokeRequest): PendingInvocation {
  const { requestId } = request;
  if (request.invocationType === 'DryRun')
    return { result: Promise.resolve({ statusCode: 204, payload: '', requestId }), cancel() {} };
  const abort = new AbortController();
  let timedOut = false;
  const timer =
    target.timeoutSeconds === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          abort.abort();
        }, target.timeoutSeconds * 1000);
  const call = async (): Promise<InvokeResult> => {
    let response: Response;
    let body: string;
    try {
      response = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-amz-function-name': ref.name,
          'x-amzn-requestid': requestId,
          ...target.headers,
        },
        body: request.payload,
        signal: abort.signal,
      });
      body = await response.text();
    } catch (e) {
      if (timedOut) {
        const payload = sandboxErrorDocument(requestId, 'Sandbox.Timedout', timedOutDetail(target.timeoutSeconds!));
        return { statusCode: 200, payload, functionError: 'Unhandled', executedVersion: '$LATEST', requestId };
      }
      const reason = (e as { cause?: { message?: string } }).cause?.message ?? (e as Error).message;
      throw new LambdaServiceError(
        'SdkClientException',
        `Unable to execute HTTP request: ${reason}`,
        undefined,
        requestId,
      );
    } finally {
      clearTimeout(timer);
    }
    const functionError = response.headers.get('x-amz-function-error') ?? undefined;
    if (!response.ok && functionError === undefined) {
      const message = body.trim() || `${response.status} ${response.statusText}`.trim();
      throw new LambdaServiceError('ServiceException', message, response.status, requestId);
    }
    return {
      statusCode: 200,
      payload: body,
      ...(functionError === undefined ? {} : { functionError }),
      executedVersion: '$LATEST',
      requestId,
    };
  };
  const result = call();
  if (request.invocationType === 'Event') {
    // Lambda answers an Event invocation at once; the function's outcome is not the caller's.
    result.catch(() => {});
    return { result: Promise.resolve({ statusCode: 202, payload: '', requestId }), cancel() {} };
  }
  return { result, cancel: () => abort.abort() };
}
