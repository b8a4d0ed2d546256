/**
 * The contract of state machines and their published versions.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '../../packages/service/src/index.js';
import {
  allPages,
  definitionText,
  executionRow,
  stateMachineArn,
  stateMachineRecord,
  versionRecord,
} from './fixtures.js';

/** Describes the state machine and version methods of the store `store()` returns. */
export function describeStateMachines(store: () => Store): void {
  describe('state machines', () => {
    it('inserts a state machine and returns it as stored, definition byte for byte', async () => {
      const record = stateMachineRecord('orders', { description: 'Handles orders', revisionId: 'r1' });
      expect(await store().insertStateMachine(record)).toBe(true);
      expect(await store().getStateMachine(record.stateMachineArn)).toEqual(record);
      expect((await store().getStateMachine(record.stateMachineArn))?.definition).toBe(definitionText);
      expect(await store().getStateMachine(stateMachineArn('missing'))).toBeUndefined();
    });

    it('refuses a second state machine with the same ARN and keeps the first', async () => {
      const first = stateMachineRecord('orders');
      await store().insertStateMachine(first);
      expect(await store().insertStateMachine({ ...first, roleArn: 'arn:aws:iam::123456789012:role/other' })).toBe(
        false,
      );
      expect(await store().getStateMachine(first.stateMachineArn)).toEqual(first);
    });

    it('replaces an existing state machine, and reports a missing one without creating it', async () => {
      const record = stateMachineRecord('orders');
      await store().insertStateMachine(record);
      const updated = {
        ...record,
        definition: '{"changed":true}',
        updateDate: record.updateDate + 5,
        revisionId: 'r2',
      };
      expect(await store().updateStateMachine(updated)).toBe(true);
      expect(await store().getStateMachine(record.stateMachineArn)).toEqual(updated);

      const missing = stateMachineRecord('missing');
      expect(await store().updateStateMachine(missing)).toBe(false);
      expect(await store().getStateMachine(missing.stateMachineArn)).toBeUndefined();
    });

    it('deletes a state machine with its versions and tags, leaving its executions', async () => {
      const record = stateMachineRecord('orders');
      await store().insertStateMachine(record);
      await store().insertVersion(versionRecord('orders', 1));
      await store().putTags(record.stateMachineArn, { team: 'billing' });
      await store().insertExecution(executionRow('orders', 'run-1'), []);
      await store().insertStateMachine(stateMachineRecord('other'));
      await store().putTags(stateMachineArn('other'), { team: 'other' });

      await store().deleteStateMachine(record.stateMachineArn);

      expect(await store().getStateMachine(record.stateMachineArn)).toBeUndefined();
      expect(await store().getVersion(versionRecord('orders', 1).stateMachineVersionArn)).toBeUndefined();
      expect(await store().listVersions(record.stateMachineArn, { limit: 10 })).toEqual({ items: [] });
      expect(await store().getTags(record.stateMachineArn)).toEqual({});
      expect((await store().getExecution(executionRow('orders', 'run-1').executionArn))?.name).toBe('run-1');
      expect(await store().getStateMachine(stateMachineArn('other'))).toBeDefined();
      expect(await store().getTags(stateMachineArn('other'))).toEqual({ team: 'other' });
    });

    it('lists state machines in ARN order, page by page, the last page without a cursor', async () => {
      for (const name of ['d', 'b', 'e', 'a', 'c']) await store().insertStateMachine(stateMachineRecord(name));
      const pages = await allPages((after) => store().listStateMachines({ limit: 2, after }));
      expect(pages.map((page) => page.map((record) => record.name))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
      expect(pages[0][0]).toEqual(stateMachineRecord('a'));
    });

    it('gives no cursor when the last page is exactly full, and an empty page when there is nothing', async () => {
      expect(await store().listStateMachines({ limit: 2 })).toEqual({ items: [] });
      for (const name of ['a', 'b']) await store().insertStateMachine(stateMachineRecord(name));
      const page = await store().listStateMachines({ limit: 2 });
      expect(page.items).toHaveLength(2);
      expect(page.next).toBeUndefined();
    });
  });

  describe('state machine versions', () => {
    it('records a version, sets latestVersion to its number, and refuses the same version ARN again', async () => {
      const machine = stateMachineRecord('orders');
      await store().insertStateMachine(machine);
      const version = versionRecord('orders', 1);
      expect(await store().insertVersion(version)).toBe(true);
      expect(await store().getVersion(version.stateMachineVersionArn)).toEqual(version);
      expect((await store().getStateMachine(machine.stateMachineArn))?.latestVersion).toBe(1);

      expect(await store().insertVersion(versionRecord('orders', 2))).toBe(true);
      expect((await store().getStateMachine(machine.stateMachineArn))?.latestVersion).toBe(2);

      expect(await store().insertVersion({ ...version, description: 'again' })).toBe(false);
      expect(await store().getVersion(version.stateMachineVersionArn)).toEqual(version);
      expect((await store().getStateMachine(machine.stateMachineArn))?.latestVersion).toBe(2);
      expect(await store().getVersion(`${machine.stateMachineArn}:9`)).toBeUndefined();
    });

    it("lists a state machine's versions newest first, page by page, and deletes one", async () => {
      for (const name of ['orders', 'other']) await store().insertStateMachine(stateMachineRecord(name));
      for (const version of [1, 2, 3]) await store().insertVersion(versionRecord('orders', version));
      await store().insertVersion(versionRecord('other', 1));

      const pages = await allPages((after) => store().listVersions(stateMachineArn('orders'), { limit: 2, after }));
      expect(pages.map((page) => page.map((version) => version.version))).toEqual([[3, 2], [1]]);
      expect(pages[0][0]).toEqual(versionRecord('orders', 3));

      await store().deleteVersion(versionRecord('orders', 2).stateMachineVersionArn);
      expect(await store().getVersion(versionRecord('orders', 2).stateMachineVersionArn)).toBeUndefined();
      const remaining = await store().listVersions(stateMachineArn('orders'), { limit: 10 });
      expect(remaining.items.map((version) => version.version)).toEqual([3, 1]);
      expect(remaining.next).toBeUndefined();
    });
  });
}
