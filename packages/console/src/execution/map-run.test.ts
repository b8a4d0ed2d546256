import { describe, expect, it } from 'vitest';
import type { MapRunCounts, MapRunDescription } from '../api/types.js';
import {
  definingMachineArn,
  isDistributedMap,
  mapRunCountRows,
  mapRunLabel,
  mapRunSettingsFields,
  mapRunUpdateOf,
} from './map-run.js';

const MAP_RUN = 'arn:aws:states:us-east-1:123456789012:mapRun:orders/Items:cf917c58-8d2c-413b-b5a7-55f8db81beae';

const counts = (c: Partial<MapRunCounts>): MapRunCounts => ({
  pending: 0,
  running: 0,
  succeeded: 0,
  failed: 0,
  timedOut: 0,
  aborted: 0,
  total: 0,
  ...c,
});

/** A run as DescribeMapRun answers it (recorded shape: no tolerance declared is 0 and 0). */
const run: MapRunDescription = {
  mapRunArn: MAP_RUN,
  executionArn: 'arn:aws:states:us-east-1:123456789012:execution:orders:e1',
  status: 'RUNNING',
  startDate: 1795259638.347,
  maxConcurrency: 2,
  toleratedFailurePercentage: 0,
  toleratedFailureCount: 1,
  itemCounts: counts({ pending: 2, running: 1, succeeded: 4, failed: 1, total: 8 }),
  executionCounts: counts({ pending: 1, running: 1, succeeded: 2, failed: 1, total: 5 }),
};

describe('isDistributedMap', () => {
  it('is true of a Map whose processor runs DISTRIBUTED, only', () => {
    const processor = (Mode?: string) => ({ StartAt: 'P', States: {}, ...(Mode ? { ProcessorConfig: { Mode } } : {}) });
    expect(isDistributedMap({ Type: 'Map', ItemProcessor: processor('DISTRIBUTED') })).toBe(true);
    expect(isDistributedMap({ Type: 'Map', ItemProcessor: processor('INLINE') })).toBe(false);
    expect(isDistributedMap({ Type: 'Map', ItemProcessor: processor() })).toBe(false);
    expect(isDistributedMap({ Type: 'Map', Iterator: processor() })).toBe(false);
    expect(isDistributedMap({ Type: 'Pass', ItemProcessor: processor('DISTRIBUTED') })).toBe(false);
    expect(isDistributedMap(undefined)).toBe(false);
  });
});

describe('the names in the ARNs', () => {
  it("reads a run's label", () => {
    expect(mapRunLabel(MAP_RUN)).toBe('Items');
  });

  it("finds the machine a Map Run child's machine comes from", () => {
    const machine = 'arn:aws:states:us-east-1:123456789012:stateMachine:orders';
    expect(definingMachineArn(`${machine}/Items`)).toBe(machine);
    expect(definingMachineArn(machine)).toBe(machine);
  });
});

describe('mapRunCountRows', () => {
  it('lists items and executions by status, pending to total', () => {
    expect(mapRunCountRows(run)).toEqual([
      { status: 'Pending', items: 2, executions: 1 },
      { status: 'Running', items: 1, executions: 1 },
      { status: 'Succeeded', items: 4, executions: 2 },
      { status: 'Failed', items: 1, executions: 1 },
      { status: 'Timed out', items: 0, executions: 0 },
      { status: 'Aborted', items: 0, executions: 0 },
      { status: 'Total', items: 8, executions: 5 },
    ]);
  });
});

describe('mapRunUpdateOf', () => {
  it("asks for nothing when the run's settings are unchanged", () => {
    expect(mapRunUpdateOf(mapRunSettingsFields(run), run)).toEqual({});
  });

  it('asks for the changed settings only, and keeps a cleared one', () => {
    const fields = { maxConcurrency: ' 10 ', toleratedFailurePercentage: '12.5', toleratedFailureCount: '' };
    expect(mapRunUpdateOf(fields, run)).toEqual({ maxConcurrency: 10, toleratedFailurePercentage: 12.5 });
  });

  it('leaves the ranges to the server (which answers with AWS’s messages)', () => {
    const fields = { ...mapRunSettingsFields(run), toleratedFailurePercentage: '150' };
    expect(mapRunUpdateOf(fields, run)).toEqual({ toleratedFailurePercentage: 150 });
  });

  it('refuses what is not a number, and a fraction where a whole number is due', () => {
    const fields = mapRunSettingsFields(run);
    expect(() => mapRunUpdateOf({ ...fields, maxConcurrency: 'ten' }, run)).toThrow(
      'Max concurrency must be a whole number, not "ten".',
    );
    expect(() => mapRunUpdateOf({ ...fields, toleratedFailureCount: '1.5' }, run)).toThrow(
      'Tolerated failure count must be a whole number, not "1.5".',
    );
    expect(() => mapRunUpdateOf({ ...fields, toleratedFailurePercentage: '5%' }, run)).toThrow(
      'Tolerated failure percentage must be a number, not "5%".',
    );
  });
});
