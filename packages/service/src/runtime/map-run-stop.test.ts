/**
 * A Map Run's cancellation is durable: the transition that cancels it (its Map state aborted, its parent stopped)
 * commits a `stopMapRun` work item, which stops the run's running children and records the run ABORTED even when the
 * coordinator that ran it is gone.
 */
import type { EngineEvent } from '@lockstep/engine';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory-store.js';
import type { MapRunRecord } from '../store/records.js';
import { ExecutionWatch } from './execution-watch.js';
import { stopMapRun } from './map-run-coordinator.js';
import { newExecution } from './new-execution.js';
import { loadExecution, transitionChange } from './transition.js';

const PREFIX = 'arn:aws:states:us-east-1:123456789012';
const MAP_RUN = `${PREFIX}:mapRun:M/Fan:run-1`;

/** A stored execution of `M` (or, with a Map Run, one of its children), on the input `[1,2]`. */
function execution(name: string, definition: object, mapRunArn?: string) {
  const machine = mapRunArn ? 'M/Fan' : 'M';
  const { row, start } = newExecution({
    identity: {
      executionArn: `${PREFIX}:execution:${machine}:${name}`,
      name,
      stateMachineArn: `${PREFIX}:stateMachine:${machine}`,
      stateMachineName: machine,
      roleArn: `arn:aws:iam::123456789012:role/r`,
      region: 'us-east-1',
      type: 'STANDARD',
    },
    definition: JSON.stringify(definition),
    input: [1, 2],
    inputText: '[1,2]',
    startDate: 1_000,
  });
  return { row: mapRunArn ? { ...row, mapRunArn, itemCount: 1 } : row, start };
}

const waitForever = { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 99_999, End: true } } };
const distributedMap = {
  StartAt: 'Fan',
  States: {
    Fan: {
      Type: 'Map',
      Label: 'Fan',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        ...waitForever,
      },
      End: true,
    },
  },
};

describe('a Map Run cancelled', () => {
  it('commits the stopping of its children with the transition that cancels it', () => {
    const { row } = execution('parent', distributedMap);
    const parent = loadExecution(row);
    const started = transitionChange(parent, [{ ...execution('parent', distributedMap).start }], 1_000, () => 0.5);
    const mapRun = started.addWork!.find((w) => w.payload.kind === 'mapRun')!;
    const stop: EngineEvent = { type: 'Stop' };
    const stopped = transitionChange(
      parent,
      [{ id: 'stop', executionArn: row.executionArn, dueTime: 2_000, payload: { kind: 'event', event: stop } }],
      2_000,
      () => 0.5,
    );
    expect(stopped.deleteWork).toContain(mapRun.id);
    const mapRunArn = mapRun.payload.kind === 'mapRun' ? mapRun.payload.request.mapRunArn : '';
    expect(stopped.addWork).toEqual([
      {
        id: `${mapRun.id}:stop`,
        executionArn: row.executionArn,
        dueTime: 2_000,
        payload: { kind: 'stopMapRun', mapRunArn },
      },
    ]);
  });

  it('stops the running children and records the run ABORTED, without its coordinator', async () => {
    const store = createMemoryStore();
    const run: MapRunRecord = {
      mapRunArn: MAP_RUN,
      executionArn: `${PREFIX}:execution:M:parent`,
      stateMachineArn: `${PREFIX}:stateMachine:M/Fan`,
      status: 'RUNNING',
      startDate: 1_000,
      maxConcurrency: 0,
      itemCount: 3,
      executionCount: 3,
    };
    await store.insertMapRun(run);
    for (const name of ['a', 'b']) {
      const { row, start } = execution(name, waitForever, MAP_RUN);
      await store.insertExecution(row, [start]);
    }
    const done = execution('c', waitForever, MAP_RUN);
    await store.insertExecution({ ...done.row, status: 'SUCCEEDED', stopDate: 1_500 }, [done.start]);
    const delivered: string[] = [];
    const host = {
      store,
      clock: () => 3_000,
      closings: new ExecutionWatch(),
      wake() {},
      async deliver(executionArn: string, event: EngineEvent) {
        delivered.push(`${executionArn.split(':').at(-1)}:${event.type}`);
      },
    };
    await stopMapRun(MAP_RUN, host);
    expect(delivered.sort()).toEqual(['a:Stop', 'b:Stop']);
    expect(await store.getMapRun(MAP_RUN)).toEqual({ ...run, status: 'ABORTED', stopDate: 3_000 });
    // Performed again (claimed again after a crash): the run is over, nothing more happens.
    delivered.length = 0;
    await stopMapRun(MAP_RUN, host);
    expect(delivered).toEqual([]);
  });
});
