/**
 * What a Lambda Task asks for, as an Invoke call. A legacy function ARN sends the effective input as the event;
 * `lambda:invoke` takes `FunctionName` (name, partial or full ARN, optionally qualified), `Payload`,
 * `Qualifier`, `InvocationType`, `LogType` and `ClientContext` from its parameters.
 */
import type { IntegrationRequest } from '@lockstep/engine';
import type { ResourceForm } from './errors.js';
import { type FunctionHome, type FunctionRef, legacyFunctionRef, parseFunctionName } from './function-ref.js';
import type { InvokeRequest } from './invoker.js';

/** A Task's Invoke call. */
export interface TaskCall {
  form: ResourceForm;
  ref: FunctionRef;
  request: InvokeRequest;
}

/** Parameters that cannot make an Invoke call: the Task fails with `States.Runtime`, as AWS fails it. */
export class InvalidParametersError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidParametersError';
  }
}

/** Reads the Invoke call of a Lambda Task; throws {@link InvalidParametersError} or `FunctionNameError`. */
export function taskCall(task: IntegrationRequest, home: FunctionHome, requestId: string): TaskCall {
  if (task.resourceInfo.kind === 'lambda-function') {
    const ref = legacyFunctionRef(task.resource);
    return {
      form: 'legacy',
      ref,
      request: { payload: JSON.stringify(task.input), requestId, functionName: task.resource },
    };
  }
  const parameters = (task.input ?? {}) as Record<string, unknown>;
  const { FunctionName, Qualifier, Payload, InvocationType, LogType, ClientContext } = parameters;
  if (typeof FunctionName !== 'string') {
    throw new InvalidParametersError(
      `The Parameters '${JSON.stringify(task.input)}' could not be used to start the Task: ` +
        "[The field 'FunctionName' is required and must be a string]",
    );
  }
  const qualifier = optionalString(Qualifier);
  const ref = parseFunctionName(FunctionName, qualifier, home);
  return {
    form: 'invoke',
    ref,
    request: {
      payload: eventText(Payload),
      requestId,
      functionName: FunctionName,
      ...(qualifier === undefined ? {} : { qualifier }),
      ...optional('invocationType', InvocationType),
      ...optional('logType', LogType),
      ...optional('clientContext', ClientContext),
    },
  };
}

/**
 * The event Lambda receives for `Payload` (AWS-recorded): no payload (or null) is `{}`; a string holding JSON
 * text is sent as that text (`"null"` reaches the function as null); any other value as its JSON.
 */
export function eventText(payload: unknown): string {
  if (payload === undefined || payload === null) return '{}';
  if (typeof payload === 'string') {
    try {
      JSON.parse(payload);
      return payload;
    } catch {
      // Not JSON text: sent as a JSON string, as LocalStack does (not recorded on AWS).
    }
  }
  return JSON.stringify(payload);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function optional<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return typeof value === 'string' ? ({ [key]: value } as { [P in K]?: string }) : {};
}
