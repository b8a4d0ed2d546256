import type { StateType } from '@lockstep/asl';
import type { ExecutionRecord } from './execution.js';

/**
 * Execution history events, in AWS's `GetExecutionHistory` shape.
 *
 * Every event has AWS's `type`, a dense 1-based `id`, the `previousEventId` of its causal predecessor and
 * at most one `<type>EventDetails` member. Payloads (`input`, `output`, `parameters`) are JSON text.
 */

/** The 62 `HistoryEventType` values AWS defines. */
export type HistoryEventType =
  | 'ActivityFailed'
  | 'ActivityScheduled'
  | 'ActivityScheduleFailed'
  | 'ActivityStarted'
  | 'ActivitySucceeded'
  | 'ActivityTimedOut'
  | 'ChoiceStateEntered'
  | 'ChoiceStateExited'
  | 'ExecutionAborted'
  | 'ExecutionFailed'
  | 'ExecutionStarted'
  | 'ExecutionSucceeded'
  | 'ExecutionTimedOut'
  | 'FailStateEntered'
  | 'LambdaFunctionFailed'
  | 'LambdaFunctionScheduled'
  | 'LambdaFunctionScheduleFailed'
  | 'LambdaFunctionStarted'
  | 'LambdaFunctionStartFailed'
  | 'LambdaFunctionSucceeded'
  | 'LambdaFunctionTimedOut'
  | 'MapIterationAborted'
  | 'MapIterationFailed'
  | 'MapIterationStarted'
  | 'MapIterationSucceeded'
  | 'MapStateAborted'
  | 'MapStateEntered'
  | 'MapStateExited'
  | 'MapStateFailed'
  | 'MapStateStarted'
  | 'MapStateSucceeded'
  | 'ParallelStateAborted'
  | 'ParallelStateEntered'
  | 'ParallelStateExited'
  | 'ParallelStateFailed'
  | 'ParallelStateStarted'
  | 'ParallelStateSucceeded'
  | 'PassStateEntered'
  | 'PassStateExited'
  | 'SucceedStateEntered'
  | 'SucceedStateExited'
  | 'TaskFailed'
  | 'TaskScheduled'
  | 'TaskStarted'
  | 'TaskStartFailed'
  | 'TaskStateAborted'
  | 'TaskStateEntered'
  | 'TaskStateExited'
  | 'TaskSubmitFailed'
  | 'TaskSubmitted'
  | 'TaskSucceeded'
  | 'TaskTimedOut'
  | 'WaitStateAborted'
  | 'WaitStateEntered'
  | 'WaitStateExited'
  | 'MapRunAborted'
  | 'MapRunFailed'
  | 'MapRunStarted'
  | 'MapRunSucceeded'
  | 'ExecutionRedriven'
  | 'MapRunRedriven'
  | 'EvaluationFailed';

/** One history event. Exactly one `...EventDetails` member is present for the types that have details. */
export interface HistoryEvent {
  /** When the event was recorded (simulated time on the virtual clock). */
  timestamp: Date;
  type: HistoryEventType;
  /** Dense, 1-based. */
  id: number;
  /** The causally preceding event; 0 for the first event of a chain (AWS's rules, see recorder). */
  previousEventId: number;
  [details: `${string}EventDetails`]: Record<string, unknown> | undefined;
}

/** `{truncated}` as AWS attaches it to every payload in history. */
export interface PayloadDetails {
  truncated: boolean;
}

/** AWS caps each history payload at 262,144 characters and flags the cut. */
export const HISTORY_PAYLOAD_LIMIT_CHARS = 262_144;

/** AWS's limit on events in one Standard execution's history. */
export const HISTORY_EVENT_LIMIT = 25_000;

/** A payload cut to AWS's history limit. */
export function historyText(text: string): string {
  return text.length <= HISTORY_PAYLOAD_LIMIT_CHARS ? text : text.slice(0, HISTORY_PAYLOAD_LIMIT_CHARS);
}

/** The `truncated` flag that goes with {@link historyText}; shared constant objects, never mutated. */
export function payloadDetails(text: string): PayloadDetails {
  return text.length <= HISTORY_PAYLOAD_LIMIT_CHARS ? NOT_TRUNCATED : TRUNCATED;
}

/** `{truncated: false}`, shared (frozen). */
export const NOT_TRUNCATED: PayloadDetails = Object.freeze({ truncated: false });
const TRUNCATED: PayloadDetails = Object.freeze({ truncated: true });

/** The name of an event's detail member. */
export type DetailsKey = `${string}EventDetails`;

/** The detail member name AWS uses for an event type, e.g. `TaskScheduled` → `taskScheduledEventDetails`. */
export function detailsKey(type: HistoryEventType): DetailsKey {
  let key = DETAILS_KEYS[type];
  if (key === undefined) {
    key = /State(Entered|Exited)$/.test(type)
      ? (`state${type.endsWith('Entered') ? 'Entered' : 'Exited'}EventDetails` as DetailsKey)
      : (`${type[0].toLowerCase()}${type.slice(1)}EventDetails` as DetailsKey);
    DETAILS_KEYS[type] = key;
  }
  return key;
}

const DETAILS_KEYS: Partial<Record<HistoryEventType, DetailsKey>> = Object.create(null);

/** `PassStateEntered`, `TaskStateEntered`, ... by state type. */
export const ENTERED_EVENT = eventNames('Entered');
/** `PassStateExited`, `TaskStateExited`, ... by state type (AWS has no `FailStateExited`, it is never recorded). */
export const EXITED_EVENT = eventNames('Exited');

function eventNames(suffix: 'Entered' | 'Exited'): Record<StateType, HistoryEventType> {
  const types: StateType[] = ['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];
  return Object.fromEntries(types.map((t) => [t, `${t}State${suffix}`])) as Record<StateType, HistoryEventType>;
}

/** Events that close an execution (one of them is always the last event). */
export const CLOSING_EVENTS: ReadonlySet<HistoryEventType> = new Set([
  'ExecutionSucceeded',
  'ExecutionFailed',
  'ExecutionAborted',
  'ExecutionTimedOut',
]);

/** `ExecutionStarted`'s details: the input, the role, and the alias and the version the execution started through. */
export function executionStartedDetails(ex: ExecutionRecord): Record<string, unknown> {
  const details: Record<string, unknown> = {
    input: historyText(ex.inputText),
    inputDetails: payloadDetails(ex.inputText),
    roleArn: ex.roleArn,
  };
  if (ex.stateMachineAliasArn !== undefined) details.stateMachineAliasArn = ex.stateMachineAliasArn;
  if (ex.stateMachineVersionArn !== undefined) details.stateMachineVersionArn = ex.stateMachineVersionArn;
  return details;
}
