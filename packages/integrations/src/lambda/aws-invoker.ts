/**
 * Functions in AWS Lambda or behind any Lambda-compatible endpoint (LocalStack, SAM's local endpoint, ...),
 * called with `@aws-sdk/client-lambda`'s Invoke. Lambda's answers pass through; its error responses become
 * `Lambda.<ErrorCode>` and a call that got no response `Lambda.SdkClientException`, as Step Functions names them.
 */
import { type InvocationType, InvokeCommand, LambdaClient, type LogType } from '@aws-sdk/client-lambda';
import type { AwsFunctionConfig } from './config.js';
import type { FunctionRef } from './function-ref.js';
import {
  type InvokeRequest,
  type InvokeResult,
  type Invoker,
  LambdaServiceError,
  type PendingInvocation,
} from './invoker.js';

/** Lambda clients by endpoint, region and credentials: one per target, reused across invocations. */
export class AwsInvokers {
  readonly #clients = new Map<string, LambdaClient>();

  /** Invokes functions at `target` (its endpoint, else `AWS_ENDPOINT_URL_LAMBDA`, else `AWS_ENDPOINT_URL`). */
  invoker(target: AwsFunctionConfig): Invoker {
    return { invoke: (ref, request) => this.#invoke(target, ref, request) };
  }

  /** Releases the clients' connections. */
  close(): void {
    for (const client of this.#clients.values()) client.destroy();
    this.#clients.clear();
  }

  #client(target: AwsFunctionConfig, region: string): LambdaClient {
    const endpoint = target.endpoint ?? process.env.AWS_ENDPOINT_URL_LAMBDA ?? process.env.AWS_ENDPOINT_URL;
    const key = JSON.stringify([endpoint, target.region ?? region, target.credentials]);
    let client = this.#clients.get(key);
    if (!client) {
      client = new LambdaClient({
        region: target.region ?? region,
        ...(endpoint ? { endpoint } : {}),
        ...(target.credentials ? { credentials: target.credentials } : {}),
      });
      this.#clients.set(key, client);
    }
    return client;
  }

  #invoke(target: AwsFunctionConfig, ref: FunctionRef, request: InvokeRequest): PendingInvocation {
    const abort = new AbortController();
    const command = new InvokeCommand({
      FunctionName: target.functionName ?? request.functionName,
      Payload: new TextEncoder().encode(request.payload),
      ...(request.qualifier === undefined ? {} : { Qualifier: request.qualifier }),
      ...(request.invocationType === undefined ? {} : { InvocationType: request.invocationType as InvocationType }),
      ...(request.logType === undefined ? {} : { LogType: request.logType as LogType }),
      ...(request.clientContext === undefined ? {} : { ClientContext: request.clientContext }),
    });
    const result = this.#client(target, ref.region)
      .send(command, { abortSignal: abort.signal })
      .then(
        (output): InvokeResult => ({
          statusCode: output.StatusCode ?? 200,
          payload: output.Payload ? new TextDecoder().decode(output.Payload) : '',
          ...(output.FunctionError === undefined ? {} : { functionError: output.FunctionError }),
          ...(output.ExecutedVersion === undefined ? {} : { executedVersion: output.ExecutedVersion }),
          ...(output.LogResult === undefined ? {} : { logResult: output.LogResult }),
          requestId: output.$metadata.requestId ?? request.requestId,
        }),
        (e: unknown) => {
          throw serviceError(e, request.requestId);
        },
      );
    return { result, cancel: () => abort.abort() };
  }
}

/** An SDK failure as Lambda's error: with the response's status and code, or a client-side failure. */
function serviceError(e: unknown, fallbackRequestId: string): LambdaServiceError {
  const error = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number; requestId?: string } };
  const status = error.$metadata?.httpStatusCode;
  const message = error.message ?? String(e);
  if (status === undefined) {
    return new LambdaServiceError(
      'SdkClientException',
      `Unable to execute HTTP request: ${message}`,
      undefined,
      fallbackRequestId,
    );
  }
  const code = error.name && error.name !== 'Error' ? error.name : 'AWSLambdaException';
  return new LambdaServiceError(code, message, status, error.$metadata?.requestId ?? fallbackRequestId);
}
