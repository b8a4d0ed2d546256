/**
 * The contract of work items: added, claimed when due under a lease, handed out again once the lease expired.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '../../packages/service/src/index.js';
import { eventWork, executionArn, taskWork } from './fixtures.js';

/** Describes `addWork`, `claimWork` and `nextDueTime` on the store `store()` returns. */
export function describeWork(store: () => Store): void {
  describe('work', () => {
    const arn = executionArn('orders', 'run-1');
    const ids = (items: { id: string }[]) => items.map((item) => item.id);

    it('claims only the items due, oldest due first, up to the limit, payloads as added', async () => {
      const items = [taskWork(arn, 'c', 300), eventWork(arn, 'a', 100), eventWork(arn, 'later', 900)];
      await store().addWork([...items, taskWork(arn, 'b', 200)]);
      expect(await store().claimWork(300, 2, 1_000)).toEqual([items[1], taskWork(arn, 'b', 200)]);
      expect(await store().claimWork(300, 10, 1_000)).toEqual([items[0]]);
      expect(await store().claimWork(300, 10, 1_000)).toEqual([]);
    });

    it('does not hand out leased items again before the lease expires, and does after', async () => {
      await store().addWork([eventWork(arn, 'a', 100), eventWork(arn, 'b', 150)]);
      expect(ids(await store().claimWork(200, 10, 1_000))).toEqual(['a', 'b']);
      expect(await store().claimWork(700, 10, 1_000)).toEqual([]);
      expect(await store().claimWork(1_199, 10, 1_000)).toEqual([]);
      expect(ids(await store().claimWork(1_201, 1, 1_000))).toEqual(['a']);
      expect(ids(await store().claimWork(1_202, 10, 1_000))).toEqual(['b']);
      expect(await store().claimWork(2_000, 10, 1_000)).toEqual([]);
      expect(ids(await store().claimWork(2_203, 10, 1_000))).toEqual(['a', 'b']);
    });

    it('hands each item to one of several concurrent claimers', async () => {
      await store().addWork(['a', 'b', 'c', 'd', 'e'].map((id, index) => eventWork(arn, id, index)));
      const claims = await Promise.all([1, 2, 3].map(() => store().claimWork(10, 2, 60_000)));
      expect(ids(claims.flat()).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    });

    it('replaces an item whose id exists', async () => {
      await store().addWork([eventWork(arn, 'timer', 100)]);
      await store().addWork([taskWork(arn, 'timer', 50)]);
      expect(await store().claimWork(100, 10, 1_000)).toEqual([taskWork(arn, 'timer', 50)]);
    });

    it('tells the earliest due time of the items not under a live lease', async () => {
      expect(await store().nextDueTime(0)).toBeUndefined();
      await store().addWork([eventWork(arn, 'a', 100), eventWork(arn, 'b', 5_000)]);
      expect(await store().nextDueTime(0)).toBe(100);
      expect(ids(await store().claimWork(100, 1, 1_000))).toEqual(['a']);
      expect(await store().nextDueTime(100)).toBe(5_000);
      expect(await store().nextDueTime(1_101)).toBe(100);
      await store().claimWork(5_000, 10, 1_000);
      expect(await store().nextDueTime(5_500)).toBeUndefined();
    });

    it('no longer hands out work deleted by a commit', async () => {
      await store().addWork([eventWork(arn, 'a', 100), eventWork(arn, 'b', 100)]);
      await store().commit([{ deleteWork: ['a'] }]);
      expect(ids(await store().claimWork(100, 10, 1_000))).toEqual(['b']);
      expect(await store().nextDueTime(100)).toBeUndefined();
    });
  });
}
