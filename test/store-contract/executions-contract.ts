/**
 * The contract of executions: insertion (idempotent), reading, listing, history and retention.
 */
import { describe, expect, it } from 'vitest';
import type { ExecutionRow, Store } from '../../packages/service/src/index.js';
import {
  allPages,
  definitionText,
  eventWork,
  executionArn,
  executionRow,
  historyEvent,
  stateMachineArn,
  tokenRecord,
  transition,
} from './fixtures.js';

/** Describes the execution, history and retention methods of the store `store()` returns. */
export function describeExecutions(store: () => Store): void {
  describe('executions', () => {
    it('inserts an execution with its start work, and returns it as stored', async () => {
      const row = executionRow('orders', 'run-1', {
        stateMachineVersionArn: `${stateMachineArn('orders')}:3`,
      });
      const start = eventWork(row.executionArn, `${row.executionArn}#start`, row.startDate);
      expect(await store().insertExecution(row, [start])).toEqual({ inserted: true });
      expect(await store().getExecution(row.executionArn)).toEqual(row);
      expect((await store().getExecution(row.executionArn))?.definition).toBe(definitionText);
      expect(await store().claimWork(row.startDate, 10, 60_000)).toEqual([start]);
      expect(await store().getExecution(executionArn('orders', 'missing'))).toBeUndefined();
    });

    it('returns the existing execution for a known ARN and writes nothing', async () => {
      const row = executionRow('orders', 'run-1');
      await store().insertExecution(row, [eventWork(row.executionArn, 'first-start', 1)]);
      const again = { ...row, inputText: '{"other":true}', startDate: row.startDate + 1 };
      const result = await store().insertExecution(again, [eventWork(row.executionArn, 'second-start', 1)]);
      expect(result).toEqual({ inserted: false, existing: row });
      expect(await store().getExecution(row.executionArn)).toEqual(row);
      expect((await store().claimWork(10, 10, 60_000)).map((item) => item.id)).toEqual(['first-start']);
    });

    it("lists a state machine's executions newest first (start date, then ARN), page by page", async () => {
      const starts: [string, number][] = [
        ['a', 3_000],
        ['b', 1_000],
        ['c', 2_000],
        ['d', 2_000],
        ['e', 4_000],
      ];
      for (const [name, startDate] of starts)
        await store().insertExecution(executionRow('orders', name, { startDate }), []);
      await store().insertExecution(executionRow('other', 'x', { startDate: 3_500 }), []);

      const pages = await allPages((after) => store().listExecutions(stateMachineArn('orders'), { limit: 2, after }));
      expect(pages.map((page) => page.map((execution) => execution.name))).toEqual([['e', 'a'], ['d', 'c'], ['b']]);
      const { definition, record, version, ...summary } = executionRow('orders', 'e', { startDate: 4_000 });
      expect(pages[0][0]).toMatchObject(summary);
    });

    it('lists only the executions of a status, page by page, with their closing fields', async () => {
      const names = ['a', 'b', 'c', 'd', 'e'];
      for (const [index, name] of names.entries()) {
        await store().insertExecution(executionRow('orders', name, { startDate: 1_000 * (index + 1) }), []);
      }
      const failed = ['a', 'c', 'd'].map((name) =>
        transition(executionArn('orders', name), 0, [], { status: 'FAILED', stopDate: 9_000 }),
      );
      expect(await store().commit(failed)).toEqual([true, true, true]);

      const list = (status: ExecutionRow['status']) =>
        allPages((after) => store().listExecutions(stateMachineArn('orders'), { limit: 2, after, status }));
      const failedPages = await list('FAILED');
      expect(failedPages.map((page) => page.map((execution) => execution.name))).toEqual([['d', 'c'], ['a']]);
      expect(failedPages[0][0]).toMatchObject({ status: 'FAILED', stopDate: 9_000 });
      expect((await list('RUNNING')).flat().map((execution) => execution.name)).toEqual(['e', 'b']);
      expect((await list('SUCCEEDED')).flat()).toEqual([]);
    });
  });

  describe('history', () => {
    const arn = executionArn('orders', 'run-1');
    const events = [1, 2, 3, 4, 5].map((id) =>
      historyEvent(id, id === 1 ? 'ExecutionStarted' : 'PassStateEntered', id === 3 ? undefined : `{"id":${id}}`),
    );

    async function withHistory(): Promise<void> {
      await store().insertExecution(executionRow('orders', 'run-1'), []);
      await store().commit([transition(arn, 0, events.slice(0, 2)), transition(arn, 1, events.slice(2))]);
    }

    it('returns the events by id, ascending, page by page, as stored', async () => {
      await withHistory();
      const pages = await allPages((after) => store().getHistory(arn, { limit: 2, after }));
      expect(pages).toEqual([events.slice(0, 2), events.slice(2, 4), events.slice(4)]);
    });

    it('returns the events descending with `reverse`, page by page', async () => {
      await withHistory();
      const pages = await allPages((after) => store().getHistory(arn, { limit: 3, after, reverse: true }));
      expect(pages.map((page) => page.map((event) => event.id))).toEqual([
        [5, 4, 3],
        [2, 1],
      ]);
      expect(pages[0][2]).toEqual(events[2]);
    });

    it('returns no events for an execution without history', async () => {
      expect(await store().getHistory(executionArn('orders', 'missing'), { limit: 10 })).toEqual({ items: [] });
    });
  });

  describe('deleteClosedExecutions', () => {
    /** Inserts an execution with history, work and a token, closed at `stopDate` unless undefined. */
    async function execution(name: string, stopDate: number | undefined): Promise<string> {
      const arn = executionArn('orders', name);
      await store().insertExecution(executionRow('orders', name), [eventWork(arn, `${name}-start`, 1)]);
      const closing = stopDate === undefined ? {} : { status: 'SUCCEEDED' as const, stopDate };
      const change = transition(arn, 0, [historyEvent(1)], {
        ...closing,
        addWork: [eventWork(arn, `${name}-timer`, 2)],
        addTokens: [tokenRecord(arn, 'task')],
      });
      expect(await store().commit([change])).toEqual([true]);
      return arn;
    }

    it('deletes the executions closed before the date, with their history, work and tokens', async () => {
      const early = await execution('early', 1_000);
      const later = await execution('later', 2_000);
      const running = await execution('running', undefined);
      const recent = await execution('recent', 5_000);

      expect(await store().deleteClosedExecutions(3_000, 10)).toBe(2);

      for (const arn of [early, later]) {
        expect(await store().getExecution(arn)).toBeUndefined();
        expect(await store().getHistory(arn, { limit: 10 })).toEqual({ items: [] });
        expect(await store().getTaskToken(tokenRecord(arn, 'task').taskToken)).toBeUndefined();
      }
      const remainingWork = (await store().claimWork(10, 100, 60_000)).map((item) => item.executionArn);
      expect(new Set(remainingWork)).toEqual(new Set([running, recent]));
      for (const arn of [running, recent]) {
        expect(await store().getExecution(arn)).toBeDefined();
        expect((await store().getHistory(arn, { limit: 10 })).items).toHaveLength(1);
        expect(await store().getTaskToken(tokenRecord(arn, 'task').taskToken)).toBeDefined();
      }
    });

    it('deletes at most `limit` executions per call', async () => {
      for (const [index, name] of ['a', 'b', 'c'].entries()) await execution(name, 1_000 + index);
      expect(await store().deleteClosedExecutions(10_000, 2)).toBe(2);
      expect(await store().deleteClosedExecutions(10_000, 2)).toBe(1);
      expect(await store().deleteClosedExecutions(10_000, 2)).toBe(0);
    });
  });
}
