/**
 * The service assembled: every API operation over one store, with the durable runtime that runs its Standard
 * executions.
 */
import type { Integration, TaskHandler } from '@lockstep/engine';
import { activityOperations } from './api/activities.js';
import { connectionOperations, resolveStoredConnection, type StoredConnection } from './api/connections.js';
import type { Operation, ServiceContext } from './api/context.js';
import { executionOperations } from './api/executions.js';
import { expressOperations } from './api/express.js';
import { historyOperations } from './api/history.js';
import { stateMachineOperations } from './api/state-machines.js';
import { tagOperations } from './api/tags.js';
import { taskOperations } from './api/tasks.js';
import { testStateOperations } from './api/test-state.js';
import { validateDefinitionOperations } from './api/validate-definition.js';
import { nestedExecutionIntegration } from './integrations/nested-execution.js';
import { DurableRuntime, type DurableRuntimeOptions } from './runtime/durable-runtime.js';
import { DEFAULT_RETENTION_DAYS, scheduleRetention } from './runtime/retention.js';
import type { MockTestCases } from './runtime/transition.js';
import type { Store } from './store/store.js';

/** Options of {@link createService}. */
export interface ServiceOptions {
  store: Store;
  /** The account in ARNs. @default '123456789012' */
  accountId?: string;
  /** The region in ARNs. @default 'us-east-1' */
  region?: string;
  /** Local implementations of Task states, by state name (they win over integrations). */
  taskHandlers?: Record<string, TaskHandler>;
  /** Integrations that perform Task resources, asked in order. */
  integrations?: readonly Integration[];
  /**
   * Mocked responses, as Step Functions Local reads them from `MockConfigFile.json` (`parseMockConfig` of
   * `@lockstep/integrations`): an execution started on `<stateMachineArn>#<TestCase>` (StartExecution,
   * StartSyncExecution) runs that test case of the state machine.
   */
  mockConfig?: MockTestCases;
  /**
   * Scales the delay of Wait states, as Step Functions Local's `WAIT_TIME_SCALE` does (0.5 halves it, 0 skips it);
   * retry intervals and timeouts are not scaled. @default 1
   */
  waitTimeScale?: number;
  /** Epoch ms. @default Date.now */
  clock?: () => number;
  /** @default Math.random */
  random?: () => number;
  /** Tuning of the durable runtime (lease, batch size, idle sleep). */
  runtime?: Pick<DurableRuntimeOptions, 'leaseMs' | 'batchSize' | 'idleMs' | 'onError'>;
  /** The longest GetActivityTask poll. @default 60_000 (AWS's) */
  activityPollMs?: number;
  /** How long closed executions are kept before they are deleted. @default 90 (AWS's) */
  retentionDays?: number;
}

/** A running service. */
export interface Service {
  /** The API operations, keyed by AWS operation name (`CreateStateMachine`, ...). */
  readonly operations: Record<string, Operation>;
  /**
   * EventBridge's operations served with them (the connections HTTP Tasks use), keyed by AWS operation name
   * (`CreateConnection`, ...): the server routes `X-Amz-Target: AWSEvents.<Operation>` here.
   */
  readonly eventsOperations: Record<string, Operation>;
  /**
   * The stored connection an HTTP Task's `ConnectionArn` names (secrets included), or undefined: what
   * `httpIntegration({ resolveConnection })` asks for connections it was not given.
   */
  resolveConnection(connectionArn: string): Promise<StoredConnection | undefined>;
  readonly runtime: DurableRuntime;
  /** Starts running executions. */
  start(): void;
  /** Stops running executions (the store stays open: its owner closes it). */
  stop(): Promise<void>;
}

/** Assembles the service over `options.store`. */
export function createService(options: ServiceOptions): Service {
  const clock = options.clock ?? Date.now;
  const random = options.random ?? Math.random;
  const scale = options.waitTimeScale;
  if (scale !== undefined && !(Number.isFinite(scale) && scale >= 0)) {
    throw new RangeError(`createService: waitTimeScale must be a number >= 0, not ${scale}.`);
  }
  // Nested executions are performed by this service itself (after the caller's integrations).
  let operations: Record<string, Operation> = {};
  const integrations = [...(options.integrations ?? []), nestedExecutionIntegration(() => operations)];
  const runtime = new DurableRuntime({
    ...options.runtime,
    store: options.store,
    taskHandlers: options.taskHandlers,
    integrations,
    mockConfig: options.mockConfig,
    waitTimeScale: options.waitTimeScale,
    clock,
    random,
  });
  const testing = { mockConfig: options.mockConfig, waitTimeScale: options.waitTimeScale };
  const ctx: ServiceContext = {
    store: options.store,
    runtime,
    accountId: options.accountId ?? '123456789012',
    region: options.region ?? 'us-east-1',
    clock,
    random,
    taskHandlers: options.taskHandlers,
    integrations,
  };
  operations = {
    ...stateMachineOperations(ctx),
    ...activityOperations(ctx),
    ...tagOperations(ctx),
    ...validateDefinitionOperations(ctx),
    ...executionOperations(ctx, testing),
    ...expressOperations(ctx, testing),
    ...historyOperations(ctx),
    ...taskOperations(ctx, { pollMs: options.activityPollMs }),
    ...testStateOperations(ctx),
  };
  const retentionMs = (options.retentionDays ?? DEFAULT_RETENTION_DAYS) * 24 * 60 * 60 * 1000;
  let stopRetention: (() => void) | undefined;
  const eventsOperations = connectionOperations(ctx);
  return {
    operations,
    eventsOperations,
    resolveConnection: (connectionArn) => resolveStoredConnection(ctx, connectionArn),
    runtime,
    start() {
      runtime.start();
      stopRetention ??= scheduleRetention(options.store, {
        retentionMs,
        clock,
        onError: options.runtime?.onError ?? console.error,
      });
    },
    async stop() {
      stopRetention?.();
      stopRetention = undefined;
      await runtime.stop();
    },
  };
}
