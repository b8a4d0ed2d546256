/**
 * The SQLite store: the contract suite in memory and on files, plus what only a file store has (its data
 * outliving the process, its migrations).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidCursorError, openSqliteStore, UnknownMigrationError } from '../../packages/store-sqlite/src/index.js';
import { migrate, sqliteMigrations } from '../../packages/store-sqlite/src/migrations.js';
import {
  activityRecord,
  eventWork,
  executionRow,
  historyEvent,
  stateMachineRecord,
  tokenRecord,
  transition,
} from './fixtures.js';
import { describeStoreContract } from './store-contract.js';

const directory = mkdtempSync(join(tmpdir(), 'lockstep-store-sqlite-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(directory, `store-${++files}.db`);

describeStoreContract('SQLite in memory', () => openSqliteStore({ memory: true }));
describeStoreContract('SQLite file', () => openSqliteStore({ path: newFile() }));

describe('SQLite file store', () => {
  it('keeps everything across a close and a reopen', async () => {
    const path = newFile();
    const machine = stateMachineRecord('orders', { description: 'kept' });
    const row = executionRow('orders', 'run-1');
    const token = tokenRecord(row.executionArn, 'callback');
    const first = openSqliteStore({ path });
    await first.insertStateMachine(machine);
    await first.putTags(machine.stateMachineArn, { team: 'billing' });
    await first.insertActivity(activityRecord('pack'));
    await first.insertExecution(row, []);
    const work = eventWork(row.executionArn, 'timer', 100);
    await first.commit([transition(row.executionArn, 0, [historyEvent(1)], { addWork: [work], addTokens: [token] })]);
    await first.close();

    const second = openSqliteStore({ path });
    expect(await second.getStateMachine(machine.stateMachineArn)).toEqual(machine);
    expect(await second.getTags(machine.stateMachineArn)).toEqual({ team: 'billing' });
    expect(await second.getActivity(activityRecord('pack').activityArn)).toEqual(activityRecord('pack'));
    expect(await second.getExecution(row.executionArn)).toMatchObject({ version: 1, record: '{"version":1}' });
    expect((await second.getHistory(row.executionArn, { limit: 10 })).items).toEqual([historyEvent(1)]);
    expect(await second.getTaskToken(token.taskToken)).toEqual(token);
    expect(await second.claimWork(100, 10, 1_000)).toEqual([work]);
    await second.close();
  });

  it('frees, when it opens, the leases of the process that owned the file before (one process owns it)', async () => {
    const path = newFile();
    const row = executionRow('orders', 'run-1');
    const first = openSqliteStore({ path });
    const work = eventWork(row.executionArn, 'timer', 100);
    await first.insertExecution(row, [work]);
    expect(await first.claimWork(100, 10, 60_000)).toEqual([work]);
    // The owner dies holding the lease; the next owner may claim the work at once.
    await first.close();
    const second = openSqliteStore({ path });
    expect(await second.claimWork(101, 10, 60_000)).toEqual([work]);
    await second.close();
  });

  it('records its migrations, runs them once, and uses WAL', async () => {
    const path = newFile();
    await openSqliteStore({ path }).close();
    const recorded = () => {
      const db = new Database(path, { readonly: true });
      const rows = db.prepare('SELECT * FROM migrations ORDER BY name').all();
      db.close();
      return rows;
    };
    const applied = recorded();
    expect(applied.map((row) => (row as { name: string }).name)).toEqual(sqliteMigrations.map((m) => m.name));

    await openSqliteStore({ path }).close();
    expect(recorded()).toEqual(applied);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('leaves no rows of a deleted execution behind', async () => {
    const path = newFile();
    const store = openSqliteStore({ path });
    const row = executionRow('orders', 'run-1', {
      stateMachineAliasArn: `${stateMachineRecord('orders').stateMachineArn}:PROD`,
    });
    await store.insertExecution(row, [eventWork(row.executionArn, 'start', 1)]);
    const closing = transition(row.executionArn, 0, [historyEvent(1), historyEvent(2)], {
      status: 'SUCCEEDED',
      stopDate: 10,
      addWork: [eventWork(row.executionArn, 'timer', 5)],
      addTokens: [tokenRecord(row.executionArn, 'callback')],
    });
    await store.commit([closing]);
    expect(await store.deleteClosedExecutions(11, 10)).toBe(1);
    await store.close();

    const db = new Database(path, { readonly: true });
    for (const table of [
      'executions',
      'execution_inputs',
      'execution_aliases',
      'history_events',
      'work',
      'task_tokens',
    ]) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    }
    db.close();
  });

  it('migrates a database of the schema before aliases, keeping its executions', async () => {
    const path = newFile();
    const old = new Database(path);
    migrate(old, sqliteMigrations.slice(0, -1));
    const row = executionRow('orders', 'run-1');
    old
      .prepare(`INSERT INTO executions (id, execution_arn, state_machine_arn, name, status, start_date, version, record)
        VALUES (1, ?, ?, ?, ?, ?, ?, ?)`)
      .run(row.executionArn, row.stateMachineArn, row.name, row.status, row.startDate, row.version, row.record);
    old.prepare('INSERT INTO execution_inputs VALUES (1, ?, ?)').run(row.inputText, row.definition);
    old.close();

    const store = openSqliteStore({ path });
    expect(await store.getExecution(row.executionArn)).toEqual(row);
    expect((await store.listExecutions(row.stateMachineArn, { limit: 10 })).items.map((e) => e.name)).toEqual([
      'run-1',
    ]);
    await store.close();
  });

  it('refuses a database migrated by a newer version', async () => {
    const path = newFile();
    await openSqliteStore({ path }).close();
    const db = new Database(path);
    db.prepare('INSERT INTO migrations (name, applied_at) VALUES (?, ?)').run('2999-01-01-from-the-future', 0);
    db.close();
    expect(() => openSqliteStore({ path })).toThrow(UnknownMigrationError);
  });

  it('creates the directory of a new file', async () => {
    const store = openSqliteStore({ path: join(directory, 'nested', 'deeper', 'store.db') });
    expect(await store.listActivities({ limit: 1 })).toEqual({ items: [] });
    await store.close();
  });

  it('rejects a cursor it did not make, or made for another listing', async () => {
    const store = openSqliteStore({ memory: true });
    for (const name of ['a', 'b']) await store.insertActivity(activityRecord(name));
    const { next } = await store.listActivities({ limit: 1 });
    await expect(store.listStateMachines({ limit: 1, after: next })).rejects.toThrow(InvalidCursorError);
    await expect(store.listActivities({ limit: 1, after: 'not a cursor' })).rejects.toThrow(InvalidCursorError);
    await expect(store.listActivities({ limit: 0 })).rejects.toThrow(RangeError);
    await store.close();
  });
});
