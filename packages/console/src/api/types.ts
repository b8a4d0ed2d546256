/**
 * The shapes of the Step Functions API members the console reads, as the server sends them (AWS JSON 1.0:
 * timestamps are epoch seconds).
 */

/** A state machine's type. */
export type StateMachineType = 'STANDARD' | 'EXPRESS';

/** An execution's status. */
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

/** An item of ListStateMachines. */
export interface StateMachineListItem {
  stateMachineArn: string;
  name: string;
  type: StateMachineType;
  creationDate: number;
}

/** DescribeStateMachine's answer. */
export interface StateMachineDescription extends StateMachineListItem {
  definition: string;
  roleArn: string;
  status?: 'ACTIVE' | 'DELETING';
  description?: string;
  revisionId?: string;
  label?: string;
}

/** An item of ListStateMachineVersions. */
export interface StateMachineVersionItem {
  stateMachineVersionArn: string;
  creationDate: number;
}

/** A resource tag. */
export interface Tag {
  key: string;
  value: string;
}

/** An item of ListExecutions. */
export interface ExecutionListItem {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  /** The Map Run whose child this execution is (a Distributed Map's item). */
  mapRunArn?: string;
  /** How many items a Map Run's child processes (ListExecutions by Map Run only). */
  itemCount?: number;
}

/** DescribeExecution's answer. */
export interface ExecutionDescription extends ExecutionListItem {
  input?: string;
  output?: string;
  error?: string;
  cause?: string;
  redriveCount?: number;
  redriveDate?: number;
  /** Whether RedriveExecution would take it now (`REDRIVABLE`), and if not, why. */
  redriveStatus?: 'REDRIVABLE' | 'NOT_REDRIVABLE' | 'REDRIVABLE_BY_MAP_RUN';
  redriveStatusReason?: string;
}

/** A Map Run's status. */
export type MapRunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';

/** A Map Run's items or child executions, by status (`MapRunItemCounts`, `MapRunExecutionCounts`). */
export interface MapRunCounts {
  pending: number;
  running: number;
  succeeded: number;
  failed: number;
  timedOut: number;
  aborted: number;
  total: number;
  resultsWritten?: number;
  failuresNotRedrivable?: number;
  pendingRedrive?: number;
}

/** DescribeMapRun's answer. */
export interface MapRunDescription {
  mapRunArn: string;
  /** The parent execution, whose Distributed Map state started the run. */
  executionArn: string;
  status: MapRunStatus;
  startDate: number;
  stopDate?: number;
  maxConcurrency: number;
  toleratedFailurePercentage: number;
  toleratedFailureCount: number;
  itemCounts: MapRunCounts;
  executionCounts: MapRunCounts;
  redriveCount?: number;
}

/** The changes of an UpdateMapRun request (each optional). */
export interface MapRunUpdate {
  maxConcurrency?: number;
  toleratedFailurePercentage?: number;
  toleratedFailureCount?: number;
}

/** One event of GetExecutionHistory: `type`, `id`, `previousEventId`, `timestamp` and one `<type>EventDetails`. */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  type: string;
  timestamp: number;
  [details: string]: unknown;
}

/** An item of ListActivities. */
export interface ActivityListItem {
  activityArn: string;
  name: string;
  creationDate: number;
}

/** A diagnostic of ValidateStateMachineDefinition. */
export interface ValidationDiagnostic {
  severity: 'ERROR' | 'WARNING';
  code: string;
  message: string;
  /** A JSON pointer into the definition (e.g. `/States/Pay`), or the parser's position for JSON errors. */
  location?: string;
}

/** ValidateStateMachineDefinition's answer. */
export interface ValidationResult {
  result: 'OK' | 'FAIL';
  diagnostics: ValidationDiagnostic[];
  truncated?: boolean;
}
