/**
 * Performing a Task, for every runtime: a local handler registered for the state (the library's way to test a
 * workflow without its resources) wins; then the mocked responses of the execution's test case (Step Functions
 * Local's `MockConfigFile.json`), for the states it mocks; otherwise the first integration that handles the
 * resource performs it, in the resource's pattern; otherwise the task fails with a `States.Runtime` that says
 * what is missing.
 */
import { ErrorName, type Json } from '@lockstep/asl';
import type { Integration, IntegrationRequest } from '../integration.js';
import type { TaskRequest } from '../messages.js';
import { parseResource } from '../resource.js';
import type { TaskOutcome } from './driver.js';
import { invokeTaskHandler, type TaskHandler } from './task-handlers.js';

/** How a performed task reports back. */
export interface TaskReport {
  /** A `.sync` or `.waitForTaskToken` call was answered (AWS records `TaskSubmitted`). */
  submitted(output: Json): void;
  /**
   * The task is over for the performer: with its outcome, or with `undefined` when the outcome comes later
   * from elsewhere (a `.waitForTaskToken` task, completed with its token through the API).
   */
  done(outcome: TaskOutcome | undefined): void;
}

/** A test case's mocked responses (Step Functions Local's `MockConfigFile.json`), as the runtimes consult them. */
export interface MockedResponses {
  /** True when the test case mocks the Task state `stateName`; the states it does not name run for real. */
  mocks(stateName: string): boolean;
  /**
   * The outcome of the `invocation`-th call of the mocked state `request.stateName`: calls are numbered from 0,
   * per state and per execution, and a retry is a call.
   */
  respond(request: TaskRequest, invocation: number): TaskOutcome;
}

/** Mocked responses as one execution uses them, with that execution's own invocation counts. */
export interface TaskMock {
  responses: MockedResponses;
  /**
   * Calls so far of each mocked state, by state name. The runtime gives every execution its own map (nothing
   * carries over to the next execution); {@link performTask} counts each mocked call in it.
   */
  invocations: Map<string, number>;
}

/** What performs tasks. */
export interface TaskPerformers {
  /** Local implementations by Task state name. */
  taskHandlers?: Record<string, TaskHandler>;
  /** The execution's test case: its mocked states are answered from it instead of their integrations. */
  mock?: TaskMock;
  /** Integrations, asked in order. */
  integrations?: readonly Integration[];
  /**
   * True where task tokens can be sent back (the service's SendTaskSuccess): a `.waitForTaskToken` task with
   * neither handler nor integration then waits for its token instead of failing.
   */
  acceptsTokens?: boolean;
}

/** Performs one task; returns a function that cancels it (a timed-out or aborted task). */
export function performTask(request: TaskRequest, performers: TaskPerformers, report: TaskReport): () => void {
  const handler = performers.taskHandlers?.[request.stateName];
  if (handler) {
    invokeTaskHandler(handler, request, report.done);
    return noop;
  }
  const mock = performers.mock;
  if (mock?.responses.mocks(request.stateName)) {
    const invocation = mock.invocations.get(request.stateName) ?? 0;
    mock.invocations.set(request.stateName, invocation + 1);
    // A mocked task never calls its service, whatever its pattern (a callback task gets its token and is answered).
    report.done(mock.responses.respond(request, invocation));
    return noop;
  }
  const resourceInfo = parseResource(request.resource);
  const integration = performers.integrations?.find((i) => i.handles(resourceInfo));
  if (!integration) {
    // Without a handler or an integration, a callback task can still wait for its token (sent through the API).
    if (request.taskToken !== undefined && performers.acceptsTokens) report.done(undefined);
    else report.done({ ok: false, error: ErrorName.Runtime, cause: missingPerformer(request) });
    return noop;
  }
  if (!integration.patterns.includes(resourceInfo.pattern)) {
    report.done({
      ok: false,
      error: ErrorName.Runtime,
      cause: `The resource '${request.resource}' does not support the ${resourceInfo.pattern} integration pattern.`,
    });
    return noop;
  }
  const integrationRequest: IntegrationRequest = {
    ...request,
    resourceInfo,
    idempotencyKey: request.idempotencyKey ?? `${request.stateName}/${request.resource}`,
  };
  let over = false;
  const finish = (outcome: TaskOutcome | undefined) => {
    if (over) return;
    over = true;
    report.done(outcome);
  };
  return integration.invoke(integrationRequest, {
    submitted(output) {
      if (over) return;
      report.submitted(output);
      if (resourceInfo.pattern === 'waitForTaskToken') finish(undefined);
    },
    succeed: (output) => finish({ ok: true, output }),
    fail: (error, cause) => finish({ ok: false, error, cause }),
  });
}

function noop(): void {}

function missingPerformer(request: TaskRequest): string {
  return (
    `No task handler for the Task state '${request.stateName}' (resource '${request.resource}'): ` +
    `pass taskHandlers['${request.stateName}'] or an integration for the resource.`
  );
}
