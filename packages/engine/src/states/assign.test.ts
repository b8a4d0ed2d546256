import { describe, expect, it } from 'vitest';
import { details, run } from '../test-support.js';

describe('workflow variables (JSONPath Assign)', () => {
  it('assigns from the result, records assignedVariables as JSON text, and reads $name later', async () => {
    const r = await run({
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Result: { answer: 42 }, Assign: { theAnswer: 'x', 'copy.$': '$.answer' }, Next: 'B' },
        B: { Type: 'Pass', Parameters: { 'a.$': '$copy', 's.$': "States.Format('{}!', $theAnswer)" }, End: true },
      },
    });
    expect(r.output).toEqual({ a: 42, s: 'x!' });
    expect(details(r.history[2])).toEqual({
      name: 'A',
      output: '{"answer":42}',
      outputDetails: { truncated: false },
      assignedVariables: { theAnswer: '"x"', copy: '42' },
      assignedVariablesDetails: { truncated: false },
    });
  });

  it('evaluates all assignments of a state against the values as of state entry (swap)', async () => {
    const r = await run({
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Assign: { a: 1, b: 2 }, Next: 'Swap' },
        Swap: { Type: 'Pass', Assign: { 'a.$': '$b', 'b.$': '$a' }, Next: 'Out' },
        Out: { Type: 'Pass', Parameters: { 'a.$': '$a', 'b.$': '$b' }, End: true },
      },
    });
    expect(r.output).toEqual({ a: 2, b: 1 });
  });

  it("uses the matched Choice rule's Assign, else the state's", async () => {
    const machine = {
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [{ Variable: '$.n', NumericEquals: 1, Assign: { picked: 'rule' }, Next: 'Out' }],
          Assign: { picked: 'default' },
          Default: 'Out',
        },
        Out: { Type: 'Pass', Parameters: { 'picked.$': '$picked' }, End: true },
      },
    };
    expect((await run(machine, { n: 1 })).output).toEqual({ picked: 'rule' });
    expect((await run(machine, { n: 2 })).output).toEqual({ picked: 'default' });
  });

  it("lets inner scopes read outer variables and a catcher's Assign replace the state's", async () => {
    const r = await run(
      {
        StartAt: 'Set',
        States: {
          Set: { Type: 'Pass', Assign: { bias: 10 }, Next: 'M' },
          M: {
            Type: 'Map',
            ItemProcessor: {
              StartAt: 'Add',
              States: { Add: { Type: 'Pass', Parameters: { 'v.$': 'States.MathAdd($, $bias)' }, End: true } },
            },
            Next: 'T',
          },
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Assign: { outcome: 'ok' },
            Catch: [{ ErrorEquals: ['States.ALL'], Assign: { 'outcome.$': '$.Error' }, Next: 'Out' }],
            Next: 'Out',
          },
          Out: { Type: 'Pass', Parameters: { 'outcome.$': '$outcome' }, End: true },
        },
      },
      [1, 2],
      {
        taskHandlers: {
          T: () => {
            throw Object.assign(new Error('no'), { name: 'Nope' });
          },
        },
      },
    );
    expect(r.history.find((e) => e.type === 'MapStateExited')).toBeDefined();
    expect(r.output).toEqual({ outcome: 'Nope' });
  });
});
