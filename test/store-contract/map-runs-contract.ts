/**
 * The contract of Map Runs: the runs themselves, their child executions (listed by run only) and their counts, and
 * their deletion with their parent execution.
 */
import { describe, expect, it } from 'vitest';
import type { MapRunRecord, Store } from '../../packages/service/src/index.js';
import {
  allPages,
  eventWork,
  executionArn,
  executionRow,
  historyEvent,
  stateMachineArn,
  transition,
} from './fixtures.js';

const mapRunPrefix = 'arn:aws:states:us-east-1:123456789012:mapRun:orders/Fan';

/** The run `id` of the execution `orders:<execution>`, started at `startDate`. */
function mapRunRecord(id: string, execution = 'run-1', overrides: Partial<MapRunRecord> = {}): MapRunRecord {
  return {
    mapRunArn: `${mapRunPrefix}:${id}`,
    executionArn: executionArn('orders', execution),
    stateMachineArn: `${stateMachineArn('orders')}/Fan`,
    status: 'RUNNING',
    startDate: 1_700_000_005_000,
    maxConcurrency: 2,
    toleratedFailureCount: 1,
    toleratedFailurePercentage: 12.5,
    itemCount: 3,
    executionCount: 2,
    ...overrides,
  };
}

/** Inserts the child `name` of the run `id`, started at `startDate`. */
async function insertChild(store: Store, id: string, name: string, startDate: number): Promise<string> {
  const row = executionRow('orders/Fan', name, {
    stateMachineArn: `${stateMachineArn('orders')}/Fan`,
    mapRunArn: `${mapRunPrefix}:${id}`,
    itemCount: name.length,
    startDate,
  });
  await store.insertExecution(row, [eventWork(row.executionArn, `${name}-start`, startDate)]);
  return row.executionArn;
}

/** Describes the Map Run methods of the store `store()` returns. */
export function describeMapRuns(store: () => Store): void {
  describe('Map Runs', () => {
    it('inserts a run and returns it as stored, refuses the same ARN again, and replaces it', async () => {
      const run = mapRunRecord('a');
      expect(await store().insertMapRun(run)).toBe(true);
      expect(await store().getMapRun(run.mapRunArn)).toEqual(run);
      expect(await store().insertMapRun({ ...run, maxConcurrency: 9 })).toBe(false);
      expect(await store().getMapRun(run.mapRunArn)).toEqual(run);
      const { toleratedFailureCount, toleratedFailurePercentage, ...undeclared } = mapRunRecord('b');
      await store().insertMapRun(undeclared);
      expect(await store().getMapRun(undeclared.mapRunArn)).toEqual(undeclared);

      const ended = { ...run, status: 'SUCCEEDED' as const, stopDate: run.startDate + 10, maxConcurrency: 0 };
      expect(await store().updateMapRun(ended)).toBe(true);
      expect(await store().getMapRun(run.mapRunArn)).toEqual(ended);
      const redriven = {
        ...run,
        status: 'RUNNING' as const,
        redriveCount: 1,
        redriveDate: run.startDate + 20,
        writesResults: true,
      };
      expect(await store().updateMapRun(redriven)).toBe(true);
      expect(await store().getMapRun(run.mapRunArn)).toEqual(redriven);
      expect(await store().updateMapRun(mapRunRecord('missing'))).toBe(false);
      expect(await store().getMapRun(`${mapRunPrefix}:missing`)).toBeUndefined();
    });

    it("lists an execution's runs oldest first (start date, then ARN), page by page", async () => {
      for (const [id, startDate] of [
        ['c', 3],
        ['b', 1],
        ['e', 2],
        ['d', 2],
      ] as const) {
        await store().insertMapRun(mapRunRecord(id, 'run-1', { startDate }));
      }
      await store().insertMapRun(mapRunRecord('x', 'run-2', { startDate: 0 }));
      const pages = await allPages((after) =>
        store().listMapRuns(executionArn('orders', 'run-1'), { limit: 2, after }),
      );
      expect(pages.map((page) => page.map((run) => run.mapRunArn.split(':').pop()))).toEqual([
        ['b', 'd'],
        ['e', 'c'],
      ]);
      expect(await store().listMapRuns(executionArn('orders', 'none'), { limit: 10 })).toEqual({ items: [] });
    });

    it("lists a run's children newest first, by run only, and counts them by status", async () => {
      await store().insertMapRun(mapRunRecord('a'));
      const first = await insertChild(store(), 'a', 'c1', 10);
      const second = await insertChild(store(), 'a', 'c2', 20);
      const third = await insertChild(store(), 'a', 'c3', 30);
      await insertChild(store(), 'other', 'o1', 40);
      expect(
        await store().commit([transition(second, 0, [historyEvent(1)], { status: 'FAILED', stopDate: 50 })]),
      ).toEqual([true]);

      const childMachine = `${stateMachineArn('orders')}/Fan`;
      const pages = await allPages((after) =>
        store().listExecutions(childMachine, { limit: 2, after, mapRunArn: `${mapRunPrefix}:a` }),
      );
      expect(pages.map((page) => page.map((e) => e.executionArn))).toEqual([[third, second], [first]]);
      expect(pages[0][0].mapRunArn).toBe(`${mapRunPrefix}:a`);
      const failed = await store().listExecutions(childMachine, {
        limit: 10,
        status: 'FAILED',
        mapRunArn: `${mapRunPrefix}:a`,
      });
      expect(failed.items.map((e) => e.executionArn)).toEqual([second]);
      expect((await store().getExecution(first))?.mapRunArn).toBe(`${mapRunPrefix}:a`);

      expect(await store().countMapRunExecutions(`${mapRunPrefix}:a`)).toEqual({
        RUNNING: { executions: 2, items: 4 },
        FAILED: { executions: 1, items: 2 },
      });
      expect(await store().countMapRunExecutions(`${mapRunPrefix}:none`)).toEqual({});
      // The parent's state machine does not list them.
      expect(await store().listExecutions(stateMachineArn('orders'), { limit: 10 })).toEqual({ items: [] });
    });

    it('deletes the runs of an execution that retention deletes', async () => {
      const parent = executionArn('orders', 'run-1');
      await store().insertExecution(executionRow('orders', 'run-1'), []);
      await store().insertMapRun(mapRunRecord('a'));
      await store().commit([transition(parent, 0, [historyEvent(1)], { status: 'SUCCEEDED', stopDate: 1_000 })]);
      expect(await store().deleteClosedExecutions(2_000, 10)).toBe(1);
      expect(await store().getMapRun(`${mapRunPrefix}:a`)).toBeUndefined();
    });
  });
}
