/**
 * Helpers of the Lambda integration's tests: calling the integration as the engine's dispatcher does.
 */
import { fileURLToPath } from 'node:url';
import type { Json } from '@lockstep/asl';
import { type Integration, type IntegrationRequest, parseResource } from '@lockstep/engine';

/** The folder of the test functions. */
export const FIXTURES = fileURLToPath(new URL('./test-fixtures/', import.meta.url));

/** The context object of a state machine in us-east-1, account 111111111111 (AWS recordings' placeholder). */
export const CONTEXT = {
  Execution: { Id: 'arn:aws:states:us-east-1:111111111111:execution:Machine:run' },
  StateMachine: { Id: 'arn:aws:states:us-east-1:111111111111:stateMachine:Machine', Name: 'Machine' },
  State: { Name: 'Start' },
} as const;

/** How the integration answered one call (`output` for succeed and submitted, `error` and `cause` for fail). */
export interface Answer {
  kind: 'succeed' | 'submitted' | 'fail';
  output?: any;
  error?: string;
  cause?: string;
}

/** Calls `integration` for a Task with `resource` and effective `input`; resolves with its first answer. */
export function call(
  integration: Integration,
  resource: string,
  input: Json,
  extra: Partial<IntegrationRequest> = {},
): Promise<Answer> {
  const request: IntegrationRequest = {
    stateName: 'Start',
    resource,
    input,
    context: CONTEXT as unknown as Json,
    resourceInfo: parseResource(resource),
    idempotencyKey: 'test',
    ...extra,
  };
  return new Promise((resolve) => {
    integration.invoke(request, {
      succeed: (output) => resolve({ kind: 'succeed', output }),
      submitted: (output) => resolve({ kind: 'submitted', output }),
      fail: (error, cause) => resolve({ kind: 'fail', error, cause }),
    });
  });
}

/** Replaces the values that differ on every call (request ids, dates, trace ids) with placeholders. */
export function masked(envelope: Json): Json {
  return JSON.parse(
    JSON.stringify(envelope)
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<request-id>')
      .replace(/[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT/g, '<date>')
      .replace(/Root=1-[0-9a-f]{8}-[0-9a-f]{24};Sampled=0/g, '<trace-id>'),
  ) as Json;
}
