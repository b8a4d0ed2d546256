/**
 * The contract of state machine aliases, and of the executions started through an alias or a version.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '../../packages/service/src/index.js';
import { aliasRecord, allPages, executionArn, executionRow, stateMachineArn, stateMachineRecord } from './fixtures.js';

/** Describes the alias methods of the store `store()` returns. */
export function describeAliases(store: () => Store): void {
  describe('aliases', () => {
    it('inserts an alias and returns it as stored, and refuses the same ARN again', async () => {
      const alias = aliasRecord('orders', 'PROD');
      expect(await store().insertAlias(alias)).toBe(true);
      expect(await store().getAlias(alias.stateMachineAliasArn)).toEqual(alias);
      expect(await store().insertAlias({ ...alias, description: 'again' })).toBe(false);
      expect(await store().getAlias(alias.stateMachineAliasArn)).toEqual(alias);
      expect(await store().getAlias(`${stateMachineArn('orders')}:missing`)).toBeUndefined();
      const { description, ...undescribed } = aliasRecord('orders', 'BARE');
      await store().insertAlias(undescribed);
      expect(await store().getAlias(undescribed.stateMachineAliasArn)).toEqual(undescribed);
    });

    it('replaces an existing alias, reports a missing one without creating it, and deletes one', async () => {
      const alias = aliasRecord('orders', 'PROD');
      await store().insertAlias(alias);
      const updated = {
        ...alias,
        description: 'moved',
        routingConfiguration: [{ stateMachineVersionArn: `${stateMachineArn('orders')}:3`, weight: 100 }],
        updateDate: alias.updateDate + 5,
      };
      expect(await store().updateAlias(updated)).toBe(true);
      expect(await store().getAlias(alias.stateMachineAliasArn)).toEqual(updated);
      const missing = aliasRecord('orders', 'missing');
      expect(await store().updateAlias(missing)).toBe(false);
      expect(await store().getAlias(missing.stateMachineAliasArn)).toBeUndefined();

      await store().deleteAlias(alias.stateMachineAliasArn);
      await store().deleteAlias(alias.stateMachineAliasArn);
      expect(await store().getAlias(alias.stateMachineAliasArn)).toBeUndefined();
    });

    it("lists a state machine's aliases oldest first (creation date, then ARN), page by page", async () => {
      const created: [string, number][] = [
        ['c', 3_000],
        ['b', 1_000],
        ['e', 2_000],
        ['d', 2_000],
        ['a', 4_000],
      ];
      for (const [name, creationDate] of created)
        await store().insertAlias(aliasRecord('orders', name, { creationDate }));
      await store().insertAlias(aliasRecord('other', 'x', { creationDate: 500 }));

      const pages = await allPages((after) => store().listAliases(stateMachineArn('orders'), { limit: 2, after }));
      expect(pages.map((page) => page.map((alias) => alias.name))).toEqual([['b', 'd'], ['e', 'c'], ['a']]);
      expect(pages[0][0]).toEqual(aliasRecord('orders', 'b', { creationDate: 1_000 }));
      expect(await store().listAliases(stateMachineArn('none'), { limit: 10 })).toEqual({ items: [] });
    });

    it('lists only the aliases routing to a version', async () => {
      const version = (n: number) => `${stateMachineArn('orders')}:${n}`;
      const only = (n: number) => [{ stateMachineVersionArn: version(n), weight: 100 }];
      await store().insertAlias(aliasRecord('orders', 'one', { routingConfiguration: only(1), creationDate: 1 }));
      await store().insertAlias(aliasRecord('orders', 'both', { creationDate: 2 }));
      await store().insertAlias(aliasRecord('orders', 'three', { routingConfiguration: only(3), creationDate: 3 }));
      const routingTo = async (n: number) => {
        const pages = await allPages((after) =>
          store().listAliases(stateMachineArn('orders'), { limit: 1, after, stateMachineVersionArn: version(n) }),
        );
        return pages.flat().map((alias) => alias.name);
      };
      expect(await routingTo(1)).toEqual(['one', 'both']);
      expect(await routingTo(2)).toEqual(['both']);
      expect(await routingTo(3)).toEqual(['three']);
      expect(await routingTo(4)).toEqual([]);
    });

    it('deletes the aliases with their state machine, and only those', async () => {
      await store().insertStateMachine(stateMachineRecord('orders'));
      await store().insertAlias(aliasRecord('orders', 'PROD'));
      await store().insertAlias(aliasRecord('other', 'PROD'));
      await store().deleteStateMachine(stateMachineArn('orders'));
      expect(await store().getAlias(aliasRecord('orders', 'PROD').stateMachineAliasArn)).toBeUndefined();
      expect(await store().getAlias(aliasRecord('other', 'PROD').stateMachineAliasArn)).toEqual(
        aliasRecord('other', 'PROD'),
      );
    });
  });

  describe('executions of a version or an alias', () => {
    const versionArn = `${stateMachineArn('orders')}:1`;
    const aliasArn = `${stateMachineArn('orders')}:PROD`;

    it('keeps the version and alias an execution was started through', async () => {
      const row = executionRow('orders', 'run-1', {
        stateMachineVersionArn: versionArn,
        stateMachineAliasArn: aliasArn,
      });
      await store().insertExecution(row, []);
      expect(await store().getExecution(row.executionArn)).toEqual(row);
      const { items } = await store().listExecutions(stateMachineArn('orders'), { limit: 10 });
      expect(items[0]).toMatchObject({ stateMachineVersionArn: versionArn, stateMachineAliasArn: aliasArn });
    });

    it('lists only the executions of a version or of an alias, newest first, page by page, with a status', async () => {
      const starts: [string, number, { stateMachineVersionArn?: string; stateMachineAliasArn?: string }][] = [
        ['plain', 1_000, {}],
        ['version-a', 2_000, { stateMachineVersionArn: versionArn }],
        ['alias-a', 3_000, { stateMachineVersionArn: versionArn, stateMachineAliasArn: aliasArn }],
        [
          'alias-b',
          3_000,
          { stateMachineVersionArn: `${stateMachineArn('orders')}:2`, stateMachineAliasArn: aliasArn },
        ],
        ['version-b', 4_000, { stateMachineVersionArn: versionArn }],
      ];
      for (const [name, startDate, qualifiers] of starts) {
        await store().insertExecution(executionRow('orders', name, { startDate, ...qualifiers }), []);
      }
      await store().insertExecution(
        executionRow('other', 'alien', { stateMachineVersionArn: versionArn, stateMachineAliasArn: aliasArn }),
        [],
      );
      const names = async (filter: {
        stateMachineVersionArn?: string;
        stateMachineAliasArn?: string;
        status?: 'FAILED';
      }) => {
        const pages = await allPages((after) =>
          store().listExecutions(stateMachineArn('orders'), { limit: 2, after, ...filter }),
        );
        return pages.map((page) => page.map((execution) => execution.name));
      };
      expect(await names({ stateMachineVersionArn: versionArn })).toEqual([['version-b', 'alias-a'], ['version-a']]);
      expect(await names({ stateMachineAliasArn: aliasArn })).toEqual([['alias-b', 'alias-a']]);
      const failed = { status: 'FAILED' as const, stopDate: 9_000 };
      await store().commit([
        {
          execution: {
            executionArn: executionArn('orders', 'alias-a'),
            expectedVersion: 0,
            record: '{}',
            ...failed,
          },
        },
      ]);
      expect(await names({ stateMachineAliasArn: aliasArn, status: 'FAILED' })).toEqual([['alias-a']]);
      expect(await names({ stateMachineVersionArn: versionArn, status: 'FAILED' })).toEqual([['alias-a']]);
    });
  });
}
