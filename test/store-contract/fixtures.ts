/**
 * Records for the store contract tests: valid, minimal, and distinct per name, so each test states only what
 * it is about.
 */
import type {
  ActivityRecord,
  Change,
  ExecutionRow,
  Page,
  StateMachineAliasRecord,
  StateMachineRecord,
  StateMachineVersionRecord,
  StoredHistoryEvent,
  TaskTokenRecord,
  WorkItem,
} from '../../packages/service/src/index.js';

const arnPrefix = 'arn:aws:states:us-east-1:123456789012';

/** A definition with odd spacing and non-ASCII text: stores must return definitions byte for byte. */
export const definitionText = '{ "StartAt":"Ä",\n  "States" : {"Ä": {"Type":"Pass", "End":true}} }';

/** The ARN of the state machine `name`. */
export function stateMachineArn(name: string): string {
  return `${arnPrefix}:stateMachine:${name}`;
}

/** A state machine named `name`, created at `creationDate`. */
export function stateMachineRecord(name: string, overrides: Partial<StateMachineRecord> = {}): StateMachineRecord {
  return {
    stateMachineArn: stateMachineArn(name),
    name,
    type: 'STANDARD',
    definition: definitionText,
    roleArn: 'arn:aws:iam::123456789012:role/states',
    creationDate: 1_700_000_000_000,
    updateDate: 1_700_000_000_000,
    loggingConfiguration: '{"level":"OFF","includeExecutionData":false}',
    tracingConfiguration: '{"enabled":false}',
    status: 'ACTIVE',
    latestVersion: 0,
    ...overrides,
  };
}

/** Version `version` of the state machine `name`. */
export function versionRecord(name: string, version: number): StateMachineVersionRecord {
  return {
    stateMachineVersionArn: `${stateMachineArn(name)}:${version}`,
    stateMachineArn: stateMachineArn(name),
    version,
    definition: definitionText,
    roleArn: 'arn:aws:iam::123456789012:role/states',
    revisionId: `revision-${version}`,
    description: `version ${version}`,
    creationDate: 1_700_000_000_000 + version,
  };
}

/** The alias `name` of the state machine `machine`, routing to its versions 1 (weight 90) and 2 (weight 10). */
export function aliasRecord(
  machine: string,
  name: string,
  overrides: Partial<StateMachineAliasRecord> = {},
): StateMachineAliasRecord {
  return {
    stateMachineAliasArn: `${stateMachineArn(machine)}:${name}`,
    stateMachineArn: stateMachineArn(machine),
    name,
    description: `alias ${name}`,
    routingConfiguration: [
      { stateMachineVersionArn: `${stateMachineArn(machine)}:1`, weight: 90 },
      { stateMachineVersionArn: `${stateMachineArn(machine)}:2`, weight: 10 },
    ],
    creationDate: 1_700_000_000_500,
    updateDate: 1_700_000_000_500,
    ...overrides,
  };
}

/** The ARN of the execution `name` of the state machine `machine`. */
export function executionArn(machine: string, name: string): string {
  return `${arnPrefix}:execution:${machine}:${name}`;
}

/** A running execution `name` of the state machine `machine`, at version 0. */
export function executionRow(machine: string, name: string, overrides: Partial<ExecutionRow> = {}): ExecutionRow {
  return {
    executionArn: executionArn(machine, name),
    stateMachineArn: stateMachineArn(machine),
    name,
    status: 'RUNNING',
    startDate: 1_700_000_001_000,
    inputText: '{"order":{"id":7,"items":["a","b"]}}',
    definition: definitionText,
    record: '{"cursor":["Ä"],"variables":{}}',
    version: 0,
    ...overrides,
  };
}

/** History event `id`, following `id - 1`. */
export function historyEvent(id: number, type = 'PassStateEntered', details?: string): StoredHistoryEvent {
  return { id, previousEventId: id - 1, timestamp: 1_700_000_002_000 + id, type, ...(details && { details }) };
}

/** A work item applying an engine event to `execution`, due at `dueTime`. */
export function eventWork(execution: string, id: string, dueTime: number): WorkItem {
  return { id, executionArn: execution, dueTime, payload: { kind: 'event', event: { type: 'TimerFired', key: id } } };
}

/** A work item performing a task of `execution`: a payload with nested JSON that must round-trip. */
export function taskWork(execution: string, id: string, dueTime: number): WorkItem {
  const request = {
    stateName: 'Charge',
    resource: 'arn:aws:lambda:us-east-1:123456789012:function:charge',
    input: { amount: 12.5, tags: ['x', null, { deep: [true, false] }], note: 'é"\n' },
    context: { Execution: { Id: execution } },
    timeoutSeconds: 30,
  };
  return { id, executionArn: execution, dueTime, payload: { kind: 'task', key: id, request } };
}

/** A task token of `execution`'s task `key`: a callback (`started`) unless overridden. */
export function tokenRecord(execution: string, key: string, overrides: Partial<TaskTokenRecord> = {}): TaskTokenRecord {
  return {
    taskToken: `token-${execution.split(':').pop()}-${key}`,
    executionArn: execution,
    key,
    createdDate: 1_700_000_003_000,
    status: 'started',
    ...overrides,
  };
}

/** The activity `name`. */
export function activityRecord(name: string, creationDate = 1_700_000_000_000): ActivityRecord {
  return { activityArn: `${arnPrefix}:activity:${name}`, name, creationDate };
}

/** A change moving `row` from `expectedVersion` to its next version, with `events` and the rest of `extra`. */
export function transition(
  execution: string,
  expectedVersion: number,
  events: StoredHistoryEvent[],
  extra: Omit<Change, 'execution' | 'events'> & { status?: ExecutionRow['status']; stopDate?: number } = {},
): Change {
  const { status = 'RUNNING', stopDate, ...rest } = extra;
  return {
    execution: {
      executionArn: execution,
      expectedVersion,
      record: `{"version":${expectedVersion + 1}}`,
      status,
      ...(stopDate !== undefined && { stopDate }),
    },
    events,
    ...rest,
  };
}

/** Every page of a listing, following `next` from the first page until a page has none. */
export async function allPages<T>(list: (after: string | undefined) => Promise<Page<T>>): Promise<T[][]> {
  const pages: T[][] = [];
  let after: string | undefined;
  do {
    const page = await list(after);
    pages.push(page.items);
    after = page.next;
  } while (after !== undefined && pages.length < 100);
  return pages;
}
