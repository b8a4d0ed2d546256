/**
 * `@lockstep/service`: the Step Functions service (state machines, executions, activities) over a
 * {@link Store}, with the durable runtime that runs Standard executions.
 */

export type { Operation, ServiceContext } from './api/context.js';
export { ServiceError } from './api/service-error.js';
export { DurableRuntime, type DurableRuntimeOptions } from './runtime/durable-runtime.js';
export type { ExecutionRuntime } from './runtime/execution-runtime.js';
export { failPoint } from './runtime/fail-points.js';
export { createService, type Service, type ServiceOptions } from './service.js';
export { createMemoryStore } from './store/memory-store.js';
export type * from './store/records.js';
export { workId } from './store/records.js';
export type { InsertExecutionResult, ListOptions, Store } from './store/store.js';
