/**
 * The `Store` contract suite: every store implementation runs it (`describeStoreContract(name, open)` in its
 * own `*.test.ts`), so the durable runtime can rely on the same behaviour from each.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../packages/service/src/index.js';
import { describeActivitiesAndTags } from './activities-and-tags-contract.js';
import { describeAliases } from './aliases-contract.js';
import { describeCommit } from './commit-contract.js';
import { describeConnections } from './connections-contract.js';
import { describeExecutions } from './executions-contract.js';
import { stateMachineRecord } from './fixtures.js';
import { describeMapRuns } from './map-runs-contract.js';
import { describeStateMachines } from './state-machines-contract.js';
import { describeWork } from './work-contract.js';

/**
 * Describes the whole `Store` contract for the store `open` creates. Each test gets a new, empty store from
 * `open` and closes it afterwards.
 */
export function describeStoreContract(name: string, open: () => Promise<Store> | Store): void {
  describe(`Store contract: ${name}`, () => {
    let current: Store | undefined;
    beforeEach(async () => {
      current = await open();
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });
    const store = (): Store => current!;

    describeStateMachines(store);
    describeAliases(store);
    describeExecutions(store);
    describeMapRuns(store);
    describeCommit(store);
    describeWork(store);
    describeActivitiesAndTags(store);
    describeConnections(store);

    it('closes', async () => {
      const own = await open();
      await own.insertStateMachine(stateMachineRecord('orders'));
      await expect(own.close()).resolves.toBeUndefined();
    });
  });
}
