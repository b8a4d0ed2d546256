/**
 * Nested executions: `arn:aws:states:::states:startExecution`, `.sync` (the child's DescribeExecution with its
 * `Output` as JSON text), `.sync:2` (`Input`/`Output` parsed) and `.waitForTaskToken`, performed by this same
 * service.
 *
 * AWS's shapes (reference §9.2, §9.4, §9.6): the request-response output is `{ExecutionArn, StartDate,
 * SdkHttpMetadata, SdkResponseMetadata}` (dates as epoch milliseconds, as Step Functions' Java SDK writes them:
 * inferred); `.sync` has the child's DescribeExecution members in PascalCase instead; a child that does not succeed fails the task with `States.TaskFailed` and that description, as
 * JSON, for cause. API errors become `StepFunctions.<Code>Exception`.
 *
 * A task performed again after a crash must not start a second child: without a `Name`, the child's name is made
 * from the attempt's idempotency key, so the repeated StartExecution finds the first child.
 */
import { randomUUID } from 'node:crypto';
import type { Json } from '@lockstep/asl';
import type { Integration, IntegrationCallbacks, IntegrationRequest } from '@lockstep/engine';
import { sdkMetadata } from '@lockstep/integrations';
import type { Operation } from '../api/context.js';
import { derivedExecutionName } from '../runtime/derived-name.js';

/** How often a `.sync` task looks at its child. */
const POLL_MS = 50;

/** The nested-execution integration over the service's own operations (read when a task runs). */
export function nestedExecutionIntegration(operations: () => Record<string, Operation>): Integration {
  return {
    handles: (resource) => resource.resourceType === 'states' && resource.resource.startsWith('startExecution'),
    patterns: ['request-response', 'sync', 'sync:2', 'waitForTaskToken'],
    invoke(request, callbacks) {
      let cancelled = false;
      let childArn: string | undefined;
      run(
        operations(),
        request,
        callbacks,
        () => cancelled,
        (arn) => (childArn = arn),
      ).catch((error: unknown) => callbacks.fail('States.Runtime', String(error)));
      return () => {
        cancelled = true;
        // Stopping the parent's task stops a child it waits for, as AWS does for `.sync`.
        if (childArn && request.resourceInfo.pattern !== 'request-response') {
          operations()
            .StopExecution({ executionArn: childArn })
            .catch(() => {});
        }
      };
    },
  };
}

async function run(
  api: Record<string, Operation>,
  request: IntegrationRequest,
  callbacks: IntegrationCallbacks,
  cancelled: () => boolean,
  started: (arn: string) => void,
): Promise<void> {
  const parameters = (request.input ?? {}) as Record<string, Json>;
  const input =
    parameters.Input === undefined
      ? '{}'
      : typeof parameters.Input === 'string'
        ? parameters.Input
        : JSON.stringify(parameters.Input);
  const name = typeof parameters.Name === 'string' ? parameters.Name : derivedExecutionName(request.idempotencyKey);
  let answer: Record<string, unknown>;
  try {
    answer = await api.StartExecution({ stateMachineArn: parameters.StateMachineArn, input, name });
  } catch (error) {
    const found = alreadyStarted(error, parameters, name);
    if (!found) return fail(callbacks, error);
    answer = await api.DescribeExecution({ executionArn: found });
  }
  const executionArn = answer.executionArn as string;
  started(executionArn);
  const submittedOutput = {
    ExecutionArn: executionArn,
    StartDate: Math.round((answer.startDate as number) * 1000),
    ...sdkMetadataOf(JSON.stringify(answer).length),
  };
  const pattern = request.resourceInfo.pattern;
  if (pattern === 'request-response') return callbacks.succeed(submittedOutput);
  callbacks.submitted(submittedOutput);
  if (pattern === 'waitForTaskToken') return;
  for (;;) {
    if (cancelled()) return;
    const described = await api.DescribeExecution({ executionArn });
    if (described.status !== 'RUNNING') {
      const shown = {
        ...(describedAsAws(described, pattern === 'sync:2') as object),
        ...sdkMetadataOf(JSON.stringify(described).length),
      };
      if (described.status === 'SUCCEEDED') return callbacks.succeed(shown);
      return callbacks.fail('States.TaskFailed', JSON.stringify(shown));
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The response metadata of the StartExecution/DescribeExecution call, as AWS adds it to the output. */
function sdkMetadataOf(contentLength: number): Record<string, Json> {
  const requestId = randomUUID();
  const rawHeaders = [
    'x-amzn-RequestId',
    requestId,
    'Content-Type',
    'application/x-amz-json-1.0',
    'Content-Length',
    String(contentLength),
    'Date',
    new Date().toUTCString(),
  ];
  return sdkMetadata({ statusCode: 200, rawHeaders }, requestId);
}

/** The child a repeated attempt started before (its StartExecution answered `ExecutionAlreadyExists`). */
function alreadyStarted(error: unknown, parameters: Record<string, Json>, name: string): string | undefined {
  if ((error as { code?: string }).code !== 'ExecutionAlreadyExists') return undefined;
  const machine = String(parameters.StateMachineArn);
  return `${machine.replace(':stateMachine:', ':execution:').replace(/:\d+$/, '')}:${name}`;
}

/** A StartExecution failure as AWS reports it: `StepFunctions.<Code>Exception` with the service's message. */
function fail(callbacks: IntegrationCallbacks, error: unknown): void {
  const { code, message } = error as { code?: string; message?: string };
  if (!code) return callbacks.fail('States.Runtime', String(error));
  const name = code.endsWith('Exception') ? code : `${code}Exception`;
  callbacks.fail(
    `StepFunctions.${name}`,
    `${message} (Service: AWSStepFunctions; Status Code: 400; Error Code: ${code}; Request ID: ${randomUUID()}; Proxy: null)`,
  );
}

/** DescribeExecution's answer with AWS's PascalCase members; `.sync:2` parses `Input` and `Output`. */
function describedAsAws(described: Record<string, unknown>, parse: boolean): Json {
  const shown: Record<string, Json> = {};
  for (const [key, value] of Object.entries(described)) {
    const member = key[0].toUpperCase() + key.slice(1);
    if (value === undefined) continue;
    if ((key === 'startDate' || key === 'stopDate') && typeof value === 'number')
      shown[member] = Math.round(value * 1000);
    else if (parse && (key === 'input' || key === 'output') && typeof value === 'string')
      shown[member] = JSON.parse(value);
    else if (key === 'inputDetails' || key === 'outputDetails')
      shown[member] = { Included: (value as { included: boolean }).included };
    else shown[member] = value as Json;
  }
  return shown;
}
