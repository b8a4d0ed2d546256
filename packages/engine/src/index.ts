/**
 * `@lockstep/engine`: the interpreter (a pure `step` function over an execution record) and the in-memory
 * runtime (`runExecution`).
 */

export { compileMachine } from './compile.js';
export type { CompiledBlock, CompiledMachine, CompiledState, StateSignal } from './compiled.js';
export type { BlockRun, ExecutionIdentity, ExecutionRecord, ExecutionStatus, GroupRun } from './execution.js';
export { attachParents, createExecutionRecord } from './execution.js';
export type { HistoryEvent, HistoryEventType } from './history.js';
export { detailsKey, HISTORY_EVENT_LIMIT } from './history.js';
export { HistoryLog } from './history-log.js';
export { uuid } from './ids.js';
export type { HttpExchange, HttpTrace, Integration, IntegrationCallbacks, IntegrationRequest } from './integration.js';
export type { Command, EngineEvent, MapRunRequest, TaskRequest } from './messages.js';
export { type IntegrationPattern, parseResource, type TaskResource } from './resource.js';
export type { TaskOutcome } from './runtime/driver.js';
export { invalidExecutionInput, parseExecutionInput } from './runtime/input.js';
export { compileCached as compileStateMachine, invalidDefinition } from './runtime/machine-cache.js';
export { type MapRunContext, runMapRun } from './runtime/map-run.js';
export {
  type ExecutionResult,
  type RedriveOptions,
  type RunExecutionOptions,
  runExecution,
} from './runtime/run-execution.js';
export {
  type MockedResponses,
  performTask,
  type TaskMock,
  type TaskPerformers,
  type TaskReport,
} from './runtime/task-dispatch.js';
export type { TaskHandler } from './runtime/task-handlers.js';
export { scaledDueTime } from './runtime/wait-scale.js';
export type { InspectionStage, StateInspector } from './state-inspector.js';
export { type StepResult, step } from './step.js';
export {
  type ErrorHandlingDetails,
  type FieldValidationMode,
  type MapInspection,
  resolveTestedState,
  TESTED_STATE_NAME,
  type TestedState,
  type TestStateConfiguration,
  type TestStateMock,
  type TestStateOptions,
  type TestStateResult,
  type TestStateStatus,
  testState,
} from './test-state.js';
export { exceedsTolerance, TOLERANCE_EXCEEDED_CAUSE, type Tolerance } from './tolerance.js';
export { type ValidationResult, validateStateMachineDefinition } from './validate.js';
