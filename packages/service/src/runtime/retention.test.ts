import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory-store.js';
import type { ExecutionRow } from '../store/records.js';
import { sweepClosedExecutions } from './retention.js';

function row(name: string, status: ExecutionRow['status'], stopDate?: number): ExecutionRow {
  return {
    executionArn: `arn:aws:states:us-east-1:123456789012:execution:m:${name}`,
    stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:m',
    name,
    status,
    startDate: 0,
    stopDate,
    inputText: '{}',
    definition: '{}',
    record: '{}',
    version: 0,
  };
}

describe('sweepClosedExecutions', () => {
  it('deletes the executions closed before the retention period, in batches, and keeps the others', async () => {
    const store = createMemoryStore();
    const day = 24 * 60 * 60 * 1000;
    for (let i = 0; i < 1200; i++) await store.insertExecution(row(`old${i}`, 'SUCCEEDED', 1 * day), []);
    await store.insertExecution(row('recent', 'FAILED', 95 * day), []);
    await store.insertExecution(row('running', 'RUNNING'), []);
    expect(await sweepClosedExecutions(store, 100 * day, 90 * day)).toBe(1200);
    expect(await store.getExecution(row('old0', 'SUCCEEDED').executionArn)).toBeUndefined();
    expect((await store.getExecution(row('recent', 'FAILED').executionArn))?.status).toBe('FAILED');
    expect((await store.getExecution(row('running', 'RUNNING').executionArn))?.status).toBe('RUNNING');
  });
});
