/**
 * Every SQL statement of the store, prepared once when the store opens: preparing costs more than running,
 * and `commit` runs thousands of statements per call. Parameters are positional, the cheapest to bind.
 */
import type { StateMachineRecord } from '@lockstep/service';
import type Database from 'better-sqlite3';
import {
  activityColumns,
  executionRowColumns,
  executionSummaryColumns,
  executionsWithInputs,
  historyEventColumns,
  stateMachineColumns,
  taskTokenColumns,
  versionColumns,
} from './rows.js';

type Row = Record<string, unknown>;

/** A row `claimWork` returns: a work item with its payload still JSON text, and its insertion order. */
export interface ClaimedRow {
  seq: number;
  id: string;
  executionArn: string;
  dueTime: number;
  payload: string;
}

/**
 * The store's prepared statements, by what they do.
 * @internal Not in the package's declarations: better-sqlite3's statement types cannot be named there.
 */
export type Statements = ReturnType<typeof prepareStatements>;

/**
 * Prepares the store's statements on `db` (whose schema is migrated).
 * @internal
 */
export function prepareStatements(db: Database.Database) {
  // Typed through `Database.Statement` so that the package's declarations can name the statements' type.
  const read = <P extends unknown[]>(sql: string): Database.Statement<P, Row> => db.prepare<P, Row>(sql);
  const write = <P extends unknown[]>(sql: string): Database.Statement<P> => db.prepare<P>(sql);
  const pluck = <P extends unknown[], R>(sql: string): Database.Statement<P, R> => db.prepare<P, R>(sql).pluck();
  const query = <P extends unknown[], R>(sql: string): Database.Statement<P, R> => db.prepare<P, R>(sql);
  return {
    // ---------------------------------------------------------------- state machines and versions
    insertStateMachine: write(`INSERT INTO state_machines (state_machine_arn, name, type, definition, role_arn,
      creation_date, update_date, revision_id, description, logging_configuration, tracing_configuration, status,
      latest_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
    // Takes the values of `stateMachineValues`, then the ARN.
    updateStateMachine: write(`UPDATE state_machines SET name = ?, type = ?, definition = ?, role_arn = ?,
      creation_date = ?, update_date = ?, revision_id = ?, description = ?, logging_configuration = ?,
      tracing_configuration = ?, status = ?, latest_version = ? WHERE state_machine_arn = ?`),
    getStateMachine: read<[string]>(`SELECT ${stateMachineColumns} FROM state_machines WHERE state_machine_arn = ?`),
    listStateMachines: read<[number]>(
      `SELECT ${stateMachineColumns} FROM state_machines ORDER BY state_machine_arn LIMIT ?`,
    ),
    listStateMachinesAfter: read<[string, number]>(
      `SELECT ${stateMachineColumns} FROM state_machines WHERE state_machine_arn > ? ORDER BY state_machine_arn LIMIT ?`,
    ),
    deleteStateMachine: write<[string]>('DELETE FROM state_machines WHERE state_machine_arn = ?'),
    deleteVersionsOf: write<[string]>('DELETE FROM state_machine_versions WHERE state_machine_arn = ?'),
    deleteTagsOfVersionsOf: write<[string]>(`DELETE FROM tags WHERE resource_arn IN
      (SELECT state_machine_version_arn FROM state_machine_versions WHERE state_machine_arn = ?)`),
    insertVersion: write(`INSERT INTO state_machine_versions (state_machine_version_arn, state_machine_arn, version,
      definition, role_arn, revision_id, description, creation_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT DO NOTHING`),
    // max(): a version recorded out of order (never, in the service's flow) cannot lower latestVersion.
    setLatestVersion: write<[number, string]>(
      'UPDATE state_machines SET latest_version = max(latest_version, ?) WHERE state_machine_arn = ?',
    ),
    getVersion: read<[string]>(
      `SELECT ${versionColumns} FROM state_machine_versions WHERE state_machine_version_arn = ?`,
    ),
    listVersions: read<[string, number]>(`SELECT ${versionColumns} FROM state_machine_versions
      WHERE state_machine_arn = ? ORDER BY version DESC LIMIT ?`),
    listVersionsAfter: read<[string, number, number]>(`SELECT ${versionColumns} FROM state_machine_versions
      WHERE state_machine_arn = ? AND version < ? ORDER BY version DESC LIMIT ?`),
    deleteVersion: write<[string]>('DELETE FROM state_machine_versions WHERE state_machine_version_arn = ?'),

    // ---------------------------------------------------------------- executions and history
    insertExecution: write(`INSERT INTO executions (execution_arn, state_machine_arn, state_machine_version_arn, name,
      status, start_date, stop_date, error, cause, version, output_text, record)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
    insertExecutionInputs: write<[number | bigint, string, string]>(
      'INSERT INTO execution_inputs (execution_id, input_text, definition) VALUES (?, ?, ?)',
    ),
    getExecution: read<[string]>(`SELECT ${executionRowColumns} FROM ${executionsWithInputs} WHERE execution_arn = ?`),
    // The version guard: a transition applies only over the version it was computed from. Returns the
    // execution's id (which keys its history events) when it applied, nothing when it did not.
    updateExecution: pluck<unknown[], number>(`UPDATE executions SET record = ?, status = ?, stop_date = ?,
      output_text = ?, error = ?, cause = ?, version = version + 1 WHERE execution_arn = ? AND version = ?
      RETURNING id`),
    upsertRedrive: write<[number, number, number, string | undefined]>(`INSERT OR REPLACE INTO execution_redrives
      (execution_id, redrive_count, redrive_date, client_token) VALUES (?, ?, ?, ?)`),
    listExecutions: read<[string, number]>(`SELECT ${executionSummaryColumns} FROM ${executionsWithInputs}
      WHERE state_machine_arn = ? ORDER BY start_date DESC, execution_arn DESC LIMIT ?`),
    listExecutionsAfter: read<
      [string, number, string, number]
    >(`SELECT ${executionSummaryColumns} FROM ${executionsWithInputs}
      WHERE state_machine_arn = ? AND (start_date, execution_arn) < (?, ?)
      ORDER BY start_date DESC, execution_arn DESC LIMIT ?`),
    listExecutionsWithStatus: read<
      [string, string, number]
    >(`SELECT ${executionSummaryColumns} FROM ${executionsWithInputs}
      WHERE state_machine_arn = ? AND status = ? ORDER BY start_date DESC, execution_arn DESC LIMIT ?`),
    listExecutionsWithStatusAfter: read<[string, string, number, string, number]>(`SELECT ${executionSummaryColumns}
      FROM ${executionsWithInputs} WHERE state_machine_arn = ? AND status = ? AND (start_date, execution_arn) < (?, ?)
      ORDER BY start_date DESC, execution_arn DESC LIMIT ?`),
    closedExecutionsBefore: query<[number, number], { id: number; executionArn: string }>(`SELECT id,
      execution_arn AS executionArn FROM executions WHERE stop_date < ? AND status <> 'RUNNING'
      ORDER BY stop_date LIMIT ?`),
    deleteExecution: write<[number]>('DELETE FROM executions WHERE id = ?'),
    deleteExecutionInputs: write<[number]>('DELETE FROM execution_inputs WHERE execution_id = ?'),
    insertEvent: write(`INSERT INTO history_events (execution_id, id, previous_event_id, timestamp, type, details)
      VALUES (?, ?, ?, ?, ?, ?)`),
    historyAscending: read<[string, number, number]>(`SELECT ${historyEventColumns} FROM history_events
      WHERE execution_id = (SELECT id FROM executions WHERE execution_arn = ?) AND id > ? ORDER BY id LIMIT ?`),
    historyDescending: read<[string, number, number]>(`SELECT ${historyEventColumns} FROM history_events
      WHERE execution_id = (SELECT id FROM executions WHERE execution_arn = ?) AND id < ? ORDER BY id DESC LIMIT ?`),
    deleteHistoryOf: write<[number]>('DELETE FROM history_events WHERE execution_id = ?'),

    // ---------------------------------------------------------------- work
    upsertWork: write<[string, string, number, string]>(`INSERT INTO work (id, execution_arn, due_time, lease_until,
      payload) VALUES (?, ?, ?, NULL, ?) ON CONFLICT (id) DO UPDATE SET execution_arn = excluded.execution_arn,
      due_time = excluded.due_time, lease_until = NULL, payload = excluded.payload`),
    deleteWork: write<[string]>('DELETE FROM work WHERE id = ?'),
    deleteWorkOf: write<[string]>('DELETE FROM work WHERE execution_arn = ?'),
    // One statement selects and leases, so no two claimers get the same item; RETURNING does not keep the
    // subquery's order, hence the rowid to sort by afterwards.
    claimWork: query<[number, number, number, number], ClaimedRow>(`UPDATE work SET lease_until = ? WHERE rowid IN
      (SELECT rowid FROM work WHERE due_time <= ? AND (lease_until IS NULL OR lease_until <= ?)
       ORDER BY due_time, rowid LIMIT ?)
      RETURNING rowid AS seq, id, execution_arn AS executionArn, due_time AS dueTime, payload`),
    nextDueTime: pluck<[number], number | null>(
      'SELECT min(due_time) FROM work WHERE lease_until IS NULL OR lease_until <= ?',
    ),

    // ---------------------------------------------------------------- activities and task tokens
    insertActivity: write<[string, string, number]>(
      'INSERT INTO activities (activity_arn, name, creation_date) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    getActivity: read<[string]>(`SELECT ${activityColumns} FROM activities WHERE activity_arn = ?`),
    deleteActivity: write<[string]>('DELETE FROM activities WHERE activity_arn = ?'),
    listActivities: read<[number]>(`SELECT ${activityColumns} FROM activities ORDER BY activity_arn LIMIT ?`),
    listActivitiesAfter: read<[string, number]>(
      `SELECT ${activityColumns} FROM activities WHERE activity_arn > ? ORDER BY activity_arn LIMIT ?`,
    ),
    insertToken: write(`INSERT INTO task_tokens (token, execution_arn, key, activity_arn, input_text, created_date,
      status, worker_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    closeTokens: write<[string, string]>(
      "UPDATE task_tokens SET status = 'closed' WHERE execution_arn = ? AND key = ?",
    ),
    getToken: read<[string]>(`SELECT ${taskTokenColumns} FROM task_tokens WHERE token = ?`),
    takeActivityTask: read<[string | null, string]>(`UPDATE task_tokens SET status = 'started', worker_name = ?
      WHERE rowid = (SELECT rowid FROM task_tokens WHERE activity_arn = ? AND status = 'queued'
        ORDER BY created_date, rowid LIMIT 1)
      RETURNING ${taskTokenColumns}`),
    deleteTokensOf: write<[string]>('DELETE FROM task_tokens WHERE execution_arn = ?'),

    // ---------------------------------------------------------------- tags
    getTags: query<[string], { key: string; value: string }>(
      'SELECT key, value FROM tags WHERE resource_arn = ? ORDER BY key',
    ),
    putTag: write<[string, string, string]>(
      'INSERT INTO tags (resource_arn, key, value) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value',
    ),
    removeTag: write<[string, string]>('DELETE FROM tags WHERE resource_arn = ? AND key = ?'),
    deleteTagsOf: write<[string]>('DELETE FROM tags WHERE resource_arn = ?'),
  };
}

/**
 * A state machine's values in the column order of `insertStateMachine` (after the ARN) and
 * `updateStateMachine` (before the ARN).
 */
export function stateMachineValues(r: StateMachineRecord): unknown[] {
  return [
    r.name,
    r.type,
    r.definition,
    r.roleArn,
    r.creationDate,
    r.updateDate,
    r.revisionId,
    r.description,
    r.loggingConfiguration,
    r.tracingConfiguration,
    r.status,
    r.latestVersion,
  ];
}
