/**
 * One call of an AWS API for a Task: which service and action its resource names, the parameters as the SDK
 * command's input, the call, and the answer (or failure) as AWS reports it to the workflow.
 */
import { ErrorName, type Json } from '@lockstep/asl';
import type { IntegrationRequest, TaskResource } from '@lockstep/engine';
import { sdkMetadata } from '../sdk-metadata.js';
import { type AwsSdkConfig, callRegion } from './config.js';
import { captureResponse } from './http-metadata.js';
import { OPTIMIZED_SERVICES, type OptimizedService } from './optimized-services.js';
import type { SdkClients } from './sdk-clients.js';
import { type SdkDialect, toSdkInput } from './sdk-input.js';
import { fromSdkOutput } from './sdk-output.js';
import { type ErrorStyle, serviceFailure } from './service-errors.js';
import { errorPrefix } from './service-names.js';

type JsonObject = { [key: string]: Json };

/** What a Task resource calls. */
export interface CallTarget {
  /** The Step Functions name of the service whose SDK client makes the call (`s3`, `eventbridge`). */
  readonly service: string;
  /** The API action in Step Functions' camelCase (`getObject`). */
  readonly action: string;
  /** The optimized integration, for `arn:aws:states:::sqs:...` and the like; absent for `aws-sdk:...`. */
  readonly optimized?: OptimizedService;
}

/** The outcome of a call. */
export type CallOutcome =
  | { readonly ok: true; readonly output: JsonObject }
  | { readonly ok: false; readonly error: string; readonly cause: string };

/** What `resource` calls, or `undefined` when it is neither an AWS SDK integration nor a supported optimized one. */
export function callTarget(resource: TaskResource): CallTarget | undefined {
  if (resource.kind !== 'service') return undefined;
  // `sendMessage.waitForTaskToken` → `sendMessage`: the pattern is the engine's business.
  const action = resource.resource.split('.')[0];
  if (resource.resourceType.startsWith('aws-sdk:'))
    return { service: resource.resourceType.slice('aws-sdk:'.length), action };
  const optimized = OPTIMIZED_SERVICES[resource.resourceType];
  if (!optimized || !Object.hasOwn(optimized.actions, action)) return undefined;
  return { service: optimized.sdkService, action, optimized };
}

/** Calls the action of `target` with the Task's effective input as parameters. */
export async function callService(
  target: CallTarget,
  request: IntegrationRequest,
  clients: SdkClients,
  config: AwsSdkConfig,
  signal: AbortSignal,
): Promise<CallOutcome> {
  const lookup = await clients.operation(
    target.service,
    target.action,
    callRegion(config, executionArn(request.context)),
  );
  if (!lookup.ok) return lookup;
  const { operation } = lookup;
  const { optimized } = target;
  const dialect: SdkDialect = optimized ? 'java-v1' : 'java-v2';
  const errors: ErrorStyle = optimized?.errors ?? {
    sdk: 'java-v2',
    prefix: errorPrefix(target.service, operation.clientName),
  };
  const parameters = optimized ? optimizedParameters(optimized, target.action, request) : request.input;
  const input = toSdkInput(parameters, operation.input, dialect, request.idempotencyKey);
  if (!input.ok) {
    const cause = `The Parameters '${JSON.stringify(request.input)}' could not be used to start the Task: [${input.reason}]`;
    return { ok: false, error: ErrorName.Runtime, cause };
  }
  const command = operation.createCommand(input.input);
  const response = optimized?.httpMetadata ? captureResponse(command) : undefined;
  let answer: Record<string, unknown>;
  try {
    answer = await operation.client.send(command, { abortSignal: signal });
  } catch (thrown) {
    return { ok: false, ...serviceFailure(thrown, operation.exports, errors) };
  }
  const output = await fromSdkOutput(answer, operation.output, dialect);
  const failure = optimized?.failure?.(output);
  if (failure) return { ok: false, ...failure };
  const raw = response?.();
  if (!raw) return { ok: true, output };
  const requestId = (answer.$metadata as { requestId?: string } | undefined)?.requestId;
  // The metadata members sort among the API's members (`MessageId`, `SdkHttpMetadata`, ..., `SequenceNumber`).
  const withMetadata = Object.entries({ ...output, ...sdkMetadata(raw, requestId) });
  return { ok: true, output: Object.fromEntries(withMetadata.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

/** The parameters the optimized action takes (AWS leaves the others out of the call), adjusted for the service. */
function optimizedParameters(optimized: OptimizedService, action: string, request: IntegrationRequest): Json {
  const { input } = request;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const taken = optimized.actions[action];
  const parameters = Object.fromEntries(Object.entries(input).filter(([name]) => taken.includes(name)));
  return optimized.prepare ? optimized.prepare(parameters, request.context) : parameters;
}

function executionArn(context: Json): string | undefined {
  if (typeof context !== 'object' || context === null || Array.isArray(context)) return undefined;
  const execution = context.Execution;
  if (typeof execution !== 'object' || execution === null || Array.isArray(execution)) return undefined;
  return typeof execution.Id === 'string' ? execution.Id : undefined;
}
