/**
 * The contract of `commit`: a batch in one transaction, each change applied whole or, when the execution's
 * version moved on, skipped whole.
 */
import { describe, expect, it } from 'vitest';
import type { Change, Store } from '../../packages/service/src/index.js';
import { eventWork, executionArn, executionRow, historyEvent, taskWork, tokenRecord, transition } from './fixtures.js';

/** Describes `commit` on the store `store()` returns. */
export function describeCommit(store: () => Store): void {
  describe('commit', () => {
    const x = executionArn('orders', 'x');
    const y = executionArn('orders', 'y');

    async function executions(): Promise<void> {
      await store().insertExecution(executionRow('orders', 'x'), []);
      await store().insertExecution(executionRow('orders', 'y'), []);
    }

    const claimedIds = async (now = 1_000_000) => (await store().claimWork(now, 100, 1)).map((item) => item.id).sort();

    it('applies a change: the execution moves to the next version and its events are appended', async () => {
      await executions();
      const change: Change = {
        execution: {
          executionArn: x,
          expectedVersion: 0,
          record: '{"done":true}',
          status: 'SUCCEEDED',
          stopDate: 1_700_000_009_000,
          outputText: '{"total":3}',
        },
        events: [historyEvent(1, 'ExecutionStarted', '{"input":"{}"}'), historyEvent(2, 'ExecutionSucceeded')],
      };
      expect(await store().commit([change])).toEqual([true]);
      expect(await store().getExecution(x)).toEqual({
        ...executionRow('orders', 'x'),
        record: '{"done":true}',
        status: 'SUCCEEDED',
        stopDate: 1_700_000_009_000,
        outputText: '{"total":3}',
        version: 1,
      });
      expect((await store().getHistory(x, { limit: 10 })).items).toEqual(change.events);
      expect(await store().commit([])).toEqual([]);
    });

    it('reopens a closed execution for a redrive and keeps its redrive count, date and client token', async () => {
      await executions();
      const failed = { executionArn: x, record: '{}', status: 'FAILED' as const, stopDate: 5, error: 'E', cause: 'C' };
      expect(await store().commit([{ execution: { ...failed, expectedVersion: 0 } }])).toEqual([true]);
      const redrive = { count: 1, date: 9, clientToken: 'token-1' };
      const reopened: Change = {
        execution: { executionArn: x, expectedVersion: 1, record: '{}', status: 'RUNNING', redrive },
      };
      expect(await store().commit([reopened])).toEqual([true]);
      const row = await store().getExecution(x);
      expect(row).toMatchObject({ status: 'RUNNING', redriveCount: 1, redriveDate: 9, redriveClientToken: 'token-1' });
      expect([row?.stopDate, row?.error, row?.cause]).toEqual([undefined, undefined, undefined]);
      const listed = await store().listExecutions(executionRow('orders', 'x').stateMachineArn, { limit: 10 });
      expect(listed.items.find((e) => e.executionArn === x)).toMatchObject({ redriveCount: 1, redriveDate: 9 });
      expect(listed.items.find((e) => e.executionArn === y)?.redriveCount).toBeUndefined();
      // The second redrive, without a token, replaces the first's.
      const again: Change = {
        execution: {
          executionArn: x,
          expectedVersion: 2,
          record: '{}',
          status: 'RUNNING',
          redrive: { count: 2, date: 11 },
        },
      };
      expect(await store().commit([again])).toEqual([true]);
      const second = await store().getExecution(x);
      expect(second).toMatchObject({ redriveCount: 2, redriveDate: 11 });
      expect(second?.redriveClientToken).toBeUndefined();
    });

    it('records the error and cause of a failed execution', async () => {
      await executions();
      const failure: Change = {
        execution: {
          executionArn: x,
          expectedVersion: 0,
          record: '{}',
          status: 'FAILED',
          stopDate: 5,
          error: 'E',
          cause: 'it broke',
        },
      };
      expect(await store().commit([failure])).toEqual([true]);
      expect(await store().getExecution(x)).toMatchObject({
        status: 'FAILED',
        stopDate: 5,
        error: 'E',
        cause: 'it broke',
      });
    });

    it('skips a stale change entirely while the other changes of the batch apply', async () => {
      await executions();
      await store().addWork([eventWork(x, 'x-pending', 1), eventWork(y, 'y-pending', 1)]);
      await store().commit([transition(x, 0, [historyEvent(1)], { addTokens: [tokenRecord(x, 'open')] })]);
      const before = await store().getExecution(x);

      const stale = transition(x, 0, [historyEvent(2)], {
        deleteWork: ['x-pending'],
        addWork: [eventWork(x, 'x-new', 1)],
        addTokens: [tokenRecord(x, 'stale-token')],
        closeTokens: [{ executionArn: x, key: 'open' }],
      });
      const fresh = transition(y, 0, [historyEvent(1)], {
        deleteWork: ['y-pending'],
        addWork: [eventWork(y, 'y-new', 1)],
        addTokens: [tokenRecord(y, 'fresh-token')],
      });
      expect(await store().commit([stale, fresh])).toEqual([false, true]);

      expect(await store().getExecution(x)).toEqual(before);
      expect((await store().getHistory(x, { limit: 10 })).items.map((event) => event.id)).toEqual([1]);
      expect(await store().getTaskToken(tokenRecord(x, 'stale-token').taskToken)).toBeUndefined();
      expect((await store().getTaskToken(tokenRecord(x, 'open').taskToken))?.status).toBe('started');

      expect((await store().getExecution(y))?.version).toBe(1);
      expect((await store().getHistory(y, { limit: 10 })).items.map((event) => event.id)).toEqual([1]);
      expect(await store().getTaskToken(tokenRecord(y, 'fresh-token').taskToken)).toEqual(
        tokenRecord(y, 'fresh-token'),
      );
      expect(await claimedIds()).toEqual(['x-pending', 'y-new']);
    });

    it('chains changes over one execution within a batch, skipping one computed from a used version', async () => {
      await executions();
      const chained = [transition(x, 0, [historyEvent(1)]), transition(x, 1, [historyEvent(2)])];
      expect(await store().commit(chained)).toEqual([true, true]);
      expect((await store().getExecution(x))?.version).toBe(2);

      const twice = [transition(x, 2, [historyEvent(3)]), transition(x, 2, [historyEvent(3, 'TaskStateEntered')])];
      expect(await store().commit(twice)).toEqual([true, false]);
      expect((await store().getExecution(x))?.version).toBe(3);
      expect((await store().getHistory(x, { limit: 10 })).items).toEqual([1, 2, 3].map((id) => historyEvent(id)));
    });

    it('commits a transition once when it is committed concurrently twice', async () => {
      await executions();
      const results = await Promise.all([
        store().commit([transition(x, 0, [historyEvent(1)])]),
        store().commit([transition(x, 0, [historyEvent(1)])]),
      ]);
      expect(results.flat().sort()).toEqual([false, true]);
      expect((await store().getExecution(x))?.version).toBe(1);
    });

    it('skips a change over an execution that does not exist', async () => {
      const missing = transition(executionArn('orders', 'missing'), 0, [historyEvent(1)], {
        addWork: [eventWork(x, 'orphan', 1)],
      });
      expect(await store().commit([missing])).toEqual([false]);
      expect(await claimedIds()).toEqual([]);
    });

    it('applies a change without an execution: work and tokens only', async () => {
      await executions();
      await store().addWork([eventWork(x, 'task-item', 1)]);
      await store().commit([{ addTokens: [tokenRecord(x, 'callback')] }]);
      const outcome: Change = {
        deleteWork: ['task-item', 'unknown-id'],
        addWork: [eventWork(x, 'outcome', 1)],
        closeTokens: [{ executionArn: x, key: 'callback' }],
      };
      expect(await store().commit([outcome])).toEqual([true]);
      expect(await claimedIds()).toEqual(['outcome']);
      expect(await store().getTaskToken(tokenRecord(x, 'callback').taskToken)).toEqual({
        ...tokenRecord(x, 'callback'),
        status: 'closed',
      });
      expect((await store().getExecution(x))?.version).toBe(0);
    });

    it('replaces a work item whose id exists, and deletes work by id', async () => {
      await executions();
      await store().addWork([eventWork(x, 'timer', 500), eventWork(x, 'other', 600)]);
      const replacement = taskWork(x, 'timer', 100);
      expect(await store().commit([transition(x, 0, [], { addWork: [replacement], deleteWork: ['other'] })])).toEqual([
        true,
      ]);
      expect(await store().claimWork(1_000, 10, 1)).toEqual([replacement]);
    });

    it('adds activity tasks and callbacks as task tokens, and closes them by execution and key', async () => {
      await executions();
      const activityTask = tokenRecord(x, 'activity-task', {
        activityArn: 'arn:aws:states:us-east-1:123456789012:activity:pack',
        inputText: '{"box":1}',
        status: 'queued',
      });
      const callback = tokenRecord(x, 'callback');
      await store().commit([transition(x, 0, [], { addTokens: [activityTask, callback] })]);
      expect(await store().getTaskToken(activityTask.taskToken)).toEqual(activityTask);
      expect(await store().getTaskToken(callback.taskToken)).toEqual(callback);

      await store().commit([transition(x, 1, [], { closeTokens: [{ executionArn: x, key: 'callback' }] })]);
      expect((await store().getTaskToken(callback.taskToken))?.status).toBe('closed');
      expect((await store().getTaskToken(activityTask.taskToken))?.status).toBe('queued');
      expect(await store().getTaskToken('no-such-token')).toBeUndefined();
    });
  });
}
