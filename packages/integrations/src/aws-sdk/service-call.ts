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
  const { optimized } = target;
  const parameters = optimized ? optimizedParameters(optimized, target.action, request) : request.input;
  const outcome = await callAction(
    clients,
    {
      service: target.service,
      action: target.action,
      parameters,
      given: request.input,
      dialect: optimized ? 'java-v1' : 'java-v2',
      errors: optimized?.errors,
      httpMetadata: optimized?.httpMetadata ?? false,
      region: requestRegion(config, request),
      idempotencyKey: request.idempotencyKey,
    },
    signal,
  );
  if (!outcome.ok || !optimized) return outcome;
  const failure = optimized.failure?.(outcome.output, request.resourceInfo.pattern);
  if (failure) return { ok: false, ...failure };
  const completed = optimized.complete?.(outcome.output, parameters);
  return completed ? { ok: true, output: sortedMembers({ ...outcome.output, ...completed }) } : outcome;
}

/** One call of an API action, with parameters as Step Functions writes them. */
export interface ActionCall {
  /** The Step Functions name of the service (`s3`, `glue`). */
  readonly service: string;
  /** The action in Step Functions' camelCase (`getJobRun`). */
  readonly action: string;
  readonly parameters: Json;
  /** The parameters as the Task gave them, for the cause of parameters the action cannot take. @default `parameters` */
  readonly given?: Json;
  readonly dialect: SdkDialect;
  /** @default the AWS SDK integrations' (Java SDK v2) naming, prefixed for the service */
  readonly errors?: ErrorStyle;
  /** Whether the output carries `SdkHttpMetadata` and `SdkResponseMetadata` (the optimized integrations'). */
  readonly httpMetadata: boolean;
  readonly region: string;
  /** Fills the action's idempotency token when the parameters leave it out. */
  readonly idempotencyKey?: string;
}

/** Calls an action; its answer is shaped, and its failure named, as the call's dialect has AWS do it. */
export async function callAction(clients: SdkClients, call: ActionCall, signal: AbortSignal): Promise<CallOutcome> {
  const lookup = await clients.operation(call.service, call.action, call.region);
  if (!lookup.ok) return lookup;
  const { operation } = lookup;
  const errors: ErrorStyle = call.errors ?? { sdk: 'java-v2', prefix: errorPrefix(call.service, operation.clientName) };
  const input = toSdkInput(call.parameters, operation.input, call.dialect, call.idempotencyKey);
  if (!input.ok) {
    const given = JSON.stringify(call.given ?? call.parameters);
    const cause = `The Parameters '${given}' could not be used to start the Task: [${input.reason}]`;
    return { ok: false, error: ErrorName.Runtime, cause };
  }
  const command = operation.createCommand(input.input);
  const response = call.httpMetadata ? captureResponse(command) : undefined;
  let answer: Record<string, unknown>;
  try {
    answer = await operation.client.send(command, { abortSignal: signal });
  } catch (thrown) {
    return { ok: false, ...serviceFailure(thrown, operation.exports, errors) };
  }
  const output = await fromSdkOutput(answer, operation.output, call.dialect);
  const raw = response?.();
  if (!raw) return { ok: true, output };
  const requestId = (answer.$metadata as { requestId?: string } | undefined)?.requestId;
  // The metadata members sort among the API's members (`MessageId`, `SdkHttpMetadata`, ..., `SequenceNumber`).
  return { ok: true, output: sortedMembers({ ...output, ...sdkMetadata(raw, requestId) }) };
}

function sortedMembers(output: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(output).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The parameters the optimized action takes (AWS leaves the others out of the call), adjusted for the service. */
function optimizedParameters(optimized: OptimizedService, action: string, request: IntegrationRequest): Json {
  const { input } = request;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const taken = optimized.actions[action];
  const parameters =
    taken === 'all' ? input : Object.fromEntries(Object.entries(input).filter(([name]) => taken.includes(name)));
  return optimized.prepare ? optimized.prepare(parameters, request) : parameters;
}

/** The region of a Task's calls: configured, from the environment, or its execution's. */
export function requestRegion(config: AwsSdkConfig, request: IntegrationRequest): string {
  return callRegion(config, executionArn(request.context));
}

function executionArn(context: Json): string | undefined {
  if (typeof context !== 'object' || context === null || Array.isArray(context)) return undefined;
  const execution = context.Execution;
  if (typeof execution !== 'object' || execution === null || Array.isArray(execution)) return undefined;
  return typeof execution.Id === 'string' ? execution.Id : undefined;
}
