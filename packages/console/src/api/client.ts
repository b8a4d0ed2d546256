/**
 * The console's only way to the server: the public Step Functions API, as the AWS SDKs call it (`POST /` with
 * `X-Amz-Target: AWSStepFunctions.<Operation>` and an AWS JSON 1.0 body) on the console's own origin. Errors come
 * back as {@link ApiError} with AWS's error name and message.
 */
import type {
  ActivityListItem,
  ExecutionDescription,
  ExecutionListItem,
  ExecutionStatus,
  HistoryEvent,
  MapRunDescription,
  MapRunUpdate,
  StateMachineDescription,
  StateMachineListItem,
  StateMachineType,
  StateMachineVersionItem,
  Tag,
  ValidationResult,
} from './types.js';

/** The role given to machines created in the console (the server does not assume roles). */
export const CONSOLE_ROLE_ARN = 'arn:aws:iam::123456789012:role/lockstep-console';

/** An error answer of the API: AWS's error name (e.g. `StateMachineAlreadyExists`) and message. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Calls one operation; resolves with its answer, or rejects with an {@link ApiError}. */
export async function call<T>(operation: string, request: object = {}): Promise<T> {
  const response = await fetch('/', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.0',
      'X-Amz-Target': `AWSStepFunctions.${operation}`,
    },
    body: JSON.stringify(request),
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    throw new ApiError('InternalFailure', `The server answered ${operation} with something that is not JSON`, 500);
  }
  if (!response.ok) {
    // AWS JSON 1.0 names the error `namespace#Name` in `__type`.
    const code = String(body.__type ?? 'UnknownError')
      .split('#')
      .pop()!;
    const message = String(body.message ?? body.Message ?? `${operation} failed (${response.status})`);
    throw new ApiError(code, message, response.status);
  }
  return body as T;
}

/** A page of a list operation. */
export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** The typed operations the console uses. */
export const api = {
  async listStateMachines(): Promise<StateMachineListItem[]> {
    const all: StateMachineListItem[] = [];
    let nextToken: string | undefined;
    do {
      const page = await call<{ stateMachines: StateMachineListItem[]; nextToken?: string }>('ListStateMachines', {
        maxResults: 1000,
        nextToken,
      });
      all.push(...page.stateMachines);
      nextToken = page.nextToken;
    } while (nextToken);
    return all;
  },
  describeStateMachine: (stateMachineArn: string) =>
    call<StateMachineDescription>('DescribeStateMachine', { stateMachineArn }),
  createStateMachine: (name: string, definition: string, type: StateMachineType) =>
    call<{ stateMachineArn: string }>('CreateStateMachine', { name, definition, type, roleArn: CONSOLE_ROLE_ARN }),
  updateStateMachine: (stateMachineArn: string, definition: string) =>
    call<{ updateDate: number }>('UpdateStateMachine', { stateMachineArn, definition }),
  deleteStateMachine: (stateMachineArn: string) => call<object>('DeleteStateMachine', { stateMachineArn }),
  listStateMachineVersions: (stateMachineArn: string) =>
    call<{ stateMachineVersions: StateMachineVersionItem[] }>('ListStateMachineVersions', {
      stateMachineArn,
      maxResults: 1000,
    }).then((r) => r.stateMachineVersions),
  listTags: (resourceArn: string) => call<{ tags: Tag[] }>('ListTagsForResource', { resourceArn }).then((r) => r.tags),
  /** A page of a machine's executions, or (given `{ mapRunArn }`) of a Map Run's child executions. */
  async listExecutions(
    of: string | { mapRunArn: string },
    options: { statusFilter?: ExecutionStatus; nextToken?: string; maxResults?: number } = {},
  ): Promise<Page<ExecutionListItem>> {
    const page = await call<{ executions: ExecutionListItem[]; nextToken?: string }>('ListExecutions', {
      ...(typeof of === 'string' ? { stateMachineArn: of } : of),
      ...options,
    });
    return { items: page.executions, nextToken: page.nextToken };
  },
  describeExecution: (executionArn: string) => call<ExecutionDescription>('DescribeExecution', { executionArn }),
  startExecution: (stateMachineArn: string, input: string, name?: string) =>
    call<{ executionArn: string; startDate: number }>('StartExecution', {
      stateMachineArn,
      input,
      ...(name ? { name } : {}),
    }),
  stopExecution: (executionArn: string, error?: string, cause?: string) =>
    call<{ stopDate: number }>('StopExecution', { executionArn, error, cause }),
  /** Continues a failed, timed out or stopped execution from the states that did not succeed. */
  redriveExecution: (executionArn: string) => call<{ redriveDate: number }>('RedriveExecution', { executionArn }),
  /** The whole history, in pages of 1,000 events (AWS's maximum). */
  async getExecutionHistory(executionArn: string): Promise<HistoryEvent[]> {
    const events: HistoryEvent[] = [];
    let nextToken: string | undefined;
    do {
      const page = await call<{ events: HistoryEvent[]; nextToken?: string }>('GetExecutionHistory', {
        executionArn,
        maxResults: 1000,
        includeExecutionData: true,
        nextToken,
      });
      events.push(...page.events);
      nextToken = page.nextToken;
    } while (nextToken);
    return events;
  },
  /** The definition the execution runs (the machine may have been updated since). */
  describeStateMachineForExecution: (executionArn: string) =>
    call<StateMachineDescription>('DescribeStateMachineForExecution', { executionArn }),
  /**
   * The events after the first `known` ones (ids are dense, from 1), read newest first until a known one shows up:
   * one call while an execution runs, however long its history.
   */
  async getNewHistoryEvents(executionArn: string, known: number): Promise<HistoryEvent[]> {
    const fresh: HistoryEvent[] = [];
    let nextToken: string | undefined;
    do {
      const page = await call<{ events: HistoryEvent[]; nextToken?: string }>('GetExecutionHistory', {
        executionArn,
        maxResults: 1000,
        reverseOrder: true,
        includeExecutionData: true,
        nextToken,
      });
      for (const event of page.events) {
        if (event.id <= known) return fresh.reverse();
        fresh.push(event);
      }
      nextToken = page.nextToken;
    } while (nextToken);
    return fresh.reverse();
  },
  describeMapRun: (mapRunArn: string) => call<MapRunDescription>('DescribeMapRun', { mapRunArn }),
  updateMapRun: (mapRunArn: string, update: MapRunUpdate) => call<object>('UpdateMapRun', { mapRunArn, ...update }),
  listActivities: () =>
    call<{ activities: ActivityListItem[] }>('ListActivities', { maxResults: 1000 }).then((r) => r.activities),
  validateDefinition: (definition: string, type: StateMachineType) =>
    call<ValidationResult>('ValidateStateMachineDefinition', { definition, type }),
};
