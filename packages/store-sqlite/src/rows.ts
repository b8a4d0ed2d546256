/**
 * How stored rows become records: columns are selected under the records' member names, and SQL NULLs become
 * absent members (the records' optional members are absent, never `undefined` or `null`).
 */

/** `state_machines` columns, as `StateMachineRecord` members. */
export const stateMachineColumns = `state_machine_arn AS stateMachineArn, name, type, definition, role_arn AS roleArn,
  creation_date AS creationDate, update_date AS updateDate, revision_id AS revisionId, description,
  logging_configuration AS loggingConfiguration, tracing_configuration AS tracingConfiguration, status,
  latest_version AS latestVersion`;

/** `state_machine_versions` columns, as `StateMachineVersionRecord` members. */
export const versionColumns = `state_machine_version_arn AS stateMachineVersionArn, state_machine_arn AS stateMachineArn,
  version, definition, role_arn AS roleArn, revision_id AS revisionId, description, creation_date AS creationDate`;

/** `executions` summary columns, as `ExecutionSummary` members. */
export const executionSummaryColumns = `execution_arn AS executionArn, state_machine_arn AS stateMachineArn,
  state_machine_version_arn AS stateMachineVersionArn, state_machine_alias_arn AS stateMachineAliasArn,
  map_run_arn AS mapRunArn, item_count AS itemCount, name, status, start_date AS startDate, stop_date AS stopDate, input_text AS inputText,
  output_text AS outputText, error, cause, redrive_count AS redriveCount, redrive_date AS redriveDate`;

/** All `executions` and `execution_inputs` columns, as `ExecutionRow` members. */
export const executionRowColumns = `${executionSummaryColumns}, client_token AS redriveClientToken, definition, record,
  version`;

/**
 * An execution joined with the columns kept apart, which the summary columns name too (its input; for one started
 * through an alias, the alias; for a Map Run's child, the run; for one redriven, its redrives).
 */
export const executionsWithInputs = `executions JOIN execution_inputs ON execution_inputs.execution_id = executions.id
  LEFT JOIN execution_aliases ON execution_aliases.execution_id = executions.id
  LEFT JOIN execution_map_runs ON execution_map_runs.execution_id = executions.id
  LEFT JOIN execution_redrives ON execution_redrives.execution_id = executions.id`;

/** `map_runs` columns, as `MapRunRecord` members. */
export const mapRunColumns = `map_run_arn AS mapRunArn, execution_arn AS executionArn,
  state_machine_arn AS stateMachineArn, status, start_date AS startDate, stop_date AS stopDate,
  max_concurrency AS maxConcurrency, tolerated_failure_count AS toleratedFailureCount,
  tolerated_failure_percentage AS toleratedFailurePercentage, item_count AS itemCount,
  execution_count AS executionCount, redrive_count AS redriveCount, redrive_date AS redriveDate,
  writes_results AS writesResults`;

/** `history_events` columns, as `StoredHistoryEvent` members. */
export const historyEventColumns = 'id, previous_event_id AS previousEventId, timestamp, type, details';

/** `task_tokens` columns, as `TaskTokenRecord` members. */
export const taskTokenColumns = `token AS taskToken, execution_arn AS executionArn, key, activity_arn AS activityArn,
  input_text AS inputText, created_date AS createdDate, status, worker_name AS workerName`;

/** `activities` columns, as `ActivityRecord` members. */
export const activityColumns = 'activity_arn AS activityArn, name, creation_date AS creationDate';

/** `connections` columns, as `ConnectionRecord` members. */
export const connectionColumns = `connection_arn AS connectionArn, name, authorization_type AS authorizationType,
  auth_parameters AS authParameters, description, connection_state AS connectionState,
  creation_time AS creationTime, last_modified_time AS lastModifiedTime, last_authorized_time AS lastAuthorizedTime`;

/** The record of a row selected with one of the column lists above: its NULL members left out. */
export function recordOf<T>(row: Record<string, unknown>): T {
  const record: Record<string, unknown> = {};
  for (const name in row) {
    const value = row[name];
    if (value !== null) record[name] = value;
  }
  return record as T;
}

/** `recordOf`, or undefined when no row was found. */
export function optionalRecordOf<T>(row: Record<string, unknown> | undefined): T | undefined {
  return row === undefined ? undefined : recordOf<T>(row);
}
