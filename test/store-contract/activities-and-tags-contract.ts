/**
 * The contract of activities (and handing their queued tasks to workers) and of resource tags.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '../../packages/service/src/index.js';
import { activityRecord, allPages, executionArn, executionRow, stateMachineArn, tokenRecord } from './fixtures.js';

/** Describes the activity, activity task and tag methods of the store `store()` returns. */
export function describeActivitiesAndTags(store: () => Store): void {
  describe('activities', () => {
    it('inserts an activity, refuses its ARN again, and deletes it', async () => {
      const activity = activityRecord('pack');
      expect(await store().insertActivity(activity)).toBe(true);
      expect(await store().insertActivity({ ...activity, creationDate: 5 })).toBe(false);
      expect(await store().getActivity(activity.activityArn)).toEqual(activity);
      await store().deleteActivity(activity.activityArn);
      expect(await store().getActivity(activity.activityArn)).toBeUndefined();
    });

    it('lists activities in ARN order, page by page', async () => {
      for (const name of ['c', 'a', 'b']) await store().insertActivity(activityRecord(name));
      const pages = await allPages((after) => store().listActivities({ limit: 2, after }));
      expect(pages).toEqual([[activityRecord('a'), activityRecord('b')], [activityRecord('c')]]);
    });
  });

  describe('takeActivityTask', () => {
    const pack = activityRecord('pack').activityArn;
    const ship = activityRecord('ship').activityArn;
    const arn = executionArn('orders', 'run-1');
    const queued = (key: string, activityArn: string, createdDate: number) =>
      tokenRecord(arn, key, { activityArn, createdDate, inputText: `{"key":"${key}"}`, status: 'queued' });

    async function tasks(): Promise<void> {
      await store().insertActivity(activityRecord('pack'));
      await store().insertActivity(activityRecord('ship'));
      await store().insertExecution(executionRow('orders', 'run-1'), []);
      const addTokens = [
        queued('third', pack, 300),
        queued('first', pack, 100),
        queued('elsewhere', ship, 50),
        tokenRecord(arn, 'callback', { createdDate: 10 }),
        queued('second', pack, 200),
      ];
      expect(await store().commit([{ addTokens }])).toEqual([true]);
    }

    it('hands out the oldest queued task first, marking it started by the worker', async () => {
      await tasks();
      const first = await store().takeActivityTask(pack, 'worker-1');
      expect(first).toEqual({ ...queued('first', pack, 100), status: 'started', workerName: 'worker-1' });
      expect(await store().getTaskToken(first!.taskToken)).toEqual(first);
      expect((await store().takeActivityTask(pack, 'worker-2'))?.key).toBe('second');
    });

    it('adds the work that records the start in the same write, and only when a task is handed out', async () => {
      await tasks();
      const item = (key: string) => ({
        id: `start-${key}`,
        executionArn: arn,
        dueTime: 5,
        payload: { kind: 'event' as const, event: { type: 'TaskStarted' as const, key, workerName: 'w' } },
      });
      const taken = await store().takeActivityTask(pack, 'w', (task) => [item(task.key)]);
      expect(await store().claimWork(10, 10, 1_000)).toEqual([item(taken!.key)]);
      expect(await store().takeActivityTask(activityRecord('unknown').activityArn, 'w', (t) => [item(t.key)])).toBe(
        undefined,
      );
      expect(await store().claimWork(2_000, 10, 1_000)).toEqual([item(taken!.key)]);
    });

    it('hands out each task once, then nothing', async () => {
      await tasks();
      const taken = [];
      for (let attempt = 0; attempt < 4; attempt++) taken.push((await store().takeActivityTask(pack, 'w'))?.key);
      expect(taken).toEqual(['first', 'second', 'third', undefined]);
      expect(await store().takeActivityTask(activityRecord('unknown').activityArn, 'w')).toBeUndefined();
    });

    it('hands out no closed task, and a task without a worker name when none is given', async () => {
      await tasks();
      await store().commit([{ closeTokens: [{ executionArn: arn, key: 'first' }] }]);
      const taken = await store().takeActivityTask(pack, undefined);
      expect(taken).toEqual({ ...queued('second', pack, 200), status: 'started' });
      expect(taken).not.toHaveProperty('workerName');
    });

    it('keeps queued tasks of a deleted activity', async () => {
      await tasks();
      await store().deleteActivity(ship);
      expect(await store().getTaskToken(queued('elsewhere', ship, 50).taskToken)).toEqual(
        queued('elsewhere', ship, 50),
      );
    });
  });

  describe('tags', () => {
    const orders = stateMachineArn('orders');
    const other = stateMachineArn('other');

    it('adds, overwrites and removes the tags of each resource', async () => {
      expect(await store().getTags(orders)).toEqual({});
      await store().putTags(orders, { team: 'billing', env: 'dev' });
      await store().putTags(other, { team: 'other' });
      await store().putTags(orders, { env: 'prod', owner: 'ana' });
      expect(await store().getTags(orders)).toEqual({ team: 'billing', env: 'prod', owner: 'ana' });

      await store().removeTags(orders, ['team', 'not-there']);
      expect(await store().getTags(orders)).toEqual({ env: 'prod', owner: 'ana' });
      expect(await store().getTags(other)).toEqual({ team: 'other' });
    });
  });
}
