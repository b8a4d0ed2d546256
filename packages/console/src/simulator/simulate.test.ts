import { describe, expect, it } from 'vitest';
import { simulate } from './simulate.js';

describe('simulate', () => {
  it("shows each stage of a Task's data flow, with a given result", async () => {
    const outcome = await simulate({
      definition: JSON.stringify({
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        InputPath: '$.order',
        Parameters: { 'id.$': '$.id' },
        ResultSelector: { 'total.$': '$.Payload.total' },
        ResultPath: '$.price',
        OutputPath: '$.price',
        End: true,
      }),
      input: '{"order":{"id":7}}',
      taskResult: '{"Payload":{"total":42}}',
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.stages.map((s) => [s.name, s.value])).toEqual([
      ['Input', { order: { id: 7 } }],
      ['InputPath', { id: 7 }],
      ['Parameters', { id: 7 }],
      ['Result', { Payload: { total: 42 } }],
      ['ResultSelector', { total: 42 }],
      ['ResultPath', { order: { id: 7 }, price: { total: 42 } }],
      ['Output', { total: 42 }],
    ]);
  });

  it("says why a state cannot run (AWS's validation message)", async () => {
    const outcome = await simulate({ definition: '{"Type":"Pass","Next":1}', input: '{}' });
    expect(outcome.ok).toBe(false);
  });
});
