/**
 * What the API operations share: the store, the runtime that runs executions, the service's identity
 * (account, region) and its clock.
 */
import type { Integration, TaskHandler } from '@lockstep/engine';
import type { ExecutionRuntime } from '../runtime/execution-runtime.js';
import type { Store } from '../store/store.js';

/** The operations' surroundings. */
export interface ServiceContext {
  store: Store;
  runtime: ExecutionRuntime;
  /** The account in ARNs. @default '123456789012' */
  accountId: string;
  /** The region in ARNs. @default 'us-east-1' */
  region: string;
  /** Epoch ms. */
  clock: () => number;
  /** Random source for names, UUIDs and tokens. */
  random: () => number;
  /** Local implementations of Task states, by state name (as `runExecution` takes them). */
  taskHandlers?: Record<string, TaskHandler>;
  /** Integrations that perform Task resources, asked in order. */
  integrations?: readonly Integration[];
}

/** An API operation: the request body (a JSON object) in, the response body out; throws `ServiceError`. */
export type Operation = (request: Record<string, unknown>) => Promise<Record<string, unknown>>;
