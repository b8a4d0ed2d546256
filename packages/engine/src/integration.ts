/**
 * The Integration interface: how a Task's `Resource` is performed. The core only issues `InvokeTask`
 * commands; a runtime resolves each to an integration and reports the outcome back as an engine event.
 * Implementations (Lambda, HTTP, nested executions, AWS SDK, activities, mocks) live outside the engine.
 */
import type { Json } from '@lockstep/asl';
import type { TaskRequest } from './messages.js';
import type { IntegrationPattern, TaskResource } from './resource.js';

/** What an integration learns about one Task attempt. */
export interface IntegrationRequest extends TaskRequest {
  /** The classified resource, including its pattern. */
  resourceInfo: TaskResource;
  /** The idempotency key of this attempt (`executionArn/enteredEventId/attempt`): a retried call reuses none. */
  idempotencyKey: string;
  /** Set only by TestState at inspection level TRACE: an integration that sends an HTTP request reports it here. */
  httpTrace?: HttpTrace;
}

/** One HTTP request an integration sent and the response it got, as TestState's TRACE `inspectionData` shows them. */
export interface HttpExchange {
  request: {
    protocol: string;
    method: string;
    url: string;
    headers: ReadonlyArray<readonly [string, string]>;
    body?: string;
  };
  /** Absent when no response came (the request failed below HTTP or timed out). */
  response?: {
    protocol: string;
    statusCode: number;
    statusMessage: string;
    headers: Readonly<Record<string, readonly string[]>>;
    body: string;
  };
}

/** How an integration reports its HTTP exchange to TestState. */
export interface HttpTrace {
  /** False: the reported request leaves out what the connection adds (its authorization and parameters). */
  revealSecrets: boolean;
  /** Called with the exchange whose response (or failure) decided the task; an earlier one is replaced. */
  record(exchange: HttpExchange): void;
}

/**
 * How an integration reports progress and outcome, by pattern: request-response calls `succeed` with the
 * result (or `fail`); `.sync` calls `submitted` with the call's answer (AWS records `TaskSubmitted`), then
 * `succeed` with the job's result (or `fail`) when the job ends; `.waitForTaskToken` calls `submitted` with
 * the call's answer and nothing more (the outcome comes with the token), or `fail` when the call failed.
 */
export interface IntegrationCallbacks {
  submitted(output: Json): void;
  succeed(output: Json): void;
  /** The task failed with AWS's error name and cause. */
  fail(error: string | undefined, cause: string | undefined): void;
}

/**
 * Performs Task resources. `patterns` lists what it supports for its resources; a Task whose pattern is
 * not supported fails before the call (`States.Runtime`), as AWS rejects such definitions.
 */
export interface Integration {
  /** True when this integration performs `resource`. */
  handles(resource: TaskResource): boolean;
  /** The patterns this integration supports. */
  readonly patterns: readonly IntegrationPattern[];
  /** Starts the work; calls exactly one of the callbacks once, now or later. Returns a cancel function. */
  invoke(request: IntegrationRequest, callbacks: IntegrationCallbacks): () => void;
}
